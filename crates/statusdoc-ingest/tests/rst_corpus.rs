//! What each reStructuredText page of the corpus documents, read by hand from the page:
//! every code, its title exactly as printed, and its description.

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

fn read(path: &str) -> Document {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let document =
        read_page(path, &bytes, &ReadOptions::new(Registry::bundled())).expect("readable");
    assert_eq!(document.format, Format::ReStructuredText, "{path}");
    let errors: Vec<_> = document
        .notes
        .iter()
        .map(|n| (n.rule, n.message.clone()))
        .collect();
    assert!(errors.is_empty(), "{path}: unexpected notes {errors:?}");
    document
}

/// (code, title, description) of every entry, in page order.
fn entries(document: &Document) -> Vec<(u16, Option<&str>, &str)> {
    document
        .entries
        .iter()
        .map(|e| {
            (
                e.code,
                e.title.as_ref().map(|t| t.text.as_str()),
                e.description_text(),
            )
        })
        .collect()
}

fn codes_and_titles(document: &Document) -> Vec<(u16, Option<&str>)> {
    document
        .entries
        .iter()
        .map(|e| (e.code, e.title.as_ref().map(|t| t.text.as_str())))
        .collect()
}

/// Every span points at the text it claims: the code digits, and title text as printed.
fn check_spans(document: &Document) {
    let source = &document.source;
    for e in &document.entries {
        assert_eq!(
            source.slice(e.code_span),
            e.code.to_string(),
            "{}: code span",
            document.path()
        );
        if let Some(title) = &e.title {
            let printed = source.slice(title.span);
            assert_eq!(
                printed.split_whitespace().collect::<Vec<_>>().join(" "),
                title.text,
                "title span"
            );
        }
        if let Some(d) = &e.description {
            let printed = source.slice(d.span);
            assert!(
                !printed.starts_with(char::is_whitespace)
                    && !printed.ends_with(char::is_whitespace)
            );
        }
    }
}

const SEED_TITLES: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "NoContent"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (306, "Unused"),
    (400, "BadRequest"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "NotFound"),
    (405, "MethodNotAllowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Time-out"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Request Entity Too Large"),
    (414, "Request-URI Too Large"),
    (415, "Unsupported Media Type"),
    (416, "Requested range not satisfiable"),
    (417, "Expectation Failed"),
    (422, "UnprocessableEntity"),
    (429, "TooManyRequests"),
    (500, "InternalServerError"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "ServiceUnavailable"),
    (504, "ServerTimeout"),
    (505, "HTTP Version not supported"),
];

fn check_seed(document: &Document) {
    assert_eq!(document.title.as_deref(), Some("Status Codes"));
    assert_eq!(
        document.metadata.get("original_name").map(String::as_str),
        Some("iam_02_0005.html")
    );
    assert_eq!(
        document.metadata.get("label").map(String::as_str),
        Some("iam_02_0005")
    );
    let got: Vec<(u16, &str)> = document
        .entries
        .iter()
        .map(|e| (e.code, e.title_text()))
        .collect();
    assert_eq!(got, SEED_TITLES);
    assert_eq!(document.entries.len(), 41);
    assert!(
        document.entries.iter().all(|e| e.code != 200),
        "the page has no 200"
    );
    let by_code = |c: u16| document.entries.iter().find(|e| e.code == c).unwrap();
    assert_eq!(
        by_code(100).description_text(),
        "The client should continue with its request.\n\nThis interim response is used to inform the client that the initial part of the request has been received and has not yet been rejected by the server."
    );
    assert_eq!(
        by_code(503).description_text(),
        "The requested service is unavailable.\n\nThe client should not repeat the request without modifications."
    );
    assert_eq!(
        by_code(413).description_text(),
        "The server is refusing to process a request because the request entity is larger than the server is willing or able to process. The server may close the connection to prevent the client from continuing the request. If the condition is temporary, the server should include a Retry-After header field to indicate that it is temporary and after what time the client may try again."
    );
    assert_eq!(
        by_code(504).description_text(),
        "The request cannot be fulfilled within a given amount of time. The response will reach the client only if the request carries a timeout parameter."
    );
    assert_eq!(
        by_code(305).description_text(),
        "The requested resource must be accessed through a proxy."
    );
    for e in &document.entries {
        assert_eq!(e.section, ["Status Codes", "Table 1 Status codes"]);
        assert!(
            !e.description_text().is_empty(),
            "{} has a description",
            e.code
        );
    }
    // Positions: 100 is on line 13, its digits at column 6 (table indented 3 spaces).
    let first = &document.entries[0];
    let at = document.source.line_col(first.code_span.start);
    assert_eq!((at.line, at.column), (13, 6));
    let title = document
        .source
        .line_col(first.title.as_ref().unwrap().span.start);
    assert_eq!((title.line, title.column), (13, 30));
    let description = first.description.as_ref().unwrap();
    assert_eq!(document.source.line_col(description.span.start).line, 13);
    assert_eq!(document.source.line_col(description.span.end).line, 15);
    check_spans(document);
}

