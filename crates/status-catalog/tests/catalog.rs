//! The generated catalog as an SDK sees it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use status_catalog::{
    codes, lookup, retry_policy, statuses, vendor, vendors, Class, Retry, RetryPolicy, State,
    TitleMatch,
};

/// Counts allocations per thread (tests run in parallel), to show that lookups make
/// none.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn lookup_gives_rfc_9110_semantics() {
    let status = lookup(415).unwrap();
    assert_eq!(status.reason, "Unsupported Media Type");
    assert_eq!(status.class, Class::ClientError);
    assert_eq!(status.state, State::Current);
    assert_eq!(status.reference, "RFC 9110, Section 15.5.16");
    assert_eq!(status.retry, Retry::NotWithoutModification);

    let status = lookup(413).unwrap();
    assert_eq!(status.reason, "Content Too Large");
    let obsolete: Vec<_> = status.obsolete.iter().map(|o| o.phrase).collect();
    assert_eq!(obsolete, ["Request Entity Too Large", "Payload Too Large"]);

    let status = lookup(503).unwrap();
    assert_eq!(status.retry, Retry::AfterDelay);
    assert!(status.honour_retry_after);
    assert_eq!(status.headers, ["Retry-After"]);

    assert_eq!(lookup(306).unwrap().state, State::Unused);
    assert!(lookup(299).is_none());
    assert!(lookup(0).is_none());
    assert!(lookup(u16::MAX).is_none());
}

#[test]
fn the_catalog_holds_every_registered_and_every_documented_code() {
    let codes: Vec<u16> = statuses().iter().map(|s| s.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "ordered by code, once each");
    for status in statuses() {
        assert_eq!(lookup(status.code), Some(status));
        assert!((100..=599).contains(&status.code));
        assert_eq!(Class::of(status.code), Some(status.class));
    }
    assert_eq!(statuses().iter().filter(|s| s.is_registered()).count(), 64);
    for page in vendors::ALL {
        for entry in page.entries {
            if Class::of(entry.code).is_some() {
                assert!(lookup(entry.code).is_some(), "{} {}", page.id, entry.code);
            }
        }
    }
    // 509 is documented by a vendor but not registered: Apache's phrase, 500's semantics.
    let status = lookup(509).unwrap();
    assert!(!status.is_registered());
    assert_eq!(status.reason, "Bandwidth Limit Exceeded");
    assert_eq!(status.retry, lookup(500).unwrap().retry);
}

#[test]
fn constants_per_code() {
    assert_eq!(codes::UNSUPPORTED_MEDIA_TYPE.code, 415);
    assert_eq!(codes::CONTENT_TOO_LARGE.reason, "Content Too Large");
    assert_eq!(codes::IM_USED.code, 226);
    assert_eq!(codes::UNUSED_306.code, 306);
    assert_eq!(codes::UNUSED_418.code, 418);
    assert_eq!(Some(&codes::NOT_FOUND), lookup(404));
}

#[test]
fn the_oracle_identity_domains_table() {
    let page = &vendors::OCI_IDENTITY_DOMAINS;
    assert!(std::ptr::eq(page, &vendors::ORACLE_IAM_IDENTITY_DOMAINS));
    assert_eq!(vendor("oracle-iam-identity-domains"), Some(page));

    let entry = page.lookup(415).unwrap();
    assert_eq!(entry.title, "Not Acceptable");
    assert_eq!(entry.normalized_title, "Not Acceptable");
    assert_eq!(entry.title_match, TitleMatch::OtherCode);
    assert!(entry
        .description
        .starts_with("The client's ContentType header"));
    assert_eq!(
        entry.deviations.iter().map(|d| d.rule).collect::<Vec<_>>(),
        ["SD101"]
    );
    assert!(entry.has_deviation("wrong-reason-phrase"));
    assert_eq!(entry.status().unwrap().reason, "Unsupported Media Type");
    assert_eq!(entry.provenance.source, "oracle-iam-identity-domains");
    assert_eq!(
        entry.provenance.path,
        "sources/oracle-iam-identity-domains/response-codes.md"
    );
    assert_eq!(entry.provenance.line, 21);

    let entry = page.lookup(413).unwrap();
    assert_eq!(entry.title, "Request Entity Too Large");
    assert_eq!(entry.normalized_title, "Content Too Large");
    assert_eq!(entry.limit("maxOperations"), Some(1000));
    assert_eq!(entry.limit("maxPayload"), Some(1_048_576));
    assert_eq!(entry.limit("maxSomething"), None);
    assert!(entry.has_deviation("SD103"));

    let entry = page.lookup(200).unwrap();
    assert!(entry.deviations.is_empty());
    assert!(page.lookup(418).is_none());
}

