//! Bad `statusdoc.toml` files: each is an error naming the file, the line and column of
//! the offending text, and what is wrong; never a panic.

use statusdoc_lint::Config;

fn error(text: &str) -> String {
    match Config::parse("docs/statusdoc.toml", text) {
        Ok(_) => panic!("{text:?} parsed"),
        Err(e) => {
            assert_eq!(e.path, "docs/statusdoc.toml");
            e.to_string()
        }
    }
}

#[test]
fn bad_glob_in_overrides_points_at_the_pattern() {
    let e = error("[[overrides]]\npaths = [\"docs/**\", \"[a-\"]\nrules = { SD101 = \"off\" }\n");
    assert!(e.starts_with("docs/statusdoc.toml:2:21: bad glob"), "{e}");
    assert!(e.contains("unclosed character class"), "{e}");
}

#[test]
fn bad_glob_in_exclude_points_at_the_pattern() {
    let e = error("exclude = [\"a/{b\"]\n");
    assert!(e.starts_with("docs/statusdoc.toml:1:12: bad glob"), "{e}");
}

#[test]
fn unknown_keys_at_every_level() {
    for (text, expected) in [
        (
            "[rules]\nSD101 = \"off\"\n\n[lint]\nfoo = 1\n",
            "4:2: unknown field `lint`",
        ),
        (
            "[[overrides]]\npaths = [\"x\"]\nrule = { SD101 = \"off\" }\n",
            "3:1: unknown field `rule`, expected `paths` or `rules`",
        ),
        (
            "[coverage]\nrequire = [200]\n",
            "2:1: unknown field `require`, expected `required`",
        ),
    ] {
        let e = error(text);
        assert!(e.contains(expected), "{e}");
    }
}

#[test]
fn unknown_rules_in_rules_and_overrides() {
    let e = error("[rules]\nSD101 = \"off\"\nnot-a-rule = \"error\"\n");
    assert!(e.contains(":3:1: unknown rule `not-a-rule`"), "{e}");
    let e = error("[[overrides]]\npaths = [\"x\"]\nrules = { SD9999 = \"off\" }\n");
    assert!(e.contains(":3:11: unknown rule `SD9999`"), "{e}");
    // Columns count characters, not bytes.
    let e = error("[rules]\n\"é日本\" = \"off\"\n");
    assert!(e.contains(":2:1: unknown rule `é日本`"), "{e}");
}

#[test]
fn duplicate_rules() {
    // The same key twice is a TOML error at the second one.
    let e = error("[rules]\nSD101 = \"off\"\nSD101 = \"error\"\n");
    assert!(e.contains(":3:1: duplicate key"), "{e}");
    // One rule by its id and by its name.
    let e = error("[rules]\nSD101 = \"off\"\nwrong-reason-phrase = \"error\"\n");
    assert!(
        e.contains(":3:1: SD101 (wrong-reason-phrase) is set twice in this table"),
        "{e}"
    );
    // The other way round it names one of the two lines (keys are checked in sorted
    // order, not in the file's).
    let e = error("[rules]\nwrong-reason-phrase = \"error\"\nSD101 = \"off\"\n");
    assert!(
        e.contains(":2:1: SD101") || e.contains(":3:1: SD101"),
        "{e}"
    );
    // A table twice.
    let e = error("[rules]\nSD101 = \"off\"\n[rules]\nSD102 = \"off\"\n");
    assert!(e.contains(":3:2: duplicate key"), "{e}");
}

#[test]
fn bad_severities() {
    let e = error("[rules]\nSD101 = \"loud\"\n");
    assert!(
        e.contains(":2:9: `loud` is not a severity: use error, warning, info or off"),
        "{e}"
    );
    let e = error("[rules]\nSD101 = 3\n");
    assert!(e.contains(":2:9: invalid type: integer `3`"), "{e}");
}

#[test]
fn bad_required_codes() {
    let e = error("[coverage]\nrequired = [200, 99]\n");
    assert!(
        e.contains(":2:18: 99 is not an HTTP status code (100-599)"),
        "{e}"
    );
    let e = error("[coverage]\nrequired = [200, 70000]\n");
    assert!(e.contains(":2:18: invalid value: integer `70000`"), "{e}");
    let e = error("[coverage]\nrequired = [\"200\"]\n");
    assert!(e.contains(":2:13: invalid type: string \"200\""), "{e}");
}

#[test]
fn override_without_paths() {
    let e = error("[[overrides]]\nrules = { SD101 = \"off\" }\n");
    assert!(e.contains(":1:1: missing field `paths`"), "{e}");
}

#[test]
fn broken_toml() {
    let e = error("[rules\nSD101 = \"off\"\n");
    assert!(e.contains(":1:7: unclosed table, expected `]`"), "{e}");
}

#[test]
fn crlf_and_bom_and_empty() {
    let e = error("[rules]\r\nSD101 = \"off\"\r\nbogus = \"error\"\r\n");
    assert!(e.contains(":3:1: unknown rule `bogus`"), "{e}");
    // A byte-order mark and an empty file are fine.
    assert!(Config::parse("statusdoc.toml", "\u{feff}[rules]\nSD101 = \"off\"\n").is_ok());
    assert!(Config::parse("statusdoc.toml", "").is_ok());
    assert!(Config::parse("statusdoc.toml", "\n\n# only a comment\n").is_ok());
}
