//! Words and numbers: status codes at the start of text, where a title ends, what a
//! header or heading says about the listing below it.

use statusdoc_reference::{phrase_key, Registry};

/// A status code at the very start of `text`: three digits from 100 to 599 not followed
/// by another digit or a decimal point. Returns the code and its length in bytes.
pub fn leading_code(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    if bytes.len() < 3 || !bytes[..3].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Some(&next) = bytes.get(3) {
        if next.is_ascii_alphanumeric()
            || next == b'.' && bytes.get(4).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        if next == b'-' && bytes.get(4).is_some_and(u8::is_ascii_digit) || next == b'_' {
            return None; // "400-499" ranges, "429_FOO" identifiers
        }
        // "100%", "200,000", "300.5", "500/month", "404x" (but "200/409", two codes)
        let code_after_slash = next == b'/'
            && bytes.len() >= 7
            && bytes[4..7].iter().all(u8::is_ascii_digit)
            && !bytes.get(7).is_some_and(u8::is_ascii_digit);
        if matches!(next, b'%' | b'/' | b'+' | b'*' | b'^') && !code_after_slash
            || matches!(next, b',' | b'.') && bytes.get(4).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
    }
    // "400系", "500番台", "200系列": a class of codes in Japanese and Chinese, as "4xx".
    if ["系", "番台", "台"]
        .iter()
        .any(|class| text[3..].starts_with(class))
    {
        return None;
    }
    let code: u16 = text[..3].parse().ok()?;
    if range_end(&text[3..]).is_some_and(|end| end > code) {
        return None;
    }
    (100..=599).contains(&code).then_some(code)
}

/// The end of a range written in words or with a spaced dash after its first code
/// ("100 to 199", "200 through 299", "400 – 499", "500 bis 599"): a range of codes
/// is not one of them.
fn range_end(after: &str) -> Option<u16> {
    const JOINERS: [&str; 13] = [
        "to", "through", "thru", "until", "bis", "à", "a", "до", "~", "～", "-", "–", "—",
    ];
    let rest = after.trim_start();
    let spaced = rest.len() < after.len();
    let joiner = JOINERS.iter().find(|j| {
        let word = j.starts_with(char::is_alphabetic);
        // A word needs space around it; a dash or tilde may touch the codes.
        rest.starts_with(**j)
            && (!word || spaced && rest[j.len()..].starts_with(char::is_whitespace))
    })?;
    let end = rest[joiner.len()..].trim_start();
    let bytes = end.as_bytes();
    if bytes.len() >= 3
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && !bytes.get(3).is_some_and(u8::is_ascii_alphanumeric)
    {
        end[..3].parse().ok()
    } else {
        None
    }
}

/// Where a title that runs into its description ends: `"Not Acceptable Indicates that"`
/// gives the length of `"Not Acceptable"`.
///
/// First the longest known phrase (canonical, obsolete, non-standard, compared by
/// [`phrase_key`], so "BadRequest" and "HTTP Version not supported" are found) that
/// ends at a word boundary; otherwise the run of capitalised words before the word that
/// starts the description sentence ("Custom Thing The server ..." gives "Custom Thing").
pub fn title_len(registry: &Registry, text: &str) -> usize {
    title_end(registry, text).0
}

