//! Governance `when` conditions: minijinja expression syntax, parsed by minijinja's own parser,
//! then type-checked against a decision type's facts and evaluated here. A condition that
//! cannot be judged — it does not parse, reads a fact its type lacks, compares a number with a
//! text, does not yield true or false, or reads a fact that is absent or not finite — is an
//! error, never a quiet `false`: the caller requires the approval.
//!
//! The supported subset: facts by name; number, text and boolean literals and lists of them;
//! `not`, `and`, `or`; `== != < <= > >=` (chained too), `in`, `not in`; `+ - * / // % **`, `~`;
//! `x if c else y`; and the filters `length`, `lower`, `upper`, `abs`.

use std::collections::BTreeSet;

use minijinja::machinery::ast::{BinOpKind, CompareOpKind, Expr, UnaryOpKind};
use minijinja::value::ValueKind;

use super::facts::{Fact, FactType};

/// Why a condition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    /// Byte offset of the problem in the expression, when known.
    pub offset: Option<usize>,
    pub message: String,
}

impl ConditionError {
    fn at(expr: &Expr<'_>, message: impl Into<String>) -> ConditionError {
        ConditionError {
            offset: Some(expr.span().start_offset as usize),
            message: message.into(),
        }
    }
}

/// The type of a sub-expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Number,
    Flag,
    TextList,
    NumberList,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Type::Text => "a text",
            Type::Number => "a number",
            Type::Flag => "true or false",
            Type::TextList => "a list of texts",
            Type::NumberList => "a list of numbers",
        }
    }

    fn of_fact(fact: FactType) -> Type {
        match fact {
            FactType::Text => Type::Text,
            FactType::Number => Type::Number,
            FactType::Flag => Type::Flag,
            FactType::List => Type::TextList,
        }
    }
}

/// A value while evaluating.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    Flag(bool),
    TextList(Vec<String>),
    NumberList(Vec<f64>),
}

impl Value {
    /// A list of evaluated items, which type-checking made all numbers or all texts.
    fn list(items: Vec<Value>) -> Value {
        if items.iter().all(|item| matches!(item, Value::Number(_))) {
            Value::NumberList(
                items
                    .into_iter()
                    .filter_map(|item| match item {
                        Value::Number(number) => Some(number),
                        _ => None,
                    })
                    .collect(),
            )
        } else {
            Value::TextList(
                items
                    .into_iter()
                    .filter_map(|item| match item {
                        Value::Text(text) => Some(text),
                        _ => None,
                    })
                    .collect(),
            )
        }
    }
}

