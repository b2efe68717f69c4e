//! The template filters: money, numbers, percentages, dates, Markdown cells and Mermaid labels,
//! and for the HTML pages links between them and CSS strings. Every `{{ … }}` a template prints
//! is escaped (for HTML in `.html.j2` templates, for Markdown in the others) unless a filter
//! marks it safe; a filter that marks text safe escapes it for the template's language itself.

use minijinja::{AutoEscape, State, Value};

use crate::markdown;
use crate::numbers::grouped;

fn as_number(value: &Value) -> Option<f64> {
    f64::try_from(value.clone()).ok()
}

/// `{{ amount | number }}`
pub fn number(value: Value) -> Value {
    match as_number(&value) {
        Some(number) => Value::from(grouped(number)),
        None => Value::from("—"),
    }
}

/// `{{ amount | money(currency) }}` → `16,900 USD`
pub fn money(value: Value, currency: Option<String>) -> Value {
    match as_number(&value) {
        Some(number) if number.is_finite() => Value::from(format!(
            "{} {}",
            grouped(number),
            currency.unwrap_or_else(|| "USD".into())
        )),
        Some(number) => Value::from(grouped(number)),
        None => Value::from("—"),
    }
}

/// `{{ rate | percent }}` → `13.59%`; none → `n/a`
pub fn percent(value: Value) -> Value {
    match as_number(&value) {
        Some(number) => Value::from(format!("{}%", grouped(number))),
        None => Value::from("n/a"),
    }
}

/// `{{ "2026-11-15" | date }}` → `15 Nov 2026`
pub fn date(value: Value) -> Value {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(text) = value.as_str() else {
        return Value::from("—");
    };
    match crate::model::date::Date::parse(text) {
        Some(date) => Value::from(format!(
            "{} {} {}",
            date.day,
            MONTHS[(date.month as usize).saturating_sub(1).min(11)],
            date.year
        )),
        None => Value::from(text),
    }
}

/// `{{ text | cell }}`: escaped for a Markdown table cell, explicitly (the default formatter
/// does the same to every printed string).
pub fn cell(state: &State, value: Value) -> Value {
    if is_html(state) {
        return Value::from(display(&value));
    }
    Value::from_safe_string(markdown::cell(&display(&value)))
}

fn is_html(state: &State) -> bool {
    matches!(state.auto_escape(), AutoEscape::Html)
}

/// HTML-escapes text for an element's content or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `{{ id | code }}`: a code span showing the value as written (see [`markdown::code`]); in a
/// table cell by default, `{{ path | code(false) }}` elsewhere.
/// In HTML, `<code>` around the escaped value.
pub fn code(state: &State, value: Value, in_table: Option<bool>) -> Value {
    if is_html(state) {
        return Value::from_safe_string(format!("<code>{}</code>", escape_html(&display(&value))));
    }
    Value::from_safe_string(markdown::code(&display(&value), in_table.unwrap_or(true)))
}

/// `{{ row.file | page }}`: the HTML page of a Markdown report (`report.md` is `index.html`).
pub fn page(value: Value) -> Value {
    let text = display(&value);
    let page = match text.strip_suffix(".md") {
        Some("report") => "index.html".to_string(),
        Some(name) => format!("{name}.html"),
        None => text,
    };
    url(Value::from(page))
}

/// `{{ text | css_string }}`: a quoted CSS string (for `content:` in a stylesheet) in which
/// every character but letters, digits and spaces is a hex escape, so that nothing written can
/// end the string, the rule or the `<style>` element.
pub fn css_string(value: Value) -> Value {
    let text = display(&value);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:06X}", u32::from(c)));
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// The words that begin a statement in the Mermaid charts folio draws (gantt, quadrant,
/// xychart, pie): a label that starts with one would be read as that statement.
const MERMAID_KEYWORDS: [&str; 27] = [
    "title",
    "dateformat",
    "axisformat",
    "tickinterval",
    "todaymarker",
    "excludes",
    "includes",
    "weekday",
    "weekend",
    "section",
    "click",
    "call",
    "href",
    "acctitle",
    "accdescr",
    "inclusiveenddates",
    "topaxis",
    "displaymode",
    "gantt",
    "x-axis",
    "y-axis",
    "quadrant-1",
    "quadrant-2",
    "quadrant-3",
    "quadrant-4",
    "line",
    "bar",
];

/// `{{ text | mermaid }}`: a label safe inside a Mermaid block (letters, digits, spaces and a
/// few signs; at most 60 characters), which can never begin a statement: one whose first word
/// is a Mermaid keyword is marked with `‣ `.
pub fn mermaid(state: &State, value: Value) -> Value {
    let text = display(&value);
    if is_html(state) {
        return Value::from(text);
    }
    let mut label: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.".contains(c) {
                c
            } else {
                ' '
            }
        })
        .take(60)
        .collect();
    label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        label.push('-');
    }
    let first = label
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if MERMAID_KEYWORDS.contains(&first.as_str()) {
        label.insert_str(0, "‣ ");
    }
    Value::from_safe_string(label)
}

/// `{{ text | short(80) }}`: at most that many characters, with `…` when cut.
pub fn short(value: Value, limit: usize) -> Value {
    let text = display(&value);
    if text.chars().count() <= limit {
        return value;
    }
    let cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    Value::from(format!("{cut}…"))
}

/// `{{ path | url }}`: a relative link target, percent-encoded but for letters, digits and
/// `/._-`, so that no file name can break a link or a table.
pub fn url(value: Value) -> Value {
    let text = display(&value);
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    Value::from_safe_string(encoded)
}

/// How a value prints: none as an em dash.
pub fn display(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        "—".into()
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_labels_read_well() {
        assert_eq!(date(Value::from("2026-11-05")).to_string(), "5 Nov 2026");
        let environment = minijinja::Environment::new();
        let state = environment.empty_state();
        let label = |text: &str| mermaid(&state, Value::from(text)).to_string();
        assert_eq!(label("Auth: \"shared\" [v2]"), "Auth shared v2");
        assert_eq!(label("dateFormat YYYY"), "‣ dateFormat YYYY");
        assert_eq!(label("%% click"), "‣ click");
        assert_eq!(label("Titles"), "Titles");
    }

    #[test]
    fn css_strings_cannot_close_anything() {
        let css = css_string(Value::from("A \"b\" </style> ; } \\")).to_string();
        assert_eq!(
            css,
            "\"A \\000022b\\000022 \\00003C\\00002Fstyle\\00003E \\00003B \\00007D \\00005C\""
        );
        assert_eq!(page(Value::from("report.md")).to_string(), "index.html");
        assert_eq!(page(Value::from("gates.md")).to_string(), "gates.html");
    }
}
