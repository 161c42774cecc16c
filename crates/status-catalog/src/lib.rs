//! The canonical HTTP status code catalog, compiled by statusdoc from the IANA registry,
//! RFC 9110 and the vendor pages of its corpus.
//!
//! All data is `static`/`const`, generated into `src/data.rs` (inside the crate, so that
//! it is published with it) by `cargo xtask codegen`: nothing is parsed at run time and no lookup allocates.
//!
//! - [`lookup`] and the constants of [`codes`] give RFC 9110 semantics; a code that is
//!   not registered but that a vendor documents (509) is there too, with its class's
//!   semantics.
//! - [`vendors`] has one table per page of the corpus, named after the manifest page
//!   id (`oracle-iam-identity-domains` is `vendors::ORACLE_IAM_IDENTITY_DOMAINS`); a
//!   page can have more names, listed as `rust_aliases` in `sources/manifest.toml`
//!   (`vendors::OCI_IDENTITY_DOMAINS`).
//! - [`retry_policy`] and [`VendorPage::retry_policy`] answer "retry? honour
//!   Retry-After?" the canonical way, exposing a page's contradicting advice.
//! - The `http` feature converts to and from `http::StatusCode`.
//!
//! ```
//! let status = status_catalog::lookup(415).unwrap();
//! assert_eq!(status.reason, "Unsupported Media Type");
//! assert_eq!(status_catalog::codes::CONTENT_TOO_LARGE.code, 413);
//!
//! // What one vendor's page says, with the findings that page has.
//! let entry = status_catalog::vendors::OCI_IDENTITY_DOMAINS.lookup(415).unwrap();
//! assert_eq!(entry.title, "Not Acceptable");
//! assert!(entry.has_deviation("SD101"));
//!
//! // Retry advice for an SDK: canonical, even where a page says otherwise.
//! let policy = status_catalog::vendors::OTC_IAM.retry_policy(503);
//! assert!(policy.policy.retryable && policy.policy.honour_retry_after);
//! assert!(policy.page_is_wrong());
//! ```
#![no_std]

#[cfg(feature = "http")]
mod http_conv;
#[cfg(feature = "http")]
pub use http_conv::UnknownStatus;

include!("data.rs");

// The status vocabulary, defined once in the `status-vocab` crate, which statusdoc
// shares; documented here as this crate's own.
#[doc(inline)]
pub use status_vocab::{Class, Retry, State, TitleMatch};

/// A reason phrase of an earlier specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObsoletePhrase {
    pub phrase: &'static str,
    /// The document that used it ("RFC 2616").
    pub source: &'static str,
}

/// A status code and its canonical semantics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Status {
    pub code: u16,
    /// The canonical reason phrase; for an unregistered code the phrase services use
    /// (499 "Client Closed Request"), or empty when there is none.
    pub reason: &'static str,
    pub class: Class,
    pub state: State,
    /// The defining section ("RFC 9110, Section 15.5.16"); empty when unregistered.
    pub reference: &'static str,
    /// For an unregistered code, the semantics of its class's x00 (RFC 9110, Section 15).
    pub retry: Retry,
    /// Whether to wait for the time a Retry-After header gives before repeating.
    pub honour_retry_after: bool,
    /// Header fields that go with the status.
    pub headers: &'static [&'static str],
    pub obsolete: &'static [ObsoletePhrase],
    /// Who sends an unregistered code ("nginx"); empty otherwise.
    pub origin: &'static str,
}

impl Status {
    /// Whether the code is in the IANA registry.
    pub const fn is_registered(&self) -> bool {
        !matches!(self.state, State::Unassigned)
    }

    /// The canonical retry policy of the status.
    pub const fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy::of(self.retry, self.honour_retry_after)
    }
}

/// The catalog entry of a code: every IANA-registered code and every code a vendor
/// page of the corpus documents.
#[inline]
pub fn lookup(code: u16) -> Option<&'static Status> {
    status(code)
}

/// Every status of the catalog, ordered by code.
pub fn statuses() -> &'static [Status] {
    &STATUSES
}

/// Whether and how an SDK should repeat a request that got a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryPolicy {
    pub retry: Retry,
    /// The unchanged request may be repeated, whatever its method.
    pub retryable: bool,
    /// The unchanged request may be repeated if it is idempotent (true too when
    /// `retryable` is).
    pub retryable_if_idempotent: bool,
    /// Wait for the time a Retry-After header gives before repeating.
    pub honour_retry_after: bool,
}

impl RetryPolicy {
    /// The policy for a code that is no HTTP status at all: never repeat.
    pub const INVALID: RetryPolicy = RetryPolicy::of(Retry::NotWithoutModification, false);

