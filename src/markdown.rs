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
}
