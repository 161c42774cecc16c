//! The server driven as an editor drives it, over framed byte streams (the same code
//! `statusdoc server` runs on its standard input and output; `crates/statusdoc/tests/
//! server.rs` drives the real process).

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::{action_edits, apply_edits, frame, url, utf16_column, Client};

const SEED: &str = "tests/fixtures/seeds/000_688e3b62f65bee31.txt";

fn capabilities() -> Value {
    json!({
        "workspace": {
            "workspaceEdit": {"documentChanges": true},
            "didChangeWatchedFiles": {"dynamicRegistration": true}
        },
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true, "codeDescriptionSupport": true}
        }
    })
}

fn options() -> statusdoc_lsp::Options {
    statusdoc_lsp::Options {
        debounce: Duration::from_millis(20),
        ..statusdoc_lsp::Options::default()
    }
}

fn with_rule<'a>(diagnostics: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == rule).collect()
}

fn range(d: &Value) -> (u64, u64, u64, u64) {
    let r = &d["range"];
    (
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    )
}

/// The incremental `didChange` an editor sends after applying `edits`.
fn change(client: &mut Client, uri: &str, version: i64, edits: &[Value]) {
    // Edits are sent last to first, so that each range is still valid.
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| {
        std::cmp::Reverse((
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        ))
    });
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
    );
}

fn code_actions(client: &mut Client, uri: &str, diagnostic: &Value) -> Vec<Value> {
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    response["result"]
        .as_array()
        .expect("a list of actions")
        .clone()
}

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn an_editor_session_on_the_seed_page() {
    let seed = std::fs::read_to_string(support::repository().join(SEED)).unwrap();
    let dir = workspace(&[("docs/response-codes.txt", &seed)]);
    let file = dir.path().join("docs/response-codes.txt");
    let uri = url(&file);
    let mut client = Client::in_process(options());
    let init = client.initialize(dir.path(), capabilities());
    let server = &init["result"]["capabilities"];
    assert_eq!(server["positionEncoding"], "utf-16", "{init}");
    assert_eq!(server["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(server["hoverProvider"], true);

    // A `.txt` page the editor calls plain text: its content says Markdown.
    client.open(&uri, "plaintext", 1, &seed);
    let diagnostics = client.diagnostics(&uri, 1);
    let wrong = with_rule(&diagnostics, "SD101");
    assert_eq!(wrong.len(), 1, "{diagnostics:#?}");
    let wrong = wrong[0].clone();
    // Line 21, columns 6 to 20 (`415 Not Acceptable`: the title's 14 characters).
    assert_eq!(range(&wrong), (20, 5, 20, 19), "{wrong}");
    assert_eq!(wrong["severity"], 1);
    assert_eq!(wrong["source"], "statusdoc");
    assert!(wrong["message"]
        .as_str()
        .unwrap()
        .starts_with("415 is titled \"Not Acceptable\""));
    assert_eq!(
        wrong["codeDescription"]["href"],
        format!("{}SD101.md", statusdoc_lsp::DEFAULT_DOCS_URL)
    );
    assert!(
        !with_rule(&diagnostics, "SD103").is_empty(),
        "{diagnostics:#?}"
    );

    // Hover on the code.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 20, "character": 2}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("415 Unsupported Media Type"), "{text}");
    assert!(text.contains("RFC 9110, Section 15.5.16"), "{text}");
    assert!(text.contains("Retry: not without modification"), "{text}");
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    // Nowhere near an entry: no hover.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(nothing["result"], Value::Null, "{nothing}");

    // The fix, as a preferred quick fix, with a suppression comment beside it.
    let actions = code_actions(&mut client, &uri, &wrong);
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert!(fix["title"]
        .as_str()
        .unwrap()
        .contains("Unsupported Media Type"));
    assert_eq!(
        fix["edit"]["documentChanges"][0]["textDocument"]["version"],
        1
    );
    assert!(actions
        .iter()
        .any(|a| a["title"] == "Suppress SD101 on this line"));
    let edits = action_edits(fix, &uri);
    let fixed = apply_edits(&seed, &edits);
    assert!(fixed
        .lines()
        .nth(20)
        .unwrap()
        .starts_with("`415 Unsupported Media Type`"));
    change(&mut client, &uri, 2, &edits);
    let diagnostics = client.diagnostics(&uri, 2);
    assert!(
        diagnostics.iter().all(|d| range(d).0 != 20),
        "the row is clean: {diagnostics:#?}"
    );
    assert!(!with_rule(&diagnostics, "SD103").is_empty());

    // Typing on: a line inserted at the top moves the findings down.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "Draft.\n\n"}],
        }),
    );
    let moved = client.diagnostics(&uri, 3);
    let before = with_rule(&diagnostics, "SD103")[0];
    let after = with_rule(&moved, "SD103")[0];
    assert_eq!(range(after).0, range(before).0 + 2);
    assert_eq!(client.shutdown(), Some(true));
}

