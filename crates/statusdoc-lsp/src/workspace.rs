//! The open documents and what statusdoc found in them: the server's state, without
//! the protocol's transport (so that it can be tested and benchmarked directly).
//!
//! Each open document is read and linted on its own, from the text the editor holds,
//! with its nearest `statusdoc.toml`, exactly as `statusdoc lint` would lint that file
//! (the pages of an editor are like pages found by walking a folder: a page without
//! status codes gets no finding). Only a changed document is read again. The
//! cross-page rules run over the whole workspace when a document is saved
//! ([`crate::crosspage`]); their findings are kept, and follow later edits of the page
//! until the next save.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, MessageType,
    NumberOrString, TextDocumentContentChangeEvent, Url,
};
use statusdoc_ingest::{read_page, unreadable_page, IngestError, ReadOptions};
use statusdoc_lint::{lint, Page};
use statusdoc_model::{Diagnostic, Document, Format, Severity, Span};
use statusdoc_reference::Registry;

use crate::crosspage::PageCross;
use crate::project::{self, ConfigStore, Resolved};
use crate::text::{apply_changes, Delta, Encoding, LineIndex};
use crate::{format, Options};

/// The id of the rule whose findings are suppression comments that suppress nothing.
pub(crate) const UNUSED_SUPPRESSION: &str = statusdoc_lint::rules::unused_suppression::META.id;

/// One document the editor has open.
pub struct OpenDocument {
    pub uri: Url,
    pub version: i32,
    pub language_id: String,
    /// The text as the editor holds it (unsaved changes included).
    pub text: String,
    pub lines: LineIndex,
    /// The file, for `file:` documents.
    pub file: Option<PathBuf>,
    /// What the page's path is shown relative to (its workspace folder).
    pub root: Option<PathBuf>,
    /// The path as findings name it (as `statusdoc lint` run in the root would).
    pub shown: String,
    /// How cross-page results name this page: its file, else its URI.
    pub key: String,
    /// The format it is read as; `None` when it is not a page the server lints.
    pub format: Option<Format>,
    /// What the last reading found; `None` until the current text has been read.
    pub analysis: Option<Analysis>,
    /// Whether it has been analysed once (an unknown format is said only once).
    seen: bool,
}

/// The result of reading and linting one version of a document.
pub struct Analysis {
    /// `None` for an empty document (nothing to check yet).
    pub document: Option<Arc<Document>>,
    /// The findings of the page on its own, configured and suppressed as the CLI does.
    pub findings: Vec<Diagnostic>,
    /// The configuration file that could not be used, if any.
    pub config_problem: Option<(PathBuf, statusdoc_lint::ConfigError)>,
}

/// A finding as published: a statusdoc diagnostic in the current text, and where its
/// labels in other pages are.
pub(crate) struct Finding {
    pub diagnostic: Diagnostic,
    /// Per label: its location when it is in another page.
    pub elsewhere: Vec<Option<Location>>,
}

/// The server's state.
pub struct Workspace {
    pub(crate) options: Options,
    pub(crate) encoding: Encoding,
    pub(crate) folders: Vec<PathBuf>,
    pub(crate) docs: HashMap<Url, OpenDocument>,
    pub(crate) configs: ConfigStore,
    /// The cross-page findings of the last workspace pass, by page key.
    pub(crate) cross: HashMap<String, PageCross>,
    pub(crate) registry: &'static Registry,
    /// The client applies versioned `documentChanges` in workspace edits.
    pub(crate) versioned_edits: bool,
    /// The client renders Markdown hovers.
    pub(crate) markdown_hover: bool,
    /// Messages for the client's log (`window/logMessage`), drained by the server.
    pub(crate) logs: Vec<(MessageType, String)>,
}

