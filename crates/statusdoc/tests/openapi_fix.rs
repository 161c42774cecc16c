//! `statusdoc lint --fix` on OpenAPI documents: only the reason phrase changes, and the
//! file still parses to the same YAML apart from that scalar.

use std::path::Path;
use std::process::Command;

use saphyr::{LoadableYamlNode, Scalar, Yaml};

const YAML: &str = r#"openapi: 3.0.3
info:
  title: Pets
  version: "1.0"
paths:
  /pets/{id}:
    get:
      responses:
        '200':
          description: OK
        '415':
          description: Not Acceptable  # a comment stays
        "413":
          description: "Request Entity Too Large"
        404:
          description: 'Not Found'
          content:
            application/json:
              schema: {type: object}
"#;

const JSON: &str = r#"{
  "openapi": "3.0.3",
  "info": {"title": "Pets", "version": "1.0"},
  "paths": {"/pets/{id}": {"get": {"responses": {
    "200": {"description": "OK"},
    "415": {"description": "Not Acceptable"},
    "413": {"description": "Request Entity Too Large"}
  }}}}
}"#;

fn fix(dir: &Path, name: &str, text: &str) -> (String, String) {
    let page = dir.join(name);
    std::fs::write(&page, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args([
            "lint",
            "--fix",
            "--format",
            "concise",
            page.to_str().unwrap(),
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("statusdoc runs");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("fixed 2 finding(s) in 1 file(s)"),
        "{name}: {stderr}"
    );
    (std::fs::read_to_string(&page).unwrap(), stderr)
}

fn set_description(yaml: &mut Yaml, code: &str, text: &'static str) {
    yaml["paths"]["/pets/{id}"]["get"]["responses"][code]["description"] =
        Yaml::Value(Scalar::String(text.into()));
}

#[test]
fn fix_changes_only_the_phrase_in_yaml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("openapi.yaml", YAML), ("openapi.json", JSON)] {
        let (fixed, _) = fix(dir.path(), name, text);
        // Byte for byte: only the two phrases changed.
        let expected = text
            .replacen("Not Acceptable", "Unsupported Media Type", 1)
            .replacen("Request Entity Too Large", "Content Too Large", 1);
        assert_eq!(fixed, expected, "{name}");
        // The same document once those two scalars are set alike.
        let mut before = Yaml::load_from_str(text).unwrap().remove(0);
        let after = Yaml::load_from_str(&fixed).unwrap().remove(0);
        assert_ne!(before, after);
        set_description(&mut before, "415", "Unsupported Media Type");
        set_description(&mut before, "413", "Content Too Large");
        assert_eq!(before, after, "{name}");
    }
}
