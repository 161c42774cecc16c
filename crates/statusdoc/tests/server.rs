//! `statusdoc server` driven over its standard input and output as an editor drives it:
//! initialize, open a seed page, receive the 415 diagnostic at its UTF-16 range, ask for
//! code actions, apply the fix, see the row clean, type on, shut down and exit.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(60);

struct Editor {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
}

impl Editor {
    fn start(dir: &std::path::Path) -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
            .args(["server", "--debounce-ms", "20"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("statusdoc server starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            while let Some(message) = read_message(&mut stdout) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Editor {
            child,
            stdin,
            messages,
            backlog: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = serde_json::to_string(&message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn wait_for(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(message) if want(&message) => return message,
                Ok(message) => self.backlog.push(message),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!("no such message; received: {:#?}", self.backlog)
                }
            }
        }
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

fn read_message(input: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    input.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The byte offset of an LSP position: a line and a column in UTF-16 code units.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn apply(text: &str, edits: &[Value]) -> String {
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new_text) in edits {
        out.replace_range(start..end, new_text);
    }
    out
}

#[test]
fn an_editor_fixes_the_seed_page_over_stdio() {
    let seed_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/seeds/000_688e3b62f65bee31.txt");
    let seed = std::fs::read_to_string(seed_path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("000_688e3b62f65bee31.txt");
    std::fs::write(&file, &seed).unwrap();
    // Temporary folders have no character a URI would escape.
    let uri = format!("file://{}", file.display());
    let root = format!("file://{}", dir.path().display());

    let mut editor = Editor::start(dir.path());
    // A malformed message first: answered, and the server goes on.
    write!(editor.stdin, "Content-Length: 5\r\n\r\n{{oops").unwrap();
    editor.stdin.flush().unwrap();
    let parse_error = editor.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);

    let init = editor.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "seeds"}],
            "capabilities": {"workspace": {"workspaceEdit": {"documentChanges": true}}},
        }),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["result"]["serverInfo"]["name"], "statusdoc");
    editor.notify("initialized", json!({}));
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": seed}}),
    );

    let diagnostics = editor.diagnostics(&uri, 1);
    let wrong = diagnostics
        .iter()
        .find(|d| d["code"] == "SD101")
        .unwrap_or_else(|| panic!("{diagnostics:#?}"))
        .clone();
    // `415 Not Acceptable` on line 21: the title is columns 6 to 20 (1-based).
    assert_eq!(
        wrong["range"],
        json!({"start": {"line": 20, "character": 5}, "end": {"line": 20, "character": 19}})
    );
    assert_eq!(wrong["severity"], 1);
    assert!(wrong["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("/generated/docs/rules/SD101.md"));

    let actions = editor.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": wrong["range"],
            "context": {"diagnostics": [wrong]},
        }),
    );
    let actions = actions["result"].as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let change = &fix["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["uri"], uri.as_str());
    assert_eq!(change["textDocument"]["version"], 1);
    let edits = change["edits"].as_array().unwrap();
    let fixed = apply(&seed, edits);
    assert!(fixed
        .lines()
        .nth(20)
        .unwrap()
        .starts_with("`415 Unsupported Media Type` |"));

    // The editor applies the edit and says so, incrementally.
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": changes}),
    );
    let diagnostics = editor.diagnostics(&uri, 2);
    assert!(
        diagnostics
            .iter()
            .all(|d| d["range"]["start"]["line"] != 20),
        "row 21 is clean: {diagnostics:#?}"
    );
    assert!(!diagnostics.is_empty(), "the page's other findings stay");

    // Typing on.
    editor.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": {"start": {"line": 20, "character": 5}, "end": {"line": 20, "character": 27}}, "text": "Not Acceptable"}],
        }),
    );
    let diagnostics = editor.diagnostics(&uri, 3);
    assert!(diagnostics.iter().any(|d| d["code"] == "SD101"));

    let shutdown = editor.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    editor.notify("exit", Value::Null);
    drop(editor.stdin);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = editor.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server exits");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        status.success(),
        "exit after shutdown is status 0: {status}"
    );
}
