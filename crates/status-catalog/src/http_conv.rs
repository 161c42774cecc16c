//! Conversions to and from `http::StatusCode` (feature `http`).
//!
//! `http` names some codes differently from RFC 9110 (413 "Payload Too Large", 422
//! "Unprocessable Entity"...): the conversions carry the code, and [`crate::Status`]
//! carries the RFC 9110 phrase.

use crate::{lookup, Status};

impl From<&Status> for http::StatusCode {
    fn from(status: &Status) -> Self {
        // Every catalog code is in 100–599 (the generator leaves out others), and
        // `from_u16` accepts 100–999.
        match http::StatusCode::from_u16(status.code) {
            Ok(code) => code,
            Err(_) => unreachable!("catalog codes are three-digit HTTP status codes"),
        }
    }
}

/// A status code the catalog does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownStatus(pub u16);

impl core::fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} is not in the status catalog", self.0)
    }
}

impl TryFrom<http::StatusCode> for &'static Status {
    type Error = UnknownStatus;

    fn try_from(code: http::StatusCode) -> Result<Self, Self::Error> {
        lookup(code.as_u16()).ok_or(UnknownStatus(code.as_u16()))
    }
}

impl Status {
    /// The `http` crate's status code.
    pub fn to_http(&self) -> http::StatusCode {
        self.into()
    }
}