impl Workspace {
    pub fn new(options: Options, folders: Vec<PathBuf>, encoding: Encoding) -> Workspace {
        Workspace {
            options,
            encoding,
            folders: folders.iter().map(|f| project::normalize(f)).collect(),
            docs: HashMap::new(),
            configs: ConfigStore::default(),
            cross: HashMap::new(),
            registry: Registry::bundled(),
            versioned_edits: true,
            markdown_hover: true,
            logs: Vec::new(),
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn document(&self, uri: &Url) -> Option<&OpenDocument> {
        self.docs.get(uri)
    }

    pub fn documents(&self) -> impl Iterator<Item = &OpenDocument> {
        self.docs.values()
    }

    /// `textDocument/didOpen`: the document is read on the next [`Workspace::analyze`].
    pub fn open(&mut self, uri: Url, language_id: String, version: i32, text: String) {
        let file = uri
            .to_file_path()
            .ok()
            .filter(|_| uri.scheme() == "file")
            .map(|f| project::normalize(&f));
        let (root, shown, key) = match &file {
            Some(file) => {
                let (root, _) = project::root_for(file, &self.folders);
                let shown = project::show(&root, file);
                (Some(root), shown, file.to_string_lossy().into_owned())
            }
            None => {
                let name = uri
                    .path_segments()
                    .and_then(|mut s| s.next_back().map(str::to_owned))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| uri.to_string());
                (None, name, uri.to_string())
            }
        };
        let lines = LineIndex::new(&text);
        self.docs.insert(
            uri.clone(),
            OpenDocument {
                uri,
                version,
                language_id,
                text,
                lines,
                file,
                root,
                shown,
                key,
                format: None,
                analysis: None,
                seen: false,
            },
        );
    }

    /// `textDocument/didChange`; `false` for a document that is not open.
    pub fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> bool {
        let Some(doc) = self.docs.get_mut(uri) else {
            return false;
        };
        apply_changes(&mut doc.text, changes, self.encoding);
        doc.lines = LineIndex::new(&doc.text);
        doc.version = version;
        doc.analysis = None;
        true
    }

    /// `textDocument/didClose`.
    pub fn close(&mut self, uri: &Url) -> Option<OpenDocument> {
        self.docs.remove(uri)
    }

    /// A configuration file changed: every page is configured and linted again.
    pub fn configuration_changed(&mut self) {
        self.configs.clear();
        for doc in self.docs.values_mut() {
            doc.analysis = None;
        }
    }

    /// Workspace folders were added or removed: paths are shown relative to new roots.
    pub fn set_folders(&mut self, folders: Vec<PathBuf>) {
        self.folders = folders.iter().map(|f| project::normalize(f)).collect();
        let docs: Vec<_> = self.docs.drain().map(|(_, d)| d).collect();
        for doc in docs {
            self.open(doc.uri, doc.language_id, doc.version, doc.text);
        }
    }

    /// Reads and lints the document if its current text has not been; returns whether
    /// it did.
    pub fn analyze(&mut self, uri: &Url) -> bool {
        let Some(doc) = self.docs.get(uri) else {
            return false;
        };
        if doc.analysis.is_some() {
            return false;
        }
        let format = format::detect(&doc.shown, &doc.language_id, &doc.text);
        let resolved = match (&doc.file, &doc.root) {
            (Some(file), Some(root)) => self.configs.for_file(file, root),
            _ => Resolved {
                config: Arc::new(statusdoc_lint::Config::default()),
                problem: None,
            },
        };
        let registry = self.registry;
        let doc = self.docs.get_mut(uri).expect("looked up above");
        let had_format = doc.format;
        let first = !std::mem::replace(&mut doc.seen, true);
        doc.format = format;
        let Some(format) = format else {
            if first || had_format.is_some() {
                self.logs.push((
                    MessageType::LOG,
                    format!(
                        "{}: not a Markdown, reStructuredText, HTML, AsciiDoc or OpenAPI page; not linted",
                        doc.uri
                    ),
                ));
            }
            doc.analysis = Some(Analysis {
                document: None,
                findings: Vec::new(),
                config_problem: None,
            });
            return true;
        };
        let config = resolved.config;
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let document = read(&doc.shown, &doc.text, format, registry)?;
            let page = Page {
                config: Some(&config),
                ..Page::new(&document)
            };
            let findings = lint(&[page], registry, &config);
            Some((Arc::new(document), findings))
        }));
        let (document, findings) = match outcome {
            Ok(Some((document, findings))) => (Some(document), findings),
            Ok(None) => (None, Vec::new()),
            Err(_) => {
                self.logs.push((
                    MessageType::ERROR,
                    format!(
                        "{}: statusdoc failed on this page (a bug: please report it with the page)",
                        doc.uri
                    ),
                ));
                (None, Vec::new())
            }
        };
        doc.analysis = Some(Analysis {
            document,
            findings,
            config_problem: resolved.problem,
        });
        true
    }

    /// The findings of an analysed document: its own, and the cross-page findings of
    /// the last workspace pass that the edits since have not touched.
    pub(crate) fn findings(&self, uri: &Url) -> Vec<Finding> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(analysis) = &doc.analysis else {
            return Vec::new();
        };
        if analysis.document.is_none() {
            return Vec::new();
        }
        let cross = self.cross.get(&doc.key).filter(|c| c.shown == doc.shown);
        let delta = cross.map(|c| Delta::between(&c.base, &doc.text));
        // Suppressions a cross-page finding used are not unused (SD010).
        let used: Vec<Span> = match (cross, delta) {
            (Some(cross), Some(delta)) => cross.used.iter().filter_map(|s| delta.map(*s)).collect(),
            _ => Vec::new(),
        };
        let mut findings: Vec<Finding> = analysis
            .findings
            .iter()
            .filter(|d| !(d.rule == UNUSED_SUPPRESSION && used.contains(&d.span)))
            .map(|d| Finding {
                diagnostic: d.clone(),
                elsewhere: vec![None; d.labels.len()],
            })
            .collect();
        if let (Some(cross), Some(delta)) = (cross, delta) {
            for (diagnostic, elsewhere) in &cross.findings {
                let Some(span) = delta.map(diagnostic.span) else {
                    continue;
                };
                let mut diagnostic = diagnostic.clone();
                diagnostic.span = span;
                let mut kept = Vec::new();
                let mut labels = Vec::new();
                for (label, location) in diagnostic.labels.iter().zip(elsewhere) {
                    if location.is_some() {
                        labels.push(label.clone());
                        kept.push(location.clone());
                    } else if let Some(span) = delta.map(label.span) {
                        let mut label = label.clone();
                        label.span = span;
                        labels.push(label);
                        kept.push(None);
                    }
                }
                diagnostic.labels = labels;
                findings.push(Finding {
                    diagnostic,
                    elsewhere: kept,
                });
            }
        }
        findings.sort_by(|a, b| {
            (
                a.diagnostic.span.start,
                a.diagnostic.rule,
                a.diagnostic.status_code,
            )
                .cmp(&(
                    b.diagnostic.span.start,
                    b.diagnostic.rule,
                    b.diagnostic.status_code,
                ))
        });
        findings
    }

    /// The document's diagnostics as published.
    pub fn diagnostics(&self, uri: &Url) -> Vec<lsp_types::Diagnostic> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        self.findings(uri)
            .iter()
            .map(|f| self.lsp_diagnostic(doc, f))
            .collect()
    }

    /// The page of a rule's documentation.
    pub(crate) fn rule_href(&self, rule: &str) -> Option<Url> {
        Url::parse(&format!("{}{rule}.md", self.options.docs_base_url)).ok()
    }

    pub(crate) fn lsp_diagnostic(
        &self,
        doc: &OpenDocument,
        finding: &Finding,
    ) -> lsp_types::Diagnostic {
        let d = &finding.diagnostic;
        let message = match &d.help {
            Some(help) => format!("{}\nhelp: {help}", d.message),
            None => d.message.clone(),
        };
        let related: Vec<DiagnosticRelatedInformation> = d
            .labels
            .iter()
            .zip(&finding.elsewhere)
            .filter_map(|(label, elsewhere)| {
                let location = match elsewhere {
                    Some(location) => location.clone(),
                    None if label.path == doc.shown => Location {
                        uri: doc.uri.clone(),
                        range: doc.lines.range(&doc.text, label.span, self.encoding),
                    },
                    None => self.locate_label(doc, label)?,
                };
                Some(DiagnosticRelatedInformation {
                    location,
                    message: label.message.clone(),
                })
            })
            .collect();
        lsp_types::Diagnostic {
            range: doc.lines.range(&doc.text, d.span, self.encoding),
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(d.rule.to_owned())),
            code_description: self.rule_href(d.rule).map(|href| CodeDescription { href }),
            source: Some("statusdoc".to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }

    /// A label in another page, by its line and column (open pages by their text).
    fn locate_label(&self, doc: &OpenDocument, label: &statusdoc_model::Label) -> Option<Location> {
        let root = doc.root.as_ref()?;
        let file = project::normalize(&root.join(&label.path));
        let uri = Url::from_file_path(&file).ok()?;
        if let Some(other) = self.docs.values().find(|d| d.file.as_ref() == Some(&file)) {
            return Some(Location {
                uri: other.uri.clone(),
                range: other.lines.range(&other.text, label.span, self.encoding),
            });
        }
        let position = lsp_types::Position::new(
            label.line.saturating_sub(1) as u32,
            label.column.saturating_sub(1) as u32,
        );
        Some(Location {
            uri,
            range: lsp_types::Range::new(position, position),
        })
    }
}

/// Reads a page's text as `format`, as the CLI reads a page found by walking: `None`
/// for an empty page, an `unreadable-page` finding for one that is not text.
pub(crate) fn read(
    shown: &str,
    text: &str,
    format: Format,
    registry: &Registry,
) -> Option<Document> {
    let options = ReadOptions {
        format: Some(format),
        registry,
    };
    let mut document = match read_page(shown, text.as_bytes(), &options) {
        Ok(document) => document,
        Err(IngestError::Empty { .. }) => return None,
        Err(error) => unreadable_page(&error),
    };
    document.discovered = true;
    Some(document)
}
