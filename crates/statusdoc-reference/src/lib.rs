//! The reference every rule checks against: the IANA HTTP Status Code Registry, its
//! pre-RFC 9110 edition, and a hand-curated table of RFC 9110 semantics
//! (`sources/reference/rfc9110-semantics.toml`).
//!
//! The [`Registry`] is built once and answers every lookup by indexing an array with the
//! status code; it is immutable and shared by all threads.

mod phrase;
mod registry;

pub use phrase::{is_qualifier, phrase_key, strip_explanation, strip_qualifier, PhraseMatch};
pub use registry::{NonStandard, ObsoletePhrase, ReferenceError, Registry, Status};
// The status vocabulary, defined once in `status-vocab` for statusdoc and the generated
// `status-catalog` crate.
pub use status_vocab::{Class, Retry, State};
