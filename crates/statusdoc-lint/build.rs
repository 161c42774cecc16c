//! Extracts each rule's documentation (the `//!` comment at the top of its file in
//! `src/rules/`) into `$OUT_DIR/rule_docs/<file>.md` at build time, so that the binary
//! carries the documentation `statusdoc explain` prints and not the rules' source.

use std::path::Path;

fn main() {
    let rules = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rule_docs");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    for entry in std::fs::read_dir(rules).expect("src/rules exists") {
        let path = entry.expect("readable folder").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path).expect("readable rule file");
        let mut doc = String::new();
        for line in source.lines() {
            let Some(text) = line.strip_prefix("//!") else {
                if doc.is_empty() {
                    continue;
                }
                break;
            };
            doc.push_str(text.strip_prefix(' ').unwrap_or(text));
            doc.push('\n');
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        let target = out.join(format!("{stem}.md"));
        let doc = doc.trim_end();
        // Unchanged docs are not rewritten, so nothing rebuilds for nothing.
        if std::fs::read_to_string(&target).ok().as_deref() != Some(doc) {
            std::fs::write(&target, doc).expect("OUT_DIR is writable");
        }
    }
}
