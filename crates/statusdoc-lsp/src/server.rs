//! The protocol: the life cycle (initialize, shutdown, exit), dispatch, debounced
//! diagnostics and the cross-page pass on save.
//!
//! Errors are answered as the specification says and never end the server: a request
//! before `initialize` gets `ServerNotInitialized`, one after `shutdown` gets
//! `InvalidRequest`, an unknown method `MethodNotFound`, parameters that do not parse
//! `InvalidParams`; unknown notifications are ignored; a failure inside statusdoc is
//! `InternalError` for that request only.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DiagnosticSeverity,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, LogMessageParams, MessageType,
    OneOf, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url, WorkspaceFoldersServerCapabilities,
    WorkspaceServerCapabilities,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::actions::FIX_ALL;
use crate::crosspage::{self, Job, OpenPage, Outcome, ProjectJob};
use crate::project::CONFIG_FILE;
use crate::text::Encoding;
use crate::workspace::Workspace;
use crate::Options;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before `initialize`.
    Waiting,
    Running,
    /// After `shutdown`: only `exit` is expected.
    ShutDown,
}

struct Server {
    connection: Connection,
    options: Options,
    phase: Phase,
    workspace: Workspace,
    /// Documents changed and waiting for the debounce delay, with their deadline.
    pending: HashMap<Url, Instant>,
    /// What was last published per document (version, diagnostics).
    published: HashMap<Url, (i32, Vec<lsp_types::Diagnostic>)>,
    /// Configuration files with published errors.
    config_errors: HashSet<Url>,
    jobs: Sender<Job>,
    outcomes: Receiver<Outcome>,
    generation: u64,
    configuration_changed: bool,
    next_request: i32,
    /// The client watches files for us (dynamic registration of file watchers).
    watch_configs: bool,
}

/// Runs the server on a connection until `exit`; returns whether the client shut it
/// down first (the process's exit status is 0 then, else 1).
pub fn run(connection: Connection, options: Options) -> anyhow::Result<bool> {
    let (jobs, outcomes) = crosspage::spawn();
    let workspace = Workspace::new(options.clone(), Vec::new(), Encoding::Utf16);
    let mut server = Server {
        connection,
        options,
        phase: Phase::Waiting,
        workspace,
        pending: HashMap::new(),
        published: HashMap::new(),
        config_errors: HashSet::new(),
        jobs,
        outcomes,
        generation: 0,
        configuration_changed: false,
        next_request: 0,
        watch_configs: false,
    };
    server.main_loop()
}

enum Event {
    Message(Message),
    Disconnected,
    Outcome(Outcome),
    WorkerGone,
    Tick,
}

