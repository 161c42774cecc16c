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

impl PhraseMatch<'_> {
    /// The code's own phrase, however it is spelled and whichever specification named
    /// it (not another code's, not an unknown text).
    pub fn is_own(&self) -> bool {
        matches!(
            self,
            PhraseMatch::Exact | PhraseMatch::Spelling | PhraseMatch::Obsolete { .. }
        )
    }
}

/// The phrase of a title that carries a qualifier after it: "Resume Incomplete"
/// for "Resume Incomplete (Google)", "Found" for "Found (Moved Temporarily)". A title
/// that is only a parenthesis ("(Unused)") is its own phrase.
pub fn strip_qualifier(title: &str) -> &str {
    let trimmed = title.trim_end();
    if !trimmed.ends_with(')') {
        return title;
    }
    // "Processing (WebDAV)", and glued to a capitalised phrase, "Processing(WebDAV)"
    // (not an identifier's argument, "badRequest(400)").
    match trimmed.rfind(" (") {
        Some(open) if !trimmed[..open].trim().is_empty() => trimmed[..open].trim_end(),
        _ => match trimmed.rfind('(') {
            Some(open)
                if trimmed[..open].starts_with(char::is_uppercase)
                    && !trimmed[open + 1..trimmed.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_digit()) =>
            {
                trimmed[..open].trim_end()
            }
            _ => title,
        },
    }
}

/// Whether the words of a parenthesis after a title qualify it, as part of the title
/// ("Google", "WebDAV; RFC 4918", "Moved Temporarily", "Unused"), rather than explain
/// it ("No error", "Problemas com token", "i.e. wrong or missing token"): at most five
/// words, starting with a capital or a number, and more of them capitalised than not
/// (small joining words aside: "HTTP Delta encoding"); or a former name in quotes
/// ("Previously 'Moved temporarily'").
pub fn is_qualifier(inner: &str) -> bool {
    const JOINING: [&str; 12] = [
        "a", "an", "and", "by", "de", "for", "in", "of", "on", "or", "the", "to",
    ];
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || inner.contains(['(', ')']) {
        return false;
    }
    // "(HTTP/1.1 - RFC 7231)", "(WebDAV; RFC 4918)": where the phrase is defined is a
    // reference for the reader, not part of the phrase.
    let cites_rfc = inner
        .split(|c: char| !c.is_alphanumeric())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].eq_ignore_ascii_case("rfc") && w[1].parse::<u32>().is_ok())
        || inner.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.get(..3)
                .is_some_and(|rfc| rfc.eq_ignore_ascii_case("rfc"))
                && w.get(3..).is_some_and(|n| n.parse::<u32>().is_ok())
        });
    if cites_rfc {
        return false;
    }
    let quoted = |open: char, close: char| {
        inner
            .find(open)
            .is_some_and(|at| inner[at + open.len_utf8()..].contains(close))
    };
    if quoted('\'', '\'') || quoted('"', '"') || quoted('“', '”') || quoted('‘', '’') {
        return inner.chars().next().is_some_and(char::is_uppercase);
    }
    let mut capitalised = 0;
    let mut lowercase = 0;
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_ascii_digit() {
            capitalised += 1;
        } else if i == 0 {
            return false;
        } else if !JOINING.contains(&word) {
            lowercase += 1;
        }
    }
    capitalised > lowercase
}

/// The title without a parenthesis at its end that explains it rather than qualifies
/// it ([`is_qualifier`]): "Unauthorized" for "Unauthorized (Problemas com token)";
/// `None` when there is no such parenthesis.
pub fn strip_explanation(title: &str) -> Option<&str> {
    let trimmed = title.trim_end().strip_suffix(')')?;
    let open = trimmed.rfind(" (")?;
    let head = trimmed[..open].trim_end();
    (!head.is_empty() && !is_qualifier(&trimmed[open + 2..])).then_some(head)
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
        assert_eq!(strip_qualifier("Processing(WebDAV)"), "Processing");
        assert_eq!(strip_qualifier("badRequest(400)"), "badRequest(400)");
        assert_eq!(strip_qualifier("Not Found"), "Not Found");
    }

    #[test]
    fn qualifiers_and_explanations() {
        for qualifier in [
            "Google",
            "WebDAV",
            "Moved Temporarily",
            "Unused",
            "2",
            "Previously 'Moved temporarily'",
            "HTTP Delta encoding",
            "Ünïcödé",
        ] {
            assert!(is_qualifier(qualifier), "{qualifier}");
        }
        for explanation in [
            "No error",
            "Problemas com token",
            "i.e. wrong token",
            "nginx",
            "",
            "WebDAV; RFC 4918",
            "HTTP/1.1 - RFC 7231",
            "RFC7725",
        ] {
            assert!(!is_qualifier(explanation), "{explanation}");
        }
        assert_eq!(
            strip_explanation("Unauthorized (Problemas com token)"),
            Some("Unauthorized")
        );
        assert_eq!(strip_explanation("Resume Incomplete (Google)"), None);
        assert_eq!(strip_explanation("Not Found"), None);
        assert_eq!(strip_explanation("(no error)"), None);
    }

    #[test]
    fn keys_ignore_case_space_and_punctuation() {
        assert_eq!(phrase_key("BadRequest"), phrase_key("Bad Request"));
        assert_eq!(phrase_key("Request Time-out"), "requesttimeout");
        assert_eq!(phrase_key("I'm a teapot"), "imateapot");
    }
}
