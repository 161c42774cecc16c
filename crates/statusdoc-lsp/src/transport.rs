//! The base protocol over byte streams: `Content-Length` framed JSON-RPC messages.
//!
//! Unlike `lsp_server::Connection::stdio`, which ends on the first malformed message,
//! a frame that is not JSON is answered with a `ParseError` response and one that is
//! JSON but not a JSON-RPC message with `InvalidRequest` (both with a `null` id, as
//! JSON-RPC 2.0 says), and reading goes on with the next frame.

use std::io::{self, BufRead, Read, Write};

use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{json, Value};

use crate::Options;

/// A message body larger than this is refused (and skipped).
const MAX_BODY: usize = 256 << 20;

/// Runs the server on standard input and output until `exit` (or the end of the
/// input); returns whether the client shut it down first.
pub fn serve_stdio(options: Options) -> anyhow::Result<bool> {
    serve(io::BufReader::new(io::stdin()), io::stdout(), options)
}

/// Runs the server on byte streams; returns whether the client shut it down before
/// `exit`.
pub fn serve<R, W>(input: R, output: W, options: Options) -> anyhow::Result<bool>
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (to_server, from_client) = crossbeam_channel::unbounded::<Message>();
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    let (raw_tx, raw_rx) = crossbeam_channel::unbounded::<Value>();
    let writer = std::thread::Builder::new()
        .name("statusdoc-lsp-writer".to_owned())
        .spawn(move || write_loop(output, from_server, raw_rx))?;
    // The reader is not joined: it may be blocked reading input nobody will send.
    std::thread::Builder::new()
        .name("statusdoc-lsp-reader".to_owned())
        .spawn(move || read_loop(input, to_server, raw_tx))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    let result = crate::server::run(connection, options);
    // The connection is dropped: the writer sends what is queued and ends.
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread panicked"))?;
    let clean = result?;
    written?;
    Ok(clean)
}

/// What reading one frame gave.
enum Frame {
    Body(Vec<u8>),
    /// A header that cannot be understood; the frame is skipped.
    Bad(String),
    End,
}

fn read_loop(mut input: impl BufRead, messages: Sender<Message>, raw: Sender<Value>) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(Frame::Body(body)) => body,
            Ok(Frame::Bad(message)) => {
                let _ = raw.send(error(Value::Null, ErrorCode::ParseError, &message));
                continue;
            }
            Ok(Frame::End) | Err(_) => return,
        };
        let value: Value = match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(e) => {
                let _ = raw.send(error(
                    Value::Null,
                    ErrorCode::ParseError,
                    &format!("parse error: {e}"),
                ));
                continue;
            }
        };
        let message = if is_message(&value) {
            serde_json::from_value::<Message>(value.clone()).ok()
        } else {
            None
        };
        let Some(message) = message else {
            let id = match value.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
                _ => Value::Null,
            };
            let _ = raw.send(error(
                id,
                ErrorCode::InvalidRequest,
                "invalid request: not a JSON-RPC 2.0 request, response or notification",
            ));
            continue;
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if messages.send(message).is_err() || exit {
            return;
        }
    }
}

/// Whether a JSON value has the shape of a JSON-RPC 2.0 request, notification or
/// response (which `Message`'s untagged deserialization alone does not check: it takes
/// any object with an `id` for a response).
fn is_message(value: &Value) -> bool {
    if value.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return false;
    }
    let id_ok = |id: &Value| matches!(id, Value::Number(_) | Value::String(_));
    match (value.get("method"), value.get("id")) {
        (Some(method), id) => {
            method.is_string()
                && id.is_none_or(id_ok)
                && value
                    .get("params")
                    .is_none_or(|p| p.is_object() || p.is_array() || p.is_null())
        }
        (None, Some(id)) => {
            (id_ok(id) || id.is_null())
                && (value.get("result").is_some() != value.get("error").is_some())
        }
        (None, None) => false,
    }
}

fn error(id: Value, code: ErrorCode, message: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// Reads the headers and body of one message.
fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut any = false;
    loop {
        let mut line = Vec::new();
        let read = input.by_ref().take(8192).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(Frame::End);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !any {
                // Blank lines between messages.
                continue;
            }
            break;
        }
        any = true;
        match line.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = Some(format!("bad Content-Length header: `{line}`")),
                }
            }
            Some(_) => {}
            None => bad = Some(format!("bad header line: `{line}`")),
        }
    }
    if let Some(message) = bad {
        // Skip the body when its length is known.
        if let Some(n) = length {
            io::copy(&mut input.by_ref().take(n as u64), &mut io::sink())?;
        }
        return Ok(Frame::Bad(message));
    }
    let Some(length) = length else {
        return Ok(Frame::Bad(
            "a message without a Content-Length header".to_owned(),
        ));
    };
    if length > MAX_BODY {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Frame::Bad(format!(
            "a message of {length} bytes is larger than the {MAX_BODY} bytes accepted"
        )));
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => Ok(Frame::Body(body)),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(Frame::End),
        Err(e) => Err(e),
    }
}

fn write_loop(
    mut output: impl Write,
    messages: Receiver<Message>,
    raw: Receiver<Value>,
) -> io::Result<()> {
    let mut raw = raw;
    loop {
        select! {
            recv(messages) -> message => match message {
                Ok(message) => message.write(&mut output)?,
                Err(_) => break,
            },
            recv(raw) -> value => match value {
                Ok(value) => write_raw(&mut output, &value)?,
                // The reader ended: only the server's messages are left.
                Err(_) => raw = crossbeam_channel::never(),
            },
        }
    }
    for value in raw.try_iter() {
        write_raw(&mut output, &value)?;
    }
    output.flush()
}

fn write_raw(output: &mut impl Write, value: &Value) -> io::Result<()> {
    let body = serde_json::to_string(value)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<String> {
        let mut reader = io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader).unwrap() {
                Frame::Body(body) => out.push(String::from_utf8(body).unwrap()),
                Frame::Bad(message) => out.push(format!("bad: {message}")),
                Frame::End => return out,
            }
        }
    }

    #[test]
    fn frames_and_bad_headers() {
        let got = frames(
            "Content-Length: 2\r\n\r\n{}Content-Type: x\r\ncontent-length: 3\r\n\r\n[1]X-Junk\r\n\r\nContent-Length: nine\r\n\r\nContent-Length: 1\r\n\r\n7",
        );
        assert_eq!(
            got,
            [
                "{}",
                "[1]",
                "bad: bad header line: `X-Junk`",
                "bad: bad Content-Length header: `Content-Length: nine`",
                "7"
            ]
        );
    }
}