/// [`title_len`], and whether the title is a phrase the registry knows.
pub fn title_end(registry: &Registry, text: &str) -> (usize, bool) {
    let words: Vec<(usize, &str)> = words_with_offsets(text).collect();
    let mut best = None;
    let mut key = String::new();
    for (i, &(offset, word)) in words.iter().enumerate().take(8) {
        key.push_str(&phrase_key(word));
        if registry.is_known_phrase_key(&key) {
            // "OK, the request succeeded": the comma is not part of the title.
            best = Some(offset + word.trim_end_matches([',', '.', ';', ':', '!']).len());
            // "OK Success!": stop at words that clearly begin the description.
            if i + 1 < words.len() && !is_title_word(words[i + 1].1) {
                break;
            }
        }
    }
    if let Some(end) = best {
        return (end, true);
    }
    // Title Case run: stop before the last capitalised word when a lowercase word
    // follows it, since that word starts the sentence. A run never starts with a
    // lowercase word ("429 for requests over the limit" has no title).
    if words.first().is_some_and(|(_, w)| {
        w.chars()
            .next()
            .is_some_and(|c| !c.is_uppercase() && !c.is_ascii_digit())
    }) {
        return (0, false);
    }
    let mut end = 0;
    for (i, &(offset, word)) in words.iter().enumerate() {
        if !is_title_word(word) {
            end = match i {
                // "This indicates that…": the capitalised word starts the sentence.
                1 => 0,
                0 => end,
                _ => words[i - 2].0 + words[i - 2].1.len(),
            };
            break;
        }
        end = offset + word.len();
        if word.ends_with(['.', '!', ':', ';']) {
            break;
        }
    }
    (end, false)
}

/// Whether a would-be title reads as prose ("Bad request body or query.", "requests
/// per minute"): a lowercase word other than the small words titles use, or a sentence
/// end.
pub fn looks_like_prose(text: &str) -> bool {
    let text = text.trim();
    text.ends_with('.')
        || text.chars().next().is_some_and(char::is_lowercase)
        || text
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !is_title_word(w))
}

fn is_title_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            word,
            "a" | "an" | "of" | "for" | "not" | "to" | "and" | "by" | "on" | "too"
        )
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// What a table column holds, judged by its header text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Code,
    /// "HTTP Status Code" columns whose cells read "200 OK".
    CodeAndTitle,
    Title,
    Description,
    Other,
}

/// The role of a column from its header text ("Status Code", "HTTP Status Code",
/// "Message Title", "Reason Phrase", "Description", "Meaning"...).
pub fn column_role(header: &str) -> ColumnRole {
    let h = header.trim().to_lowercase();
    let h = h.trim_matches(|c: char| !c.is_alphanumeric() && c != ' ');
    let has = |w: &str| h.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    if h.is_empty() {
        return ColumnRole::Other;
    }
    if (has("description")
        || has("meaning")
        || has("details")
        || has("explanation")
        || has("remarks")
        || has("notes")
        || has("descripción")
        || has("descripcion")
        || has("descrição")
        || has("beschreibung")
        || has("описание")
        || has("значение")
        || has("bedeutung")
        || has("signification"))
        && !has("code")
    {
        return ColumnRole::Description;
    }
    if has("title")
        || has("phrase")
        || has("reason")
        || has("message")
        || has("name")
        || has("status") && has("text")
        || has("título")
        || has("titulo")
        || has("titel")
        || has("titre")
        || has("mensaje")
        || has("meldung")
        || has("название")
        || has("сообщение")
    {
        return if has("code") && !has("title") && !has("message") {
            ColumnRole::Code
        } else {
            ColumnRole::Title
        };
    }
    if has("code")
        || has("status")
        || h == "http"
        || has("response")
        || has("código")
        || has("codigo")
        || has("estado")
        || has("статус")
        || has("statuscode")
    {
        return ColumnRole::Code;
    }
    ColumnRole::Other
}

