//! Shows what the `fix` target does with one input, pass by pass (for triage):
//! `cargo run --release --bin explain -- FILE` (the file's first byte picks the format,
//! as in the `fix` and `interpret` targets).

use statusdoc_lint::Config;
use statusdoc_reference::Registry;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let data = std::fs::read(&path).expect("readable");
    let (format, page) = statusdoc_fuzz::split_format(&data).expect("not empty");
    let mut text = String::from_utf8_lossy(page).into_owned();
    println!("format {format:?}\n{text:?}\n");
    for pass in 0..4 {
        let Ok(source) =
            statusdoc_ingest::decode(statusdoc_fuzz::file_name(format), text.as_bytes())
        else {
            println!("not a page");
            return;
        };
        let document = statusdoc_ingest::read_source(source, format, Registry::bundled());
        println!("pass {pass}: {} entries", document.entries.len());
        for e in &document.entries {
            println!(
                "  {} title {:?} at {:?} certain={} desc {:?}",
                e.code,
                e.title_text(),
                e.title.as_ref().map(|t| t.span),
                e.title_certain,
                e.description_text().chars().take(60).collect::<String>()
            );
        }
        let diagnostics =
            statusdoc_lint::lint_document(&document, Registry::bundled(), &Config::default());
        for d in &diagnostics {
            println!(
                "  {} {}:{} {} {:?}",
                d.rule, d.line, d.column, d.message, d.span
            );
            if let Some(fix) = &d.fix {
                println!("    fix safe={} {:?}", fix.safe, fix.edits);
            }
        }
        let before = text.clone();
        let pass = statusdoc_fuzz::fix_pass(&mut text, format);
        println!("  {pass:?}");
        if text == before {
            break;
        }
        println!("{text:?}\n");
    }
}
