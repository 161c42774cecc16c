//! The types of `generated/catalog.json`. Its schema, `generated/catalog.schema.json`,
//! is derived from these types, so the two cannot drift apart.

use schemars::JsonSchema;
use serde::Serialize;

// The status vocabulary, defined once in `status-vocab` (with its `schemars` feature)
// and shared with the reference registry and the generated `status-catalog` crate.
pub use status_vocab::{Class, Retry, State, TitleMatch};

/// The canonical catalog: every registered status code and every code a vendor page
/// documents, with each vendor page as documented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Names the command that regenerates the file; JSON has no comments.
    #[serde(rename = "_generated")]
    pub generated: String,
    /// Bumped when a field changes meaning or disappears.
    pub schema_version: u32,
    /// The "Last Updated" date of the IANA registry edition the catalog is built from.
    pub iana_registry_updated: String,
    /// Every status by code: the IANA registry's codes and any code a vendor documents.
    pub statuses: Vec<CatalogStatus>,
    /// The vendor pages of the corpus, in manifest order.
    pub pages: Vec<CatalogPage>,
}

/// Retry semantics of a status, as an SDK's retry policy needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetrySemantics {
    pub kind: Retry,
    /// The unchanged request may be repeated, whatever its method.
    pub retryable: bool,
    /// The unchanged request may be repeated if it is idempotent (also true when
    /// `retryable` is).
    pub retryable_if_idempotent: bool,
    /// Wait for the time a Retry-After header gives before repeating.
    pub honour_retry_after: bool,
    /// For an unregistered code: the code whose semantics apply (the class's x00,
    /// RFC 9110, Section 15).
    pub derived_from: Option<u16>,
}

/// A reason phrase of an earlier specification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObsoletePhrase {
    pub phrase: String,
    pub source: String,
}

/// A status code and its canonical semantics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogStatus {
    pub code: u16,
    /// The canonical reason phrase; for an unregistered code the phrase services use
    /// (499 "Client Closed Request"), or empty when there is none.
    pub reason: String,
    pub class: Class,
    pub state: State,
    /// The defining specification section ("RFC 9110, Section 15.5.16").
    pub reference: Option<String>,
    pub retry: RetrySemantics,
    /// Header fields that go with the status (Retry-After, Location...).
    pub headers: Vec<String>,
    pub obsolete_phrases: Vec<ObsoletePhrase>,
    /// Who sends an unregistered code ("nginx").
    pub nonstandard_origin: Option<String>,
    /// Ids of the pages that document the code.
    pub documented_by: Vec<String>,
}

/// One vendor page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogPage {
    /// The manifest id.
    pub id: String,
    /// The Rust item of the page's table in the status-catalog crate (`vendors::…`).
    pub rust_name: String,
    /// More names for the same table (`rust_aliases` in the manifest).
    #[serde(skip)]
    #[schemars(skip)]
    pub rust_aliases: Vec<String>,
    pub vendor: String,
    pub product: String,
    pub format: String,
    /// The page's path, as reports show it (`sources/…`).
    pub path: String,
    pub origin: Option<String>,
    /// Pages with the same value are renderings of one document.
    pub document: Option<String>,
    /// The page's own title, if it has one.
    pub title: Option<String>,
    /// The documented codes, in page order.
    pub entries: Vec<CatalogEntry>,
    /// Findings on the page that belong to no entry (a code it leaves out...).
    pub deviations: Vec<Deviation>,
}

/// One documented code on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    pub code: u16,
    /// The title exactly as documented (markup removed).
    pub title: Option<String>,
    /// The canonical phrase when the title is it up to spelling or an obsolete name;
    /// otherwise the documented title with whitespace folded (the canonical phrase
    /// when the page gives none).
    pub normalized_title: String,
    pub title_match: TitleMatch,
    /// The description as documented; paragraphs are separated by a blank line.
    pub description: Option<String>,
    /// Headings above the entry, outermost first.
    pub section: Vec<String>,
    /// Numeric limits the description states ("maxPayload (1048576)").
    pub limits: Vec<Limit>,
    pub provenance: Provenance,
    /// The findings about this entry.
    pub deviations: Vec<Deviation>,
}

/// A numeric limit stated in a description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub name: String,
    pub value: u64,
}

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The manifest id of the page.
    pub source: String,
    pub path: String,
    /// 1-based line and column of the code.
    pub line: usize,
    pub column: usize,
    /// The byte range of the whole entry (code, title and description).
    pub start: usize,
    pub end: usize,
}

/// A lint finding attached to the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    /// The rule id (`SD101`).
    pub rule: String,
    /// The rule name (`wrong-reason-phrase`).
    pub name: String,
    pub severity: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// Whether the finding is about retry behaviour: an SDK's retry policy should use
    /// the canonical semantics instead of what the page says.
    pub affects_retry: bool,
}
