//! Numeric limits stated in descriptions: "maxOperations (1000) or maxPayload (1048576)
//! was exceeded".
//!
//! The extractor is deliberately conservative: a limit is a name as code spells it
//! (camelCase or snake_case, so never a plain English word) followed by a parenthesised
//! integer or by "of" and an integer. "up to 100 items" or "a limit (10)" give nothing,
//! because there is no name a program could match on.

/// The limits stated in `text`, in order, the first value of each name only.
pub fn extract_limits(text: &str) -> Vec<(String, u64)> {
    let mut limits: Vec<(String, u64)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = is_ident_start(bytes[i]) && (i == 0 || !is_ident_byte(bytes[i - 1]));
        if !starts_word {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_ident_byte(bytes[i]) {
            i += 1;
        }
        let name = &text[start..i];
        if !looks_like_code_name(name) {
            continue;
        }
        if let Some(value) = value_after(&text[i..]) {
            if !limits.iter().any(|(n, _)| n == name) {
                limits.push((name.to_owned(), value));
            }
        }
    }
    limits
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// camelCase (a lowercase letter followed later by an uppercase one) or snake_case
/// (an inner underscore between letters).
fn looks_like_code_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let camel = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let snake = bytes.len() > 2
        && bytes[1..bytes.len() - 1].contains(&b'_')
        && bytes.iter().any(u8::is_ascii_alphabetic);
    camel || snake
}

/// ` (1000)` or ` of 1000` right after a name.
fn value_after(rest: &str) -> Option<u64> {
    let rest = rest.trim_start_matches([' ', '\t']);
    if let Some(inner) = rest.strip_prefix('(') {
        let digits = leading_digits(inner);
        return inner[digits.len()..]
            .starts_with(')')
            .then(|| digits.parse().ok())
            .flatten();
    }
    let after_of = rest.strip_prefix("of")?;
    let trimmed = after_of.trim_start_matches([' ', '\t']);
    if trimmed.len() == after_of.len() {
        return None; // "offset", not "of"
    }
    let digits = leading_digits(trimmed);
    let next = trimmed[digits.len()..].bytes().next();
    if next.is_some_and(is_ident_byte) {
        return None; // "of 10ms": a unit we do not interpret
    }
    digits.parse().ok()
}

fn leading_digits(text: &str) -> &str {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oracle_413_row_states_two_limits() {
        assert_eq!(
            extract_limits("maxOperations (1000) or maxPayload (1048576) was exceeded."),
            [
                ("maxOperations".to_owned(), 1000),
                ("maxPayload".to_owned(), 1_048_576)
            ]
        );
    }

    #[test]
    fn names_followed_by_of() {
        assert_eq!(
            extract_limits("The request exceeds max_batch_size of 50 operations."),
            [("max_batch_size".to_owned(), 50)]
        );
    }

    #[test]
    fn plain_words_units_and_overflow_give_nothing() {
        for text in [
            "a limit (10) applies",
            "up to 100 items",
            "Limit of 100 requests",
            "maxWait of 10ms",
            "maxSize (12a)",
            "maxSize ()",
            "maxSize (99999999999999999999999)",
            "maxSize offset 4",
            "HTTP (1.1)",
            "",
        ] {
            assert_eq!(extract_limits(text), [], "{text}");
        }
    }

    #[test]
    fn a_name_counts_once() {
        assert_eq!(
            extract_limits("maxItems (5); maxItems (6)"),
            [("maxItems".to_owned(), 5)]
        );
    }
}
