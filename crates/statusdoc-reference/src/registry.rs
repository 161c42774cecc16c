use std::collections::HashMap;
use std::sync::OnceLock;

use status_vocab::{Class, Retry, State};

use crate::phrase::{phrase_key, PhraseMatch};

const BUNDLED_IANA: &str = include_str!("../data/iana-http-status-codes-2025-09-15.txt");
const BUNDLED_IANA_PRE_RFC9110: &str =
    include_str!("../data/iana-http-status-codes-1.pre-rfc9110.csv");
const BUNDLED_SEMANTICS: &str = include_str!("../data/rfc9110-semantics.toml");

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ObsoletePhrase {
    pub phrase: String,
    /// The specification that used it ("RFC 2616").
    pub source: String,
}

/// A registered status code and its semantics.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub code: u16,
    /// The canonical reason phrase ("Content Too Large").
    pub reason: String,
    pub class: Class,
    pub state: State,
    /// The defining section ("RFC 9110, Section 15.5.14").
    pub reference: String,
    pub retry: Retry,
    /// Header fields a page documenting the code is expected to mention.
    pub headers: Vec<String>,
    pub obsolete: Vec<ObsoletePhrase>,
}

impl Status {
    /// Whether the code has a reason phrase that pages should use (not "(Unused)").
    pub fn has_phrase(&self) -> bool {
        !matches!(self.state, State::Unused | State::Unassigned)
    }

    /// Whether RFC 9110 tells clients to honour Retry-After for this status.
    pub fn honours_retry_after(&self) -> bool {
        self.headers.iter().any(|h| h == "Retry-After")
    }
}

