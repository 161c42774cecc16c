//! A scripted editor: speaks the base protocol (Content-Length frames) to a server
//! running on in-memory byte streams, as an editor does over a process's stdio.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use serde_json::{json, Value};

/// How long to wait for a message before failing the test.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// The reading end of an in-memory pipe.
pub struct PipeReader {
    rx: Receiver<Vec<u8>>,
    buffer: Vec<u8>,
    at: usize,
}

impl Read for PipeReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for PipeReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.at >= self.buffer.len() {
            match self.rx.recv() {
                Ok(chunk) => {
                    self.buffer = chunk;
                    self.at = 0;
                }
                // The writer is gone: end of input.
                Err(_) => return Ok(&[]),
            }
        }
        Ok(&self.buffer[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
    }
}

/// The writing end of an in-memory pipe.
pub struct PipeWriter {
    tx: Sender<Vec<u8>>,
}

impl Write for PipeWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.tx
            .send(bytes.to_vec())
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "closed"))?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub fn pipe() -> (PipeWriter, PipeReader) {
    let (tx, rx) = crossbeam_channel::unbounded();
    (
        PipeWriter { tx },
        PipeReader {
            rx,
            buffer: Vec::new(),
            at: 0,
        },
    )
}

/// Reads one framed message; `None` at the end of the stream.
pub fn read_message(input: &mut impl BufRead) -> Option<Value> {
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
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    input.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("the server writes JSON"))
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The editor's side of a session.
pub struct Client {
    input: Box<dyn Write + Send>,
    messages: Receiver<Value>,
    /// Messages received while waiting for another one.
    backlog: VecDeque<Value>,
    next_id: i64,
    pub server: Option<JoinHandle<anyhow::Result<bool>>>,
}

impl Client {
    /// A server on in-memory streams, in a thread of this process.
    pub fn in_process(options: statusdoc_lsp::Options) -> Client {
        let (to_server, server_in) = pipe();
        let (server_out, from_server) = pipe();
        let server =
            std::thread::spawn(move || statusdoc_lsp::serve(server_in, server_out, options));
        let mut client = Client::over(Box::new(to_server), from_server);
        client.server = Some(server);
        client
    }

    /// A client of a server that reads `input` and writes to `output`.
    pub fn over(input: Box<dyn Write + Send>, output: impl BufRead + Send + 'static) -> Client {
        let (tx, rx) = crossbeam_channel::unbounded();
        std::thread::spawn(move || {
            let mut output = output;
            while let Some(message) = read_message(&mut output) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            input,
            messages: rx,
            backlog: VecDeque::new(),
            next_id: 0,
            server: None,
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.input.write_all(bytes).unwrap();
        self.input.flush().unwrap();
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        self.send_raw(&frame(&body));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    pub fn request_id(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole response object).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_id(method, params);
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The next message from the server.
    pub fn recv(&mut self) -> Value {
        if let Some(message) = self.backlog.pop_front() {
            return message;
        }
        self.messages
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    /// Waits for a message matching `want`; the others stay in the backlog, in order.
    pub fn wait_for(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.messages.recv_timeout(left).unwrap_or_else(|_| {
                panic!("no such message in time; backlog: {:#?}", self.backlog)
            });
            if want(&message) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    /// Waits for diagnostics of `uri` published for `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Waits for diagnostics of `uri` that satisfy `want` (whatever their version).
    pub fn diagnostics_where(&mut self, uri: &str, want: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && want(m["params"]["diagnostics"].as_array().unwrap())
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Whether any message matching `want` arrives within `wait` (kept in the backlog).
    pub fn sees_within(&mut self, wait: Duration, want: impl Fn(&Value) -> bool) -> bool {
        if self.backlog.iter().any(&want) {
            return true;
        }
        let deadline = Instant::now() + wait;
        while let Ok(message) = self
            .messages
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            let hit = want(&message);
            self.backlog.push_back(message);
            if hit {
                return true;
            }
        }
        false
    }

    /// `initialize` and `initialized` for a workspace folder, as an editor does.
    pub fn initialize(&mut self, root: &std::path::Path, capabilities: Value) -> Value {
        let uri = url(root);
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "capabilities": capabilities,
                "workspaceFolders": [{"uri": uri, "name": "docs"}],
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// Ends the session as an editor does; returns the server's verdict (a clean
    /// shutdown) for in-process servers.
    pub fn shutdown(mut self) -> Option<bool> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.server
            .take()
            .map(|server| server.join().unwrap().unwrap())
    }
}

/// A file's URI.
pub fn url(path: &std::path::Path) -> String {
    lsp_types::Url::from_file_path(path).unwrap().to_string()
}

/// The byte offset of an LSP position (line, UTF-16 column), computed here apart from
/// the server's own conversion.
pub fn offset_of(text: &str, line: u64, character: u64) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    end
}

/// The UTF-16 column of a byte offset on its line.
pub fn utf16_column(text: &str, offset: usize) -> u64 {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset]
        .chars()
        .map(|c| c.len_utf16() as u64)
        .sum()
}

/// Applies LSP text edits to a text, as an editor does.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let at = |p: &Value| {
                offset_of(
                    text,
                    p["line"].as_u64().unwrap(),
                    p["character"].as_u64().unwrap(),
                )
            };
            (
                at(&e["range"]["start"]),
                at(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// The text edits of a code action's workspace edit for `uri` (either form).
pub fn action_edits(action: &Value, uri: &str) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes
            .iter()
            .filter(|c| c["textDocument"]["uri"] == uri)
            .flat_map(|c| c["edits"].as_array().unwrap().clone())
            .collect();
    }
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}

/// The repository's root.
pub fn repository() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
