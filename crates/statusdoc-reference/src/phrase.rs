/// What a documented title is, relative to a code's registered phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseMatch<'r> {
    /// Exactly the registered phrase.
    Exact,
    /// The registered phrase with other casing, spacing or punctuation ("BadRequest",
    /// "HTTP Version not supported").
    Spelling,
    /// A phrase of an earlier specification ("Request Entity Too Large"); `exact` is
    /// false when it is also spelled differently ("UnprocessableEntity").
    Obsolete {
        phrase: &'r str,
        source: &'r str,
        exact: bool,
    },
    /// The registered phrase of another code ("Not Acceptable" for 415).
    OtherCode(u16),
    /// Not a phrase the registry knows.
    Unknown,
}

/// The phrase of a title that carries a qualifier after it: "Resume Incomplete"
/// for "Resume Incomplete (Google)", "Found" for "Found (Moved Temporarily)". A title
/// that is only a parenthesis ("(Unused)") is its own phrase.
pub fn strip_qualifier(title: &str) -> &str {
    let trimmed = title.trim_end();
    if !trimmed.ends_with(')') {
        return title;
    }
    match trimmed.rfind(" (") {
        Some(open) if !trimmed[..open].trim().is_empty() => trimmed[..open].trim_end(),
        _ => title,
    }
}

/// A phrase's identity for comparison: lowercase ASCII letters and digits only, so that
/// "Bad Request", "BadRequest", "bad-request" and "Bad_Request" compare equal.
pub fn phrase_key(phrase: &str) -> String {
    phrase
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_are_not_the_phrase() {
        assert_eq!(
            strip_qualifier("Resume Incomplete (Google)"),
            "Resume Incomplete"
        );
        assert_eq!(
            strip_qualifier("Found (Previously 'Moved temporarily')"),
            "Found"
        );
        assert_eq!(strip_qualifier("(Unused)"), "(Unused)");
        assert_eq!(strip_qualifier("Not Found"), "Not Found");
    }

    #[test]
    fn keys_ignore_case_space_and_punctuation() {
        assert_eq!(phrase_key("BadRequest"), phrase_key("Bad Request"));
        assert_eq!(phrase_key("Request Time-out"), "requesttimeout");
        assert_eq!(phrase_key("I'm a teapot"), "imateapot");
    }
}