/// An unregistered code that real services send (nginx 499, Cloudflare 520...).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NonStandard {
    pub code: u16,
    pub phrase: String,
    pub origin: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Toml { file: String, message: String },
    #[error("{file}: {message}")]
    Inconsistent { file: String, message: String },
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SemanticsFile {
    status: Vec<SemanticsEntry>,
    #[serde(default)]
    nonstandard: Vec<NonStandard>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SemanticsEntry {
    code: u16,
    reason: String,
    reference: String,
    state: State,
    retry: Retry,
    #[serde(default)]
    headers: Vec<String>,
    #[serde(default)]
    obsolete: Vec<ObsoletePhrase>,
    /// Names the code goes by outside HTTP's specifications ("I'm a teapot"): known, so
    /// readers can tell them from the description that follows, but neither canonical
    /// nor obsolete.
    #[serde(default)]
    also_known_as: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    notes: Option<String>,
}

/// Status codes are three digits; an index per possible value makes lookups O(1).
const SLOTS: usize = 1000;
const NONE: u16 = u16::MAX;

/// The reference registry: every registered code with its semantics, looked up by index.
#[derive(Debug, Clone)]
pub struct Registry {
    statuses: Vec<Status>,
    index: Box<[u16; SLOTS]>,
    nonstandard: Vec<NonStandard>,
    nonstandard_index: Box<[u16; SLOTS]>,
    /// Phrase key -> codes whose canonical or obsolete phrase has that key.
    phrase_keys: HashMap<String, Vec<u16>>,
    /// Every known phrase (canonical, obsolete and non-standard), longest first.
    known_phrases: Vec<String>,
    /// The phrase keys of `known_phrases`, for readers splitting run-in titles.
    known_phrase_keys: std::collections::HashSet<String>,
    /// The last-updated date of the IANA registry edition.
    pub iana_updated: String,
}

impl Registry {
    /// The registry built from the reference data bundled in the crate (`data/`, copied
    /// from `sources/reference/` by `cargo xtask codegen`).
    pub fn bundled() -> &'static Registry {
        static BUNDLED: OnceLock<Registry> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Registry::from_sources(BUNDLED_IANA, BUNDLED_IANA_PRE_RFC9110, BUNDLED_SEMANTICS)
                .expect("bundled reference data is checked by the reference crate's tests")
        })
    }

    /// Builds the registry from the IANA plain-text registry, its pre-RFC 9110 CSV
    /// edition, and the RFC 9110 semantics table, checking that they agree.
    pub fn from_sources(
        iana_text: &str,
        pre_rfc9110_csv: &str,
        semantics_toml: &str,
    ) -> Result<Registry, ReferenceError> {
        const SEMANTICS: &str = "rfc9110-semantics.toml";
        let (iana_updated, iana) = parse_iana_text(iana_text)?;
        let pre = parse_iana_csv(pre_rfc9110_csv)?;
        let semantics: SemanticsFile =
            toml::from_str(semantics_toml).map_err(|e| ReferenceError::Toml {
                file: SEMANTICS.into(),
                message: e.to_string(),
            })?;

        let mut statuses = Vec::with_capacity(semantics.status.len());
        let also_known: Vec<String> = semantics
            .status
            .iter()
            .flat_map(|s| s.also_known_as.iter().cloned())
            .collect();
        for entry in semantics.status {
            let Some((_, iana_reason)) = iana.iter().find(|(code, _)| *code == entry.code) else {
                return Err(ReferenceError::Inconsistent {
                    file: SEMANTICS.into(),
                    message: format!("{} is not in the IANA registry", entry.code),
                });
            };
            if *iana_reason != entry.reason {
                return Err(ReferenceError::Inconsistent {
                    file: SEMANTICS.into(),
                    message: format!(
                        "{} is \"{}\" here but \"{}\" in the IANA registry",
                        entry.code, entry.reason, iana_reason
                    ),
                });
            }
            let class = Class::of(entry.code).ok_or_else(|| ReferenceError::Inconsistent {
                file: SEMANTICS.into(),
                message: format!("{} is outside 100-599", entry.code),
            })?;
            let mut obsolete = entry.obsolete;
            // Phrases the registry itself used before RFC 9110 are obsolete too.
            if let Some((_, old)) = pre.iter().find(|(code, _)| *code == entry.code) {
                if old != &entry.reason
                    && !old.starts_with('(')
                    && !obsolete.iter().any(|o| &o.phrase == old)
                {
                    obsolete.push(ObsoletePhrase {
                        phrase: old.clone(),
                        source: "IANA registry before RFC 9110".into(),
                    });
                }
            }
            statuses.push(Status {
                code: entry.code,
                reason: entry.reason,
                class,
                state: entry.state,
                reference: entry.reference,
                retry: entry.retry,
                headers: entry.headers,
                obsolete,
            });
        }
        for (code, reason) in &iana {
            if !statuses.iter().any(|s| s.code == *code) {
                return Err(ReferenceError::Inconsistent {
                    file: SEMANTICS.into(),
                    message: format!(
                        "{code} {reason} is in the IANA registry but has no semantics entry"
                    ),
                });
            }
        }
        statuses.sort_by_key(|s| s.code);

        let mut index = Box::new([NONE; SLOTS]);
        for (i, status) in statuses.iter().enumerate() {
            index[usize::from(status.code)] = i as u16;
        }
        let mut nonstandard_index = Box::new([NONE; SLOTS]);
        for (i, entry) in semantics.nonstandard.iter().enumerate() {
            if index[usize::from(entry.code)] != NONE {
                return Err(ReferenceError::Inconsistent {
                    file: SEMANTICS.into(),
                    message: format!("{} is registered, not non-standard", entry.code),
                });
            }
            nonstandard_index[usize::from(entry.code)] = i as u16;
        }

        let mut phrase_keys: HashMap<String, Vec<u16>> = HashMap::new();
        let mut known_phrases = Vec::new();
        for status in &statuses {
            if status.has_phrase() {
                phrase_keys
                    .entry(phrase_key(&status.reason))
                    .or_default()
                    .push(status.code);
                known_phrases.push(status.reason.clone());
            }
            for old in &status.obsolete {
                known_phrases.push(old.phrase.clone());
            }
        }
        known_phrases.extend(semantics.nonstandard.iter().map(|n| n.phrase.clone()));
        known_phrases.extend(also_known);
        known_phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        known_phrases.dedup();
        let known_phrase_keys = known_phrases.iter().map(|p| phrase_key(p)).collect();

        Ok(Registry {
            statuses,
            index,
            nonstandard: semantics.nonstandard,
            nonstandard_index,
            phrase_keys,
            known_phrases,
            known_phrase_keys,
            iana_updated,
        })
    }

    /// The registered status with this code.
    pub fn get(&self, code: u16) -> Option<&Status> {
        let slot = *self.index.get(usize::from(code))?;
        (slot != NONE).then(|| &self.statuses[usize::from(slot)])
    }

    /// A known non-standard code (499, 520...).
    pub fn nonstandard(&self, code: u16) -> Option<&NonStandard> {
        let slot = *self.nonstandard_index.get(usize::from(code))?;
        (slot != NONE).then(|| &self.nonstandard[usize::from(slot)])
    }

    /// The state of any code: unregistered codes are [`State::Unassigned`].
    pub fn state(&self, code: u16) -> State {
        self.get(code).map_or(State::Unassigned, |s| s.state)
    }

    /// Every registered status, by code.
    pub fn statuses(&self) -> &[Status] {
        &self.statuses
    }

    pub fn nonstandard_codes(&self) -> &[NonStandard] {
        &self.nonstandard
    }

    /// Every phrase the registry knows (canonical, obsolete, non-standard), longest
    /// first: readers use them to tell a title from the description that follows it.
    pub fn known_phrases(&self) -> &[String] {
        &self.known_phrases
    }

    /// Whether a phrase key is the key of any known phrase.
    pub fn is_known_phrase_key(&self, key: &str) -> bool {
        self.known_phrase_keys.contains(key)
    }

    /// The registered codes whose reason phrase is `phrase` in any spelling
    /// ("Bad request" gives 400).
    pub fn codes_with_phrase(&self, phrase: &str) -> &[u16] {
        self.phrase_keys
            .get(&phrase_key(phrase))
            .map_or(&[], Vec::as_slice)
    }

    /// Classifies the title a page gives for `code`.
    pub fn match_phrase(&self, code: u16, title: &str) -> PhraseMatch<'_> {
        // "Resume Incomplete (Google)": the qualifier is not part of the phrase.
        let title = crate::strip_qualifier(title).trim();
        let key = phrase_key(title);
        if let Some(status) = self.get(code) {
            if title == status.reason {
                return PhraseMatch::Exact;
            }
            for old in &status.obsolete {
                if title == old.phrase {
                    return PhraseMatch::Obsolete {
                        phrase: &old.phrase,
                        source: &old.source,
                        exact: true,
                    };
                }
            }
            // Keys of reason phrases are precomputed; "(Unused)" is no phrase and is
            // compared as it comes.
            let spelled = if status.has_phrase() {
                self.phrase_keys
                    .get(&key)
                    .is_some_and(|codes| codes.contains(&code))
            } else {
                key == phrase_key(&status.reason)
            };
            if spelled {
                return PhraseMatch::Spelling;
            }
            for old in &status.obsolete {
                if key == phrase_key(&old.phrase) {
                    return PhraseMatch::Obsolete {
                        phrase: &old.phrase,
                        source: &old.source,
                        exact: false,
                    };
                }
            }
        }
        if let Some(codes) = self.phrase_keys.get(&key) {
            if let Some(&other) = codes.iter().find(|&&c| c != code) {
                return PhraseMatch::OtherCode(other);
            }
        }
        PhraseMatch::Unknown
    }
}

