//! `statusdoc.toml`: rule severities, per-path overrides, required codes.
//!
//! ```toml
//! exclude = ["target", "node_modules"]   # what walking skips (these are the defaults)
//! extend-exclude = ["drafts/**"]         # skipped as well, keeping the defaults
//! include = ["docs/**"]                  # walking reads only pages matching these
//!
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
//! File globs (`exclude`, `extend-exclude`, `include`) are relative to the config file's folder; a glob without `/` also
//! matches a file or folder name anywhere (`node_modules`, `*.draft.md`). They apply to
//! what walking a folder finds (besides what `.gitignore` and `.ignore` ignore, and
//! hidden files): a file named on the command line is always read. The configuration
//! of the run (`--config`, else the `statusdoc.toml` nearest the working folder) says
//! what walking skips.
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
    /// What relative page paths and the config's own path are relative to (the
    /// project root); the working folder when unset.
    root: Option<std::path::PathBuf>,
    files: FileGlobs,
}

/// `exclude`, `extend-exclude`, `include`: which files walking a folder reads.
#[derive(Debug, Clone, Default)]
struct FileGlobs {
    /// Replaces [`DEFAULT_EXCLUDE`] when set.
    exclude: Option<GlobSet>,
    extend_exclude: Option<GlobSet>,
    include: Option<GlobSet>,
}

/// Folders walking skips unless `exclude` says otherwise: build output and installed
/// packages, not documentation (the same as `statusdoc_corpus::DEFAULT_EXCLUDE`).
pub const DEFAULT_EXCLUDE: [&str; 2] = ["target", "node_modules"];

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
    exclude: Option<Vec<Spanned<String>>>,
    #[serde(rename = "extend-exclude")]
    extend_exclude: Option<Vec<Spanned<String>>>,
    include: Option<Vec<Spanned<String>>>,
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
        let globs =
            |patterns: &Option<Vec<Spanned<String>>>| -> Result<Option<GlobSet>, ConfigError> {
                let Some(patterns) = patterns else {
                    return Ok(None);
                };
                let mut builder = GlobSetBuilder::new();
                for pattern in patterns {
                    builder.add(
                        file_glob(pattern.get_ref()).map_err(|e| {
                            error_at(pattern.span().start, format!("bad glob: {e}"))
                        })?,
                    );
                }
                builder
                    .build()
                    .map(Some)
                    .map_err(|e| error_at(0, format!("bad globs: {e}")))
            };
        let files = FileGlobs {
            exclude: globs(&raw.exclude)?,
            extend_exclude: globs(&raw.extend_exclude)?,
            include: globs(&raw.include)?,
        };
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
            root: None,
            files,
        })
    }

    /// Resolves relative paths (this file's own, and the pages' in findings) against
    /// `root`, the folder reports name paths relative to, instead of the working folder.
    pub fn anchored(mut self, root: &std::path::Path) -> Self {
        if let Some(path) = &self.path {
            self.base = root.join(path).parent().map(normalize);
        }
        self.root = Some(root.to_owned());
        self
    }

    /// Whether walking a folder skips `path` (a folder, or a file found in one), by
    /// `exclude` (by default [`DEFAULT_EXCLUDE`]), `extend-exclude`, and for
    /// files, `include` when it is set.
    pub fn skips(&self, path: &std::path::Path, is_dir: bool) -> bool {
        let relative = self.relative_path(path);
        let name = path.file_name().map(std::path::Path::new);
        let matches =
            |set: &GlobSet| set.is_match(&relative) || name.is_some_and(|n| set.is_match(n));
        let excluded = match &self.files.exclude {
            Some(set) => matches(set),
            None => {
                is_dir && name.is_some_and(|n| DEFAULT_EXCLUDE.iter().any(|x| n.as_os_str() == *x))
            }
        };
        excluded
            || self.files.extend_exclude.as_ref().is_some_and(matches)
            || !is_dir && self.files.include.as_ref().is_some_and(|set| !matches(set))
    }

    /// `path` relative to the config file's folder when it is inside it.
    fn relative_path(&self, path: &std::path::Path) -> std::path::PathBuf {
        let absolute = match &self.root {
            Some(root) => root.join(path),
            None => std::path::absolute(path).unwrap_or_else(|_| path.to_owned()),
        };
        let normalized = normalize(&absolute);
        match &self.base {
            Some(base) => normalized
                .strip_prefix(base)
                .map(std::path::Path::to_owned)
                .unwrap_or(normalized),
            None => normalized,
        }
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
        let absolute = match &self.root {
            Some(root) => root.join(path),
            None => std::path::absolute(path).unwrap_or_else(|_| path.into()),
        };
        let normalized = normalize(&absolute);
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

/// Removes `.` and resolves `..` without touching the disk.
fn normalize(path: &std::path::Path) -> std::path::PathBuf {
    path.components()
        .fold(std::path::PathBuf::new(), |mut p, c| {
            match c {
                std::path::Component::ParentDir => {
                    p.pop();
                }
                std::path::Component::CurDir => {}
                c => p.push(c),
            }
            p
        })
}

/// A file glob: `*` does not cross `/`, so `*.md` is one folder's and `**/*.md`
/// any folder's (a glob without `/` is also matched against names alone).
fn file_glob(pattern: &str) -> Result<Glob, globset::Error> {
    globset::GlobBuilder::new(pattern.trim_end_matches('/'))
        .literal_separator(true)
        .build()
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
    fn file_globs_are_relative_to_the_config_file() {
        let root = std::path::Path::new("/project");
        let config = Config::parse(
            "docs/statusdoc.toml",
            "extend-exclude = [\"*.draft.md\", \"legacy\"]\ninclude = [\"**/*.md\"]\n",
        )
        .unwrap()
        .anchored(root);
        let skips = |path: &str, is_dir| config.skips(&root.join(path), is_dir);
        assert!(skips("docs/target", true), "the default exclusions stay");
        assert!(skips("docs/legacy", true));
        assert!(skips("docs/guide/a.draft.md", false));
        assert!(skips("docs/a.rst", false), "not included");
        assert!(!skips("docs/guide/a.md", false));
        assert!(!skips("docs/guide", true));
        let replaced = Config::parse("statusdoc.toml", "exclude = [\"docs/old\"]\n")
            .unwrap()
            .anchored(root);
        assert!(!replaced.skips(&root.join("docs/target"), true));
        assert!(replaced.skips(&root.join("docs/old"), true));
        assert!(!replaced.skips(&root.join("old"), true));
        let error = Config::parse("s.toml", "include = [\"[\"]\n").unwrap_err();
        assert_eq!((error.line, error.column), (1, 12));
        assert!(error.message.starts_with("bad glob"), "{error}");
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
