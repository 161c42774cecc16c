//! The `http` feature, and how the `http` crate's reason phrases differ from RFC 9110.

use status_catalog::{lookup, Status, UnknownStatus};

/// Every code in 100..=599 where `http::StatusCode::canonical_reason` is not the
/// catalog's reason phrase (RFC 9110 and the IANA registry), as (code, http's phrase,
/// the catalog's phrase or None when the catalog has no such code).
fn differences() -> Vec<(u16, Option<&'static str>, Option<&'static str>)> {
    (100..=599u16)
        .filter_map(|code| {
            let http_reason = http::StatusCode::from_u16(code)
                .ok()
                .and_then(|c| c.canonical_reason());
            let ours = lookup(code).filter(|s| s.is_registered()).map(|s| s.reason);
            (http_reason != ours && (http_reason.is_some() || ours.is_some())).then_some((
                code,
                http_reason,
                ours,
            ))
        })
        .collect()
}

/// The `http` crate keeps some pre-RFC 9110 phrases (413, 422), spells 203 without its
/// hyphen, names 418 after RFC 2324 although the registry reserves it as "(Unused)",
/// and knows no phrase for 104 (a temporary registration) or 306 (unused). Listed here
/// so that the difference is known, not accidental: an SDK that shows
/// `canonical_reason()` shows the left column.
#[test]
fn http_reason_phrases_that_differ_from_rfc_9110_are_known() {
    let expected: Vec<(u16, Option<&str>, Option<&str>)> = vec![
        (104, None, Some("Upload Resumption Supported")),
        (
            203,
            Some("Non Authoritative Information"),
            Some("Non-Authoritative Information"),
        ),
        (306, None, Some("(Unused)")),
        (413, Some("Payload Too Large"), Some("Content Too Large")),
        (418, Some("I'm a teapot"), Some("(Unused)")),
        (
            422,
            Some("Unprocessable Entity"),
            Some("Unprocessable Content"),
        ),
    ];
    assert_eq!(differences(), expected);
}

#[test]
fn converts_to_and_from_http_status_codes() {
    for status in status_catalog::statuses() {
        let code: http::StatusCode = status.into();
        assert_eq!(code.as_u16(), status.code);
        assert_eq!(status.to_http(), code);
        let back: &Status = code.try_into().unwrap();
        assert_eq!(back, status);
    }
    let teapot = http::StatusCode::IM_A_TEAPOT;
    let status: &Status = teapot.try_into().unwrap();
    assert_eq!(status.reason, "(Unused)");
    let unknown = http::StatusCode::from_u16(299).unwrap();
    let error = <&Status>::try_from(unknown).unwrap_err();
    assert_eq!(error, UnknownStatus(299));
    assert_eq!(error.to_string(), "299 is not in the status catalog");
}
