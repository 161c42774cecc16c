//! One rule per file. Each file's `//!` comment is the rule's documentation.

pub mod coverage_gap;
pub mod deprecated_code;
pub mod description_contradicts_code;
pub mod duplicate_code;
pub mod duplicate_title;
pub mod expected_header_missing;
pub mod html_structure;
pub mod malformed_table;
pub mod no_reader;
pub mod no_status_codes;
pub mod nonstandard_code;
pub mod nonstandard_reason_phrase;
pub mod obsolete_reason_phrase;
pub mod reader_limit;
pub mod reason_phrase_spelling;
pub mod renderings_disagree;
pub mod retry_advice_contradicts_rfc;
pub mod rows_out_of_order;
pub mod unassigned_code;
pub mod unreadable_page;
pub mod unused_suppression;
pub mod vendor_drift;
pub mod wrong_reason_phrase;

mod phrase;

use crate::RuleMeta;

/// Every rule, by id.
pub static ALL: &[&RuleMeta] = &[
    &no_reader::META,
    &malformed_table::META,
    &reader_limit::META,
    &html_structure::META,
    &no_status_codes::META,
    &unreadable_page::META,
    &unused_suppression::META,
    &wrong_reason_phrase::META,
    &nonstandard_reason_phrase::META,
    &obsolete_reason_phrase::META,
    &reason_phrase_spelling::META,
    &nonstandard_code::META,
    &unassigned_code::META,
    &retry_advice_contradicts_rfc::META,
    &description_contradicts_code::META,
    &expected_header_missing::META,
    &duplicate_title::META,
    &duplicate_code::META,
    &coverage_gap::META,
    &deprecated_code::META,
    &rows_out_of_order::META,
    &renderings_disagree::META,
    &vendor_drift::META,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_sorted_and_documented() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        let sorted = {
            let mut s = ids.clone();
            s.sort();
            s
        };
        assert_eq!(ids, sorted, "ALL is ordered by id");
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for rule in ALL {
            let doc = rule.doc();
            assert!(
                doc.starts_with(&format!("# {} ({})", rule.name, rule.id)),
                "{}: {doc}",
                rule.id
            );
            for section in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(doc.contains(section), "{} lacks {section}", rule.id);
            }
        }
    }
}