/// Whether a heading, caption, header or lead-in sentence says that what follows is
/// about HTTP status codes ("HTTP Status Codes", "Response codes", "Responses",
/// "Códigos de estado", "状态码"). Used as evidence, never alone.
pub fn says_status_codes(text: &str) -> bool {
    // Every ASCII wording below holds one of these stems: most text holds none, which
    // one scan tells without lower-casing it (it is asked of every paragraph).
    static STEMS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "http", "xx", "status", "respons", "return", "reason", "code", "kode", "codice",
            ])
            .expect("fixed patterns build")
    });
    if text.is_ascii() && !STEMS.is_match(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let has_pair = |a: &str, b: &[&str]| {
        words
            .windows(2)
            .any(|pair| pair[0] == a && b.contains(&pair[1]))
    };
    has("http")
        || has("https")
        // A class of statuses: "2xx Success", "4XX errors".
        || words.iter().any(|w| {
            w.len() == 3 && w.ends_with("xx") && matches!(w.as_bytes()[0], b'1'..=b'5')
        })
        || has("statuscode")
        || has("statuscodes")
        || has("responses")
        || has_pair("status", &["code", "codes", "line"])
        || has_pair("response", &["code", "codes", "status", "statuses"])
        || has_pair("return", &["code", "codes"])
        || has_pair("reason", &["phrase", "phrases"])
        || [
            "código de estado",
            "códigos de estado",
            "código de status",
            "códigos de status",
            "código de resposta",
            "códigos de resposta",
            "code de statut",
            "codes de statut",
            "code d'état",
            "codes d'état",
            "code de retour",
            "codes de retour",
            "statuskode",
            "status-code",
            "rückgabecode",
            "antwortcode",
            "状态码",
            "狀態碼",
            "状態コード",
            "ステータスコード",
            "响应码",
            "回應碼",
            "返回码",
            "返回碼",
            "상태 코드",
            "응답 코드",
            "codice di stato",
            "codici di stato",
            "код ответа",
            "коды ответа",
            "кодов ответа",
            "код состояния",
            "коды состояния",
            "коды статуса",
            "статус-код",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// [`says_status_codes`] for a sentence of running prose, where "responses" alone is
/// common ("All error responses contain a JSON object"): the sentence must name status
/// or response codes, or HTTP.
pub fn says_status_codes_in_prose(text: &str) -> bool {
    let lower = text.to_lowercase();
    says_status_codes(&lower.replace("responses", ""))
}

/// Whether a heading, header or sentence says "errors" ("Errors", "Error Code", "Error
/// responses", "Fehler", "Erreurs", "错误").
pub fn says_errors(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "error"
                | "errors"
                | "fehler"
                | "fehlercodes"
                | "erreur"
                | "erreurs"
                | "errores"
                | "erros"
                | "errori"
                | "ошибка"
                | "ошибки"
                | "ошибок"
        )
    }) || ["错误", "錯誤", "エラー", "오류", "에러"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a heading, caption or header names codes that are not HTTP status codes
/// (gRPC, SMTP, FTP, WebSocket close codes, gateway opcodes, process exit codes).
pub fn says_other_codes(text: &str) -> bool {
    // Every paragraph of a page is asked: most have none of the words, which one scan
    // tells; the rest are read word by word, lowercased into a small buffer.
    static STEMS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "grpc",
                "smtp",
                "lmtp",
                "ftp",
                "sip",
                "rtsp",
                "icap",
                "nntp",
                "irc",
                "websocket",
                "opcode",
                "errno",
                "rfc",
                "code",
                "event",
                "reply",
            ])
            .expect("fixed patterns build")
    });
    if !STEMS.is_match(text) {
        return false;
    }
    const LONGEST: usize = 12;
    let mut previous = [0u8; LONGEST];
    let mut previous_len = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || word.len() > LONGEST || !word.is_ascii() {
            previous_len = 0;
            continue;
        }
        let mut lower = [0u8; LONGEST];
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        let word = &lower[..word.len()];
        let found = match word {
            // Protocols with numeric status or reply codes of their own, many of
            // them shaped like HTTP's (RTSP's "454 Session Not Found", ICAP, IRC
            // numerics), and the RFCs of FTP's and SMTP's reply codes as one word.
            b"grpc" | b"smtp" | b"esmtp" | b"lmtp" | b"ftp" | b"sip" | b"rtsp" | b"icap"
            | b"nntp" | b"irc" | b"websocket" | b"opcode" | b"opcodes" | b"errno" | b"rfc821"
            | b"rfc959" | b"rfc2821" | b"rfc5321" => true,
            _ => matches!(
                (&previous[..previous_len], word),
                (b"close", b"code" | b"codes" | b"event")
                    | (b"exit" | b"reply", b"code" | b"codes")
                    // FTP's and SMTP's reply classes ("2yz - Positive Completion
                    // reply") and the RFCs that define them.
                    | (b"completion" | b"preliminary" | b"intermediate", b"reply")
                    | (b"rfc", b"821" | b"959" | b"2821" | b"5321")
            ),
        };
        if found {
            return true;
        }
        previous = lower;
        previous_len = word.len();
    }
    false
}

