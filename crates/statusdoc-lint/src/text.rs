//! Text helpers for rules that read descriptions.

/// Normalizes text for comparing two renderings of one document: whitespace folded,
/// typographic quotes and dashes made ASCII, markup leftovers (`*`, `` ` ``) removed.
pub fn normalize_for_comparison(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
            '`' | '*' => continue,
            c => c,
        };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_ignores_quote_style_and_spacing() {
        assert_eq!(
            normalize_for_comparison("The resource’s  current\nversion"),
            normalize_for_comparison("The resource's current version")
        );
        assert_eq!(
            normalize_for_comparison("an `If-None-Match` header"),
            "an If-None-Match header"
        );
    }
}
