//! Writing what users wrote into Markdown safely: a table cell must not break its table (`|`,
//! newlines), inject HTML (`<`, `>`, `&`) or ping people in a pull-request comment (`@`).

/// Escapes text for one cell of a GitHub-flavoured Markdown table.
pub fn cell(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => escaped.push_str("\\|"),
            '\n' | '\r' => escaped.push(' '),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '@' => escaped.push_str("&#64;"),
            '`' => escaped.push_str("&#96;"),
            '*' | '_' | '[' | ']' | '\\' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A code span that shows `text` exactly as written: no entity or backslash escape inside it
/// (GitHub shows those literally in code), a fence longer than any run of backticks in the
/// text, and newlines folded. In a table cell (`in_table`), `|` is escaped, which GitHub's
/// table parser undoes before it reads the span. An empty text is an em dash.
pub fn code(text: &str, in_table: bool) -> String {
    // Most texts (ids, names) need no fence longer than one backtick, no folding, no padding
    // and no escape.
    let needs_care = text.is_empty()
        || text.contains(['\n', '\r', '`'])
        || (in_table && text.contains('|'))
        || (text.starts_with(' ') && text.ends_with(' '));
    if !needs_care {
        return format!("`{text}`");
    }
    let text: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return "—".into();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A span that starts or ends with a backtick, or with spaces at both ends, needs one space
    // of padding on each side, which CommonMark removes again.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let body = if in_table {
        text.replace('|', "\\|")
    } else {
        text
    };
    let space = if pad { " " } else { "" };
    format!("{fence}{space}{body}{space}{fence}")
}

/// A GitHub handle, written so that it does not notify its owner: in a code span, without `@`.
pub fn handle(login: &str) -> String {
    let safe: String = login
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("`{safe}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables_inject_html_or_mention() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(cell("<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(cell("@chairman"), "&#64;chairman");
        assert_eq!(handle("emarsh"), "`emarsh`");
        assert_eq!(handle("evil`|@x"), "`evilx`");
    }

    #[test]
    fn code_spans_show_text_as_written() {
        assert_eq!(code("budget > 10000", true), "`budget > 10000`");
        assert_eq!(code("shift_pct", true), "`shift_pct`");
        assert_eq!(code("a|b", true), "`a\\|b`");
        assert_eq!(code("a|b", false), "`a|b`");
        assert_eq!(code("x `y` z", false), "``x `y` z``");
        assert_eq!(code("`start", false), "`` `start ``");
        assert_eq!(code("two\nlines", false), "`two lines`");
        assert_eq!(code("", false), "—");
    }
}