    const fn of(retry: Retry, honour_retry_after: bool) -> RetryPolicy {
        RetryPolicy {
            retry,
            retryable: retry.is_retryable(),
            retryable_if_idempotent: retry.is_retryable_if_idempotent(),
            honour_retry_after,
        }
    }

    /// Whether to repeat a request with this method safety.
    pub const fn should_retry(&self, idempotent: bool) -> bool {
        self.retryable || idempotent && self.retryable_if_idempotent
    }
}

/// The canonical retry policy of any code. A code the catalog does not know is treated
/// as the x00 of its class, as RFC 9110 (Section 15) tells clients to; a code outside
/// 100–599 is never retried.
pub fn retry_policy(code: u16) -> RetryPolicy {
    if let Some(status) = lookup(code) {
        return status.retry_policy();
    }
    match Class::of(code) {
        Some(_) => match lookup(code / 100 * 100) {
            Some(base) => base.retry_policy(),
            None => RetryPolicy::INVALID,
        },
        None => RetryPolicy::INVALID,
    }
}

/// A numeric limit a description states ("maxPayload (1048576)").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limit {
    pub name: &'static str,
    pub value: u64,
}

/// Where a vendor entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Provenance {
    /// The manifest id of the page.
    pub source: &'static str,
    pub path: &'static str,
    /// 1-based line and column of the code on the page.
    pub line: u32,
    pub column: u32,
}

/// A statusdoc finding about a page: where the page deviates from the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Deviation {
    /// The rule id (`SD101`); `statusdoc explain SD101` documents it.
    pub rule: &'static str,
    /// The rule name (`wrong-reason-phrase`).
    pub name: &'static str,
    pub message: &'static str,
    /// Whether the page's retry advice is what is wrong.
    pub affects_retry: bool,
}

/// One code as one vendor page documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorEntry {
    pub code: u16,
    /// The title as documented; empty when the page gives none.
    pub title: &'static str,
    /// The canonical phrase when the title is it up to spelling or an obsolete name,
    /// otherwise the documented title with whitespace folded.
    pub normalized_title: &'static str,
    pub title_match: TitleMatch,
    /// The description as documented; paragraphs are separated by a blank line.
    pub description: &'static str,
    pub limits: &'static [Limit],
    pub provenance: Provenance,
    pub deviations: &'static [Deviation],
}

impl VendorEntry {
    /// The canonical status of the code.
    pub fn status(&self) -> Option<&'static Status> {
        lookup(self.code)
    }

    /// The value of a documented limit, by name.
    pub fn limit(&self, name: &str) -> Option<u64> {
        self.limits.iter().find(|l| l.name == name).map(|l| l.value)
    }

    /// Whether statusdoc reports this rule (id or name) on the entry.
    pub fn has_deviation(&self, rule: &str) -> bool {
        self.deviations
            .iter()
            .any(|d| d.rule == rule || d.name == rule)
    }
}

/// One vendor page of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorPage {
    /// The manifest id.
    pub id: &'static str,
    pub vendor: &'static str,
    pub product: &'static str,
    pub path: &'static str,
    /// Where the page was published, when it says; empty otherwise.
    pub origin: &'static str,
    /// The documented codes, in page order.
    pub entries: &'static [VendorEntry],
    /// Findings that belong to no entry (a code the page leaves out...).
    pub deviations: &'static [Deviation],
}

impl VendorPage {
    /// The page's entry for a code (the first, if the page documents it twice).
    pub fn lookup(&self, code: u16) -> Option<&'static VendorEntry> {
        let entries: &'static [VendorEntry] = self.entries;
        entries.iter().find(|e| e.code == code)
    }

    /// The retry policy for a code from this vendor: always the canonical answer, with
    /// the page's contradicting advice, if any, exposed rather than followed.
    pub fn retry_policy(&self, code: u16) -> VendorRetryPolicy {
        let entry = self.lookup(code);
        VendorRetryPolicy {
            code,
            policy: retry_policy(code),
            documented: entry.is_some(),
            contradiction: entry.and_then(|e| e.deviations.iter().find(|d| d.affects_retry)),
        }
    }
}

/// A vendor's retry policy for one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorRetryPolicy {
    pub code: u16,
    /// The canonical policy, which SDKs should follow.
    pub policy: RetryPolicy,
    /// Whether the vendor's page documents the code.
    pub documented: bool,
    /// The finding that the page's retry advice contradicts the standard.
    pub contradiction: Option<&'static Deviation>,
}

impl VendorRetryPolicy {
    /// Whether the page's retry advice is wrong (and `policy` overrides it).
    pub const fn page_is_wrong(&self) -> bool {
        self.contradiction.is_some()
    }
}

/// A vendor page's table by manifest id.
pub fn vendor(id: &str) -> Option<&'static VendorPage> {
    vendors::ALL.iter().copied().find(|p| p.id == id)
}
