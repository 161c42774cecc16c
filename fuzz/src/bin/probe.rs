use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_reference::Registry;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let name = std::env::args().nth(2).unwrap_or(path.clone());
    let options = ReadOptions::new(Registry::bundled());
    let t = Instant::now();
    match read_page(&name, &bytes, &options) {
        Err(e) => println!("ERR {e}"),
        Ok(d) => {
            println!("{:?} {} entries in {:?}", d.format, d.entries.len(), t.elapsed());
            for e in d.entries.iter().take(6) {
                println!("  {} {:?} / {:?} code@{:?}", e.code, e.title_text(), e.description_text().chars().take(50).collect::<String>(), e.code_span);
            }
            for n in d.notes.iter().take(5) {
                println!("  note {} {}:{} {}", n.rule, n.line, n.column, n.message.chars().take(150).collect::<String>());
            }
        }
    }
}
