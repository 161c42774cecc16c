//! Where a command's output goes: standard output, or `-o FILE` written atomically.
//!
//! A closed pipe (`statusdoc lint docs/ | head`) is not an error: the rest of the
//! output is dropped and the run still ends with the status its findings give.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    /// A target that is not a regular file (`/dev/null`, a FIFO, a terminal): written
    /// directly, since renaming a file over it would replace the device itself.
    Device(BufWriter<std::fs::File>),
    /// A temporary file beside the target, renamed over it by [`Output::finish`].
    File {
        temp: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
}

pub struct Output {
    sink: Sink,
    /// The reader went away (a closed pipe): further output is dropped.
    closed: bool,
}

impl Output {
    /// Standard output, or a temporary file that becomes `file` on [`Output::finish`].
    pub fn open(file: Option<&Path>) -> anyhow::Result<Output> {
        let sink = match file {
            None => Sink::Stdout(BufWriter::new(std::io::stdout())),
            Some(target) if std::fs::metadata(target).is_ok_and(|m| !m.file_type().is_file()) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .with_context(|| format!("{}: cannot write here", target.display()))?;
                Sink::Device(BufWriter::new(file))
            }
            Some(target) => {
                let dir = match target.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir,
                    _ => Path::new("."),
                };
                let temp = tempfile::NamedTempFile::new_in(dir)
                    .with_context(|| format!("{}: cannot write here", target.display()))?;
                Sink::File {
                    temp: BufWriter::new(temp),
                    target: target.to_owned(),
                }
            }
        };
        Ok(Output {
            sink,
            closed: false,
        })
    }

    /// Whether the output goes to a file.
    pub fn is_file(&self) -> bool {
        matches!(self.sink, Sink::File { .. })
    }

    /// Flushes, and puts the file in place (readable like any file the user writes).
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.flush()?;
        if let Sink::File { temp, target } = self.sink {
            let temp = temp.into_inner().map_err(|e| e.into_error())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&target)
                    .map(|m| m.permissions().mode())
                    .unwrap_or(0o644);
                temp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(mode))?;
            }
            temp.persist(&target)
                .map_err(|e| anyhow::anyhow!("{}: {}", target.display(), e.error))?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = match &mut self.sink {
            Sink::Stdout(out) => out.write(buf),
            Sink::Device(out) => out.write(buf),
            Sink::File { temp, .. } => temp.write(buf),
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Device(out) => out.flush(),
            Sink::File { temp, .. } => temp.flush(),
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Whether to colour output: `--color always|never`, else (auto) a terminal, unless
/// NO_COLOR is set, CLICOLOR=0 or TERM=dumb; CLICOLOR_FORCE or FORCE_COLOR colour
/// even a pipe or a file. The conventions of anstream and anstyle-query.
pub fn use_color(choice: crate::cli::ColorChoice, output: &Output) -> bool {
    use crate::cli::ColorChoice;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else if set("FORCE_COLOR")
                && std::env::var_os("FORCE_COLOR").is_some_and(|v| v != "0")
            {
                true
            } else if output.is_file() {
                // anstream's own rules see a terminal where the file is not one.
                set("CLICOLOR_FORCE")
            } else {
                anstream::AutoStream::choice(&std::io::stdout()) == anstream::ColorChoice::Always
            }
        }
    }
}