#[test]
fn otc_iam_seed_as_rst() {
    check_seed(&read("sources/otc-iam/status-codes.rst"));
}

#[test]
fn otc_iam_seed_as_published_txt_is_sniffed() {
    // The seed exactly as published, kept byte for byte in the end-to-end fixtures.
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seeds/004_1b7a17603f135351.txt"
    ))
    .unwrap();
    let document = read_page(
        "seeds/004_1b7a17603f135351.txt",
        &bytes,
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap();
    assert_eq!(document.format, Format::ReStructuredText);
    check_seed(&document);
}

#[test]
fn otc_apig() {
    let d = read("sources/otc-apig/http-status-codes.rst");
    assert_eq!(d.title.as_deref(), Some("HTTP Status Codes"));
    assert_eq!(
        d.metadata.get("label").map(String::as_str),
        Some("apig-api-180713206")
    );
    assert_eq!(
        codes_and_titles(&d),
        [
            (200, Some("OK")),
            (204, Some("No Content")),
            (400, Some("Bad Request")),
            (401, Some("Unauthorized")),
            (403, Some("Forbidden")),
            (404, Some("Not Found")),
            (405, Some("Method Not Allowed")),
            (406, Some("Not Acceptable")),
            (407, Some("Proxy Authentication Required")),
            (408, Some("Request Timeout")),
            (409, Some("Conflict")),
            (410, Some("Gone")),
            (412, Some("Precondition Failed")),
            (500, Some("Internal Server Error")),
            (501, Some("Not Implemented")),
            (502, Some("Bad Gateway")),
            (503, Some("Service Unavailable")),
            (504, Some("Gateway Timeout")),
        ]
    );
    assert_eq!(
        d.entries[2].description_text(),
        "The server failed to process the request. Possible causes include:\n\n1. Malformed request syntax\n2. Invalid request message framing"
    );
    assert_eq!(
        d.entries[0].description_text(),
        "The request has been processed successfully."
    );
    assert_eq!(d.entries[17].description_text(), "The server was acting as a gateway or proxy and did not receive a timely response from the upstream server.");
    assert_eq!(
        d.entries[0].section,
        ["HTTP Status Codes", "Table 1 HTTP status codes"]
    );
    check_spans(&d);
}

#[test]
fn otc_dns() {
    let d = read("sources/otc-dns/status-code.rst");
    assert_eq!(d.title.as_deref(), Some("Status Code"));
    assert_eq!(
        d.metadata.get("original_name").map(String::as_str),
        Some("dns_api_80002.html")
    );
    assert_eq!(
        entries(&d),
        [
            (200, None, "Request succeeded."),
            (202, None, "Request accepted."),
            // A description that is exactly the code's phrase is its title.
            (204, Some("No content"), ""),
            (
                400,
                Some("Bad Request"),
                "The server fails to process the request."
            ),
            (
                401,
                Some("Unauthorized"),
                "You must enter the username and password to access the requested page."
            ),
            (
                403,
                Some("Forbidden"),
                "You are forbidden to access the requested page."
            ),
            (
                404,
                Some("Not Found"),
                "The server cannot find the requested page."
            ),
            (
                405,
                Some("Method Not Allowed"),
                "You are not allowed to use the method specified in the request."
            ),
            (
                406,
                Some("Not Acceptable"),
                "The response generated by the server is not acceptable to the client."
            ),
            (
                407,
                Some("Proxy Authentication Required"),
                "You must use the proxy server for authentication."
            ),
            (408, Some("Request Timeout"), "The request is timed out."),
            (
                409,
                Some("Conflict"),
                "The request cannot be processed due to a conflict."
            ),
            (413, Some("Payload Too Large"), "The request is too large."),
            (
                500,
                Some("internal Server Error"),
                "The request fails because the server is abnormal."
            ),
            (
                501,
                Some("Not Implemented"),
                "The request fails because the server does not support the requested function."
            ),
            (
                502,
                Some("Bad Gateway"),
                "The request fails because the returned response is invalid."
            ),
            (
                503,
                Some("Service Unavailable"),
                "The request fails because the system is abnormal."
            ),
            (504, Some("Gateway Timeout"), "Gateway times out."),
        ]
    );
    assert_eq!(
        d.entries[0].section,
        ["Status Code", "Table 1 Return code for successful requests"]
    );
    assert_eq!(
        d.entries[3].section,
        ["Status Code", "Table 2 Return code for failed requests"]
    );
    check_spans(&d);
}

#[test]
fn otc_functiongraph() {
    let d = read("sources/otc-functiongraph/status-codes.rst");
    assert_eq!(d.title.as_deref(), Some("Status Codes"));
    // 200 and 204 print ``-`` as their message: a placeholder, so no title.
    assert_eq!(
        codes_and_titles(&d),
        [
            (200, None),
            (204, None),
            (400, Some("Bad Request")),
            (401, Some("Unauthorized")),
            (403, Some("Forbidden")),
            (404, Some("Not Found")),
            (405, Some("Method Not Allowed")),
            (406, Some("Not Acceptable")),
            (407, Some("Proxy Authentication Required")),
            (408, Some("Request Timeout")),
            (409, Some("Conflict")),
            (500, Some("Internal Server Error")),
            (501, Some("Not Implemented")),
            (502, Some("Bad Gateway")),
            (503, Some("Service Unavailable")),
            (504, Some("Gateway Timeout")),
        ]
    );
    assert_eq!(
        d.entries[0].description_text(),
        "The request has succeeded."
    );
    assert_eq!(d.entries[15].description_text(), "Gateway timed out.");
    check_spans(&d);
}

