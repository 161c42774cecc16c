//! `statusdoc.toml`: rule severities, per-path overrides, required codes.
//!
//! ```toml
//! [rules]
//! SD101 = "error"              # error | warning | info | off (id or name)
//! rows-out-of-order = "off"
//! expected-header-missing = "info"   # opt-in rules are turned on by giving a severity
//!
//! [coverage]
//! required = [200, 400, 500]   # codes every page must document (SD303)
//!
//! [[overrides]]
//! paths = ["legacy/**"]        # globs, relative to the config file's folder
//! rules = { SD305 = "off" }
//! ```
//!
//! Unknown keys, unknown rule ids and bad values are errors with line and column.
//!
//! Precedence, highest first: `--rule` on the command line, the last `[[overrides]]`
//! entry whose paths match the page, `[rules]`, the rule's default. A severity applies
//! only where it is configured. `statusdoc lint` uses the `statusdoc.toml` nearest to
//! each page (its folder, then the folders above it); `--config` forces one file for
//! every page.

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use statusdoc_model::{Diagnostic, Severity};
use toml::Spanned;

use crate::{find_rule, RuleMeta};

/// A rule's configured state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    On(Severity),
}

/// The configuration in force. `Config::default()` is statusdoc's defaults.
#[derive(Debug, Clone, Default)]
pub struct Config {
    rules: BTreeMap<&'static str, RuleSetting>,
    /// `--rule ID=SEVERITY`: wins over everything in the file.
    command_line: BTreeMap<&'static str, RuleSetting>,
    overrides: Vec<Override>,
    /// Codes every page must document.
    pub required_codes: Vec<u16>,
    /// Where the configuration came from, for messages.
    pub path: Option<String>,
    /// The config file's folder: override globs are relative to it, whatever folder
    /// statusdoc runs in.
    base: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone)]
