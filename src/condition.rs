//! Governance `when` conditions: minijinja expressions over a decision's facts, parsed (and,
//! for `folio diff`, evaluated) with a bounded amount of work.

use std::collections::BTreeSet;

use minijinja::Environment;

/// Fuel for one condition: far more than any real condition needs, and a bound on a hostile
/// one.
const FUEL: u64 = 10_000;

/// Why a condition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    /// Byte offset of the problem in the expression, when the parser gives one.
    pub offset: Option<usize>,
    pub message: String,
}

fn environment() -> Environment<'static> {
    let mut environment = Environment::new();
    environment.set_fuel(Some(FUEL));
    environment.set_debug(true);
    environment
}

/// Parses a condition and returns the variables it reads.
pub fn parse(expression: &str) -> Result<BTreeSet<String>, ConditionError> {
    let environment = environment();
    match environment.compile_expression(expression) {
        Ok(compiled) => Ok(compiled.undeclared_variables(false).into_iter().collect()),
        Err(error) => Err(ConditionError {
            offset: error.range().map(|range| range.start),
            message: error
                .detail()
                .map_or_else(|| error.kind().to_string(), str::to_string),
        }),
    }
}

/// Evaluates a condition over a decision's facts (a JSON object): whether it holds.
pub fn evaluate(expression: &str, facts: &serde_json::Value) -> Result<bool, ConditionError> {
    let environment = environment();
    let failed = |error: minijinja::Error| ConditionError {
        offset: error.range().map(|range| range.start),
        message: error
            .detail()
            .map_or_else(|| error.kind().to_string(), str::to_string),
    };
    let compiled = environment.compile_expression(expression).map_err(failed)?;
    let context =
        <minijinja::Value as serde::Deserialize>::deserialize(facts.clone()).map_err(|error| {
            ConditionError {
                offset: None,
                message: error.to_string(),
            }
        })?;
    let value = compiled.eval(context).map_err(failed)?;
    Ok(value.is_true())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_parse_and_name_their_variables() {
        let variables = parse("budget > 10000 and shift_pct > 20").expect("parses");
        assert_eq!(
            variables.into_iter().collect::<Vec<_>>(),
            ["budget", "shift_pct"]
        );
        let error = parse("budget >> 10000").expect_err("does not parse");
        assert!(error.offset.is_some());
    }

    #[test]
    fn conditions_evaluate_over_facts() {
        let facts = serde_json::json!({"budget": 25000, "shift_pct": 20.0});
        assert_eq!(evaluate("budget > 10000", &facts), Ok(true));
        assert_eq!(evaluate("shift_pct > 20", &facts), Ok(false));
        // A hostile condition runs out of fuel instead of hanging.
        assert!(evaluate("range(100000) | list | length > 0", &facts).is_err());
    }
}