/// Parses the IANA registry's plain-text rendering: fixed-width rows of value,
/// description and reference, with wrapped descriptions continued on the next line.
fn parse_iana_text(text: &str) -> Result<(String, Vec<(u16, String)>), ReferenceError> {
    let mut updated = String::new();
    let mut rows: Vec<(u16, String)> = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    let mut in_table = false;
    while let Some((number, line)) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "Last Updated" {
            if let Some((_, next)) = lines.peek() {
                updated = next.trim().to_owned();
            }
            continue;
        }
        if trimmed.starts_with("Value") && trimmed.contains("Description") {
            in_table = true;
            continue;
        }
        if !in_table || trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("Licensing Terms") {
            break;
        }
        let value: String = trimmed
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        if value.is_empty() {
            // A wrapped description line: they belong to temporary registrations whose
            // notes we do not keep.
            continue;
        }
        if value.contains('-') {
            continue; // an unassigned range
        }
        let code: u16 = value.parse().map_err(|_| ReferenceError::Parse {
            file: "iana-http-status-codes.txt".into(),
            line: number + 1,
            message: format!("`{value}` is not a status code"),
        })?;
        let rest = trimmed[value.len()..].trim();
        let description = rest.split('[').next().unwrap_or("").trim();
        if description == "Unassigned" {
            continue;
        }
        // "(TEMPORARY - registered ...)" and "(OBSOLETED)" are notes, not the phrase.
        let reason = match description.find(" (") {
            Some(at) => &description[..at],
            None => description,
        };
        rows.push((code, reason.to_owned()));
    }
    if rows.is_empty() {
        return Err(ReferenceError::Parse {
            file: "iana-http-status-codes.txt".into(),
            line: 1,
            message: "no registry table found (expected a `Value  Description  Reference` header)"
                .into(),
        });
    }
    Ok((updated, rows))
}

