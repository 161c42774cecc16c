//! A vendor's table of its own error codes, with an HTTP status column, is keyed by the
//! vendor's codes: its rows are entries of the status they return (repeats allowed, no
//! title from the messages), while a table of "Error Status Code"s is the page's own
//! catalog of codes.

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::{Document, Listing};
use statusdoc_reference::Registry;

fn read(html: &str) -> Document {
    read_page(
        "p.html",
        html.as_bytes(),
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap()
}

#[test]
fn error_code_catalogs_are_keyed_by_their_codes() {
    let catalog = read(
        "<main><table><tr><th>HTTP Status Code</th><th>Error Code</th><th>Error Message</th></tr>\
                   <tr><td>400</td><td>APIG.0101</td><td>The API does not exist.</td></tr>\
                   <tr><td>404</td><td>APIG.0102</td><td>No such stage.</td></tr></table></main>",
    );
    let rows: Vec<_> = catalog
        .entries
        .iter()
        .map(|e| (e.code, e.title.is_none(), e.description_text(), e.listing))
        .collect();
    assert_eq!(
        rows,
        [
            (400, true, "The API does not exist.", Listing::Keyed),
            (404, true, "No such stage.", Listing::Keyed)
        ]
    );
    let status = read("<main><table><tr><th>Error Status Code</th><th>Description</th></tr>\
                  <tr><td>400</td><td>Bad Request</td></tr><tr><td>404</td><td>Not Found</td></tr></table></main>");
    let rows: Vec<_> = status
        .entries
        .iter()
        .map(|e| (e.code, e.title_text(), e.listing))
        .collect();
    assert_eq!(
        rows,
        [
            (400, "Bad Request", Listing::Catalog),
            (404, "Not Found", Listing::Catalog)
        ]
    );
}
