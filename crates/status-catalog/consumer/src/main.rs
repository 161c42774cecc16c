//! What an SDK gets from the generated crate.

use status_catalog::{lookup, vendors};

fn main() {
    let status = lookup(415).expect("415 is in the catalog");
    assert_eq!(status.reason, "Unsupported Media Type");

    let entry = vendors::OCI_IDENTITY_DOMAINS
        .lookup(415)
        .expect("the Oracle identity domains page documents 415");
    assert_eq!(entry.title, "Not Acceptable");
    let rules: Vec<&str> = entry.deviations.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["SD101"]);

    let policy = vendors::OTC_IAM.retry_policy(503);
    assert!(policy.policy.retryable && policy.page_is_wrong());

    println!(
        "415 {} | {}: 415 \"{}\" ({})",
        status.reason,
        vendors::OCI_IDENTITY_DOMAINS.id,
        entry.title,
        rules.join(", ")
    );
}
