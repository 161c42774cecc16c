//! The HTML pages of the corpus, checked against what each page shows, read by hand.
//! Positions were checked with `grep -n` and `awk '{print index($0, ...)}'`.

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Entry, Format, SourceFile};
use statusdoc_reference::Registry;

fn read(path: &str, format: Format) -> Document {
    let text = std::fs::read_to_string(format!(
        "{}/../../sources/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    read_source(SourceFile::new(path, text), format, Registry::bundled())
}

fn codes_and_titles(document: &Document) -> Vec<(u16, &str)> {
    document
        .entries
        .iter()
        .map(|e| (e.code, e.title_text()))
        .collect()
}

/// Line and column of the code and of the title, and the source text each span covers.
fn position(document: &Document, entry: &Entry) -> (usize, usize, String, usize, usize, String) {
    let source = &document.source;
    let code = source.line_col(entry.code_span.start);
    let title_span = entry.title.as_ref().unwrap().span;
    let title = source.line_col(title_span.start);
    (
        code.line,
        code.column,
        source.slice(entry.code_span).to_owned(),
        title.line,
        title.column,
        source.slice(title_span).to_owned(),
    )
}

#[test]
fn kinto_sphinx_list_of_codes_in_code_spans() {
    let document = read("kinto/status-patch-object.html", Format::Html);
    assert!(document.notes.is_empty(), "{:?}", document.notes);
    assert_eq!(document.title.as_deref(), Some("HTTP Status Codes"));
    assert_eq!(
        document.metadata.get("title").map(String::as_str),
        Some("HTTP Status Codes — Kinto 4.3.1 documentation")
    );
    // The built page prints "401 Forbidden" twice where the source meant 403 and 404:
    // titles and codes are kept as printed, for the rules to flag.
    let expected: [(u16, &str, &str); 8] = [
        (200, "OK", "The object was modified"),
        (
            400,
            "Bad Request",
            "The request body is invalid, or a read-only field was modified",
        ),
        (
            401,
            "Unauthorized",
            "The request is missing authentication headers",
        ),
        (
            401,
            "Forbidden",
            "The user is not allowed to perform the operation, or the resource is not accessible",
        ),
        (401, "Forbidden", "The object does not exist or was deleted"),
        (
            406,
            "Not Acceptable",
            "The client doesn’t accept supported responses Content-Type.",
        ),
        (
            412,
            "Precondition Failed",
            "Record changed since value in If-Match header",
        ),
        (
            415,
            "Unsupported Media Type",
            "The client request was not sent with a correct Content-Type.",
        ),
    ];
    let got: Vec<(u16, &str, &str)> = document
        .entries
        .iter()
        .map(|e| (e.code, e.title_text(), e.description_text()))
        .collect();
    assert_eq!(got, expected);
    for entry in &document.entries {
        assert_eq!(entry.section, ["HTTP Status Codes"]);
    }
    // Line 154: `<li><code class="docutils literal"><span class="pre">412</span> <span
    // class="pre">Precondition</span> <span class="pre">Failed</span></code>: ...`
    let (line, column, code, title_line, title_column, title) =
        position(&document, &document.entries[6]);
    assert_eq!((line, column, code.as_str()), (154, 54, "412"));
    assert_eq!((title_line, title_column), (154, 83));
    assert_eq!(title, "Precondition</span> <span class=\"pre\">Failed");
    for (i, entry) in document.entries.iter().enumerate() {
        let (line, column, code, ..) = position(&document, entry);
        assert_eq!((line, column), (148 + i, 54));
        assert_eq!(code, entry.code.to_string());
    }
    // The description of 406 covers the entity it decoded.
    let description = document.entries[5].description.as_ref().unwrap();
    assert!(document
        .source
        .slice(description.span)
        .contains("doesn&#8217;t"));
}

#[test]
fn kinto_html_agrees_with_its_rst_source() {
    let html = read("kinto/status-patch-object.html", Format::Html);
    let rst = read("kinto/status-patch-object.rst", Format::ReStructuredText);
    assert_eq!(html.entries.len(), rst.entries.len());
    for (h, r) in html.entries.iter().zip(&rst.entries) {
        assert_eq!(
            h.description_text().replace('’', "'"),
            r.description_text().replace('’', "'")
        );
        // Only the two entries the built page misprints as "401 Forbidden" differ.
        if h.title_text() == "Forbidden" {
            assert_eq!(h.code, 401);
            assert!(matches!(r.code, 403 | 404));
        } else {
            assert_eq!(h.code, r.code);
        }
    }
}

#[test]
fn mdn_definition_list_with_kumascript_terms() {
    let document = read("mdn/http-status-index-2021.html", Format::Html);
    assert!(document.notes.is_empty(), "{:?}", document.notes);
    assert_eq!(
        document.title.as_deref(),
        Some("HTTP response status codes")
    );
    assert_eq!(
        document.metadata.get("slug").map(String::as_str),
        Some("Web/HTTP/Status")
    );
    let expected: &[(u16, &str)] = &[
        (100, "Continue"),
        (101, "Switching Protocol"),
        (102, "Processing (WebDAV)"),
        (103, "Early Hints"),
        (200, "OK"),
        (201, "Created"),
        (202, "Accepted"),
        (203, "Non-Authoritative Information"),
        (204, "No Content"),
        (205, "Reset Content"),
        (206, "Partial Content"),
        (207, "Multi-Status (WebDAV)"),
        (208, "Already Reported (WebDAV)"),
        (226, "IM Used (HTTP Delta encoding)"),
        (300, "Multiple Choice"),
        (301, "Moved Permanently"),
        (302, "Found"),
        (303, "See Other"),
        (304, "Not Modified"),
        (305, "Use Proxy"),
        (306, "unused"),
        (307, "Temporary Redirect"),
        (308, "Permanent Redirect"),
        (400, "Bad Request"),
        (401, "Unauthorized"),
        (402, "Payment Required"),
        (403, "Forbidden"),
        (404, "Not Found"),
        (405, "Method Not Allowed"),
        (406, "Not Acceptable"),
        (407, "Proxy Authentication Required"),
        (408, "Request Timeout"),
        (409, "Conflict"),
        (410, "Gone"),
        (411, "Length Required"),
        (412, "Precondition Failed"),
        (413, "Payload Too Large"),
        (414, "URI Too Long"),
        (415, "Unsupported Media Type"),
        (416, "Range Not Satisfiable"),
        (417, "Expectation Failed"),
        (418, "I'm a teapot"),
        (421, "Misdirected Request"),
        (422, "Unprocessable Entity (WebDAV)"),
        (423, "Locked (WebDAV)"),
        (424, "Failed Dependency (WebDAV)"),
        (425, "Too Early"),
        (426, "Upgrade Required"),
        (428, "Precondition Required"),
        (429, "Too Many Requests"),
        (431, "Request Header Fields Too Large"),
        (451, "Unavailable For Legal Reasons"),
        (500, "Internal Server Error"),
        (501, "Not Implemented"),
        (502, "Bad Gateway"),
        (503, "Service Unavailable"),
        (504, "Gateway Timeout"),
        (505, "HTTP Version Not Supported"),
        (506, "Variant Also Negotiates"),
        (507, "Insufficient Storage (WebDAV)"),
        (508, "Loop Detected (WebDAV)"),
        (510, "Not Extended"),
        (511, "Network Authentication Required"),
    ];
    assert_eq!(codes_and_titles(&document), expected);
    let by_code = |code: u16| document.entries.iter().find(|e| e.code == code).unwrap();
    // A description with a nested list, and the class ranges in the intro list
    // (`<code>100</code>–<code>199</code>`) and codes in prose give no entries.
    assert_eq!(
        by_code(200).description_text(),
        "The request has succeeded. The meaning of the success depends on the HTTP method:\n\n\
         - GET: The resource has been fetched and is transmitted in the message body.\n\
         - HEAD: The entity headers are in the message body.\n\
         - PUT or POST: The resource describing the result of the action is transmitted in the message body.\n\
         - TRACE: The message body contains the request message as received by the server."
    );
    assert_eq!(
        by_code(208).description_text(),
        "Used inside a <dav:propstat> response element to avoid repeatedly enumerating the internal members of multiple bindings to the same collection."
    );
    assert_eq!(
        by_code(418).description_text(),
        "The server refuses the attempt to brew coffee with a teapot."
    );
    assert_eq!(
        by_code(305).description_text(),
        "Defined in a previous version of the HTTP specification to indicate that a requested response must be accessed by a proxy. It has been deprecated due to security concerns regarding in-band configuration of a proxy."
    );
    // The front matter's title is the page's heading, as the site shows it.
    assert_eq!(
        by_code(404).section,
        ["HTTP response status codes", "Client error responses"]
    );
    assert_eq!(
        by_code(100).section,
        ["HTTP response status codes", "Information responses"]
    );
    assert!(document.entries.iter().all(|e| e.description.is_some()));
    // Line 109: ` <dt>{{HTTPStatus(404, "404 Not Found")}}</dt>`: the span is on the
    // quoted text the page shows. Line 90: ` <dt><code>306 unused</code></dt>`.
    let (line, column, code, title_line, title_column, title) = position(&document, by_code(404));
    assert_eq!((line, column, code.as_str()), (109, 25, "404"));
    assert_eq!(
        (title_line, title_column, title.as_str()),
        (109, 29, "Not Found")
    );
    let (line, column, code, _, title_column, title) = position(&document, by_code(306));
    assert_eq!(
        (line, column, code.as_str(), title_column, title.as_str()),
        (90, 12, "306", 16, "unused")
    );
}

#[test]
fn otc_ecs_tables_per_class_with_titles_in_the_description_column() {
    let document = read("otc-ecs/http-status-codes.html", Format::Html);
    assert!(document.notes.is_empty(), "{:?}", document.notes);
    assert_eq!(document.title.as_deref(), Some("HTTP Status Codes"));
    let expected: &[(u16, &str)] = &[
        (200, "OK"),
        (201, "Created"),
        (202, "Accepted"),
        (204, "No Content"),
        (400, "Bad Request"),
        (401, "Unauthorized"),
        (403, "Forbidden"),
        (404, "Not Found"),
        (405, "Method Not Allowed"),
        (409, "Conflict"),
        (413, "Request Entity Too Large"),
        (415, "Unsupported Media Type"),
        (429, "Too Many Requests"),
        (500, "Internal Server Error"),
        (501, "Not Implemented"),
        (503, "Service Unavailable"),
    ];
    assert_eq!(codes_and_titles(&document), expected);
    // The "Description" column holds nothing but the reason phrases.
    assert!(document.entries.iter().all(|e| e.description.is_none()));
    assert!(document
        .entries
        .iter()
        .all(|e| e.section == ["HTTP Status Codes"]));
    // Line 81 holds `<p ...>429</p>`, line 83 `<p ...>Too Many Requests</p>`.
    let entry = document.entries.iter().find(|e| e.code == 429).unwrap();
    let (line, column, code, title_line, title_column, title) = position(&document, entry);
    assert_eq!((line, column, code.as_str()), (81, 196, "429"));
    assert_eq!(
        (title_line, title_column, title.as_str()),
        (83, 143, "Too Many Requests")
    );
    let entry = &document.entries[0];
    let (line, _, code, title_line, _, title) = position(&document, entry);
    assert_eq!(
        (line, code.as_str(), title_line, title.as_str()),
        (11, "200", 13, "OK")
    );
}
