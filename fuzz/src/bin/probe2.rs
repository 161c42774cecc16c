fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    match statusdoc_lint::Config::parse("statusdoc.toml", &text) {
        Ok(_) => println!("OK"),
        Err(e) => println!("ERR {e}"),
    }
}
