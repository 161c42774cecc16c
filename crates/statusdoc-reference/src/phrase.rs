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
    fn keys_ignore_case_space_and_punctuation() {
        assert_eq!(phrase_key("BadRequest"), phrase_key("Bad Request"));
        assert_eq!(phrase_key("Request Time-out"), "requesttimeout");
        assert_eq!(phrase_key("I'm a teapot"), "imateapot");
    }
}
