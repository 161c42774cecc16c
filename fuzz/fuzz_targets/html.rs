//! `RUSTC_BOOTSTRAP=1 cargo fuzz run html --features libfuzzer` (from `fuzz/`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| statusdoc_fuzz::html(data));
