//! Splitting "code title description" text, wherever a page runs them together:
//! `200 OK`, `200 (OK)`, `400 Bad Request: validation failures`,
//! `404 Not Found <placeholder>`, `404 Not Found – the page...`,
//! `415 Not Acceptable Indicates that the server...`.

use std::ops::Range;

use statusdoc_reference::Registry;

use crate::words::{looks_like_prose, title_end};

/// Ranges into the text given to [`split_code_and_title`] (which starts with the code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAndTitle {
    pub title: Option<Range<usize>>,
    /// Text after the title (a qualifier or the start of the description).
    pub detail: Option<Range<usize>>,
    /// The title's end is certain: a known phrase, a separator, parentheses, or the end
    /// of the text. A title cut from a run of capitalised words is not.
    pub certain: bool,
}

/// A title longer than this many words before a separator is not a title: the
/// separator belongs to the description.
const MAX_TITLE_WORDS: usize = 8;

/// Text that ends a title: what follows is a qualifier or the description.
const SEPARATORS: [&str; 14] = [
    ": ", " -- ", " - ", " – ", " — ", " <", ". ", "; ", " (", " | ", "：", "；",
    // A dash glued to the title's end ("``404 Not Found``-  the resource…"); a
    // hyphen inside a word ("Non-Authoritative") has no space after it.
    "- ", "– ",
];

pub fn split_code_and_title(registry: &Registry, text: &str) -> CodeAndTitle {
    split_after(registry, text, 3.min(text.len()))
}

/// The same split for text with no code in front: "Bad Request -- La solicitud es
/// inválida." in a column beside the code.
pub fn split_title(registry: &Registry, text: &str) -> CodeAndTitle {
    split_after(registry, text, 0)
}

fn split_after(registry: &Registry, text: &str, after_code: usize) -> CodeAndTitle {
    with_qualifier(text, split_plain(registry, text, after_code))
}

/// "308 Resume Incomplete (Google)", "302 Found (Moved Temporarily) - …": a short
/// capitalised parenthesis right after the title qualifies it and is printed as part of
/// it (the phrase rules compare the phrase without it). "404 Not Found (if the pet is
/// gone)" is a sentence and stays in the description.
fn with_qualifier(text: &str, mut parts: CodeAndTitle) -> CodeAndTitle {
    let (Some(title), Some(detail)) = (parts.title.clone(), parts.detail.clone()) else {
        return parts;
    };
    let gap = &text[title.end..detail.start];
    let detail_text = &text[detail.clone()];
    if !gap.trim().is_empty() || !detail_text.starts_with('(') {
        return parts;
    }
    let Some(close) = detail_text.find(')') else {
        return parts;
    };
    if !statusdoc_reference::is_qualifier(&detail_text[1..close]) {
        return parts;
    }
    let after = detail_text[close + 1..].trim_start();
    if !(after.is_empty() || after.starts_with([':', '-', '–', '—', ';', ',', '|', '.'])) {
        return parts;
    }
    let rest = after.trim_start_matches([' ', '\t', ':', '-', '–', '—', ';', ',', '|', '.']);
    let title_end = detail.start + close + 1;
    parts.title = Some(title.start..title_end);
    let rest_start = detail.end - rest.len();
    parts.detail = (rest_start < detail.end).then_some(rest_start..detail.end);
    parts
}

