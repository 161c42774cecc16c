//! A vendor's table of its own error codes is not a status code table, while a table
//! of "Error Status Code"s is.

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_reference::Registry;

fn codes(html: &str) -> Vec<u16> {
    read_page(
        "p.html",
        html.as_bytes(),
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap()
    .entries
    .iter()
    .map(|e| e.code)
    .collect()
}

#[test]
fn error_code_catalogs_are_not_status_tables() {
    let catalog =
        "<main><table><tr><th>HTTP Status Code</th><th>Error Code</th><th>Error Message</th></tr>\
                   <tr><td>400</td><td>APIG.0101</td><td>The API does not exist.</td></tr>\
                   <tr><td>404</td><td>APIG.0102</td><td>No such stage.</td></tr></table></main>";
    assert!(codes(catalog).is_empty());
    let status = "<main><table><tr><th>Error Status Code</th><th>Description</th></tr>\
                  <tr><td>400</td><td>Bad Request</td></tr><tr><td>404</td><td>Not Found</td></tr></table></main>";
    assert_eq!(codes(status), [400, 404]);
}
