//! The five seed pages exactly as published (`.txt`, format sniffed from the content).
//! Every expectation here was checked by reading the page.

use std::collections::BTreeSet;

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{lint_document, Config};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

fn read(name: &str) -> Document {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("seed fixture");
    read_page(
        &format!("seeds/{name}"),
        &bytes,
        &ReadOptions::new(Registry::bundled()),
    )
    .expect("readable")
}

fn entries(document: &Document) -> Vec<(u16, &str, &str)> {
    document
        .entries
        .iter()
        .map(|e| (e.code, e.title_text(), e.description_text()))
        .collect()
}

fn findings(document: &Document) -> BTreeSet<(&'static str, u16)> {
    lint_document(document, Registry::bundled(), &Config::default())
        .iter()
        .map(|d| (d.rule, d.status_code.unwrap_or(0)))
        .collect()
}

#[test]
fn seed_000_oracle_identity_domains_markdown_table() {
    let doc = read("000_688e3b62f65bee31.txt");
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.title.as_deref(), Some("Response Codes"));
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "The request was successfully completed. A 200 status is returned for a successful GET method."),
            (201, "Created", "The request has been fulfilled and resulted in a new resource being created. The response includes a Location header containing the canonical URI for the newly created resource.A 201 status is returned from a synchronous resource creation or an asynchronous resource creation that completed before the response was returned."),
            (202, "Accepted", "The request has been accepted for processing, but the processing hasn't been completed. The request might or might not eventually be acted upon, as it might be disallowed at the time processing actually takes place.When specifying an asynchronous (__detached=true) resource creation (for example, when deploying an application), or update (for example, when redeploying an application), a 202 is returned if the operation is still in progress. If __detached=false, a 202 may be returned if the underlying operation doesn't complete in a reasonable amount of time.The response contains a Location header of a job resource that the client should poll to determine when the job has finished. Also, returns an entity that contains the current state of the job"),
            (204, "No Content", "Operation succeeded and there's no content to send in the response body. This is typically sent on successful DELETE."),
            (307, "Temporary Redirect", "The request should be repeated at the temporary location identified, but use the original location as the permanent reference to the resource."),
            (308, "Permanent Redirect", "The request should be repeated at the location identified and use that as the permanent reference to the resource."),
            (400, "Bad Request", "The request couldn't be processed because it contains missing or invalid information (such as, a validation error on an input field, a missing required value, and so on)."),
            (401, "Unauthorized", "The request isn't authorized. The authentication credentials included with this request are missing or invalid."),
            (403, "Forbidden", "The request operation isn't supported."),
            (404, "Not Found", "The request includes a resource URI that doesn't exist."),
            (405, "Method Not Allowed", "The HTTP verb specified in the request (DELETE, GET, POST, PUT) isn't supported on this resource, or the method requires a filter, which wasn't provided."),
            (409, "Conflict", "Either the version number doesn't match, or a duplicate resource was requested and can't be recreated."),
            (412, "Precondition Failed", "Failed to update, as resource changed."),
            (413, "Request Entity Too Large", "maxOperations (1000) or maxPayload (1048576) was exceeded."),
            (415, "Not Acceptable", "The client's ContentType header isn't correct (for example, the client attempts to send the request in XML, but the resource can accept only JSON)."),
            (500, "Internal Server Error", "The server encountered an unexpected condition that prevented it from fulfilling the request."),
            (501, "Not Implemented", "The requested operation isn't supported."),
            (503, "Service Unavailable", "The server is unable to handle the request because of temporary overloading or maintenance of the server. The identity domains REST web application isn't currently running."),
        ]
    );
    // Positions: the code inside its backticks on line 21, the title right after it.
    let e415 = doc.entries.iter().find(|e| e.code == 415).unwrap();
    let at = doc.source.line_col(e415.code_span.start);
    assert_eq!((at.line, at.column), (21, 2));
    assert_eq!(
        doc.source.slice(e415.title.as_ref().unwrap().span),
        "Not Acceptable"
    );
    assert_eq!(
        findings(&doc),
        [("SD101", 415), ("SD103", 413), ("SD202", 403)]
            .into_iter()
            .collect()
    );
}

#[test]
fn seed_001_ping_text_dump_of_a_definition_list() {
    let doc = read("001_147d93b2d1d563bc.txt");
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.title.as_deref(), Some("HTTP status codes"));
    assert_eq!(
        entries(&doc),
        ping_entries("The resource’s current version does not match the version provided.")
    );
    // The 400 term glued to the 304 description: line 16, after "resource. - ".
    let e400 = doc.entries.iter().find(|e| e.code == 400).unwrap();
    let at = doc.source.line_col(e400.code_span.start);
    assert_eq!((at.line, at.column), (16, 83));
    assert_eq!(findings(&doc), BTreeSet::new());
}

#[test]
fn seed_003_ping_markdown_rendering_agrees_with_001() {
    let doc = read("003_dd48b43c2272e793.txt");
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.title.as_deref(), Some("HTTP status codes"));
    assert_eq!(
        doc.metadata["page_id"],
        "pingoneaic:developer-docs:crest/status-codes"
    );
    assert_eq!(
        doc.metadata["canonical_url"],
        "https://docs.pingidentity.com/pingoneaic/developer-docs/crest/status-codes.html"
    );
    assert_eq!(
        entries(&doc),
        ping_entries("The resource's current version does not match the version provided.")
    );
    assert_eq!(findings(&doc), BTreeSet::new());

    // The two renderings, declared as one document, agree after normalisation.
    let text = read("001_147d93b2d1d563bc.txt");
    let pages = [
        statusdoc_lint::Page {
            same_document: Some("ping"),
            ..statusdoc_lint::Page::new(&text)
        },
        statusdoc_lint::Page {
            same_document: Some("ping"),
            ..statusdoc_lint::Page::new(&doc)
        },
    ];
    let found = statusdoc_lint::lint(&pages, Registry::bundled(), &Config::default());
    assert!(found.is_empty(), "{found:#?}");
}