fn split_plain(registry: &Registry, text: &str, after_code: usize) -> CodeAndTitle {
    let rest = &text[after_code..];
    let lead = rest.len()
        - rest
            // "301; Moved", "200}OK": stray punctuation after the code is no part
            // of the title.
            .trim_start_matches([
                ' ', '\t', ':', '-', '–', '—', '=', '|', ',', ';', '}', '{', ']', '>', '.',
            ])
            .len();
    let mut start = after_code + lead;
    // Any other stray mark before the words ("203$ Non-authoritative…") is no part of
    // the title either; quotes, brackets and markup that open a title are.
    let stray = text[start..]
        .char_indices()
        .take_while(|&(_, c)| {
            !c.is_alphanumeric() && !c.is_whitespace() && !"([\"'`*_“‘«<".contains(c)
        })
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if stray > 0 {
        let skipped = &text[start + stray..];
        start += stray + (skipped.len() - skipped.trim_start().len());
    }
    let rest = &text[start..];
    // "403 | Forbidden -- " with nothing after the separator: the title ends before it.
    let mut rest_trimmed_len = rest.trim_end_matches([' ', '\t', '|']).len();
    for dangling in [" --", " -", " –", " —", ":", "："] {
        if let Some(before) = rest[..rest_trimmed_len].strip_suffix(dangling) {
            rest_trimmed_len = before.trim_end().len();
            break;
        }
    }
    if rest_trimmed_len == 0 {
        return CodeAndTitle {
            title: None,
            detail: None,
            certain: true,
        };
    }
    // The whole rest is this code's phrase in any spelling ("306 unused").
    if after_code == 3 {
        if let Ok(code) = text[..3].parse::<u16>() {
            let whole = &rest[..rest_trimmed_len];
            // A parenthesis after the phrase is judged below, as a qualifier or not.
            if !whole.starts_with('(')
                && statusdoc_reference::strip_qualifier(whole) == whole
                && matches!(
                    registry.match_phrase(code, whole),
                    statusdoc_reference::PhraseMatch::Spelling
                        | statusdoc_reference::PhraseMatch::Exact
                )
            {
                return CodeAndTitle {
                    title: Some(start..start + rest_trimmed_len),
                    detail: None,
                    certain: true,
                };
            }
        }
    }
    let detail_from = |at: usize| {
        let tail = &text[at..];
        let skip = tail.len()
            - tail
                .trim_start_matches([' ', '\t', ':', '-', '–', '—', ';', ',', '|', '：', '.'])
                .len();
        let begin = at + skip;
        let end = start + rest_trimmed_len;
        (begin < end).then_some(begin..end)
    };
    // "200 (OK)": a parenthesised title; "200 (empty)", "401 (auth token)", in
    // lowercase, a note on the code: description.
    if let Some(inner) = rest.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            // "200 (application/json)": a media type, no title.
            let media = &inner[..close];
            if media.contains('/') && !media.contains(char::is_whitespace) {
                return CodeAndTitle {
                    title: None,
                    detail: detail_from(start + 1 + close + 1),
                    certain: true,
                };
            }
            // (A media type after a title, "OK (application/json)", is dropped where
            // titles are read.)
            if inner.chars().next().is_some_and(char::is_lowercase) && !inner[..close].contains('/')
            {
                return CodeAndTitle {
                    title: None,
                    detail: Some(start..start + rest_trimmed_len),
                    certain: true,
                };
            }
            let title = start + 1..start + 1 + close;
            return CodeAndTitle {
                title: (!title.is_empty()).then_some(title),
                detail: detail_from(start + 1 + close + 1),
                certain: true,
            };
        }
    }
    let separator = SEPARATORS
        .iter()
        .filter_map(|s| rest[..rest_trimmed_len].find(s).map(|at| (at, s.len())))
        .min();
    let (mut end, mut known) = title_end(registry, &rest[..rest_trimmed_len]);
    // "Conflict Error - Duplicate resource", "Forbidden Error (no access)": the phrase
    // and the class noun, then a separator or nothing, are the vendor's label.
    if known {
        let tail = &rest[end..rest_trimmed_len];
        let gap = tail.len() - tail.trim_start().len();
        for noun in ["Error", "Exception"] {
            if let Some(after) = tail[gap..].strip_prefix(noun) {
                let next = after.trim_start();
                if gap > 0
                    && (next.is_empty()
                        || next.starts_with(['(', '-', '–', '—', ':', ';', ',', '|']))
                {
                    end += gap + noun.len();
                }
            }
        }
    }
    // A phrase followed straight (no separator) by a lowercase word is the start of a
    // sentence: "Bad request body or query.", "Created tag", "Unauthorized to access
    // the requested resource".
    if known {
        let next = rest[end..].split_whitespace().next();
        if next.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && !rest[end..].trim_start().starts_with(['(', '<'])
        {
            known = false;
        }
    }
    let prose = |title: &str| !known && looks_like_prose(title);
    // A known phrase that ends before the separator is the title: "Not Acceptable
    // Indicates that ... unsupported. In your client" separates at the phrase.
    let known_first = known && separator.is_none_or(|(at, _)| end < at);
    if let Some((at, len)) = separator.filter(|_| !known_first) {
        // A double dash sets off a title the way Slate's error tables do ("No token
        // included -- …"), whatever its case; a label, not a sentence.
        let slate_label = &rest[at..at + len] == " -- "
            && rest[..at].split_whitespace().count() <= 5
            && rest[..at].chars().next().is_some_and(char::is_uppercase)
            && !rest[..at].trim_end().ends_with(['.', ',', ';', ':']);
        if rest[..at].split_whitespace().count() <= MAX_TITLE_WORDS
            && (slate_label || !looks_like_prose(&rest[..at]))
        {
            let title = start..start + rest[..at].trim_end().len();
            // Keep "<placeholder>" and "(qualifier)" whole in the detail.
            let detail_start = if matches!(rest.as_bytes().get(at + len - 1), Some(b'<' | b'(')) {
                start + at + len - 1
            } else {
                start + at + len
            };
            return CodeAndTitle {
                title: Some(title),
                detail: detail_from(detail_start),
                certain: true,
            };
        }
    }
    let words = rest[..rest_trimmed_len].split_whitespace().count();
    if words <= 6 && !known || end == 0 || end >= rest_trimmed_len {
        if prose(&rest[..rest_trimmed_len]) {
            // No title: the text after the code is the description.
            return CodeAndTitle {
                title: None,
                detail: Some(start..start + rest_trimmed_len),
                certain: true,
            };
        }
        return CodeAndTitle {
            title: Some(start..start + rest_trimmed_len),
            detail: None,
            certain: true,
        };
    }
    CodeAndTitle {
        title: Some(start..start + end),
        detail: detail_from(start + end),
        certain: known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<&str>, Option<&str>) {
        let parts = split_code_and_title(Registry::bundled(), text);
        (
            parts.title.map(|r| &text[r]),
            parts.detail.map(|r| &text[r]),
        )
    }

    #[test]
    fn a_phrase_and_its_class_noun_are_one_label() {
        assert_eq!(
            split("409 Conflict Error - Duplicate resource prohibited."),
            (
                Some("Conflict Error"),
                Some("Duplicate resource prohibited.")
            )
        );
        assert_eq!(
            split("403 Forbidden Error (No se permite acceder a ese recurso)"),
            (
                Some("Forbidden Error"),
                Some("(No se permite acceder a ese recurso)")
            )
        );
        // A sentence goes on after the noun: the phrase alone leads it.
        assert_eq!(
            split(
                "404 Not Found Error occurs when the pet is gone, and the client should not retry"
            ),
            (
                Some("Not Found"),
                Some("Error occurs when the pet is gone, and the client should not retry")
            )
        );
    }

    #[test]
    fn shapes_of_run_in_titles() {
        assert_eq!(split("200 OK"), (Some("OK"), None));
        assert_eq!(split("200 (OK)"), (Some("OK"), None));
        assert_eq!(
            split("502 (GATEWAY UNAVAILABLE)"),
            (Some("GATEWAY UNAVAILABLE"), None)
        );
        assert_eq!(
            split("400 Bad Request: validation failures, schema violations"),
            (
                Some("Bad Request"),
                Some("validation failures, schema violations")
            )
        );
        assert_eq!(
            split("404 Not Found <Additional information about the object not found>"),
            (
                Some("Not Found"),
                Some("<Additional information about the object not found>")
            )
        );
        assert_eq!(
            split("404 Not Found – the page is gone"),
            (Some("Not Found"), Some("the page is gone"))
        );
        assert_eq!(
            split("415 Not Acceptable Indicates that the server refuses. In your client."),
            (
                Some("Not Acceptable"),
                Some("Indicates that the server refuses. In your client.")
            )
        );
        assert_eq!(
            split("200 OK Success! A successful GET"),
            (Some("OK"), Some("Success! A successful GET"))
        );
        assert_eq!(split("500 Server Error"), (Some("Server Error"), None));
        assert_eq!(split("404"), (None, None));
        assert_eq!(
            split("200: OK, the request succeeded."),
            (Some("OK"), Some("the request succeeded."))
        );
        assert_eq!(
            split("400: Bad request body or query."),
            (None, Some("Bad request body or query."))
        );
        assert_eq!(
            split("429 requests per minute"),
            (None, Some("requests per minute"))
        );
        assert_eq!(split("504 ServerTimeout"), (Some("ServerTimeout"), None));
        assert_eq!(
            split("404 Not Found -- the pet is gone"),
            (Some("Not Found"), Some("the pet is gone"))
        );
    }

    #[test]
    fn a_media_type_in_parentheses_is_no_title() {
        assert_eq!(split("200 (application/json)"), (None, None));
        assert_eq!(split("200 OK (application/json)").0, Some("OK"));
    }

    #[test]
    fn a_period_after_a_known_phrase_is_no_part_of_the_description() {
        assert_eq!(
            split("400 Bad request. Returned for bad input"),
            (Some("Bad request"), Some("Returned for bad input"))
        );
    }

    #[test]
    fn separators_without_text_after_them_end_the_title() {
        assert_eq!(split("403 Forbidden -- "), (Some("Forbidden"), None));
        assert_eq!(
            split("410 Gone：所请求的资源已从这个地址转移"),
            (Some("Gone"), Some("所请求的资源已从这个地址转移"))
        );
    }

    #[test]
    fn a_dash_glued_to_the_title_separates_it() {
        assert_eq!(
            split("404 Not Found-  the resource is gone"),
            (Some("Not Found"), Some("the resource is gone"))
        );
        assert_eq!(
            split("203 Non-Authoritative Information"),
            (Some("Non-Authoritative Information"), None)
        );
    }

    #[test]
    fn a_lowercase_parenthesis_after_a_code_is_a_note() {
        assert_eq!(split("200 (empty)"), (None, Some("(empty)")));
        assert_eq!(split("200 (OK)"), (Some("OK"), None));
    }

    #[test]
    fn qualifiers_stay_with_the_title() {
        assert_eq!(
            split("308 Resume Incomplete (Google)"),
            (Some("Resume Incomplete (Google)"), None)
        );
        assert_eq!(
            split("302 Found (Moved Temporarily) - the resource moved"),
            (
                Some("Found (Moved Temporarily)"),
                Some("the resource moved")
            )
        );
        assert_eq!(
            split("404 Not Found (if the pet is gone)"),
            (Some("Not Found"), Some("(if the pet is gone)"))
        );
    }
}