/// A cell of error names: one identifier, or a list of them ("`invalid_param`,
/// `bad_request`", "`file_too_large`、`unsupported_file_type`, provider errors") whose
/// items are mostly identifiers.
pub fn is_identifier_list(text: &str) -> bool {
    const SEPARATORS: [char; 5] = [',', '、', '，', ';', '；'];
    if is_identifier(text) {
        return true;
    }
    if !text.contains(SEPARATORS) {
        return false;
    }
    let items: Vec<&str> = text
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    let names = items.iter().filter(|item| is_identifier(item)).count();
    items.len() >= 2 && names * 2 > items.len()
}

/// An identifier rather than words: `badRequest`, `INVALID_ARGUMENT`, `APIG.0101`,
/// `ERR-1024`, `resource_not_found`. A column of these is a column of error names, never
/// of titles.
pub fn is_identifier(text: &str) -> bool {
    // A sentence's final period is no part of an identifier ("Gone." is a word).
    let text = text
        .trim()
        .trim_matches(['`', '"', '\''])
        .trim_end_matches(['.', ',', ';', ':', '!', '?']);
    if text.is_empty() || text.contains(char::is_whitespace) {
        return false;
    }
    if !text
        .chars()
        .all(|c| c.is_alphanumeric() || "_.-:/".contains(c))
    {
        return false;
    }
    let has_letter = text.chars().any(char::is_alphabetic);
    let inner_upper = text
        .char_indices()
        .skip(1)
        .any(|(i, c)| c.is_uppercase() && text[..i].chars().last().is_some_and(char::is_lowercase));
    let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
    let all_upper = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    has_letter
        && (text.contains(['_', '.', ':', '/'])
            || starts_lower && inner_upper
            || all_upper
                && text.chars().filter(|c| c.is_alphabetic()).count() > 1
                && text.chars().any(|c| c.is_ascii_digit())
            || text.contains('-') && text.chars().any(|c| c.is_ascii_digit()))
}

/// Page chrome that text dumps and converted pages carry around the content: feedback
/// widgets, update stamps, navigation. It never belongs to an entry.
pub fn is_page_chrome(line: &str) -> bool {
    let lower = line.trim().to_ascii_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    starts("was this article helpful")
        || starts("was this page helpful")
        || starts("did this page help")
        || starts("did you find this helpful")
        || matches!(
            lower.as_str(),
            "yesno" | "yes no" | "yes" | "no" | "previous" | "next" | "previousnext"
        )
        || (starts("updated ")
            || starts("last updated")
            || starts("last modified")
            || starts("published "))
            && lower.chars().filter(char::is_ascii_digit).count() >= 4
            && lower.split_whitespace().count() <= 6
        || starts("copyright ©")
        || starts("© ")
}

