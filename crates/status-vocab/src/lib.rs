//! The vocabulary of HTTP status semantics, defined once for statusdoc and the SDKs.
//!
//! statusdoc's reference registry reads these types from its RFC 9110 table, its catalog
//! compiler writes them into `catalog.json` (and its schema), and the generated
//! `status-catalog` crate serves them to SDKs, re-exported. One definition means one
//! spelling: [`Class::as_str`] and the others give the same kebab-case names as the
//! optional serde derives (`client-error`, `not-without-modification`, `other-code`).
//!
//! `no_std`, no allocation and no dependencies by default. The `serde` feature derives
//! `Serialize`/`Deserialize`; the `schemars` feature (which implies `serde`, whose
//! attributes name the variants) derives `JsonSchema`.
#![no_std]

/// The class of a status code (RFC 9110, Section 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Class {
    Informational,
    Successful,
    Redirection,
    ClientError,
    ServerError,
}

impl Class {
    /// The class of any three-digit code; `None` outside 100–599.
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Successful),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }

    /// The kebab-case name (`client-error`), as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            Class::Informational => "informational",
            Class::Successful => "successful",
            Class::Redirection => "redirection",
            Class::ClientError => "client-error",
            Class::ServerError => "server-error",
        }
    }
}

/// The registration state of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum State {
    Current,
    /// Defined but not to be used (305 Use Proxy).
    Deprecated,
    /// Reserved, no longer used (306, 418).
    Unused,
    /// A temporary registration (104).
    Temporary,
    /// Marked obsoleted in the registry (510).
    Obsoleted,
    /// Not in the IANA registry (a vendor's own or a non-standard code).
    Unassigned,
}

impl State {
    /// The kebab-case name (`unassigned`), as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Deprecated => "deprecated",
            State::Unused => "unused",
            State::Temporary => "temporary",
            State::Obsoleted => "obsoleted",
            State::Unassigned => "unassigned",
        }
    }
}

/// What a client may do after receiving the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Retry {
    /// Nothing failed (1xx, 2xx, 3xx).
    NotApplicable,
    /// The same request may be repeated (408, 421, 425).
    MayRetry,
    /// Repeat after a delay, honouring Retry-After (429, 503).
    AfterDelay,
    /// A server fault: idempotent requests may be repeated.
    ServerDependent,
    /// Repeating the same request fails again (400, 403, 404...).
    NotWithoutModification,
}

impl Retry {
    /// The kebab-case name (`may-retry`), as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::NotApplicable => "not-applicable",
            Retry::MayRetry => "may-retry",
            Retry::AfterDelay => "after-delay",
            Retry::ServerDependent => "server-dependent",
            Retry::NotWithoutModification => "not-without-modification",
        }
    }

    /// Whether repeating the unchanged request can succeed, whatever its method.
    pub const fn is_retryable(self) -> bool {
        matches!(self, Retry::MayRetry | Retry::AfterDelay)
    }

    /// Whether repeating the unchanged request can succeed if it is idempotent (true
    /// too when [`Retry::is_retryable`] is).
    pub const fn is_retryable_if_idempotent(self) -> bool {
        self.is_retryable() || matches!(self, Retry::ServerDependent)
    }
}

/// How a documented title relates to the code's reason phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum TitleMatch {
    Exact,
    /// The canonical phrase spelled differently ("BadRequest").
    Spelling,
    /// A phrase of an earlier specification ("Request Entity Too Large").
    Obsolete,
    /// The known phrase of an unregistered code.
    Nonstandard,
    /// The phrase of another code ("Not Acceptable" for 415).
    OtherCode,
    Unknown,
    /// The page gives no title.
    Missing,
}

impl TitleMatch {
    /// The kebab-case name (`other-code`), as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            TitleMatch::Exact => "exact",
            TitleMatch::Spelling => "spelling",
            TitleMatch::Obsolete => "obsolete",
            TitleMatch::Nonstandard => "nonstandard",
            TitleMatch::OtherCode => "other-code",
            TitleMatch::Unknown => "unknown",
            TitleMatch::Missing => "missing",
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    /// `as_str` is the serde spelling, and the spelling reads back.
    fn spelt<T>(values: &[T], as_str: fn(T) -> &'static str)
    where
        T: Copy + PartialEq + core::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        for &value in values {
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, ["\"", as_str(value), "\""].concat(), "{value:?}");
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
        }
    }

    #[test]
    fn as_str_is_the_serde_spelling() {
        use Class::*;
        spelt(
            &[
                Informational,
                Successful,
                Redirection,
                ClientError,
                ServerError,
            ],
            Class::as_str,
        );
        use State::*;
        spelt(
            &[
                Current, Deprecated, Unused, Temporary, Obsoleted, Unassigned,
            ],
            State::as_str,
        );
        use Retry::*;
        spelt(
            &[
                NotApplicable,
                MayRetry,
                AfterDelay,
                ServerDependent,
                NotWithoutModification,
            ],
            Retry::as_str,
        );
        use TitleMatch::*;
        spelt(
            &[
                Exact,
                Spelling,
                Obsolete,
                Nonstandard,
                OtherCode,
                Unknown,
                Missing,
            ],
            TitleMatch::as_str,
        );
        assert!(serde_json::from_str::<Class>("\"clienterror\"").is_err());
    }

    #[test]
    fn classes_cover_100_to_599() {
        assert_eq!(Class::of(99), None);
        assert_eq!(Class::of(100), Some(Class::Informational));
        assert_eq!(Class::of(418), Some(Class::ClientError));
        assert_eq!(Class::of(599), Some(Class::ServerError));
        assert_eq!(Class::of(600), None);
        assert_eq!(Class::of(u16::MAX), None);
    }

    #[test]
    fn retry_semantics() {
        assert!(Retry::AfterDelay.is_retryable());
        assert!(!Retry::ServerDependent.is_retryable());
        assert!(Retry::ServerDependent.is_retryable_if_idempotent());
        assert!(Retry::MayRetry.is_retryable_if_idempotent());
        assert!(!Retry::NotWithoutModification.is_retryable_if_idempotent());
        assert!(!Retry::NotApplicable.is_retryable_if_idempotent());
    }
}
