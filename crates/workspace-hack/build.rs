//! Empty: it exists so that `[build-dependencies]` (the host graph's features) count.
fn main() {}