#[test]
fn every_page_has_a_table_named_after_its_id() {
    // One table per page of the bundled corpus's manifest.
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sources/manifest.toml"
    ))
    .unwrap();
    let pages = manifest.lines().filter(|l| l.trim() == "[[page]]").count();
    assert_eq!(vendors::ALL.len(), pages);
    for page in vendors::ALL {
        assert_eq!(vendor(page.id), Some(page));
        for entry in page.entries {
            assert_eq!(entry.provenance.source, page.id);
            assert_eq!(entry.provenance.path, page.path);
            assert!(entry.provenance.line >= 1 && entry.provenance.column >= 1);
        }
    }
    assert_eq!(vendors::OTC_IAM.id, "otc-iam");
    assert_eq!(vendors::PINGONE_AIC_CREST_TEXT.id, "pingone-aic-crest-text");
    assert!(vendor("no-such-page").is_none());
}

#[test]
fn canonical_retry_policies() {
    let p = retry_policy(503);
    assert!(p.retryable && p.honour_retry_after && p.should_retry(false));
    let p = retry_policy(429);
    assert!(p.retryable && p.honour_retry_after);
    let p = retry_policy(408);
    assert!(p.retryable && !p.honour_retry_after);
    let p = retry_policy(500);
    assert!(!p.retryable && p.retryable_if_idempotent);
    assert!(p.should_retry(true) && !p.should_retry(false));
    let p = retry_policy(400);
    assert!(!p.should_retry(true));
    assert_eq!(retry_policy(200).retry, Retry::NotApplicable);
    // Unknown codes are their class's x00 (RFC 9110, Section 15).
    assert_eq!(retry_policy(599), retry_policy(500));
    assert_eq!(retry_policy(299), retry_policy(200));
    assert_eq!(retry_policy(99), RetryPolicy::INVALID);
    assert_eq!(retry_policy(600), RetryPolicy::INVALID);
    assert!(!RetryPolicy::INVALID.should_retry(true));
}

#[test]
fn vendor_retry_policy_is_canonical_with_the_deviation_exposed() {
    // The OTC IAM page tells clients not to repeat a 503.
    let policy = vendors::OTC_IAM.retry_policy(503);
    assert_eq!(policy.policy, retry_policy(503));
    assert!(policy.documented && policy.page_is_wrong());
    let deviation = policy.contradiction.unwrap();
    assert_eq!(deviation.rule, "SD201");
    assert!(deviation.affects_retry);

    let policy = vendors::OTC_IAM.retry_policy(400);
    assert!(policy.documented && !policy.page_is_wrong());
    let policy = vendors::OCI_IDENTITY_DOMAINS.retry_policy(429);
    assert!(!policy.documented && !policy.page_is_wrong());
    assert_eq!(policy.policy, retry_policy(429));
}

#[test]
fn lookups_do_not_allocate() {
    let before = allocations();
    let mut found = 0usize;
    for code in 0..=1000u16 {
        if let Some(status) = lookup(code) {
            found += status.reason.len();
        }
        found += usize::from(retry_policy(code).retryable);
        if let Some(entry) = vendors::OCI_IDENTITY_DOMAINS.lookup(code) {
            found += entry.title.len();
        }
        found += usize::from(vendors::OTC_IAM.retry_policy(code).page_is_wrong());
    }
    let after = allocations();
    assert!(found > 0);
    assert_eq!(after - before, 0, "lookups allocated");
}

#[test]
fn findings_go_to_the_entry_they_are_about() {
    // The HTML rendering of the Kinto page documents 401 three times, twice titled
    // "Forbidden": each of those carries its own finding, the first none.
    let page = &vendors::KINTO_PATCH_OBJECT_HTML;
    let entries: Vec<_> = page.entries.iter().filter(|e| e.code == 401).collect();
    let sd101: Vec<usize> = entries
        .iter()
        .map(|e| e.deviations.iter().filter(|d| d.rule == "SD101").count())
        .collect();
    assert_eq!(sd101, [0, 1, 1]);
    assert_eq!(entries[0].title, "Unauthorized");
    assert_eq!(page.lookup(401), Some(entries[0]));

    // A code the page leaves out is a finding about the page, not an entry.
    let page = &vendors::CMWELL;
    assert!(page.lookup(400).is_none());
    assert!(page.deviations.iter().any(|d| d.rule == "SD303"));
    for entry in page.entries {
        assert!(entry.deviations.iter().all(|d| d.rule != "SD303"));
    }
}

#[test]
fn spelling_variants_are_normalized() {
    let entry = vendors::OTC_IAM.lookup(400).unwrap();
    assert_eq!(entry.title, "BadRequest");
    assert_eq!(entry.normalized_title, "Bad Request");
    assert_eq!(entry.title_match, TitleMatch::Spelling);
    assert!(entry.has_deviation("SD104"));
}
