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

/// The sentences of a description, lowercased, for phrase checks.
pub(crate) fn sentences(text: &str) -> Vec<String> {
    let lower = normalize_for_comparison(text).to_lowercase();
    lower
        .split(['.', '!', '?', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `text` contains `word` as a whole word.
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a sentence negates what it says ("not", "n't", "never", "no").
pub(crate) fn is_negated(sentence: &str) -> bool {
    ["not", "never", "no", "cannot", "without"]
        .iter()
        .any(|w| has_word(sentence, w))
        || sentence.contains("n't")
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