/// Words that say what a status means, by code: a description that uses one of its
/// code's ("404 | The user was not found", "429 | Rate limit reached") echoes the
/// status, which is evidence that the number is one. English only, and only codes
/// whose meaning is distinct enough to be told by words.
const MEANINGS: &[(u16, &[&str])] = &[
    (
        200,
        &["success", "succeeded", "ok", "processed", "returned"],
    ),
    (201, &["created", "creation"]),
    (202, &["accepted", "queued", "asynchronous", "later"]),
    (204, &["no content", "deleted", "empty", "no body"]),
    (301, &["moved", "permanent", "redirect"]),
    (302, &["redirect", "found", "temporar"]),
    (304, &["not modified", "unchanged", "cache"]),
    (307, &["redirect", "temporar"]),
    (308, &["redirect", "permanent"]),
    (
        400,
        &[
            "invalid",
            "malformed",
            "bad request",
            "validation",
            "incorrect",
            "missing",
            "parameter",
            "syntax",
            "wrong",
        ],
    ),
    (
        401,
        &[
            "auth",
            "unauthori",
            "credential",
            "token",
            "api key",
            "apikey",
            "log in",
            "login",
            "sign in",
        ],
    ),
    (
        402,
        &["payment", "billing", "subscription", "credit", "plan"],
    ),
    (
        403,
        &[
            "forbidden",
            "permission",
            "access",
            "denied",
            "not allowed",
            "authori",
            "scope",
            "privilege",
        ],
    ),
    (
        404,
        &[
            "not found",
            "not exist",
            "doesn't exist",
            "does not exist",
            "no such",
            "unknown",
            "missing",
        ],
    ),
    (405, &["method", "not allowed", "not supported"]),
    (406, &["acceptable", "accept header", "format"]),
    (408, &["timeout", "timed out", "time out", "too long"]),
    (
        409,
        &[
            "conflict",
            "already exist",
            "duplicate",
            "state",
            "concurrent",
        ],
    ),
    (410, &["gone", "no longer", "removed", "deprecated"]),
    (412, &["precondition", "if-match", "etag"]),
    (413, &["too large", "size", "payload", "exceed"]),
    (414, &["uri", "url", "too long"]),
    (
        415,
        &[
            "media type",
            "content-type",
            "content type",
            "unsupported",
            "format",
        ],
    ),
    (422, &["unprocessable", "validation", "invalid", "semantic"]),
    (423, &["locked"]),
    (429, &["rate", "too many", "throttl", "limit", "quota"]),
    (
        500,
        &["server", "internal", "unexpected", "our side", "our end"],
    ),
    (501, &["not implemented", "not supported"]),
    (502, &["gateway", "upstream", "proxy"]),
    (
        503,
        &[
            "unavailable",
            "maintenance",
            "overload",
            "temporar",
            "down",
            "try again",
        ],
    ),
    (504, &["timeout", "timed out", "gateway", "upstream"]),
];

