//! Rust identifiers for generated items.

use std::collections::BTreeMap;

/// `SCREAMING_SNAKE_CASE` from any text: letters and digits kept (uppercased), runs of
/// anything else become one `_`; prefixed when it would start with a digit or be empty.
pub fn screaming_snake(text: &str, prefix_if_needed: &str) -> String {
    let mut out = String::new();
    let mut pending_underscore = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_underscore && !out.is_empty() {
                out.push('_');
            }
            pending_underscore = false;
            out.push(c.to_ascii_uppercase());
        } else if c != '\'' && c != '\u{2019}' {
            // "I'm a teapot" is IM_A_TEAPOT, not I_M_A_TEAPOT.
            pending_underscore = true;
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out = format!(
            "{prefix_if_needed}{}{out}",
            if out.is_empty() { "" } else { "_" }
        );
    }
    out
}

/// Makes names unique: every name used more than once gets its key appended
/// (`UNUSED_306`, `UNUSED_418`), so no item's name depends on which came first.
pub fn disambiguate<K: std::fmt::Display>(names: Vec<(K, String)>) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, name) in &names {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    let clashing: Vec<bool> = names.iter().map(|(_, n)| counts[n.as_str()] > 1).collect();
    let mut out: Vec<String> = names
        .iter()
        .zip(clashing)
        .map(|((key, name), clash)| {
            if clash {
                screaming_snake(&format!("{name}_{key}"), "ITEM")
            } else {
                name.clone()
            }
        })
        .collect();
    // Keys that themselves clash after suffixing (pathological ids): number them.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for name in &mut out {
        let n = seen.entry(name.clone()).or_default();
        *n += 1;
        if *n > 1 {
            name.push_str(&format!("_{n}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(
            screaming_snake("oracle-iam-identity-domains", "PAGE"),
            "ORACLE_IAM_IDENTITY_DOMAINS"
        );
        assert_eq!(screaming_snake("I'm a teapot", "STATUS"), "IM_A_TEAPOT");
        assert_eq!(
            screaming_snake("Non-Authoritative Information", "S"),
            "NON_AUTHORITATIVE_INFORMATION"
        );
        assert_eq!(screaming_snake("(Unused)", "STATUS"), "UNUSED");
        assert_eq!(screaming_snake("", "STATUS_499"), "STATUS_499");
        assert_eq!(screaming_snake("1password", "PAGE"), "PAGE_1PASSWORD");
    }

    #[test]
    fn clashing_names_get_their_key() {
        let names = vec![
            (306, "UNUSED".to_owned()),
            (200, "OK".to_owned()),
            (418, "UNUSED".to_owned()),
        ];
        assert_eq!(disambiguate(names), ["UNUSED_306", "OK", "UNUSED_418"]);
    }
}
