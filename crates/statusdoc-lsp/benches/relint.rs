//! Re-linting a 5,000-line page after a keystroke, as the server does once the debounce
//! delay is over: apply the change, read the page again, lint it, and convert the
//! findings to LSP diagnostics (UTF-16 ranges). The target is under 20 ms.
//!
//! `cargo bench -p statusdoc-lsp --bench relint`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_types::{
    CodeActionContext, CodeActionParams, PartialResultParams, Position, Range,
    TextDocumentContentChangeEvent, TextDocumentIdentifier, Url, WorkDoneProgressParams,
};
use statusdoc_lsp::{Encoding, Options, Workspace};

/// Lines of the page.
const LINES: usize = 5_000;

const ROWS: [(u16, &str, &str); 12] = [
    (
        200,
        "OK",
        "The request succeeded and the body holds the resource.",
    ),
    (
        201,
        "Created",
        "The resource was created; `Location` names it.",
    ),
    (
        204,
        "No Content",
        "The request succeeded; there is no body.",
    ),
    (
        400,
        "Bad Request",
        "The body is not valid JSON or misses a field.",
    ),
    (401, "Unauthorized", "The token is missing or expired."),
    (403, "Forbidden", "The token does not grant this operation."),
    (404, "Not Found", "No resource has this id."),
    (409, "Conflict", "The resource changed since it was read."),
    (
        413,
        "Request Entity Too Large",
        "The body is larger than 1 MiB.",
    ),
    (
        415,
        "Not Acceptable",
        "The `Content-Type` is not `application/json`.",
    ),
    (
        429,
        "Too Many Requests",
        "Too many requests: wait for `Retry-After` seconds.",
    ),
    (
        503,
        "Service Unavailable",
        "The service is down for maintenance; try again later.",
    ),
];

/// A large API reference: one section per endpoint, each with prose and a table of
/// its responses (some titled wrongly), padded to exactly [`LINES`] lines.
fn page() -> String {
    let mut lines = vec!["# Widgets API reference".to_owned(), String::new()];
    let mut endpoint = 0;
    while lines.len() + 22 < LINES {
        endpoint += 1;
        lines.push(format!("## GET /v1/widgets/{endpoint}"));
        lines.push(String::new());
        lines.push(format!(
            "Returns widget {endpoint} with its parts, owners and history — “as stored”."
        ));
        lines.push("Requests are authenticated with a bearer token.".to_owned());
        lines.push(String::new());
        lines.push("### Status codes".to_owned());
        lines.push(String::new());
        lines.push("| Code | Reason | Description |".to_owned());
        lines.push("|---|---|---|".to_owned());
        for (code, reason, description) in ROWS {
            lines.push(format!("| {code} | {reason} | {description} |"));
        }
        lines.push(String::new());
    }
    while lines.len() < LINES {
        lines.push("See the changelog for older versions.".to_owned());
    }
    lines.join("\n") + "\n"
}

fn relint(c: &mut Criterion) {
    let text = page();
    assert_eq!(text.lines().count(), LINES);
    let uri = Url::parse("file:///bench/widgets.md").unwrap();
    let mut workspace = Workspace::new(Options::default(), Vec::new(), Encoding::Utf16);
    workspace.open(uri.clone(), "markdown".to_owned(), 1, text);
    workspace.analyze(&uri);
    let findings = workspace.diagnostics(&uri).len();
    assert!(findings > 100, "{findings} findings");
    // A keystroke in a description near the end of the page, typed and deleted in turn.
    let line = (LINES - 40) as u32;
    let mut version = 1;
    let mut typed = false;
    let mut keystroke = |workspace: &mut Workspace| {
        version += 1;
        let at = Position::new(line, 2);
        let change = if typed {
            TextDocumentContentChangeEvent {
                range: Some(Range::new(at, Position::new(line, 3))),
                range_length: None,
                text: String::new(),
            }
        } else {
            TextDocumentContentChangeEvent {
                range: Some(Range::new(at, at)),
                range_length: None,
                text: "x".to_owned(),
            }
        };
        typed = !typed;
        workspace.change(&uri, version, vec![change]);
    };

    let mut group = c.benchmark_group("relint");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("5000-line page after a keystroke", |b| {
        b.iter(|| {
            keystroke(&mut workspace);
            workspace.analyze(&uri);
            black_box(workspace.diagnostics(&uri))
        })
    });
    let params = CodeActionParams {
        text_document: TextDocumentIdentifier { uri: uri.clone() },
        range: Range::new(Position::new(line, 0), Position::new(line, 0)),
        context: CodeActionContext::default(),
        work_done_progress_params: WorkDoneProgressParams::default(),
        partial_result_params: PartialResultParams::default(),
    };
    group.bench_function("code actions on a 5000-line page", |b| {
        b.iter(|| black_box(workspace.code_actions(&params)))
    });
    group.finish();
}

criterion_group!(benches, relint);
criterion_main!(benches);