#[test]
fn columns_are_utf16_code_units() {
    let page = "# Status codes\n\n| Icon | Code | Reason |\n|---|---|---|\n| 😀 | 200 | OK |\n| 𝄞é | 404 | Not Found |\n| 😀😀 | 415 | Not Acceptable |\n";
    let dir = workspace(&[("codes.md", page)]);
    let uri = url(&dir.path().join("codes.md"));
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    client.open(&uri, "markdown", 1, page);
    let diagnostics = client.diagnostics(&uri, 1);
    let wrong = with_rule(&diagnostics, "SD101")[0];
    let start = page.find("Not Acceptable").unwrap();
    let expected = utf16_column(page, start);
    assert_eq!(expected, 15);
    assert_eq!(range(wrong), (6, expected, 6, expected + 14));
    // A client that prefers UTF-8 gets byte columns.
    let mut utf8 = Client::in_process(options());
    let mut capabilities = capabilities();
    capabilities["general"] = json!({"positionEncodings": ["utf-8", "utf-16"]});
    let init = utf8.initialize(dir.path(), capabilities);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    utf8.open(&uri, "markdown", 1, page);
    let diagnostics = utf8.diagnostics(&uri, 1);
    let column = (start - page[..start].rfind('\n').unwrap() - 1) as u64;
    assert_eq!(range(with_rule(&diagnostics, "SD101")[0]).1, column);
    assert_eq!(client.shutdown(), Some(true));
    assert_eq!(utf8.shutdown(), Some(true));
}