#[test]
fn cscart_list_table_with_quoted_titles() {
    let d = read("sources/cscart/api-response-errors.rst");
    assert_eq!(d.title.as_deref(), Some("API Response Errors"));
    assert_eq!(
        entries(&d),
        [
            (400, Some("Bad Request"), "The request is invalid. For example, something is missing in it or there is a synthax error."),
            (401, Some("Unauthorized"), "Authorisation data are not valid or missing."),
            (403, Some("Forbidden"), "Access is not allowed. For example, there are no permissions for the request."),
            (404, Some("Not Found"), "The requested object does not exist."),
            (405, Some("Method Not Allowed"), "Initialized method is not suppoted for the request-URI."),
            (406, Some("Not Acceptible"), "The resource cannot generate a response in the format, specified in the request (the accept header has an invalid type)."),
            (415, Some("Unsupported Media Type"), "An object has the format unsupported for the given request in the given method."),
            (500, Some("Internal Server Error"), "Server-side error. The request cannot be processed."),
        ]
    );
    check_spans(&d);
}

#[test]
fn fess_status_list_table_only() {
    let d = read("sources/fess/admin-api-overview.rst");
    assert_eq!(d.title.as_deref(), Some("Admin API Overview"));
    assert_eq!(
        entries(&d),
        [
            (200, None, "Request successful"),
            (400, None, "Invalid request parameters"),
            (
                401,
                None,
                "Authentication required (token missing or invalid)"
            ),
            (403, None, "Access denied"),
            (404, None, "Resource not found"),
            // A description that is exactly the code's phrase is its title.
            (500, Some("Internal server error"), ""),
        ]
    );
    assert_eq!(
        d.entries[0].section,
        ["Admin API Overview", "Response Format", "HTTP Status Codes"]
    );
    check_spans(&d);
}

#[test]
fn kinto_substitution_bullets() {
    let d = read("sources/kinto/status-patch-object.rst");
    assert_eq!(d.title.as_deref(), Some("HTTP Status Codes"));
    assert_eq!(
        entries(&d),
        [
            (200, None, "The object was modified"),
            (400, None, "The request body is invalid, or a read-only field was modified"),
            (401, None, "The request is missing authentication headers"),
            (403, None, "The user is not allowed to perform the operation, or the resource is not accessible"),
            (404, None, "The object does not exist or was deleted"),
            (406, None, "The client doesn't accept supported responses Content-Type."),
            (412, None, "Record changed since value in If-Match header"),
            (415, None, "The client request was not sent with a correct Content-Type."),
        ]
    );
    check_spans(&d);
}

#[test]
fn rackspace_title_before_code() {
    let d = read("sources/rackspace-cloud-keep/response-codes.rst");
    assert_eq!(d.title.as_deref(), Some("Response codes"));
    assert_eq!(
        d.metadata.get("label").map(String::as_str),
        Some("Barbican-dg-response-codes")
    );
    assert_eq!(
        entries(&d),
        [
            (200, Some("OK"), "The request to retrieve a resource was successful."),
            (201, Some("Created"), "The request to create a resource was successful."),
            (202, Some("Accepted"), "The request has been accepted for asynchronous processing."),
            (204, Some("No Content"), "The request has was successful and the service did not return any content. For example, a successful DELETE call will return this code."),
            (400, Some("Bad Request"), "The request was not processed due to an error in the input values. Recheck the parameters to the service and resubmit."),
            (401, Some("Unauthorized"), "The request was not processed due to an authentication failure. This is often the result of an invalid authentication token."),
            (403, Some("Forbidden"), "The request was not processed due to an authorization failure. Check that your service catalog contains the Cloud Keep endpoint and that your user has the correct RBAC roles."),
            (503, Some("Service Unavailable"), "The service is currently unavailable. For example, it might be down for scheduled platform maintenance. Try again later."),
        ]
    );
    check_spans(&d);
}

#[test]
fn error_code_tables_are_not_status_codes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rst/grid_error_codes.rst"
    );
    let bytes = std::fs::read(path).unwrap();
    let d = read_page(
        "grid_error_codes.rst",
        &bytes,
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap();
    // An error-code table with an HTTP status column: its rows are keyed by the error
    // code, so rules do not read them as the page's catalog of status codes.
    assert_eq!(
        d.entries.iter().map(|e| e.code).collect::<Vec<_>>(),
        [404, 413]
    );
    assert!(
        d.entries
            .iter()
            .all(|e| e.listing == statusdoc_model::Listing::Keyed),
        "{:?}",
        d.entries
    );
}