struct Override {
    paths: GlobSet,
    rules: BTreeMap<&'static str, RuleSetting>,
}

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    coverage: RawCoverage,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCoverage {
    #[serde(default)]
    required: Vec<Spanned<u16>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Parses `statusdoc.toml` text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        let error_at = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            ConfigError {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error_at(offset, e.message().trim().to_owned())
        })?;
        let rules = parse_rules(&raw.rules, &error_at)?;
        let mut overrides = Vec::new();
        for o in &raw.overrides {
            let mut builder = GlobSetBuilder::new();
            for pattern in &o.paths {
                let glob = Glob::new(pattern.get_ref())
                    .map_err(|e| error_at(pattern.span().start, format!("bad glob: {e}")))?;
                builder.add(glob);
            }
            let paths = builder
                .build()
                .map_err(|e| error_at(0, format!("bad globs: {e}")))?;
            overrides.push(Override {
                paths,
                rules: parse_rules(&o.rules, &error_at)?,
            });
        }
        let mut required_codes = Vec::new();
        for code in &raw.coverage.required {
            if !(100..=599).contains(code.get_ref()) {
                return Err(error_at(
                    code.span().start,
                    format!("{} is not an HTTP status code (100-599)", code.get_ref()),
                ));
            }
            required_codes.push(*code.get_ref());
        }
        let base = std::path::Path::new(path).parent().and_then(|dir| {
            std::path::absolute(if dir.as_os_str().is_empty() {
                std::path::Path::new(".")
            } else {
                dir
            })
            .ok()
        });
        Ok(Config {
            rules,
            command_line: BTreeMap::new(),
            overrides,
            required_codes,
            path: Some(path.to_owned()),
            base,
        })
    }

    /// Sets a rule from the command line (`--rule SD101=off`).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let rule = find_rule(key)
            .ok_or_else(|| format!("unknown rule `{key}` (see `statusdoc rules`)"))?;
        let setting = parse_setting(value).ok_or_else(|| {
            format!("`{value}` is not a severity: use error, warning, info or off")
        })?;
        self.command_line.insert(rule.id, setting);
        Ok(())
    }

    /// What the configuration says of a rule for a path, if anything. Precedence:
    /// the command line, then the last matching `[[overrides]]` entry, then `[rules]`.
    fn configured(&self, rule: &RuleMeta, path: &str) -> Option<RuleSetting> {
        if let Some(s) = self.command_line.get(rule.id) {
            return Some(*s);
        }
        if self.overrides.iter().any(|o| o.rules.contains_key(rule.id)) {
            let relative = self.relative(path);
            let matched = self
                .overrides
                .iter()
                .rev()
                .filter(|o| o.paths.is_match(relative.as_ref()))
                .find_map(|o| o.rules.get(rule.id));
            if let Some(s) = matched {
                return Some(*s);
            }
        }
        self.rules.get(rule.id).copied()
    }

    fn setting(&self, rule: &RuleMeta, path: &str) -> RuleSetting {
        self.configured(rule, path)
            .unwrap_or(if rule.default_enabled {
                RuleSetting::On(rule.default_severity)
            } else {
                RuleSetting::Off
            })
    }

    /// A page's path relative to the config file's folder, for override globs.
    fn relative<'p>(&self, path: &'p str) -> std::borrow::Cow<'p, str> {
        let Some(base) = &self.base else {
            return path.into();
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.into());
        let normalized: std::path::PathBuf =
            absolute
                .components()
                .fold(std::path::PathBuf::new(), |mut p, c| {
                    match c {
                        std::path::Component::ParentDir => {
                            p.pop();
                        }
                        std::path::Component::CurDir => {}
                        c => p.push(c),
                    }
                    p
                });
        match normalized.strip_prefix(base) {
            Ok(relative) => relative.to_string_lossy().replace('\\', "/").into(),
            Err(_) => path.into(),
        }
    }

    pub fn is_enabled(&self, rule: &RuleMeta, path: &str) -> bool {
        self.setting(rule, path) != RuleSetting::Off
    }

    /// Applies the configured severity to a finding; `None` when its rule is off.
    pub fn apply(&self, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        let Some(rule) = find_rule(diagnostic.rule) else {
            return Some(diagnostic);
        };
        // A configured severity applies where it is configured; elsewhere a finding
        // keeps the severity its rule gave it (a rule may report a milder or graver
        // case of itself, such as SD302's identical duplicates).
        match self.configured(rule, &diagnostic.path) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::On(severity)) => {
                diagnostic.severity = severity;
                Some(diagnostic)
            }
            None if rule.default_enabled => Some(diagnostic),
            None => None,
        }
    }
}

fn parse_setting(value: &str) -> Option<RuleSetting> {
    if value == "off" {
        Some(RuleSetting::Off)
    } else {
        Severity::parse(value).map(RuleSetting::On)
    }
}