/// Whether `text` (a row's or item's description) says what `code` means.
pub fn echoes_meaning(code: u16, text: &str) -> bool {
    let Some((_, words)) = MEANINGS.iter().find(|(c, _)| *c == code) else {
        return false;
    };
    let text = text.to_lowercase();
    words.iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            // At the start of a word ("rate", not "generated"); stems go on freely.
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether `text` starts with a requirement word of RFC 2119 ("`409 Conflict` SHOULD NOT
/// be returned…"): written in capitals, it goes on a sentence as a lowercase verb would.
pub fn starts_with_requirement_word(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    matches!(
        word.trim_end_matches([',', '.']),
        "MUST" | "SHOULD" | "MAY" | "SHALL" | "REQUIRED" | "RECOMMENDED" | "OPTIONAL"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_code_needs_three_digits_in_range() {
        assert_eq!(leading_code("200 OK"), Some(200));
        assert_eq!(leading_code("415"), Some(415));
        assert_eq!(leading_code("2000"), None);
        assert_eq!(leading_code("600 x"), None);
        assert_eq!(leading_code("400-499"), None);
        assert_eq!(leading_code("1.5"), None);
        assert_eq!(leading_code("404."), Some(404));
        assert_eq!(leading_code("100% of requests"), None);
        assert_eq!(leading_code("200,000"), None);
        assert_eq!(leading_code("404 - Not Found"), Some(404));
        assert_eq!(leading_code("400系 : クライアント側のエラー"), None);
        assert_eq!(leading_code("500番台"), None);
        assert_eq!(leading_code("200/409"), Some(200));
        assert_eq!(leading_code("500/month"), None);
        assert_eq!(leading_code("100/1000"), None);
        assert_eq!(leading_code("404が返されます"), Some(404));
    }

    #[test]
    fn ranges_of_codes_are_not_codes() {
        assert_eq!(leading_code("100 to 199: informational"), None);
        assert_eq!(leading_code("200 through 299"), None);
        assert_eq!(leading_code("400 – 499 client errors"), None);
        assert_eq!(leading_code("500 bis 599"), None);
        assert_eq!(leading_code("400 a 499"), None);
        assert_eq!(leading_code("200~299"), None);
        // A code followed by words or by a smaller number is still a code.
        assert_eq!(leading_code("200 to indicate success"), Some(200));
        assert_eq!(leading_code("404 - 100 retries"), Some(404));
        assert_eq!(leading_code("200 a successful response"), Some(200));
    }

    #[test]
    fn titles_are_split_by_known_phrases_then_by_case() {
        let r = Registry::bundled();
        fn split<'a>(r: &Registry, t: &'a str) -> &'a str {
            &t[..title_len(r, t)]
        }
        assert_eq!(split(r, "OK Success! A successful GET"), "OK");
        assert_eq!(
            split(r, "Not Acceptable Indicates that the server"),
            "Not Acceptable"
        );
        assert_eq!(
            split(r, "Unauthorized Your request isn't authorized."),
            "Unauthorized"
        );
        assert_eq!(
            split(r, "Service Unavailable Indicates that"),
            "Service Unavailable"
        );
        assert_eq!(
            split(r, "Internal Server Error The server encountered"),
            "Internal Server Error"
        );
        assert_eq!(split(r, "BadRequest The request"), "BadRequest");
        assert_eq!(split(r, "Custom Thing The server said no"), "Custom Thing");
        assert_eq!(split(r, "Created"), "Created");
    }

    #[test]
    fn evidence_words() {
        assert!(says_status_codes("HTTP Status Codes"));
        assert!(says_status_codes("Response codes"));
        assert!(says_status_codes("Códigos de estado"));
        assert!(!says_status_codes("Instance sizes"));
        assert!(!says_status_codes("Status"));
        assert!(says_other_codes("SMTP reply codes"));
        assert!(says_other_codes("Gateway Close Event Codes"));
        assert!(says_other_codes("2yz - Positive Completion reply"));
        assert!(says_other_codes("based generally on [RFC640,RFC821]"));
        assert!(!says_other_codes("HTTP status codes"));
    }

    #[test]
    fn identifiers_are_not_titles() {
        for id in [
            "badRequest",
            "INVALID_ARGUMENT",
            "APIG.0101",
            "resource_not_found",
            "ERR-1024",
        ] {
            assert!(is_identifier(id), "{id}");
        }
        for words in [
            "Not Found",
            "OK",
            "BadRequest",
            "NOT FOUND",
            "Too Many Requests",
            "Gone.",
        ] {
            assert!(!is_identifier(words), "{words}");
        }
    }

    #[test]
    fn lists_of_identifiers_are_error_names() {
        for names in [
            "not_found",
            "invalid_param、bad_request、app_unavailable、provider errors",
            "`file_too_large`, `unsupported_file_type`",
        ] {
            assert!(is_identifier_list(names), "{names}");
        }
        for words in [
            "Not Found",
            "forbidden",
            "Bad Request, Invalid Input",
            "a, b_c, d",
        ] {
            assert!(!is_identifier_list(words), "{words}");
        }
    }

    #[test]
    fn column_roles_from_headers() {
        assert_eq!(column_role("Status Code"), ColumnRole::Code);
        assert_eq!(column_role("HTTP Status Code"), ColumnRole::Code);
        assert_eq!(column_role("Code"), ColumnRole::Code);
        assert_eq!(column_role("Message Title"), ColumnRole::Title);
        assert_eq!(column_role("Reason Phrase"), ColumnRole::Title);
        assert_eq!(column_role("Description"), ColumnRole::Description);
        assert_eq!(column_role("Meaning"), ColumnRole::Description);
        assert_eq!(column_role("Example"), ColumnRole::Other);
        assert_eq!(column_role("**Статус**"), ColumnRole::Code);
        assert_eq!(column_role("Описание"), ColumnRole::Description);
        assert!(says_status_codes("Коды ответа сервера"));
        assert!(says_errors("Возможные коды ошибок"));
    }
}