fn ping_entries(precondition: &'static str) -> Vec<(u16, &'static str, &'static str)> {
    vec![
        (200, "OK", "The request succeeded and a resource returned, depending on the request."),
        (201, "Created", "The request succeeded and the resource was created."),
        (204, "No Content", "The action request succeeded, and there was no content to return."),
        (304, "Not Modified", "The read request included an If-None-Match header, and the value of the header matched the revision value of the resource."),
        (400, "Bad Request", "The request was malformed."),
        (401, "Unauthorized", "The request requires user authentication."),
        (403, "Forbidden", "Access was forbidden during an operation on a resource."),
        (404, "Not Found", "The specified resource could not be found, perhaps because it does not exist."),
        (405, "Method Not Allowed", "The HTTP method is not allowed for the requested resource."),
        (406, "Not Acceptable", "The request contains parameters that are not acceptable, such as a resource or protocol version that is not available."),
        (409, "Conflict", "The request would have resulted in a conflict with the current state of the resource."),
        (410, "Gone", "The requested resource is no longer available, and will not become available again. This can happen when resources expire."),
        (412, "Precondition Failed", precondition),
        (415, "Unsupported Media Type", "The request is in a format not supported by the requested resource for the requested method."),
        (428, "Precondition Required", "The resource requires a version, but no version was supplied in the request."),
        (500, "Internal Server Error", "The service encountered an unexpected condition that prevented it from fulfilling the request."),
        (501, "Not Implemented", "The resource does not support the functionality required to fulfill the request."),
        (503, "Service Unavailable", "The requested resource was temporarily unavailable. The service may be disabled, for example."),
    ]
}

#[test]
fn seed_002_oracle_text_dump_of_a_table() {
    let doc = read("002_933b63ce7a9c3d3f.txt");
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.title.as_deref(), Some("Status Codes"));
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "Success! A successful GET or POST method returns a 200 status code."),
            (201, "Created", "Your request is successful and a new resource has been created. Response includes a Location header containing the canonical URI for the newly created resource.\n\nYou receive a 201 status code from:\n\n- A synchronous resource creation\n- An asynchronous resource creation that completed before the response was returned"),
            (202, "Accepted", "The server has accepted your request for processing, but hasn't yet completed processing it. Your request might be accepted or rejected during processing.\n\nThis code is useful in asynchronous resource creation or updates, such as a batch-oriented process that runs only once per day. It indicates that the server has accepted your request, so you don't need to wait or be connected until the process completes.\n\nThe server delivers a response that contains a Location header of a job resource. Your client should poll this header to determine the job's completion state and status."),
            (400, "Bad Request", "Your request couldn't be processed because it contains missing or invalid information, such as a validation error on an input field, a missing required value, and so forth."),
            (401, "Unauthorized", "Your request isn't authorized. The authentication credentials included with this request are missing or invalid."),
            (403, "Forbidden", "You don't have authorization to perform this request."),
            (404, "Not Found", "Your request includes a resource URI that doesn't exist."),
            (405, "Method Not Allowed", "HTTP action specified in the request (DELETE, GET, POST, PUT) isn't supported for this request URI."),
            (406, "Not Acceptable", "Although the server understands and processes your request, your client can't understand the server response because it's unsupported. A client's request header indicates what data or media types are acceptable. For example, the client's Accept header requests that XML be returned, but the server can return only JSON."),
            (415, "Not Acceptable", "Indicates that the server refuses to accept the client request because the payload format is unsupported. In your client, the ContentType header isn't correct. For example, the client attempts to send the request in XML, but the server can accept only JSON."),
            (500, "Internal Server Error", "The server encountered something unexpected that prevented it from completing the request."),
            (503, "Service Unavailable", "Indicates that the server is unable to complete the request due to a server overload. This condition is usually temporary."),
        ]
    );
    assert_eq!(
        findings(&doc),
        [("SD101", 415), ("SD301", 415)].into_iter().collect()
    );
}

#[test]
fn seed_004_otc_iam_rst_grid_table() {
    let doc = read("004_1b7a17603f135351.txt");
    assert_eq!(doc.format, Format::ReStructuredText);
    let codes: Vec<u16> = doc.entries.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            100, 101, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 400, 401,
            402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 422,
            429, 500, 501, 502, 503, 504, 505
        ]
    );
    let titled = |code: u16| doc.entries.iter().find(|e| e.code == code).unwrap();
    assert_eq!(titled(400).title_text(), "BadRequest");
    assert_eq!(titled(414).title_text(), "Request-URI Too Large");
    assert_eq!(titled(505).title_text(), "HTTP Version not supported");
    assert_eq!(
        titled(503).description_text(),
        "The requested service is unavailable.\n\nThe client should not repeat the request without modifications."
    );
    assert_eq!(
        titled(417).description_text(),
        "The server fails to meet the requirements of the Expect request header field."
    );
    assert_eq!(
        findings(&doc),
        [
            ("SD303", 200),
            ("SD104", 204),
            ("SD304", 305),
            ("SD104", 400),
            ("SD104", 404),
            ("SD104", 405),
            ("SD103", 408),
            ("SD103", 413),
            ("SD102", 414),
            ("SD103", 416),
            ("SD103", 422),
            ("SD104", 429),
            ("SD104", 500),
            ("SD104", 503),
            ("SD201", 503),
            ("SD102", 504),
            ("SD104", 505),
        ]
        .into_iter()
        .collect()
    );
}