#[test]
fn protocol_errors_are_answered_and_never_end_the_server() {
    let dir = workspace(&[("src/main.rs", "fn main() {}\n"), ("ci.yaml", "jobs: {}\n")]);
    let mut client = Client::in_process(options());
    // Before `initialize`: requests are refused, notifications dropped.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    client.notify("textDocument/didOpen", json!({"bogus": true}));
    // Not JSON.
    client.send_raw(&frame(b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "));
    let parse = client.recv();
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    assert_eq!(parse["id"], Value::Null);
    // JSON, but no message.
    client.send_raw(&frame(b"[1, 2]"));
    let invalid = client.recv();
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    client.send_raw(&frame(br#"{"jsonrpc": "2.0", "id": 7, "method": 5}"#));
    let invalid = client.recv();
    assert_eq!(
        (invalid["id"].clone(), invalid["error"]["code"].clone()),
        (json!(7), json!(-32600))
    );
    // A header that is not one.
    client.send_raw(b"Content-Length: many\r\n\r\n");
    assert_eq!(client.recv()["error"]["code"], -32700);

    let init = client.initialize(dir.path(), capabilities());
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600, "{again}");
    let unknown = client.request("textDocument/definition", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = client.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    client.notify("textDocument/didOpen", json!({"textDocument": "nope"}));
    client.notify("$/unknownNotification", json!({}));

    // Documents in formats statusdoc does not read: no diagnostics, empty answers.
    let rust = url(&dir.path().join("src/main.rs"));
    client.open(&rust, "rust", 1, "fn main() {}\n");
    let yaml = url(&dir.path().join("ci.yaml"));
    client.open(&yaml, "yaml", 1, "jobs: {}\n");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": rust}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": yaml}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "context": {"diagnostics": []}}),
    );
    assert_eq!(actions["result"], json!([]), "{actions}");
    let never_opened = "file:///nowhere/a.md";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": never_opened, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": never_opened}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert!(
        !client.sees_within(Duration::from_millis(300), |m| m["method"]
            == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| !d.is_empty())),
        "no findings for pages in other formats"
    );
    // Still serving: a page in a known format gets its diagnostics.
    let page = url(&dir.path().join("codes.md"));
    client.open(
        &page,
        "markdown",
        1,
        "# Status codes\n\n| Code | Reason |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n",
    );
    assert!(!with_rule(&client.diagnostics(&page, 1), "SD101").is_empty());

    let response = client.request("shutdown", Value::Null);
    assert_eq!(response["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    client.notify("exit", Value::Null);
    let server = client.server.take().unwrap();
    assert!(
        server.join().unwrap().unwrap(),
        "exit after shutdown is clean"
    );
}

#[test]
fn exit_without_shutdown_is_not_clean() {
    let mut client = Client::in_process(options());
    client.notify("exit", Value::Null);
    let server = client.server.take().unwrap();
    assert!(!server.join().unwrap().unwrap());
}

#[test]
fn suppression_comments_and_fix_all() {
    let page = "# Status codes\n\n| Code | Reason |\n|---|---|\n| 200 | OK |\n| 404 | NotFound |\n| 413 | Request Entity Too Large |\n| 415 | Not Acceptable |\n| 429 | Rate Limited |\n";
    let dir = workspace(&[("codes.md", page)]);
    let uri = url(&dir.path().join("codes.md"));
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    client.open(&uri, "markdown", 1, page);
    let diagnostics = client.diagnostics(&uri, 1);
    // A nonstandard phrase: its fix is unsafe, a plain code action.
    let nonstandard = with_rule(&diagnostics, "SD102")[0].clone();
    let actions = code_actions(&mut client, &uri, &nonstandard);
    let unsafe_fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("Too Many Requests"))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(unsafe_fix["isPreferred"], false);
    assert!(unsafe_fix.get("kind").is_none(), "{unsafe_fix}");
    let wrong = with_rule(&diagnostics, "SD101")[0].clone();
    let actions = code_actions(&mut client, &uri, &wrong);
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "Suppress SD101 on this line")
        .unwrap();
    let edits = action_edits(suppress, &uri);
    let text = apply_edits(page, &edits);
    assert!(
        text.contains("| 413 | Request Entity Too Large |\n<!-- statusdoc-disable-next-line SD101 -->\n| 415 | Not Acceptable |"),
        "{text}"
    );
    change(&mut client, &uri, 2, &edits);
    let diagnostics = client.diagnostics(&uri, 2);
    assert!(
        with_rule(&diagnostics, "SD101").is_empty(),
        "{diagnostics:#?}"
    );
    assert!(
        with_rule(&diagnostics, "SD010").is_empty(),
        "the comment is used"
    );
    let fixable = diagnostics.len();

    // Every safe fix at once, as `editor.codeActionsOnSave` asks for it.
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], statusdoc_lsp::FIX_ALL);
    let edits = action_edits(&actions[0], &uri);
    let all_fixed = apply_edits(&text, &edits);
    assert!(
        all_fixed.contains("| 413 | Content Too Large |"),
        "{all_fixed}"
    );
    assert!(all_fixed.contains("| 404 | Not Found |"), "{all_fixed}");
    assert!(
        all_fixed.contains("| 429 | Rate Limited |"),
        "unsafe: {all_fixed}"
    );
    change(&mut client, &uri, 3, &edits);
    let left = client.diagnostics(&uri, 3);
    assert!(left.len() < fixable, "{left:#?}");
    assert!(with_rule(&left, "SD103").is_empty() && with_rule(&left, "SD104").is_empty());
    assert_eq!(client.shutdown(), Some(true));
}

/// Applies the suppression action of the first finding of `rule` and checks that the
/// finding is gone and nothing new appeared.
fn suppress(page: &str, name: &str, language: &str, rule: &str) -> String {
    let dir = workspace(&[(name, page)]);
    let uri = url(&dir.path().join(name));
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    client.open(&uri, language, 1, page);
    let before = client.diagnostics(&uri, 1);
    let finding = with_rule(&before, rule)
        .first()
        .copied()
        .unwrap_or_else(|| panic!("no {rule} in {before:#?}"))
        .clone();
    let actions = code_actions(&mut client, &uri, &finding);
    let title = format!("Suppress {rule} on this line");
    let action = actions
        .iter()
        .find(|a| a["title"] == title.as_str())
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edits = action_edits(action, &uri);
    let text = apply_edits(page, &edits);
    change(&mut client, &uri, 2, &edits);
    let after = client.diagnostics(&uri, 2);
    assert_eq!(
        with_rule(&after, rule).len() + 1,
        with_rule(&before, rule).len(),
        "{text}\n{after:#?}"
    );
    let codes = |d: &[Value]| {
        let mut codes: Vec<String> = d
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect();
        codes.sort();
        codes.dedup();
        codes
    };
    let mut expected = codes(&before);
    if with_rule(&after, rule).is_empty() {
        expected.retain(|c| c != rule);
    }
    assert_eq!(codes(&after), expected, "nothing new: {text}\n{after:#?}");
    assert_eq!(client.shutdown(), Some(true));
    text
}

