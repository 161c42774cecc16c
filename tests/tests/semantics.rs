//! The semantic rules (SD201 retry advice, SD202 description contradicting its code)
//! measured on `fixtures/sentences/labelled.toml`: real description sentences from the
//! bundled corpus, the wild corpus and public docs, each with the verdict a careful
//! reader gives and why. Precision and recall are printed per rule; the figures quoted
//! in the rules' documentation come from here.
//!
//! Sentences from held-out wild pages are scored separately: the rules were not tuned
//! on them.

use statusdoc_lint::rules::{description_contradicts_code, retry_advice_contradicts_rfc};
use statusdoc_reference::Registry;

#[derive(serde::Deserialize)]
struct Set {
    sentence: Vec<Labelled>,
}

#[derive(serde::Deserialize)]
struct Labelled {
    code: u16,
    text: String,
    sd201: bool,
    sd202: bool,
    origin: String,
}

#[derive(Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    wrong: Vec<String>,
}

impl Counts {
    fn add(&mut self, expected: bool, got: bool, what: String) {
        match (expected, got) {
            (true, true) => self.tp += 1,
            (false, true) => {
                self.fp += 1;
                self.wrong.push(format!("false positive: {what}"));
            }
            (true, false) => {
                self.fn_ += 1;
                self.wrong.push(format!("missed: {what}"));
            }
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        100.0 * self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        100.0 * self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

fn measure() -> [(String, Counts); 4] {
    let path = format!(
        "{}/fixtures/sentences/labelled.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let set: Set = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        set.sentence.len() >= 300,
        "the labelled set has {} sentences",
        set.sentence.len()
    );
    let registry = Registry::bundled();
    let mut out: [(String, Counts); 4] = Default::default();
    out[0].0 = "SD201".into();
    out[1].0 = "SD202".into();
    out[2].0 = "SD201 (held-out pages)".into();
    out[3].0 = "SD202 (held-out pages)".into();
    for s in &set.sentence {
        let held_out = usize::from(s.origin.starts_with("tests/wild/holdout/")) * 2;
        let what = format!("{} {:?}", s.code, s.text);
        let sd201 = retry_advice_contradicts_rfc::verdict(registry, s.code, &s.text).is_some();
        let sd202 =
            description_contradicts_code::contradiction(registry, s.code, &s.text).is_some();
        out[held_out].1.add(s.sd201, sd201, what.clone());
        out[held_out + 1].1.add(s.sd202, sd202, what);
    }
    out
}

#[test]
fn semantic_rules_on_the_labelled_sentences() {
    let figures = measure();
    for (name, c) in &figures {
        println!(
            "{name}: precision {:.1}% recall {:.1}% (tp {} fp {} fn {} tn {})",
            c.precision(),
            c.recall(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn
        );
        for w in &c.wrong {
            println!("    {w}");
        }
    }
    for (name, c) in &figures[..2] {
        assert!(
            c.precision() >= 95.0,
            "{name}: precision {:.1}% < 95%",
            c.precision()
        );
        assert!(
            c.recall() >= 80.0,
            "{name}: recall {:.1}% < 80%",
            c.recall()
        );
    }
}