fn parse_rules(
    raw: &BTreeMap<Spanned<String>, Spanned<String>>,
    error_at: &dyn Fn(usize, String) -> ConfigError,
) -> Result<BTreeMap<&'static str, RuleSetting>, ConfigError> {
    let mut rules = BTreeMap::new();
    for (key, value) in raw {
        let rule = find_rule(key.get_ref()).ok_or_else(|| {
            error_at(
                key.span().start,
                format!("unknown rule `{}` (see `statusdoc rules`)", key.get_ref()),
            )
        })?;
        let setting = parse_setting(value.get_ref()).ok_or_else(|| {
            error_at(
                value.span().start,
                format!(
                    "`{}` is not a severity: use error, warning, info or off",
                    value.get_ref()
                ),
            )
        })?;
        if rules.insert(rule.id, setting).is_some() {
            return Err(error_at(
                key.span().start,
                format!("{} ({}) is set twice in this table", rule.id, rule.name),
            ));
        }
    }
    Ok(rules)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_is_located() {
        let error = Config::parse(
            "statusdoc.toml",
            "[rules]\nSD101 = \"off\"\nSD999 = \"error\"\n",
        )
        .unwrap_err();
        assert_eq!((error.line, error.column), (3, 1));
        assert!(error.message.contains("unknown rule `SD999`"), "{error}");
    }

    #[test]
    fn unknown_key_is_located() {
        let error = Config::parse("statusdoc.toml", "[coverage]\nrequire = [200]\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("unknown field"), "{error}");
    }

    #[test]
    fn overrides_apply_by_path_and_opt_in_rules_turn_on() {
        let config = Config::parse(
            "statusdoc.toml",
            "[rules]\nexpected-header-missing = \"warning\"\n[coverage]\nrequired = [200, 401]\n\n[[overrides]]\npaths = [\"legacy/**\"]\nrules = { SD101 = \"off\", SD305 = \"error\" }\n",
        )
        .unwrap();
        let sd101 = find_rule("SD101").unwrap();
        let sd305 = find_rule("rows-out-of-order").unwrap();
        let sd203 = find_rule("SD203").unwrap();
        assert!(config.is_enabled(sd101, "docs/a.md"));
        assert!(!config.is_enabled(sd101, "legacy/old/a.md"));
        assert_eq!(
            config.setting(sd305, "legacy/a.md"),
            RuleSetting::On(Severity::Error)
        );
        assert_eq!(
            config.setting(sd305, "docs/a.md"),
            RuleSetting::On(Severity::Warning)
        );
        assert_eq!(
            config.setting(sd203, "docs/a.md"),
            RuleSetting::On(Severity::Warning)
        );
        assert!(
            !Config::default().is_enabled(sd203, "docs/a.md"),
            "opt-in by default"
        );
        assert_eq!(config.required_codes, [200, 401]);
        let error = Config::parse("s.toml", "[coverage]\nrequired = [200, 700]\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 18));
    }

    #[test]
    fn a_rule_set_twice_by_id_and_name_is_an_error() {
        let error = Config::parse(
            "s.toml",
            "[rules]\nSD101 = \"off\"\nwrong-reason-phrase = \"error\"\n",
        )
        .unwrap_err();
        assert!(
            error
                .message
                .contains("SD101 (wrong-reason-phrase) is set twice"),
            "{error}"
        );
    }

    #[test]
    fn bad_severity_is_located() {
        let error =
            Config::parse("s.toml", "[rules]\nwrong-reason-phrase = \"loud\"\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 23));
    }

    #[test]
    fn severities_apply_only_where_configured() {
        let config = Config::parse(
            "statusdoc.toml",
            "[[overrides]]\npaths = [\"legacy/**\"]\nrules = { SD302 = \"info\" }\n",
        )
        .unwrap();
        let severity_of = |path: &str| {
            let source = statusdoc_model::SourceFile::new(path, "x");
            let d = Diagnostic::new(
                "SD302",
                "duplicate-code",
                Severity::Warning,
                &source,
                statusdoc_model::Span::empty(0),
                "same text twice",
            );
            config.apply(d).map(|d| d.severity)
        };
        // Outside the override, the rule's own (milder) severity stays.
        assert_eq!(severity_of("docs/a.md"), Some(Severity::Warning));
        assert_eq!(severity_of("legacy/a.md"), Some(Severity::Info));
    }

    #[test]
    fn the_command_line_wins_over_overrides() {
        let mut config = Config::parse(
            "statusdoc.toml",
            "[rules]\nSD101 = \"warning\"\n[[overrides]]\npaths = [\"**\"]\nrules = { SD101 = \"off\" }\n",
        )
        .unwrap();
        let sd101 = find_rule("SD101").unwrap();
        assert!(!config.is_enabled(sd101, "docs/a.md"));
        config.set("SD101", "error").unwrap();
        assert_eq!(
            config.setting(sd101, "docs/a.md"),
            RuleSetting::On(Severity::Error)
        );
    }
}