#[test]
fn a_suppression_goes_above_a_restructuredtext_table() {
    let page = "Status codes\n============\n\nThe API answers with these codes.\n\n.. table:: Codes\n\n   +------+------------------+\n   | Code | Reason           |\n   +======+==================+\n   | 200  | OK               |\n   +------+------------------+\n   | 415  | Not Acceptable   |\n   +------+------------------+\n";
    let text = suppress(page, "codes.rst", "restructuredtext", "SD101");
    assert!(
        text.contains("The API answers with these codes.\n\n.. statusdoc-disable-next-line: SD101\n\n.. table:: Codes\n"),
        "{text}"
    );
}

#[test]
fn a_suppression_in_yaml_and_asciidoc() {
    let openapi = "openapi: 3.0.0\ninfo:\n  title: Pets\n  version: '1'\npaths:\n  /pets:\n    post:\n      responses:\n        '201':\n          description: Created\n        '415':\n          description: |\n            Not Acceptable\n";
    let text = suppress(openapi, "api.yaml", "yaml", "SD101");
    assert!(text.contains("        '415':\n          # statusdoc-disable-next-line SD101\n          description: |\n"), "{text}");
    let adoc = "= Status codes\n\n[cols=\"1,3\"]\n|===\n| Code | Reason\n\n| 200\n| OK\n\n| 415\n| Not Acceptable\n|===\n";
    let text = suppress(adoc, "codes.adoc", "asciidoc", "SD101");
    assert!(
        text.contains("// statusdoc-disable-next-line SD101\n"),
        "{text}"
    );
}

#[test]
fn configuration_and_cross_page_rules() {
    let fixtures = support::repository().join("tests/fixtures/rules/SD401");
    let html = std::fs::read_to_string(fixtures.join("status-codes.html")).unwrap();
    let markdown = std::fs::read_to_string(fixtures.join("status-codes.md")).unwrap();
    let agreeing = markdown.replace(
        "* 409 Conflict\n\n  The resource changed.",
        "* 410 Gone\n\n  The resource was deleted.",
    );
    assert_ne!(agreeing, markdown);
    let wrong =
        "# Status codes\n\n| Code | Reason |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    let dir = workspace(&[
        (
            "statusdoc.toml",
            "[rules]\nwrong-reason-phrase = \"warning\"\n",
        ),
        ("docs/status-codes.html", &html),
        ("docs/status-codes.md", &agreeing),
        ("legacy/statusdoc.toml", "[rules]\nSD101 = \"off\"\n"),
        ("legacy/codes.md", wrong),
    ]);
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    let registration = client.wait_for(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
        "**/statusdoc.toml"
    );
    client.send(&json!({"jsonrpc": "2.0", "id": registration["id"], "result": null}));

    // The nearest statusdoc.toml: a severity, a rule turned off.
    let codes = url(&dir.path().join("docs/codes.md"));
    client.open(&codes, "markdown", 1, wrong);
    let diagnostics = client.diagnostics(&codes, 1);
    assert_eq!(
        with_rule(&diagnostics, "SD101")[0]["severity"],
        2,
        "a warning"
    );
    let legacy = url(&dir.path().join("legacy/codes.md"));
    client.open(&legacy, "markdown", 1, wrong);
    assert!(with_rule(&client.diagnostics(&legacy, 1), "SD101").is_empty());

    // The renderings of one page disagree: found across pages when a page is saved.
    // The page on disk agrees with its HTML rendering; the editor makes it disagree.
    let md = url(&dir.path().join("docs/status-codes.md"));
    client.open(&md, "markdown", 1, &agreeing);
    let own = client.diagnostics(&md, 1);
    assert!(with_rule(&own, "SD401").is_empty(), "{own:#?}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": md, "version": 2}, "contentChanges": [{"text": markdown}]}),
    );
    let unsaved = client.diagnostics(&md, 2);
    assert!(
        with_rule(&unsaved, "SD401").is_empty(),
        "not before a save: {unsaved:#?}"
    );
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": md}}));
    let crossed = client.diagnostics_where(&md, |d| d.iter().any(|d| d["code"] == "SD401"));
    let disagree = with_rule(&crossed, "SD401");
    assert!(
        disagree
            .iter()
            .any(|d| d["relatedInformation"][0]["location"]["uri"]
                == url(&dir.path().join("docs/status-codes.html"))),
        "{disagree:#?}"
    );
    // An edit elsewhere keeps them, moved with the text.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": md, "version": 3},
            "contentChanges": [{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "text": "Intro.\n\n"}],
        }),
    );
    let kept = client.diagnostics(&md, 3);
    assert_eq!(with_rule(&kept, "SD401").len(), disagree.len(), "{kept:#?}");
    for (a, b) in with_rule(&kept, "SD401").iter().zip(&disagree) {
        assert_eq!(range(a).0, range(b).0 + 2);
    }

    // The configuration changes on disk: every page is linted again.
    std::fs::write(
        dir.path().join("statusdoc.toml"),
        "[rules]\nrenderings-disagree = \"off\"\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&dir.path().join("statusdoc.toml")), "type": 2}]}),
    );
    client.diagnostics_where(&md, |d| d.iter().all(|d| d["code"] != "SD401"));
    let diagnostics = client.diagnostics_where(&codes, |d| d.iter().any(|d| d["code"] == "SD101"));
    assert_eq!(
        with_rule(&diagnostics, "SD101")[0]["severity"],
        1,
        "back to an error"
    );

    // A configuration that does not parse: an error on the file, defaults for pages.
    std::fs::write(dir.path().join("statusdoc.toml"), "[rules\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&dir.path().join("statusdoc.toml")), "type": 2}]}),
    );
    let config_uri = url(&dir.path().join("statusdoc.toml"));
    let problem = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == config_uri.as_str()
            && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    assert_eq!(
        problem["params"]["diagnostics"][0]["range"]["start"]["line"],
        0
    );
    assert_eq!(client.shutdown(), Some(true));
}