impl Server {
    fn main_loop(&mut self) -> anyhow::Result<bool> {
        loop {
            let deadline = self.pending.values().min().copied();
            let timer = match deadline {
                Some(at) => crossbeam_channel::at(at),
                None => crossbeam_channel::never(),
            };
            let event = select! {
                recv(self.connection.receiver) -> message => match message {
                    Ok(message) => Event::Message(message),
                    Err(_) => Event::Disconnected,
                },
                recv(self.outcomes) -> outcome => match outcome {
                    Ok(outcome) => Event::Outcome(outcome),
                    Err(_) => Event::WorkerGone,
                },
                recv(timer) -> _ => Event::Tick,
            };
            match event {
                Event::Disconnected => return Ok(false),
                Event::Message(Message::Notification(n)) if n.method == note::Exit::METHOD => {
                    return Ok(self.phase == Phase::ShutDown);
                }
                Event::Message(Message::Request(request)) => self.on_request(request)?,
                Event::Message(Message::Notification(notification)) => {
                    let method = notification.method.clone();
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.on_notification(notification)
                    })) {
                        Ok(result) => result?,
                        Err(_) => self.log(
                            MessageType::ERROR,
                            format!("{method}: statusdoc failed (a bug: please report it)"),
                        ),
                    }
                }
                // Answers to our requests (registrations): nothing to do.
                Event::Message(Message::Response(_)) => {}
                Event::Outcome(outcome) => self.on_outcome(outcome)?,
                Event::WorkerGone => {
                    self.outcomes = crossbeam_channel::never();
                    self.log(
                        MessageType::ERROR,
                        "the cross-page worker stopped".to_owned(),
                    );
                }
                Event::Tick => {}
            }
            self.lint_due()?;
            self.flush_logs()?;
        }
    }

    fn send(&self, message: impl Into<Message>) -> anyhow::Result<()> {
        self.connection
            .sender
            .send(message.into())
            .map_err(|_| anyhow::anyhow!("the connection to the client is closed"))
    }

    fn reply_error(
        &self,
        id: RequestId,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> anyhow::Result<()> {
        self.send(Response::new_err(id, code as i32, message.into()))
    }

    fn on_request(&mut self, request: Request) -> anyhow::Result<()> {
        let Request { id, method, params } = request;
        match self.phase {
            Phase::Waiting if method == req::Initialize::METHOD => {
                return self.initialize(id, params);
            }
            Phase::Waiting => {
                return self.reply_error(
                    id,
                    ErrorCode::ServerNotInitialized,
                    format!("{method}: the server is not initialized yet"),
                );
            }
            Phase::ShutDown => {
                return self.reply_error(
                    id,
                    ErrorCode::InvalidRequest,
                    format!("{method}: the server is shut down; only `exit` is expected"),
                );
            }
            Phase::Running => {}
        }
        match method.as_str() {
            req::Initialize::METHOD => self.reply_error(
                id,
                ErrorCode::InvalidRequest,
                "initialize: the server is already initialized",
            ),
            req::Shutdown::METHOD => {
                self.phase = Phase::ShutDown;
                self.send(Response::new_ok(id, Value::Null))
            }
            req::CodeActionRequest::METHOD => {
                self.handle::<req::CodeActionRequest>(id, params, |server, params| {
                    server.flush(&params.text_document.uri)?;
                    let actions = server.workspace.code_actions(&params);
                    Ok(Some(actions))
                })
            }
            req::HoverRequest::METHOD => {
                self.handle::<req::HoverRequest>(id, params, |server, params| {
                    server.flush(&params.text_document_position_params.text_document.uri)?;
                    Ok(server.workspace.hover(&params))
                })
            }
            _ => self.reply_error(
                id,
                ErrorCode::MethodNotFound,
                format!("unknown method `{method}`"),
            ),
        }
    }

    /// Parses a request's parameters, runs `f` and answers with its result:
    /// `InvalidParams` when the parameters do not parse, `InternalError` when statusdoc
    /// fails (the server goes on).
    fn handle<R>(
        &mut self,
        id: RequestId,
        params: Value,
        f: impl FnOnce(&mut Server, R::Params) -> anyhow::Result<R::Result>,
    ) -> anyhow::Result<()>
    where
        R: lsp_types::request::Request,
        R::Params: DeserializeOwned,
    {
        let params: R::Params = match serde_json::from_value(params) {
            Ok(params) => params,
            Err(error) => {
                return self.reply_error(
                    id,
                    ErrorCode::InvalidParams,
                    format!("{}: invalid parameters: {error}", R::METHOD),
                )
            }
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self, params)));
        match result {
            Ok(Ok(result)) => self.send(Response::new_ok(id, result)),
            Ok(Err(error)) => Err(error),
            Err(_) => self.reply_error(
                id,
                ErrorCode::InternalError,
                format!("{}: statusdoc failed (a bug: please report it)", R::METHOD),
            ),
        }
    }

    fn initialize(&mut self, id: RequestId, params: Value) -> anyhow::Result<()> {
        let params: InitializeParams = match serde_json::from_value(params) {
            Ok(params) => params,
            Err(error) => {
                return self.reply_error(
                    id,
                    ErrorCode::InvalidParams,
                    format!("initialize: invalid parameters: {error}"),
                )
            }
        };
        if let Some(settings) = &params.initialization_options {
            self.options.apply_settings(settings, &mut |message| {
                self.workspace.logs.push((MessageType::WARNING, message));
            });
        }
        let capabilities = &params.capabilities;
        let encoding = Encoding::negotiate(
            capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let logs = std::mem::take(&mut self.workspace.logs);
        self.workspace = Workspace::new(self.options.clone(), folders(&params), encoding);
        self.workspace.logs = logs;
        self.workspace.versioned_edits = capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false);
        self.workspace.markdown_hover = capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|formats| formats.contains(&lsp_types::MarkupKind::Markdown));
        let watch = capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let result = InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        will_save: None,
                        will_save_wait_until: None,
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(FIX_ALL),
                        ]),
                        work_done_progress_options: Default::default(),
                        resolve_provider: None,
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "statusdoc".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        self.send(Response::new_ok(id, result))?;
        self.phase = Phase::Running;
        self.watch_configs = watch;
        Ok(())
    }

    /// Asks the client to tell about configuration files changed outside the editor
    /// (`workspace/didChangeWatchedFiles`), once it is initialized.
    fn register_watcher(&mut self) -> anyhow::Result<()> {
        if !self.watch_configs {
            return Ok(());
        }
        let register = RegistrationParams {
            registrations: vec![Registration {
                id: "statusdoc-config-watcher".to_owned(),
                method: note::DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: Some(serde_json::to_value(
                    DidChangeWatchedFilesRegistrationOptions {
                        watchers: vec![FileSystemWatcher {
                            glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                            kind: None,
                        }],
                    },
                )?),
            }],
        };
        self.next_request += 1;
        self.send(Request::new(
            RequestId::from(format!("statusdoc-{}", self.next_request)),
            req::RegisterCapability::METHOD.to_owned(),
            register,
        ))
    }

    fn on_notification(&mut self, notification: Notification) -> anyhow::Result<()> {
        if self.phase != Phase::Running {
            // Before `initialize` notifications are dropped; after `shutdown` only
            // `exit` matters.
            return Ok(());
        }
        let Notification { method, params } = notification;
        match method.as_str() {
            note::Initialized::METHOD => {
                self.register_watcher()?;
                self.cross_page_pass()
            }
            note::DidOpenTextDocument::METHOD => {
                let Some(p) = self.params::<note::DidOpenTextDocument>(params) else {
                    return Ok(());
                };
                let document = p.text_document;
                let uri = document.uri.clone();
                self.workspace.open(
                    document.uri,
                    document.language_id,
                    document.version,
                    document.text,
                );
                self.pending.remove(&uri);
                self.lint_and_publish(&uri)?;
                if is_config(&uri) {
                    self.check_config(&uri)?;
                }
                Ok(())
            }
            note::DidChangeTextDocument::METHOD => {
                let Some(p) = self.params::<note::DidChangeTextDocument>(params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                if self
                    .workspace
                    .change(&uri, p.text_document.version, p.content_changes)
                {
                    self.pending
                        .insert(uri, Instant::now() + self.options.debounce);
                } else {
                    self.log(
                        MessageType::WARNING,
                        format!("{uri}: changed but never opened"),
                    );
                }
                Ok(())
            }
            note::DidSaveTextDocument::METHOD => {
                let Some(p) = self.params::<note::DidSaveTextDocument>(params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                if is_config(&uri) {
                    self.config_changed()?;
                } else {
                    self.flush(&uri)?;
                }
                self.cross_page_pass()
            }
            note::DidCloseTextDocument::METHOD => {
                let Some(p) = self.params::<note::DidCloseTextDocument>(params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                self.pending.remove(&uri);
                if self.workspace.close(&uri).is_some() {
                    self.published.remove(&uri);
                    if !self.config_errors.contains(&uri) {
                        self.publish_raw(&uri, None, Vec::new())?;
                    }
                }
                Ok(())
            }
            note::DidChangeWatchedFiles::METHOD => {
                let Some(p) = self.params::<note::DidChangeWatchedFiles>(params) else {
                    return Ok(());
                };
                if p.changes.iter().any(|c| is_config(&c.uri)) {
                    self.config_changed()?;
                    self.cross_page_pass()?;
                }
                Ok(())
            }
            note::DidChangeWorkspaceFolders::METHOD => {
                let Some(p) = self.params::<note::DidChangeWorkspaceFolders>(params) else {
                    return Ok(());
                };
                let removed: HashSet<PathBuf> = p
                    .event
                    .removed
                    .iter()
                    .filter_map(|f| f.uri.to_file_path().ok())
                    .collect();
                let mut folders: Vec<PathBuf> = self
                    .workspace
                    .folders
                    .iter()
                    .filter(|f| !removed.contains(*f))
                    .cloned()
                    .collect();
                folders.extend(
                    p.event
                        .added
                        .iter()
                        .filter_map(|f| f.uri.to_file_path().ok()),
                );
                self.workspace.set_folders(folders);
                self.relint_all()?;
                self.cross_page_pass()
            }
            // `$/cancelRequest`, `$/setTrace`, `workspace/didChangeConfiguration` and
            // anything else: nothing to do (requests are answered at once).
            _ => Ok(()),
        }
    }

    /// A notification's parameters; a log message when they do not parse.
    fn params<N: lsp_types::notification::Notification>(
        &mut self,
        params: Value,
    ) -> Option<N::Params>
    where
        N::Params: DeserializeOwned,
    {
        match serde_json::from_value(params) {
            Ok(params) => Some(params),
            Err(error) => {
                self.workspace.logs.push((
                    MessageType::ERROR,
                    format!("{}: invalid parameters, ignored: {error}", N::METHOD),
                ));
                None
            }
        }
    }

    /// Lints a document now if it waits for its debounce delay (before a request that
    /// needs its findings).
    fn flush(&mut self, uri: &Url) -> anyhow::Result<()> {
        if self.pending.remove(uri).is_some() {
            self.lint_and_publish(uri)?;
        }
        Ok(())
    }

    /// Lints the documents whose debounce delay is over.
    fn lint_due(&mut self) -> anyhow::Result<()> {
        let now = Instant::now();
        let due: Vec<Url> = self
            .pending
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.pending.remove(&uri);
            self.lint_and_publish(&uri)?;
        }
        Ok(())
    }

    fn lint_and_publish(&mut self, uri: &Url) -> anyhow::Result<()> {
        let started = Instant::now();
        if self.workspace.analyze(uri) && started.elapsed().as_millis() > 500 {
            self.log(
                MessageType::LOG,
                format!("{uri}: linted in {} ms", started.elapsed().as_millis()),
            );
        }
        self.publish(uri)?;
        self.publish_config_problem(uri)
    }

    /// Publishes a document's diagnostics when its version or its findings changed.
    fn publish(&mut self, uri: &Url) -> anyhow::Result<()> {
        let Some(doc) = self.workspace.document(uri) else {
            return Ok(());
        };
        let version = doc.version;
        let diagnostics = self.workspace.diagnostics(uri);
        if self
            .published
            .get(uri)
            .is_some_and(|(v, d)| *v == version && *d == diagnostics)
        {
            return Ok(());
        }
        self.published
            .insert(uri.clone(), (version, diagnostics.clone()));
        self.publish_raw(uri, Some(version), diagnostics)
    }

    fn publish_raw(
        &self,
        uri: &Url,
        version: Option<i32>,
        diagnostics: Vec<lsp_types::Diagnostic>,
    ) -> anyhow::Result<()> {
        self.send(Notification::new(
            note::PublishDiagnostics::METHOD.to_owned(),
            PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version,
            },
        ))
    }

    /// A `statusdoc.toml` that a page could not use: an error on the file itself.
    fn publish_config_problem(&mut self, uri: &Url) -> anyhow::Result<()> {
        let problem = self
            .workspace
            .document(uri)
            .and_then(|d| d.analysis.as_ref())
            .and_then(|a| a.config_problem.clone());
        if let Some((file, error)) = problem {
            if let Ok(config_uri) = Url::from_file_path(&file) {
                if self.config_errors.insert(config_uri.clone()) {
                    self.publish_config_error(&config_uri, Some(error))?;
                }
            }
        }
        Ok(())
    }

    fn publish_config_error(
        &self,
        uri: &Url,
        error: Option<statusdoc_lint::ConfigError>,
    ) -> anyhow::Result<()> {
        let diagnostics = error
            .map(|error| {
                let at = lsp_types::Position::new(
                    error.line.saturating_sub(1) as u32,
                    error.column.saturating_sub(1) as u32,
                );
                vec![lsp_types::Diagnostic {
                    range: lsp_types::Range::new(at, at),
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(lsp_types::NumberOrString::String("config".to_owned())),
                    source: Some("statusdoc".to_owned()),
                    message: format!(
                        "{}; the pages below this folder use statusdoc's defaults until it is fixed",
                        error.message
                    ),
                    ..lsp_types::Diagnostic::default()
                }]
            })
            .unwrap_or_default();
        self.publish_raw(uri, None, diagnostics)
    }

    /// Checks an open configuration file by parsing it from the disk.
    fn check_config(&mut self, uri: &Url) -> anyhow::Result<()> {
        let Ok(file) = uri.to_file_path() else {
            return Ok(());
        };
        let Some(dir) = file.parent() else {
            return Ok(());
        };
        let (root, _) = crate::project::root_for(&file, &self.workspace.folders);
        let resolved = self.workspace.configs.for_dir(dir, &root);
        match resolved.problem {
            Some((problem_file, error)) if problem_file == file => {
                self.config_errors.insert(uri.clone());
                self.publish_config_error(uri, Some(error))
            }
            _ => {
                if self.config_errors.remove(uri) {
                    self.publish_config_error(uri, None)?;
                }
                Ok(())
            }
        }
    }

    /// A configuration file was saved, created or deleted.
    fn config_changed(&mut self) -> anyhow::Result<()> {
        self.workspace.configuration_changed();
        self.configuration_changed = true;
        let errors: Vec<Url> = self.config_errors.drain().collect();
        for uri in errors {
            self.publish_config_error(&uri, None)?;
        }
        let open_configs: Vec<Url> = self
            .workspace
            .documents()
            .filter(|d| is_config(&d.uri))
            .map(|d| d.uri.clone())
            .collect();
        for uri in open_configs {
            self.check_config(&uri)?;
        }
        self.relint_all()
    }

    fn relint_all(&mut self) -> anyhow::Result<()> {
        let uris: Vec<Url> = self.workspace.documents().map(|d| d.uri.clone()).collect();
        for uri in uris {
            self.pending.remove(&uri);
            self.lint_and_publish(&uri)?;
        }
        Ok(())
    }

    /// Asks the worker for a cross-page pass over the workspace as it is now.
    fn cross_page_pass(&mut self) -> anyhow::Result<()> {
        let uris: Vec<Url> = self.workspace.documents().map(|d| d.uri.clone()).collect();
        for uri in &uris {
            self.pending.remove(uri);
            self.workspace.analyze(uri);
        }
        let mut projects: Vec<ProjectJob> = self
            .workspace
            .folders
            .iter()
            .map(|root| ProjectJob {
                root: root.clone(),
                walk: true,
                open: Vec::new(),
            })
            .collect();
        for doc in self.workspace.documents() {
            let (Some(file), Some(root), Some(document)) = (
                &doc.file,
                &doc.root,
                doc.analysis.as_ref().and_then(|a| a.document.clone()),
            ) else {
                continue;
            };
            let page = OpenPage {
                key: doc.key.clone(),
                uri: doc.uri.clone(),
                file: file.clone(),
                text: doc.text.as_str().into(),
                document,
            };
            match projects.iter_mut().find(|p| &p.root == root) {
                Some(project) => project.open.push(page),
                None => projects.push(ProjectJob {
                    root: root.clone(),
                    walk: false,
                    open: vec![page],
                }),
            }
        }
        self.generation += 1;
        let job = Job {
            generation: self.generation,
            projects,
            configuration_changed: std::mem::take(&mut self.configuration_changed),
            encoding: self.workspace.encoding(),
        };
        if self.jobs.send(job).is_err() {
            self.log(
                MessageType::ERROR,
                "the cross-page worker stopped".to_owned(),
            );
        }
        Ok(())
    }

    fn on_outcome(&mut self, outcome: Outcome) -> anyhow::Result<()> {
        for message in outcome.logs {
            self.log(MessageType::WARNING, message);
        }
        if outcome.generation != self.generation {
            // A newer pass is on its way.
            return Ok(());
        }
        self.workspace.cross = outcome.pages;
        let uris: Vec<Url> = self.workspace.documents().map(|d| d.uri.clone()).collect();
        for uri in uris {
            if !self.pending.contains_key(&uri) {
                self.workspace.analyze(&uri);
                self.publish(&uri)?;
            }
        }
        Ok(())
    }

    fn log(&mut self, kind: MessageType, message: String) {
        self.workspace.logs.push((kind, message));
    }

    fn flush_logs(&mut self) -> anyhow::Result<()> {
        for (typ, message) in std::mem::take(&mut self.workspace.logs) {
            self.send(Notification::new(
                note::LogMessage::METHOD.to_owned(),
                LogMessageParams { typ, message },
            ))?;
        }
        Ok(())
    }
}

fn is_config(uri: &Url) -> bool {
    uri.path().rsplit('/').next() == Some(CONFIG_FILE)
}

/// The workspace folders (the root URI or path of clients that have none).
#[allow(deprecated)] // `root_uri` and `root_path`: what older clients send.
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders
            .iter()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
    }
    if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
        return vec![root];
    }
    params
        .root_path
        .as_ref()
        .map(|p| vec![PathBuf::from(p)])
        .unwrap_or_default()
}
