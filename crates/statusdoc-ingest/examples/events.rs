//! Prints pulldown-cmark's events for a Markdown file (debugging aid for the reader).
fn main() {
    let path = std::env::args().nth(1).expect("a path");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in pulldown_cmark::Parser::new_ext(&text, options).into_offset_iter() {
        println!("{range:?} {event:?}");
    }
}