/// Parses the registry's CSV edition (`Value,Description,Reference`).
fn parse_iana_csv(text: &str) -> Result<Vec<(u16, String)>, ReferenceError> {
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let mut fields = line.splitn(3, ',');
        let value = fields.next().unwrap_or("").trim();
        let description = fields.next().unwrap_or("").trim();
        if value.contains('-') || description == "Unassigned" || value.is_empty() {
            continue;
        }
        let code: u16 = value.parse().map_err(|_| ReferenceError::Parse {
            file: "iana-http-status-codes.pre-rfc9110.csv".into(),
            line: number + 1,
            message: format!("`{value}` is not a status code"),
        })?;
        rows.push((code, description.to_owned()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_registry_is_complete_and_consistent() {
        let registry = Registry::bundled();
        assert_eq!(registry.iana_updated, "2025-09-15");
        assert_eq!(registry.get(413).unwrap().reason, "Content Too Large");
        assert_eq!(
            registry.get(413).unwrap().reference,
            "RFC 9110, Section 15.5.14"
        );
        assert_eq!(registry.get(305).unwrap().state, State::Deprecated);
        assert_eq!(registry.get(306).unwrap().state, State::Unused);
        assert_eq!(
            registry.get(104).unwrap().reason,
            "Upload Resumption Supported"
        );
        assert_eq!(registry.get(510).unwrap().state, State::Obsoleted);
        assert!(registry.get(499).is_none());
        assert_eq!(registry.nonstandard(499).unwrap().origin, "nginx");
        assert_eq!(registry.state(200), State::Current);
        assert_eq!(registry.state(299), State::Unassigned);
        assert!(registry.get(u16::MAX).is_none());
        assert!(registry.get(503).unwrap().honours_retry_after());
        assert_eq!(
            registry.get(400).unwrap().retry,
            Retry::NotWithoutModification
        );
        assert_eq!(registry.get(408).unwrap().retry, Retry::MayRetry);
        // 65 registered codes in the 2025-09-15 edition.
        assert_eq!(registry.statuses().len(), 64);
    }

    #[test]
    fn obsolete_phrases_come_from_both_the_table_and_the_old_registry() {
        let status = Registry::bundled().get(413).unwrap();
        let phrases: Vec<_> = status.obsolete.iter().map(|o| o.phrase.as_str()).collect();
        assert_eq!(phrases, ["Request Entity Too Large", "Payload Too Large"]);
        let status = Registry::bundled().get(422).unwrap();
        assert_eq!(status.obsolete[0].phrase, "Unprocessable Entity");
    }

    #[test]
    fn phrases_are_classified() {
        let r = Registry::bundled();
        assert_eq!(
            r.match_phrase(415, "Unsupported Media Type"),
            PhraseMatch::Exact
        );
        assert_eq!(
            r.match_phrase(415, "Not Acceptable"),
            PhraseMatch::OtherCode(406)
        );
        assert_eq!(r.match_phrase(400, "BadRequest"), PhraseMatch::Spelling);
        assert_eq!(
            r.match_phrase(505, "HTTP Version not supported"),
            PhraseMatch::Spelling
        );
        assert!(matches!(
            r.match_phrase(408, "Request Time-out"),
            PhraseMatch::Obsolete { exact: true, .. }
        ));
        assert!(matches!(
            r.match_phrase(422, "UnprocessableEntity"),
            PhraseMatch::Obsolete { exact: false, .. }
        ));
        assert_eq!(r.match_phrase(504, "ServerTimeout"), PhraseMatch::Unknown);
    }

    #[test]
    fn a_semantics_entry_that_disagrees_with_iana_is_an_error() {
        let bad = BUNDLED_SEMANTICS.replace(
            "reason = \"Content Too Large\"",
            "reason = \"Payload Too Large\"",
        );
        let error =
            Registry::from_sources(BUNDLED_IANA, BUNDLED_IANA_PRE_RFC9110, &bad).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("413 is \"Payload Too Large\" here but \"Content Too Large\""),
            "{error}"
        );
    }
}