/// The facts a condition may read, with their types.
pub type Vocabulary = [(&'static str, FactType)];

/// The longest condition folio reads: far more than any real condition, and a bound on the
/// depth of the expression tree that checking and evaluating walk.
pub const MAX_LENGTH: usize = 1000;

fn parse(expression: &str) -> Result<Expr<'_>, ConditionError> {
    if expression.len() > MAX_LENGTH {
        return Err(ConditionError {
            offset: None,
            message: format!(
                "the condition is {} bytes long; expected at most {MAX_LENGTH}",
                expression.len()
            ),
        });
    }
    minijinja::machinery::parse_expr(expression).map_err(|error| ConditionError {
        offset: error.range().map(|range| range.start),
        message: error
            .detail()
            .map_or_else(|| error.kind().to_string(), str::to_string),
    })
}

/// Parses and type-checks a condition; returns the facts it reads.
pub fn check(
    expression: &str,
    vocabulary: &Vocabulary,
) -> Result<BTreeSet<String>, ConditionError> {
    let expr = parse(expression)?;
    let mut reads = BTreeSet::new();
    let found = infer(&expr, vocabulary, &mut reads)?;
    if found != Type::Flag {
        return Err(ConditionError::at(
            &expr,
            format!(
                "the condition yields {}; expected true or false",
                found.name()
            ),
        ));
    }
    Ok(reads)
}

/// Evaluates a condition over a decision's facts: whether it holds. Every error means the
/// condition cannot say, so the approval it guards is required.
pub fn evaluate(
    expression: &str,
    vocabulary: &Vocabulary,
    facts: &dyn Fn(&str) -> Option<Fact>,
) -> Result<bool, ConditionError> {
    check(expression, vocabulary)?;
    let expr = parse(expression)?;
    match eval(&expr, facts)? {
        Value::Flag(flag) => Ok(flag),
        _ => Err(ConditionError::at(
            &expr,
            "the condition yields no true or false",
        )),
    }
}

fn infer(
    expr: &Expr<'_>,
    vocabulary: &Vocabulary,
    reads: &mut BTreeSet<String>,
) -> Result<Type, ConditionError> {
    let mut infer_in = |inner: &Expr<'_>| infer(inner, vocabulary, reads);
    match expr {
        Expr::Var(var) => {
            let Some((_, fact)) = vocabulary.iter().find(|(name, _)| *name == var.id) else {
                let offered: Vec<&str> = vocabulary.iter().map(|(name, _)| *name).collect();
                let expected = if offered.is_empty() {
                    "this decision type has no facts, so no condition applies".to_string()
                } else {
                    format!("expected one of {}", offered.join(", "))
                };
                return Err(ConditionError::at(
                    expr,
                    format!(
                        "{:?} is not a fact of this decision type; {expected}",
                        var.id
                    ),
                ));
            };
            reads.insert(var.id.to_string());
            Ok(Type::of_fact(*fact))
        }
        Expr::Const(constant) => constant_type(&constant.value).ok_or_else(|| {
            ConditionError::at(
                expr,
                format!(
                    "{} is not a value a fact can have; expected a number, a text, true or false",
                    constant.value
                ),
            )
        }),
        Expr::List(list) => {
            let mut element = None;
            for item in &list.items {
                let found = infer(item, vocabulary, reads)?;
                if !matches!(found, Type::Text | Type::Number) {
                    return Err(ConditionError::at(
                        item,
                        format!("a list holds texts or numbers, not {}", found.name()),
                    ));
                }
                if element.is_some_and(|element| element != found) {
                    return Err(ConditionError::at(
                        item,
                        "a list mixes texts and numbers; expected one type",
                    ));
                }
                element = Some(found);
            }
            match element {
                Some(Type::Number) => Ok(Type::NumberList),
                Some(_) => Ok(Type::TextList),
                None => Err(ConditionError::at(
                    expr,
                    "an empty list; expected at least one value",
                )),
            }
        }
        Expr::UnaryOp(op) => {
            let found = infer_in(&op.expr)?;
            let wanted = match op.op {
                UnaryOpKind::Not => Type::Flag,
                UnaryOpKind::Neg => Type::Number,
            };
            expect(&op.expr, found, wanted)?;
            Ok(wanted)
        }
        Expr::BinOp(op) => {
            let left = infer_in(&op.left)?;
            let right = infer_in(&op.right)?;
            binary_type(expr, op.op, (&op.left, left), (&op.right, right))
        }
        Expr::Compare(compare) => {
            let mut left = infer_in(&compare.expr)?;
            let mut left_expr = &compare.expr;
            for step in &compare.ops {
                let right = infer(&step.expr, vocabulary, reads)?;
                binary_type(
                    expr,
                    compare_kind(step.op),
                    (left_expr, left),
                    (&step.expr, right),
                )?;
                left = right;
                left_expr = &step.expr;
            }
            Ok(Type::Flag)
        }
        Expr::IfExpr(choice) => {
            let test = infer_in(&choice.test_expr)?;
            expect(&choice.test_expr, test, Type::Flag)?;
            let Some(otherwise) = &choice.false_expr else {
                return Err(ConditionError::at(
                    expr,
                    "an `if` without `else` can yield nothing; add an `else` branch",
                ));
            };
            let then = infer_in(&choice.true_expr)?;
            let other = infer_in(otherwise)?;
            expect(otherwise, other, then)?;
            Ok(then)
        }
        Expr::Filter(filter) => {
            let Some(inner) = &filter.expr else {
                return Err(ConditionError::at(expr, "a filter needs a value"));
            };
            if !filter.args.is_empty() {
                return Err(ConditionError::at(
                    expr,
                    format!("the filter {:?} takes no arguments here", filter.name),
                ));
            }
            let found = infer_in(inner)?;
            match (filter.name, found) {
                ("length", Type::Text | Type::TextList | Type::NumberList) => Ok(Type::Number),
                ("lower" | "upper", Type::Text) => Ok(Type::Text),
                ("abs", Type::Number) => Ok(Type::Number),
                ("length" | "lower" | "upper" | "abs", found) => Err(ConditionError::at(
                    expr,
                    format!("the filter {:?} cannot take {}", filter.name, found.name()),
                )),
                (name, _) => Err(ConditionError::at(
                    expr,
                    format!(
                        "the filter {name:?} is not supported in a condition; expected length, lower, upper or abs"
                    ),
                )),
            }
        }
        other => Err(ConditionError::at(
            other,
            format!(
                "a {} is not supported in a condition; expected facts, values, comparisons, `in`, `and`, `or`, `not` and arithmetic",
                other.description()
            ),
        )),
    }
}

fn compare_kind(op: CompareOpKind) -> BinOpKind {
    match op {
        CompareOpKind::Eq => BinOpKind::Eq,
        CompareOpKind::Ne => BinOpKind::Ne,
        CompareOpKind::Lt => BinOpKind::Lt,
        CompareOpKind::Lte => BinOpKind::Lte,
        CompareOpKind::Gt => BinOpKind::Gt,
        CompareOpKind::Gte => BinOpKind::Gte,
        // `not in` has the types of `in`
        CompareOpKind::In | CompareOpKind::NotIn => BinOpKind::In,
    }
}

fn constant_type(value: &minijinja::Value) -> Option<Type> {
    match value.kind() {
        ValueKind::Number => Some(Type::Number),
        ValueKind::String => Some(Type::Text),
        ValueKind::Bool => Some(Type::Flag),
        ValueKind::Seq => {
            let items: Vec<minijinja::Value> = value.try_iter().ok()?.collect();
            let first = constant_type(items.first()?)?;
            let same = items.iter().all(|item| constant_type(item) == Some(first));
            match (same, first) {
                (true, Type::Number) => Some(Type::NumberList),
                (true, Type::Text) => Some(Type::TextList),
                _ => None,
            }
        }
        _ => None,
    }
}

fn expect(expr: &Expr<'_>, found: Type, wanted: Type) -> Result<(), ConditionError> {
    if found == wanted {
        Ok(())
    } else {
        Err(ConditionError::at(
            expr,
            format!("this is {}; expected {}", found.name(), wanted.name()),
        ))
    }
}

fn binary_type(
    whole: &Expr<'_>,
    op: BinOpKind,
    (left_expr, left): (&Expr<'_>, Type),
    (right_expr, right): (&Expr<'_>, Type),
) -> Result<Type, ConditionError> {
    let mismatch = |wanted: &str| {
        ConditionError::at(
            whole,
            format!(
                "compares {} with {}; expected {wanted}",
                left.name(),
                right.name()
            ),
        )
    };
    match op {
        BinOpKind::ScAnd | BinOpKind::ScOr => {
            expect(left_expr, left, Type::Flag)?;
            expect(right_expr, right, Type::Flag)?;
            Ok(Type::Flag)
        }
        BinOpKind::Eq | BinOpKind::Ne => {
            if left == right {
                Ok(Type::Flag)
            } else {
                Err(mismatch("two values of the same type"))
            }
        }
        BinOpKind::Lt | BinOpKind::Lte | BinOpKind::Gt | BinOpKind::Gte => match (left, right) {
            (Type::Number, Type::Number) | (Type::Text, Type::Text) => Ok(Type::Flag),
            _ => Err(mismatch("two numbers or two texts")),
        },
        BinOpKind::In => match (left, right) {
            (Type::Text, Type::TextList | Type::Text) | (Type::Number, Type::NumberList) => {
                Ok(Type::Flag)
            }
            _ => Err(ConditionError::at(
                whole,
                format!(
                    "looks for {} in {}; expected a text in a list of texts or a text, or a number in a list of numbers",
                    left.name(),
                    right.name()
                ),
            )),
        },
        BinOpKind::Add
        | BinOpKind::Sub
        | BinOpKind::Mul
        | BinOpKind::Div
        | BinOpKind::FloorDiv
        | BinOpKind::Rem
        | BinOpKind::Pow => {
            expect(left_expr, left, Type::Number)?;
            expect(right_expr, right, Type::Number)?;
            Ok(Type::Number)
        }
        BinOpKind::Concat => {
            expect(left_expr, left, Type::Text)?;
            expect(right_expr, right, Type::Text)?;
            Ok(Type::Text)
        }
    }
}

fn eval(expr: &Expr<'_>, facts: &dyn Fn(&str) -> Option<Fact>) -> Result<Value, ConditionError> {
    match expr {
        Expr::Var(var) => {
            let fact = facts(var.id).unwrap_or(Fact::Absent);
            let unusable =
                |why: &str| ConditionError::at(expr, format!("the fact {:?} is {why}", var.id));
            match fact {
                Fact::Text(text) => Ok(Value::Text(text)),
                Fact::Number(number) if number.is_finite() => Ok(Value::Number(number)),
                Fact::Number(_) => Err(unusable("not a finite number")),
                Fact::Flag(flag) => Ok(Value::Flag(flag)),
                Fact::List(items) => Ok(Value::TextList(items)),
                Fact::Absent => Err(unusable("absent")),
            }
        }
        Expr::Const(constant) => constant_value(&constant.value)
            .ok_or_else(|| ConditionError::at(expr, "a value a fact cannot have")),
        Expr::List(list) => {
            let values = list
                .items
                .iter()
                .map(|item| eval(item, facts))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Value::list(values))
        }
        Expr::UnaryOp(op) => match (&op.op, eval(&op.expr, facts)?) {
            (UnaryOpKind::Not, Value::Flag(flag)) => Ok(Value::Flag(!flag)),
            (UnaryOpKind::Neg, Value::Number(number)) => Ok(Value::Number(-number)),
            _ => Err(ConditionError::at(expr, "an operand of the wrong type")),
        },
        Expr::BinOp(op) => match op.op {
            BinOpKind::ScAnd | BinOpKind::ScOr => {
                let left = flag(&op.left, eval(&op.left, facts)?)?;
                let decided = matches!(op.op, BinOpKind::ScOr) == left;
                if decided {
                    Ok(Value::Flag(left))
                } else {
                    Ok(Value::Flag(flag(&op.right, eval(&op.right, facts)?)?))
                }
            }
            kind => binary(expr, kind, eval(&op.left, facts)?, eval(&op.right, facts)?),
        },
        Expr::Compare(compare) => {
            let mut left = eval(&compare.expr, facts)?;
            for step in &compare.ops {
                let right = eval(&step.expr, facts)?;
                let holds = flag(
                    expr,
                    binary(expr, compare_kind(step.op), left, right.clone())?,
                )?;
                let holds = if matches!(step.op, CompareOpKind::NotIn) {
                    !holds
                } else {
                    holds
                };
                if !holds {
                    return Ok(Value::Flag(false));
                }
                left = right;
            }
            Ok(Value::Flag(true))
        }
        Expr::IfExpr(choice) => {
            let test = flag(&choice.test_expr, eval(&choice.test_expr, facts)?)?;
            match (test, &choice.false_expr) {
                (true, _) => eval(&choice.true_expr, facts),
                (false, Some(otherwise)) => eval(otherwise, facts),
                (false, None) => Err(ConditionError::at(expr, "an `if` without `else`")),
            }
        }
        Expr::Filter(filter) => {
            let Some(inner) = &filter.expr else {
                return Err(ConditionError::at(expr, "a filter needs a value"));
            };
            match (filter.name, eval(inner, facts)?) {
                ("length", Value::Text(text)) => Ok(Value::Number(text.chars().count() as f64)),
                ("length", Value::TextList(items)) => Ok(Value::Number(items.len() as f64)),
                ("length", Value::NumberList(items)) => Ok(Value::Number(items.len() as f64)),
                ("lower", Value::Text(text)) => Ok(Value::Text(text.to_lowercase())),
                ("upper", Value::Text(text)) => Ok(Value::Text(text.to_uppercase())),
                ("abs", Value::Number(number)) => Ok(Value::Number(number.abs())),
                _ => Err(ConditionError::at(
                    expr,
                    "a filter that cannot take this value",
                )),
            }
        }
        other => Err(ConditionError::at(other, "not supported in a condition")),
    }
}

fn constant_value(value: &minijinja::Value) -> Option<Value> {
    match value.kind() {
        ValueKind::Number => f64::try_from(value.clone()).ok().map(Value::Number),
        ValueKind::String => value.as_str().map(|text| Value::Text(text.to_string())),
        ValueKind::Bool => Some(Value::Flag(value.is_true())),
        ValueKind::Seq => {
            let items: Vec<Value> = value
                .try_iter()
                .ok()?
                .map(|item| constant_value(&item))
                .collect::<Option<_>>()?;
            Some(Value::list(items))
        }
        _ => None,
    }
}

fn flag(expr: &Expr<'_>, value: Value) -> Result<bool, ConditionError> {
    match value {
        Value::Flag(flag) => Ok(flag),
        _ => Err(ConditionError::at(expr, "expected true or false")),
    }
}

fn binary(
    expr: &Expr<'_>,
    op: BinOpKind,
    left: Value,
    right: Value,
) -> Result<Value, ConditionError> {
    let fail = |message: &str| Err(ConditionError::at(expr, message.to_string()));
    let result = match (op, left, right) {
        (BinOpKind::Eq, left, right) => Value::Flag(left == right),
        (BinOpKind::Ne, left, right) => Value::Flag(left != right),
        (BinOpKind::Lt, Value::Number(a), Value::Number(b)) => Value::Flag(a < b),
        (BinOpKind::Lte, Value::Number(a), Value::Number(b)) => Value::Flag(a <= b),
        (BinOpKind::Gt, Value::Number(a), Value::Number(b)) => Value::Flag(a > b),
        (BinOpKind::Gte, Value::Number(a), Value::Number(b)) => Value::Flag(a >= b),
        (BinOpKind::Lt, Value::Text(a), Value::Text(b)) => Value::Flag(a < b),
        (BinOpKind::Lte, Value::Text(a), Value::Text(b)) => Value::Flag(a <= b),
        (BinOpKind::Gt, Value::Text(a), Value::Text(b)) => Value::Flag(a > b),
        (BinOpKind::Gte, Value::Text(a), Value::Text(b)) => Value::Flag(a >= b),
        (BinOpKind::In, Value::Text(a), Value::TextList(b)) => Value::Flag(b.contains(&a)),
        (BinOpKind::In, Value::Text(a), Value::Text(b)) => Value::Flag(b.contains(&a)),
        (BinOpKind::In, Value::Number(a), Value::NumberList(b)) => Value::Flag(b.contains(&a)),
        (BinOpKind::Concat, Value::Text(a), Value::Text(b)) => Value::Text(a + &b),
        (op, Value::Number(a), Value::Number(b)) => {
            let number = match op {
                BinOpKind::Add => a + b,
                BinOpKind::Sub => a - b,
                BinOpKind::Mul => a * b,
                BinOpKind::Div if b == 0.0 => return fail("a division by zero"),
                BinOpKind::Div => a / b,
                BinOpKind::FloorDiv if b == 0.0 => return fail("a division by zero"),
                BinOpKind::FloorDiv => (a / b).floor(),
                BinOpKind::Rem if b == 0.0 => return fail("a division by zero"),
                BinOpKind::Rem => a % b,
                BinOpKind::Pow => a.powf(b),
                _ => return fail("an operator that cannot take two numbers"),
            };
            if !number.is_finite() {
                return fail("the arithmetic gives a number that is not finite");
            }
            Value::Number(number)
        }
        _ => return fail("operands of the wrong types"),
    };
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAUNCH: &Vocabulary = &[
        ("initiative", FactType::Text),
        ("budget", FactType::Number),
        ("ventures", FactType::List),
        ("escalated", FactType::Flag),
    ];

    fn facts(name: &str) -> Option<Fact> {
        match name {
            "initiative" => Some(Fact::text("AUTH")),
            "budget" => Some(Fact::Number(25_000.0)),
            "ventures" => Some(Fact::List(vec!["a".into(), "b".into()])),
            "escalated" => Some(Fact::Flag(true)),
            _ => None,
        }
    }

    fn holds(expression: &str) -> Result<bool, ConditionError> {
        evaluate(expression, LAUNCH, &facts)
    }

    #[test]
    fn well_typed_conditions_evaluate() {
        assert_eq!(holds("budget > 10000"), Ok(true));
        assert_eq!(holds("budget > 30000"), Ok(false));
        assert_eq!(holds("escalated"), Ok(true));
        assert_eq!(holds("not escalated or budget >= 25000"), Ok(true));
        assert_eq!(holds("'a' in ventures and 'c' not in ventures"), Ok(true));
        assert_eq!(holds("ventures | length > 2"), Ok(false));
        assert_eq!(holds("initiative | lower == 'auth'"), Ok(true));
        assert_eq!(holds("1000 < budget <= 25000"), Ok(true));
        assert_eq!(holds("budget * 12 / 2 > 100000"), Ok(true));
        assert_eq!(holds("initiative in ['AUTH', 'PAY']"), Ok(true));
    }

    #[test]
    fn conditions_that_cannot_be_judged_are_errors_with_a_position() {
        let unknown = check("budgett > 10000", LAUNCH).expect_err("unknown fact");
        assert_eq!(unknown.offset, Some(0));
        assert!(unknown.message.contains("\"budgett\" is not a fact"));
        let mixed = check("budget > \"10000\"", LAUNCH).expect_err("number with text");
        assert!(mixed.message.contains("compares a number with a text"));
        let not_boolean = check("budget + 1", LAUNCH).expect_err("a number");
        assert!(not_boolean.message.contains("expected true or false"));
        assert!(check("budget >> 10000", LAUNCH).is_err());
        assert!(check("range(10) | length > 1", LAUNCH).is_err());
        assert!(check("budget and escalated", LAUNCH).is_err());
        assert!(check("ventures.0 == 'a'", LAUNCH).is_err());
        assert!(check("budget == none", LAUNCH).is_err());
    }

    #[test]
    fn absent_and_non_finite_facts_cannot_be_read() {
        let absent = |name: &str| match name {
            "budget" => Some(Fact::Absent),
            other => facts(other),
        };
        let error = evaluate("budget > 10000", LAUNCH, &absent).expect_err("absent");
        assert!(error.message.contains("absent"));
        let infinite = |name: &str| match name {
            "budget" => Some(Fact::Number(f64::INFINITY)),
            other => facts(other),
        };
        assert!(evaluate("budget > 10000", LAUNCH, &infinite).is_err());
        // A condition that does not read the absent fact is still judged.
        assert_eq!(evaluate("escalated", LAUNCH, &absent), Ok(true));
        assert!(holds("budget / 0 > 1").is_err());
    }

    #[test]
    fn hostile_conditions_end_in_an_error() {
        let deep = format!("{}budget > 1{}", "(".repeat(5000), ")".repeat(5000));
        assert!(check(&deep, LAUNCH).is_err());
        let long = vec!["budget > 1"; 60].join(" and ");
        assert_eq!(holds(&long), Ok(true));
        let too_long = vec!["budget > 1"; 2000].join(" and ");
        assert!(holds(&too_long).is_err());
    }
}