#[test]
fn changes_are_debounced() {
    let page =
        "# Status codes\n\n| Code | Reason |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    let dir = workspace(&[("codes.md", page)]);
    let uri = url(&dir.path().join("codes.md"));
    let mut client = Client::in_process(statusdoc_lsp::Options {
        debounce: Duration::from_millis(1500),
        ..statusdoc_lsp::Options::default()
    });
    client.initialize(dir.path(), capabilities());
    client.open(&uri, "markdown", 1, page);
    client.diagnostics(&uri, 1);
    for version in 2..=6 {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}],
            }),
        );
    }
    let last = client.diagnostics(&uri, 6);
    assert!(!with_rule(&last, "SD101").is_empty());
    assert!(
        !client.sees_within(Duration::from_millis(100), |m| m["method"]
            == "textDocument/publishDiagnostics"
            && m["params"]["version"]
                .as_i64()
                .is_some_and(|v| (2..6).contains(&v))),
        "one lint for the burst of changes"
    );
    assert_eq!(client.shutdown(), Some(true));
}

#[test]
fn other_open_pages_show_in_the_hover() {
    let a =
        "# Status codes\n\n| Code | Reason |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    let b = "# Errors\n\n| Code | Reason |\n|---|---|\n| 400 | Bad Request |\n| 415 | Unsupported Media Type |\n";
    let dir = workspace(&[("a.md", a), ("b.md", b)]);
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    let (ua, ub) = (url(&dir.path().join("a.md")), url(&dir.path().join("b.md")));
    client.open(&ua, "markdown", 1, a);
    client.open(&ub, "markdown", 1, b);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": ua}, "position": {"line": 5, "character": 10}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("This page: \"Not Acceptable\""), "{text}");
    assert!(
        text.contains("- \"Unsupported Media Type\": `b.md`"),
        "{text}"
    );
    assert_eq!(client.shutdown(), Some(true));
}

#[test]
fn a_manifest_says_which_pages_are_renderings_and_in_what_order() {
    let fixtures = support::repository().join("tests/fixtures/rules/SD401");
    let html = std::fs::read_to_string(fixtures.join("status-codes.html")).unwrap();
    let markdown = std::fs::read_to_string(fixtures.join("status-codes.md")).unwrap();
    // The manifest names the Markdown page first: it is the baseline, and the findings
    // are the HTML page's (in path order they would be the other way round).
    let manifest = "[[page]]\nid = \"codes-md\"\npath = \"codes.md\"\nvendor = \"Example\"\nproduct = \"Example API\"\nformat = \"markdown\"\ndocument = \"example:codes\"\n\n[[page]]\nid = \"codes-html\"\npath = \"codes.html\"\nvendor = \"Example\"\nproduct = \"Example API\"\nformat = \"html\"\ndocument = \"example:codes\"\n";
    let dir = workspace(&[
        ("corpus/manifest.toml", manifest),
        ("corpus/codes.html", &html),
        ("corpus/codes.md", &markdown),
    ]);
    let mut client = Client::in_process(options());
    client.initialize(dir.path(), capabilities());
    let uri = url(&dir.path().join("corpus/codes.html"));
    client.open(&uri, "html", 1, &html);
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let diagnostics = client.diagnostics_where(&uri, |d| d.iter().any(|d| d["code"] == "SD401"));
    let message = with_rule(&diagnostics, "SD401")[0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("codes.md"), "{message}");
    assert_eq!(client.shutdown(), Some(true));
}
