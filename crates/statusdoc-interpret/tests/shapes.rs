//! The interpreter on page models built by hand: what it makes of each shape, whatever
//! format the page came in. Expectations are (code, title, description).

use statusdoc_interpret::interpret;
use statusdoc_model::page::{Block, Definition, List, Page, Table, TableCell, Text};
use statusdoc_model::Listing;
use statusdoc_reference::Registry;

/// Text at a made-up offset (spans are not what these tests are about).
fn text(s: &str) -> Text {
    let mut t = Text::new();
    t.push_source(s, 0);
    t
}

fn p(s: &str) -> Block {
    Block::Paragraph(text(s))
}

fn h(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        text: text(s),
    }
}

fn table(header: &[&str], rows: &[&[&str]]) -> Block {
    let row = |cells: &[&str]| cells.iter().map(|c| TableCell::new(text(c))).collect();
    let mut t = Table {
        header_rows: usize::from(!header.is_empty()),
        ..Table::default()
    };
    if !header.is_empty() {
        t.rows.push(row(header));
    }
    t.rows.extend(rows.iter().map(|r| row(r)));
    Block::Table(t)
}

fn list(items: &[&str]) -> Block {
    Block::List(List {
        items: items.iter().map(|i| vec![p(i)]).collect(),
    })
}

fn entries(blocks: Vec<Block>) -> Vec<(u16, String, String)> {
    interpret(&Page { blocks }, Registry::bundled())
        .into_iter()
        .map(|e| {
            (
                e.code,
                e.title_text().to_owned(),
                e.description_text().to_owned(),
            )
        })
        .collect()
}

fn e(code: u16, title: &str, description: &str) -> (u16, String, String) {
    (code, title.to_owned(), description.to_owned())
}

#[test]
fn code_column_anywhere_and_titles_from_content() {
    let got = entries(vec![table(
        &["Meaning", "Error Code"],
        &[
            &["Bad Request -- La solicitud es inválida.", "400"],
            &["Not Found -- No existe.", "404"],
        ],
    )]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "La solicitud es inválida."),
            e(404, "Not Found", "No existe.")
        ]
    );
}

#[test]
fn a_description_column_holding_only_phrases_is_the_title_column() {
    let got = entries(vec![table(
        &["Code", "Description"],
        &[&["200", "OK"], &["404", "Not Found"]],
    )]);
    assert_eq!(got, [e(200, "OK", ""), e(404, "Not Found", "")]);
}

#[test]
fn data_tables_are_not_status_tables() {
    // Numbers in a data table are not codes without evidence.
    let got = entries(vec![table(
        &["Instance", "vCPUs", "Memory"],
        &[&["small", "200", "512"], &["large", "400", "2048"]],
    )]);
    assert!(got.is_empty(), "{got:?}");
    let got = entries(vec![
        h(2, "SMTP reply codes"),
        table(
            &["Code", "Meaning"],
            &[&["250", "OK"], &["550", "Mailbox unavailable"]],
        ),
    ]);
    assert!(got.is_empty(), "{got:?}");
    // A percentage heading is no code.
    let got = entries(vec![h(2, "100% uptime"), p("We promise.")]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn identifier_columns_are_never_titles_and_key_the_table() {
    let got = interpret(
        &Page {
            blocks: vec![table(
                &["HTTP status", "Error", "Message"],
                &[
                    &["400", "badRequest", "The body is invalid."],
                    &["400", "missingField", "A field is missing."],
                ],
            )],
        },
        Registry::bundled(),
    );
    assert_eq!(got.len(), 2);
    assert!(got
        .iter()
        .all(|e| e.title.is_none() && e.listing == Listing::Keyed));
}

#[test]
fn prose_is_not_an_entry() {
    let got = entries(vec![
        h(2, "100 Continue"),
        p("The 100 Continue status indicates that the server has received the headers."),
        p("102 Processing status code indicates that the server is working."),
        p("404 errors happen when the pet is gone."),
    ]);
    // The prose stays the heading's description; none of it is an entry.
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1.as_str()), (100, "Continue"));
}

#[test]
fn text_dump_lines_with_several_codes_and_class_labels() {
    let got = entries(vec![
        p("Http status codes"),
        p("4xx - error codes"),
        p("400 - Size too large to load, malformed request syntax"),
        p("401 & 403 - Authentication & access restricted"),
        p("5xx - server side error codes"),
        p("500 - Internal server error"),
        p("505 - Http version not supported used in the request"),
    ]);
    assert_eq!(
        got,
        [
            e(400, "", "Size too large to load, malformed request syntax"),
            e(401, "", "Authentication & access restricted"),
            e(403, "", "Authentication & access restricted"),
            e(500, "Internal server error", ""),
            // A phrase in other case running into lowercase words reads as prose.
            e(505, "", "Http version not supported used in the request"),
        ]
    );
}

#[test]
fn lists_introduced_as_status_codes_take_plain_items() {
    let got = entries(vec![
        p("We use standard HTTP status codes:"),
        list(&["200 if it succeeded", "429 for requests over the limit"]),
    ]);
    assert_eq!(
        got,
        [
            e(200, "", "if it succeeded"),
            e(429, "", "for requests over the limit")
        ]
    );
    // Without the lead-in, "300 requests per minute" is prose.
    assert!(entries(vec![list(&["300 requests per minute", "100 users"])]).is_empty());
}

#[test]
fn definition_lists_and_qualifiers() {
    let got = entries(vec![Block::DefinitionList(vec![
        Definition {
            term: text("208 Already Reported (WebDAV)"),
            details: vec![p("Used inside a response element.")],
        },
        Definition {
            term: text("306 unused"),
            details: vec![p("No longer used.")],
        },
    ])]);
    assert_eq!(
        got,
        [
            e(
                208,
                "Already Reported (WebDAV)",
                "Used inside a response element."
            ),
            e(306, "unused", "No longer used.")
        ]
    );
}

#[test]
fn per_operation_responses_are_operation_listings() {
    let got = interpret(
        &Page {
            blocks: vec![
                h(2, "GET /pets/{id}"),
                h(3, "Responses"),
                list(&["200 OK", "404 Not Found"]),
            ],
        },
        Registry::bundled(),
    );
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|e| e.listing == Listing::Operation));
}

#[test]
fn labelled_lists_of_codes() {
    let got = interpret(
        &Page {
            blocks: vec![
                h(2, "List usages"),
                p("Normal response codes: 200"),
                p("Error response codes: badRequest(400), itemNotFound(404)"),
            ],
        },
        Registry::bundled(),
    );
    let codes: Vec<(u16, bool)> = got.iter().map(|e| (e.code, e.title.is_none())).collect();
    assert_eq!(codes, [(200, true), (400, true), (404, true)]);
    assert!(got.iter().all(|e| e.listing == Listing::Operation));
    // A label that is not about status codes is prose.
    assert!(entries(vec![p("Ports used: 200, 400")]).is_empty());
}

#[test]
fn nested_items_for_codes_are_entries() {
    let got = entries(vec![Block::List(List {
        items: vec![vec![
            p("201 Created - a pet was added."),
            Block::List(List {
                items: vec![vec![p("202 Accepted - queued.")]],
            }),
        ]],
    })]);
    assert_eq!(
        got,
        [
            e(201, "Created", "a pet was added."),
            e(202, "Accepted", "queued.")
        ]
    );
}

#[test]
fn status_field_paragraphs_in_sections_per_error() {
    let got = entries(vec![
        h(2, "Authentication errors"),
        h(3, "AUTH001 - Authentication required"),
        p("**Description**: Authentication required for this service"),
        p("**HTTP Status**: 401 Unauthorized"),
        h(3, "AUTH002"),
        p("Message: Insufficient permissions\nHTTP Status: 403"),
        h(3, "RATE001"),
        p("Status: 429 Too Many Requests"),
        p("Slow down."),
    ]);
    assert_eq!(
        got,
        [
            e(
                401,
                "Unauthorized",
                "Authentication required for this service"
            ),
            e(403, "", "Insufficient permissions"),
            e(429, "Too Many Requests", "Slow down."),
        ]
    );
    // One field on a page is a note, not a catalog; a bare "Status" needs a phrase;
    // a list of codes with prose is no field.
    assert!(entries(vec![
        h(2, "Debugging"),
        p("**HTTP Status:** 400 Bad Request")
    ])
    .is_empty());
    assert!(entries(vec![
        p("Status: 400"),
        p("Status: 404"),
        p("HTTP Status: 400, 404, 500 handling"),
        p("HTTP Status: 404, 500 handling"),
    ])
    .is_empty());
}

#[test]
fn error_tables_of_registered_codes_without_phrases() {
    let rows: &[&[&str]] = &[
        &["400", "The format of the request does not meet expectation"],
        &[
            "401",
            "The request did not include a valid authentication method",
        ],
        &["404", "The resource does not exist"],
        &["500", "An internal server error occurred."],
    ];
    let got = entries(vec![
        h(1, "Errors"),
        table(&["Error Code", "Meaning"], rows),
    ]);
    assert_eq!(
        got.iter().map(|e| e.0).collect::<Vec<_>>(),
        [400, 401, 404, 500]
    );
    // Without "errors" in the header or heading, only the rows can say these are HTTP
    // statuses: these do, in words that say what each code means; others do not.
    assert_eq!(
        entries(vec![h(1, "Reference"), table(&["Value", "Meaning"], rows)]).len(),
        4
    );
    let plain: &[&[&str]] = &[
        &["400", "The format of the record"],
        &["401", "A second format"],
        &["404", "The legacy format"],
        &["500", "Reserved"],
    ];
    assert!(entries(vec![h(1, "Reference"), table(&["Value", "Meaning"], plain)]).is_empty());
    // A vendor's own numbering that runs on, or reaches outside 4xx/5xx, is not.
    let card: &[&[&str]] = &[
        &["401", "Invalid card number"],
        &["402", "Card expired"],
        &["403", "Insufficient funds"],
        &["404", "Card blocked"],
    ];
    assert!(entries(vec![h(2, "Error codes"), table(&["Code", "Meaning"], card)]).is_empty());
    let mixed: &[&[&str]] = &[
        &["106", "The file is empty"],
        &["400", "Bad input"],
        &["404", "No such batch"],
    ];
    assert!(entries(vec![h(2, "Errors"), table(&["Code", "Meaning"], mixed)]).is_empty());
}

#[test]
fn response_headings_without_phrases() {
    let got = entries(vec![
        h(4, "Example HTTP response"),
        h(5, "Response 200"),
        p("{}"),
        h(5, "Response 404"),
        h(5, "Response 422"),
    ]);
    assert_eq!(got.iter().map(|e| e.0).collect::<Vec<_>>(), [200, 404, 422]);
}

#[test]
fn named_responses_say_their_status() {
    let def = |term: &str| Definition {
        term: text(term),
        details: Vec::new(),
    };
    let got = entries(vec![
        h(2, "components.responses"),
        Block::DefinitionList(vec![
            def("NotFound The pet does not exist"),
            def("400BadRequest"),
            def("TooManyRequests Too Many Requests - slow down"),
            def("GeneralError Something failed"),
            def("Generic401 Unauthorized"),
            def("Error_503 Service unavailable"),
            def("Thumbnail640 An image"),
            def("Version2 The second version"),
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(404, "", "The pet does not exist"),
            e(400, "", ""),
            e(429, "Too Many Requests", "slow down"),
            e(401, "Unauthorized", ""),
            e(503, "Service unavailable", ""),
        ]
    );
    // Names under another heading, or names that say no status, are no entries.
    assert!(entries(vec![
        h(2, "Glossary"),
        Block::DefinitionList(vec![def("NotFound The pet does not exist")]),
    ])
    .is_empty());
    assert!(entries(vec![
        h(2, "responses"),
        Block::DefinitionList(vec![def("Error Something failed"), def("Pet A pet")]),
    ])
    .is_empty());
}

#[test]
fn bold_labels_after_a_code_are_titles() {
    let mut item = text("500 - Unknown server error - An internal error occurred");
    item.mark_range(6..26, statusdoc_model::page::Mark::Strong);
    let got = entries(vec![
        h(1, "Error codes"),
        Block::List(List {
            items: vec![
                vec![Block::Paragraph(item)],
                vec![p("404 - Not Found - no such thing")],
            ],
        }),
    ]);
    assert_eq!(
        got,
        [
            e(500, "Unknown server error", "An internal error occurred"),
            e(404, "Not Found", "no such thing"),
        ]
    );
}

#[test]
fn every_status_field_line_of_a_line_block() {
    let mut block = text("Status: 200 OK");
    block.line_break(statusdoc_model::Span::empty(0));
    block.push_source("Content-Type: image/png", 20);
    block.line_break(statusdoc_model::Span::empty(0));
    block.push_source("Status: 200 OK", 50);
    let got = entries(vec![
        h(2, "Get QR"),
        h(3, "Response"),
        Block::Paragraph(block),
        h(2, "Shorten"),
        h(3, "Response"),
        p("Status: 302 Found"),
    ]);
    assert_eq!(
        got.iter().map(|e| (e.0, e.1.as_str())).collect::<Vec<_>>(),
        [(200, "OK"), (200, "OK"), (302, "Found")]
    );
}

#[test]
fn a_literal_status_leading_a_topic_heading() {
    let mut heading = text("404 Not Found for an existing resource");
    heading.mark_range(0..13, statusdoc_model::page::Mark::Code);
    let got = entries(vec![
        h(1, "Troubleshooting"),
        h(2, "Rate limit errors"),
        p("Slow down."),
        Block::Heading {
            level: 2,
            text: heading,
        },
        p("Check your authentication."),
    ]);
    assert_eq!(
        got,
        [e(
            404,
            "Not Found",
            "for an existing resource\n\nCheck your authentication."
        )]
    );
}

#[test]
fn a_table_of_contents_repeating_the_headings_is_navigation() {
    // Text at a given offset: the order of things on the page matters here.
    let at = |s: &str, offset: usize| {
        let mut t = Text::new();
        t.push_source(s, offset);
        t
    };
    let toc = |offset: usize| {
        Block::List(List {
            items: vec![
                vec![Block::Paragraph(at("HTTP/1.0 204 No Content", offset))],
                vec![Block::Paragraph(at("HTTP/1.0 404 Not Found", offset + 30))],
            ],
        })
    };
    let body = |offset: usize| {
        vec![
            Block::Heading {
                level: 2,
                text: at("Response codes", offset),
            },
            Block::Heading {
                level: 3,
                text: at("HTTP/1.0 204 No Content", offset + 20),
            },
            Block::Paragraph(at("Deleted.", offset + 50)),
            Block::Heading {
                level: 3,
                text: at("HTTP/1.0 404 Not Found", offset + 60),
            },
            Block::Paragraph(at("No such element.", offset + 90)),
        ]
    };
    let mut page = vec![h(1, "DELETE"), h(2, "Contents"), toc(10)];
    page.extend(body(100));
    assert_eq!(
        entries(page),
        [
            e(204, "No Content", "Deleted."),
            e(404, "Not Found", "No such element.")
        ]
    );
    // The same list after the headings (a summary, a troubleshooting list) is kept.
    let mut page = vec![h(1, "DELETE")];
    page.extend(body(100));
    page.extend([h(2, "Summary"), toc(500)]);
    assert_eq!(entries(page).len(), 4);
    // An operation's list that describes each code is no navigation, even when a later
    // section explains every code again.
    let described = Block::List(List {
        items: vec![
            vec![Block::Paragraph(at("204 No Content: the item is gone", 10))],
            vec![Block::Paragraph(at("404 Not Found: no such item", 50))],
        ],
    });
    let mut page = vec![h(1, "DELETE"), h(2, "Possible status codes"), described];
    page.extend(body(100));
    assert_eq!(entries(page).len(), 4);
}

#[test]
fn error_codes_after_normal_response_codes() {
    let got = entries(vec![
        h(2, "List Traits of a Node"),
        p("Normal response code: 200"),
        p("Error codes: 400,401,403,404"),
    ]);
    assert_eq!(
        got.iter().map(|e| e.0).collect::<Vec<_>>(),
        [200, 400, 401, 403, 404]
    );
    // Alone, "Error codes:" may be a vendor's own numbers.
    assert!(entries(vec![h(2, "Errors"), p("Error codes: 400,401")]).is_empty());
}

#[test]
fn a_literal_status_with_a_separator_leading_a_heading() {
    // "`400: Bad Request` on self-service flows": the separator is no part of the title.
    let mut heading = text("400: Bad Request on self-service flows");
    heading.mark_range(0..16, statusdoc_model::page::Mark::Code);
    let got = entries(vec![Block::Heading {
        level: 3,
        text: heading,
    }]);
    assert_eq!(got, [e(400, "Bad Request", "on self-service flows")]);
}

#[test]
fn rows_cut_off_from_their_table_go_on_with_its_header() {
    // A blank line inside a Markdown table: the rows after it render as a paragraph of
    // pipe rows, and belong to the table above.
    let got = entries(vec![
        h(2, "HTTP status codes"),
        table(
            &["Status code", "Status message", "Description"],
            &[&["422", "Unprocessable Entity", "Cannot process the request."]],
        ),
        p("| 423 | Locked | The resource is locked.\n| 429 | Too Many Requests | Throttled. |"),
    ]);
    assert_eq!(
        got,
        [
            e(422, "Unprocessable Entity", "Cannot process the request."),
            e(423, "Locked", "The resource is locked."),
            e(429, "Too Many Requests", "Throttled."),
        ]
    );
}

#[test]
fn a_pipe_table_without_its_delimiter_row() {
    let got = entries(vec![
        h(2, "Responses"),
        p("| Code | Meaning |\n| 200 | OK |\n| 404 | Not Found |"),
    ]);
    assert_eq!(got, [e(200, "OK", ""), e(404, "Not Found", "")]);
    // Prose that happens to start with a pipe is no table.
    assert!(entries(vec![p("| is the pipe operator, and 404 is a number.")]).is_empty());
}

#[test]
fn headerless_grids_in_sibling_sections_share_the_first_header() {
    let grid = |rows: &[&[&str]]| table(&[], rows);
    let got = entries(vec![
        h(2, "Error code reference"),
        h(3, "Authentication"),
        table(
            &["Code", "HTTP", "Description"],
            &[&["auth.invalid_key", "401", "Header missing"]],
        ),
        h(3, "Wallet"),
        grid(&[
            &["wallet.not_found", "404", "Wallet not found"],
            &["wallet.limit", "422", "Daily limit exceeded"],
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(401, "", "Header missing"),
            e(404, "", "Wallet not found"),
            e(422, "", "Daily limit exceeded"),
        ]
    );
    // A heading above the table's section ends it: what follows stands alone (a grid
    // of bare numbers with no header is no table of statuses).
    let got = entries(vec![
        h(2, "Errors"),
        table(&["Code", "Meaning"], &[&["404", "Not Found"]]),
        h(1, "Limits"),
        grid(&[&["200", "5"], &["300", "10"]]),
    ]);
    assert_eq!(got, [e(404, "Not Found", "")]);
}

#[test]
fn a_term_without_a_code_heads_the_lists_it_defines() {
    // Sphinx httpdomain built to HTML: an operation's <dl>, its "Status Codes" field.
    let field = |term: &str, details: Vec<Block>| Definition {
        term: text(term),
        details,
    };
    let operation = field(
        "GET /api/v2/gold",
        vec![
            p("Gets the latest price."),
            Block::DefinitionList(vec![
                field(
                    "Query Parameters",
                    vec![list(&["date_from – Set date from"])],
                ),
                field(
                    "Status Codes",
                    vec![list(&[
                        "200 OK – OK",
                        "403 Forbidden – Fail on authorization",
                    ])],
                ),
            ]),
        ],
    );
    let got = entries(vec![
        h(2, "Details"),
        Block::DefinitionList(vec![operation]),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "OK"),
            e(403, "Forbidden", "Fail on authorization")
        ]
    );
    // Fields of other numbers stay what they are.
    let limits = field(
        "Limits",
        vec![list(&["200 requests per minute", "500 per hour"])],
    );
    assert!(entries(vec![Block::DefinitionList(vec![limits])]).is_empty());
}

#[test]
fn a_paragraph_restating_its_heading_is_no_entry_of_its_own() {
    let got = entries(vec![
        h(2, "401 Unauthorized"),
        p("HTTP 401 Unauthorized は、有効な認証資格が不足していることを示します。"),
        h(2, "503 Service Unavailable"),
        p("503エラー"),
        h(2, "Other"),
        p("404 Not Found - the pet is gone"),
    ]);
    let codes: Vec<u16> = got.iter().map(|e| e.0).collect();
    assert_eq!(codes, [401, 503, 404]);
    assert_eq!(got[0].1, "Unauthorized");
    // Classes written the Japanese way ("400系") are no codes.
    assert!(entries(vec![p("200系 : 成功系\n400系 : クライアント側のエラー")]).is_empty());
}

#[test]
fn template_tags_that_document_responses() {
    let got = entries(vec![
        h(2, "Get a cake"),
        p("{% swagger-response status=\"200\" description=\"Cake retrieved.\" %}"),
        p("{% api-method-response-example httpCode=404 %}\n{% api-method-response-example-description %}\nNo such cake.\n{% endapi-method-response-example-description %}"),
        p("{{< response code=\"429\" >}}"),
    ]);
    assert_eq!(
        got,
        [
            e(200, "", "Cake retrieved."),
            e(404, "", "No such cake."),
            e(429, "", "")
        ]
    );
    // A number attribute that names no status.
    assert!(entries(vec![p("{% include width=300 %}")]).is_empty());
}

#[test]
fn a_record_of_fields_with_a_status_is_the_entry_of_its_page() {
    let got = entries(vec![
        h(1, "Business Rule Violation"),
        p("Type: https://example.com/problems/rule\nStatus: 422 Unprocessable Entity\nCode: 422-01"),
        h(2, "Description"),
        p("Used when a business rule is violated."),
    ]);
    assert_eq!(
        got,
        [e(
            422,
            "Unprocessable Entity",
            "Used when a business rule is violated."
        )]
    );
    // One field line among prose, or a status without its phrase, is not enough alone.
    assert!(entries(vec![p("Version: 2\nStatus: 200 requests left")]).is_empty());
}

#[test]
fn rows_that_say_what_their_codes_mean_are_statuses() {
    // No heading, caption or header word says "status": the descriptions do.
    let got = entries(vec![table(
        &["Code", "Description"],
        &[
            &["200", "Request was successful."],
            &["401", "Authentication failed. Check the apikey header."],
            &["404", "Requested API endpoint not found."],
            &["429", "The rate limit has been reached."],
        ],
    )]);
    assert_eq!(got.len(), 4);
    // Codes whose rows say nothing of what the status means stay numbers.
    let got = entries(vec![table(
        &["Code", "Description"],
        &[
            &["200", "Paris office"],
            &["401", "Berlin office"],
            &["404", "Madrid office"],
        ],
    )]);
    assert!(got.is_empty());
}

#[test]
fn situations_that_end_with_their_status() {
    let got = entries(vec![
        h(2, "Errors"),
        list(&[
            "Invalid JSON body from client: 400 Bad Request",
            "Input validation failed: 422 Unprocessable Entity",
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "Invalid JSON body from client"),
            e(422, "Unprocessable Entity", "Input validation failed")
        ]
    );
    // A status named by its constant beside known phrases; one status may answer
    // several situations.
    let got = entries(vec![list(&[
        "IllegalArgumentException: 400 BAD_REQUEST",
        "NoSuchElementException: 400 BAD_REQUEST",
        "Exception: 500 SERVER_ERROR",
    ])]);
    assert_eq!(
        got,
        [
            e(400, "", "IllegalArgumentException"),
            e(400, "", "NoSuchElementException"),
            e(500, "", "Exception")
        ]
    );
    // A number at the end of a line with no phrase, or another phrase, is no status.
    assert!(entries(vec![list(&["Requests per minute: 300", "Burst: 500"])]).is_empty());
    assert!(entries(vec![list(&[
        "Timeout: 500 Milliseconds",
        "Retries: 300 Times"
    ])])
    .is_empty());
}

#[test]
fn codes_returned_if_a_condition_holds() {
    let got = entries(vec![
        h(1, "get_node"),
        p("GET /node/<node>"),
        p("Possible errors:"),
        list(&["409, if the node is busy."]),
        h(1, "delete_node"),
        p("DELETE /node/<node>"),
        p("Possible errors:"),
        list(&["404 if the node does not exist"]),
    ]);
    assert_eq!(
        got,
        [
            e(409, "", "if the node is busy."),
            e(404, "", "if the node does not exist")
        ]
    );
}

#[test]
fn requirement_words_go_on_a_sentence() {
    // RFC 2119 words in capitals: "`409 Conflict` SHOULD NOT be returned…" is prose.
    let mut t = text("409 Conflict SHOULD NOT be returned for a request that cannot succeed.");
    t.mark_range(0..12, statusdoc_model::page::Mark::Code);
    assert!(entries(vec![h(2, "Conflicts"), Block::Paragraph(t)]).is_empty());
}

#[test]
fn codes_of_protocols_shaped_like_http() {
    let rows: &[&[&str]] = &[
        &["200", "OK", "Success"],
        &["401", "Unauthorized", "Bad credentials"],
        &["454", "Session Not Found", "Expired session"],
        &["461", "Unsupported Transport", "UDP blocked"],
    ];
    assert!(entries(vec![
        h(2, "RTSP Status Codes"),
        table(&["Code", "Meaning", "Common cause"], rows)
    ])
    .is_empty());
}

#[test]
fn error_names_that_are_their_rows_phrase_are_titles() {
    let got = entries(vec![
        h(1, "API Errors"),
        table(
            &["Error", "HTTP Code", "Description"],
            &[
                &["Bad request", "400", "One or more checks failed"],
                &["Wrong start_time", "400", "Use a zulu time"],
                &["Wrong end_time", "400", "Use a zulu time"],
                &["Unauthorized", "401", "Provide a token"],
                &["Item not found", "404", "No such item"],
            ],
        ),
    ]);
    let titles: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(titles, ["Bad request", "", "", "Unauthorized", ""]);
}

#[test]
fn a_column_repeating_the_code_with_its_phrase_gives_the_titles() {
    let got = entries(vec![
        h(1, "Errors"),
        table(
            &["Code", "Type", "Text", "Description"],
            &[
                &["200", "OK", "", "Success"],
                &[
                    "400",
                    "INVALID_ARGUMENT",
                    "400 Bad Request",
                    "Check the call",
                ],
                &["404", "NOT_FOUND", "404 Not Found", "No such thing"],
            ],
        ),
    ]);
    let titles: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(titles, ["", "Bad Request", "Not Found"]);
}

#[test]
fn definition_terms_with_lowercase_labels() {
    let def = |term: &str, text: &str| Definition {
        term: crate::text(term),
        details: vec![p(text)],
    };
    let got = entries(vec![
        h(3, "Response Codes"),
        Block::DefinitionList(vec![
            def("200 OK", "The request succeeded."),
            def("400 invalid url format", "The URL does not match."),
            def("404 not found", "No such check."),
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "The request succeeded."),
            e(400, "invalid url format", "The URL does not match."),
            e(404, "not found", "No such check.")
        ]
    );
}

#[test]
fn a_sentence_that_goes_on_past_the_code_is_prose() {
    let mut t = text("Status 200 and the following payload:");
    t.mark_range(7..10, statusdoc_model::page::Mark::Code);
    let mut u = text("Status 503 and the following payload:");
    u.mark_range(7..10, statusdoc_model::page::Mark::Code);
    assert!(entries(vec![
        h(2, "Example response payloads"),
        Block::Paragraph(t),
        Block::Literal(text("{ \"status\": \"UP\" }")),
        Block::Paragraph(u),
    ])
    .is_empty());
}

#[test]
fn a_section_number_before_the_code() {
    let got = entries(vec![
        h(2, "2.3.1 406 Not Acceptable"),
        p("Returned when the pot cannot comply."),
        h(2, "2.3.2 418 I'm a teapot"),
        p("The pot is a teapot."),
        h(2, "12.1.x  412 Precondition Failed"),
        p("A precondition failed."),
    ]);
    assert_eq!(
        got,
        [
            e(
                406,
                "Not Acceptable",
                "Returned when the pot cannot comply."
            ),
            e(418, "I'm a teapot", "The pot is a teapot."),
            e(412, "Precondition Failed", "A precondition failed."),
        ]
    );
    // A version number is no section number: "1.5" alone before a number of requests.
    assert!(entries(vec![p("1.5 200 requests per second")]).is_empty());
}

#[test]
fn a_heading_label_may_end_with_a_period() {
    let got = entries(vec![
        h(2, "Errores de cliente."),
        h(3, "400 - Bad Request o Petición mala."),
        p("La petición no es válida."),
        h(3, "404 Not Found o No encontrado."),
        p("No existe."),
        h(3, "409 Conflict. Two sentences here."),
        p("Not a label."),
    ]);
    let titles: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bad Request o Petición mala.",
            "Not Found o No encontrado.",
            "Conflict"
        ]
    );
}

#[test]
fn a_description_that_starts_with_a_phrase_and_goes_on_is_no_title() {
    let got = entries(vec![
        h(2, "Rate limit errors"),
        table(
            &["Status code", "Error code", "Explanation"],
            &[
                &[
                    "429",
                    "TOO_MANY_REQUESTS",
                    "Too many requests are sent. Slow down.",
                ],
                &["429", "LIMIT_EXCEEDED", "The limit is exceeded."],
            ],
        ),
    ]);
    assert_eq!(
        got,
        [
            e(429, "", "Too many requests are sent. Slow down."),
            e(429, "", "The limit is exceeded."),
        ]
    );
    // Set off by a separator, a phrase leading a quarter of the cells is their title.
    let got = entries(vec![
        h(2, "HTTP status codes"),
        table(
            &["Code", "Description"],
            &[
                &["200", "OK, Successful request."],
                &["204", "Request was fine but nothing matched."],
                &["400", "Bad request due to a bad parameter."],
                &["413", "Request would return too much data."],
                &["414", "Request URI too long"],
                &["500", "Internal server error"],
                &["503", "Service temporarily unavailable, under maintenance."],
            ],
        ),
    ]);
    let titles: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        titles,
        [
            "OK",
            "",
            "",
            "",
            "Request URI too long",
            "Internal server error",
            ""
        ]
    );
}

/// A paragraph whose `backticked` parts are code spans.
fn code_p(s: &str) -> Vec<Block> {
    let mut t = Text::new();
    let mut code = false;
    for part in s.split('`') {
        let at = t.len();
        t.push_source(part, 0);
        if code {
            t.mark(at, statusdoc_model::page::Mark::Code);
        }
        code = !code;
    }
    vec![Block::Paragraph(t)]
}

#[test]
fn a_code_span_holding_code_and_phrase_then_a_condition() {
    let got = entries(vec![
        h(2, "HTTP codes"),
        Block::List(List {
            items: vec![
                code_p("`200 OK` for a successful operation"),
                code_p("`400 Bad Request` when the request is incorrect"),
            ],
        }),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "for a successful operation"),
            e(400, "Bad Request", "when the request is incorrect"),
        ]
    );
    // What the code is called may stand before the condition.
    let got = entries(vec![
        h(2, "HTTP Status Codes"),
        Block::List(List {
            items: vec![
                code_p("`401 Unauthorized` status code on unknown resource."),
                code_p("`403 Forbidden` status code on access denied error."),
            ],
        }),
    ]);
    assert_eq!(
        got.iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
        ["Unauthorized", "Forbidden"]
    );
    // A code span in a sentence is still a mention.
    assert!(entries(code_p("`401 Unauthorized` errors mean the token expired")).is_empty());
}

#[test]
fn a_status_column_of_messages_beside_the_codes_holds_the_titles() {
    let got = entries(vec![
        h(3, "HTTP status codes and conditions"),
        table(
            &["Status Code", "Status", "Description"],
            &[
                &["200", "your_trip_json", "A happy bit of json"],
                &[
                    "400",
                    "Failed to parse json request",
                    "You need a valid json request",
                ],
                &["400", "No costing method found", "You must give a method"],
                &[
                    "404",
                    "Try any of: '/route' '/locate'",
                    "The action is not supported",
                ],
                &["500", "Failed to parse TripPath", "Had a problem"],
                &["501", "Not implemented", "Not Implemented"],
            ],
        ),
    ]);
    let titles: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        titles,
        [
            "your_trip_json",
            "Failed to parse json request",
            "No costing method found",
            "Try any of: '/route' '/locate'",
            "Failed to parse TripPath",
            "Not implemented"
        ]
    );
}

#[test]
fn a_code_repeated_for_each_condition_keys_its_rows() {
    let page = Page {
        blocks: vec![
            h(2, "HTTP status codes"),
            table(
                &["Code", "API", "Description"],
                &[
                    &["404", "Payments", "No transaction found"],
                    &["404", "Balances", "No wallet found"],
                    &["404", "Webhooks", "No active webhook"],
                    &["500", "All", "Internal error"],
                ],
            ),
        ],
    };
    let got = interpret(&page, Registry::bundled());
    assert_eq!(got.len(), 4);
    assert!(got.iter().all(|e| e.listing == Listing::Keyed));
}

#[test]
fn a_heading_that_gives_its_code_after_the_label() {
    let got = entries(vec![
        h(2, "API"),
        h(3, "Bad Request (400)"),
        p("The form data failed validation."),
        h(3, "Large PDFs"),
        p("Split them."),
    ]);
    assert_eq!(
        got,
        [e(400, "Bad Request", "The form data failed validation.")]
    );
    // A label that is no phrase needs a group that says status codes.
    assert!(entries(vec![h(2, "Tips"), h(3, "Pricing (500)"), p("Half off.")]).is_empty());
    // The code and its phrase in the parentheses: the phrase is the title.
    let got = entries(vec![
        h(2, "Error handling"),
        h(4, "Invalid Format (400 Bad Request)"),
        p("The body is not JSON."),
        h(4, "Invalid Shop State (422 Unprocessable Entity)"),
        p("The shop is closed."),
    ]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "The body is not JSON."),
            e(422, "Unprocessable Entity", "The shop is closed.")
        ]
    );
}

#[test]
fn list_items_that_give_their_http_status_on_a_line_of_their_own() {
    let item = |d: &str, status: &str| {
        vec![
            p(d),
            p(status),
            Block::Literal(text("{\"code\": \"ERR006\"}")),
        ]
    };
    let got = entries(vec![
        h(2, "Prompt errors"),
        Block::List(List {
            items: vec![
                item("Bad request. JSON is not formatted properly.", "HTTP - 400"),
                item("The prompt was not found.", "HTTP - 404"),
                vec![p("Incorrect data type provided for answer")],
            ],
        }),
    ]);
    assert_eq!(
        got,
        [
            e(400, "", "Bad request. JSON is not formatted properly."),
            e(404, "", "The prompt was not found."),
        ]
    );
    // A list of other fields is no such list.
    let got = entries(vec![Block::List(List {
        items: vec![
            vec![p("Retries"), p("Max - 400")],
            vec![p("Timeout"), p("Max - 500")],
        ],
    })]);
    assert!(got.is_empty());
}

#[test]
fn headings_of_what_an_operation_returns() {
    let got = entries(vec![
        h(2, "Wallet API"),
        p("Get wallet details"),
        h(5, "Headers"),
        p("X-Api-Key"),
        h(5, "Returns 200 OK (application/json)"),
        p("{\"id\": 1}"),
        p("Decode a payment"),
        h(5, "Returns 200 (application/json)"),
        p("{\"amount\": 2}"),
    ]);
    let got: Vec<(u16, &str)> = got.iter().map(|e| (e.0, e.1.as_str())).collect();
    assert_eq!(got, [(200, "OK"), (200, "")]);
}

fn bold_p(s: &str) -> Block {
    let mut t = text(s);
    t.mark(0, statusdoc_model::page::Mark::Strong);
    Block::Paragraph(t)
}

#[test]
fn error_response_codes_named_with_their_codes_under_a_label() {
    let got = entries(vec![
        h(3, "Shows details"),
        bold_p("Normal response codes"),
        p("200, 203"),
        bold_p("Error response codes"),
        p("computeFault (400, 500, ...), serviceUnavailable (503), badRequest (400),\nunauthorized (401), itemNotFound (404)"),
    ]);
    let codes: Vec<u16> = got.iter().map(|e| e.0).collect();
    assert_eq!(codes, [200, 203, 400, 500, 503, 400, 401, 404]);
}

#[test]
fn tabs_titled_with_a_code_and_its_phrase() {
    let got = entries(vec![
        h(2, "Get a profile"),
        p("{% tabs %}"),
        p("{% tab title=\"200: OK Success\" %}"),
        Block::Literal(text("{\"status\": 200}")),
        p("{% endtab %}"),
        p("{% tab title=\"404: Not Found No such user\" %}"),
        p("{% endtab %}"),
        p("{% tab title=\"Version 2\" %}"),
        p("{% endtab %} {% endtabs %}"),
    ]);
    let got: Vec<(u16, &str)> = got.iter().map(|e| (e.0, e.1.as_str())).collect();
    assert_eq!(got, [(200, "OK"), (404, "Not Found")]);
}

#[test]
fn a_list_laid_out_as_a_table() {
    let row = |first: &str, cells: &[&str]| vec![p(first), list(cells)];
    let got = entries(vec![
        h(1, "Standard Status Codes"),
        Block::List(List {
            items: vec![
                row("STATUS CODE", &["VALUE", "DESCRIPTION"]),
                row("OK", &["200", "The request has succeeded."]),
                row("Not Found", &["404", "The resource does not exist."]),
                row("Not Acceptable", &["406", "No acceptable content type."]),
            ],
        }),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "The request has succeeded."),
            e(404, "Not Found", "The resource does not exist."),
            e(406, "Not Acceptable", "No acceptable content type."),
        ]
    );
}

#[test]
fn bare_codes_under_a_label_that_says_responses() {
    let got = entries(vec![
        h(2, "GET /v1/health"),
        bold_p("Possible responses:"),
        p("200"),
        p("No content."),
    ]);
    assert_eq!(got, [e(200, "", "No content.")]);
    // In a sentence, "responses" alone says nothing of codes.
    let got = entries(vec![
        p("All error responses contain a JSON object."),
        p("200"),
        p("No content."),
    ]);
    assert!(got.is_empty());
}

#[test]
fn the_status_line_of_an_example_exchange_is_no_entry() {
    let example = |n: usize| {
        vec![
            h(3, &format!("Example {n}")),
            bold_p("Request:"),
            p("GET /purchases"),
            bold_p("Response:"),
            p("Status: 200 OK"),
            Block::Literal(text("{\"purchases\": []}")),
        ]
    };
    let mut page = example(1);
    page.extend(example(2));
    assert!(entries(page).is_empty());
}

#[test]
fn status_lines_of_a_transcript_are_examples() {
    let got = entries(vec![
        h(2, "Example wire transcripts"),
        p("HTTP/1.1 200 OK"),
        p("Content-Type: text/html"),
        p("HTTP/1.1 304 Not Modified"),
        p("ETag: \"1234\""),
    ]);
    assert!(got.is_empty());
}

#[test]
fn codes_after_the_method_they_answer() {
    let got = entries(vec![
        h(3, "sm-match"),
        Block::DefinitionList(vec![
            Definition {
                term: text("GET 400 - Bad Request"),
                details: vec![p("The URI is missing.")],
            },
            Definition {
                term: text("POST 400 - Bad Request"),
                details: vec![p("The body is missing.")],
            },
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "The URI is missing."),
            e(400, "Bad Request", "The body is missing."),
        ]
    );
}

#[test]
fn field_lists_with_a_status_field_in_other_languages() {
    let got = entries(vec![
        h(2, "リクエスト遮断"),
        list(&[
            "発生原因：バックエンドがレスポンスを行わない",
            "レスポンスHTTP状態：503 Service Unavailable",
            "エラーレスポンス本文",
        ]),
        Block::Literal(text("{\"resultCode\": 5030001}")),
    ]);
    assert_eq!(
        got,
        [e(
            503,
            "Service Unavailable",
            "バックエンドがレスポンスを行わない"
        )]
    );
}

#[test]
fn a_status_field_under_each_error_class() {
    let section =
        |name: &str, status: &str, d: &str| vec![h(2, name), p(&format!("status: {status}")), p(d)];
    let mut page = vec![h(1, "Common Errors")];
    page.extend(section(
        "BadRequestError",
        "400",
        "The request is malformed.",
    ));
    page.extend(section(
        "ExternalServiceError",
        "500",
        "A database is down.",
    ));
    page.extend(section("NotFoundError", "404", "No such document."));
    let codes: Vec<u16> = entries(page).iter().map(|e| e.0).collect();
    assert_eq!(codes, [400, 500, 404]);
    // Alone, "status: 400" under a topic is a value.
    assert!(entries(vec![h(2, "Limits"), p("status: 400"), p("x")]).is_empty());
}

#[test]
fn situations_that_end_with_the_status_they_get_in_a_literal() {
    let got = entries(vec![
        h(2, "Errors"),
        Block::List(List {
            items: vec![
                code_p("Invalid requests, such as an unsupported method, will result in `400 Bad Request`."),
                code_p("Requests for resources that do not exist will result in `404 Not Found`."),
            ],
        }),
    ]);
    let got: Vec<(u16, &str)> = got.iter().map(|e| (e.0, e.1.as_str())).collect();
    assert_eq!(got, [(400, "Bad Request"), (404, "Not Found")]);
    // Steps of a procedure are no entries.
    let got = entries(vec![
        h(4, "Phase 1"),
        Block::List(List {
            items: vec![
                code_p(
                    "Validate the rate limit. If it is exceeded, return `429 Too Many Requests`.",
                ),
                code_p("Authenticate the client. If it fails, return `401 Unauthorized`."),
            ],
        }),
    ]);
    assert!(got.is_empty());
}

#[test]
fn a_label_after_several_codes_names_them_all() {
    let got = entries(vec![
        h(2, "Error codes"),
        table(
            &["Error Code", "Description"],
            &[
                &["404 - Not Found", "The resource does not exist."],
                &[
                    "500, 502, 503 - Server Errors",
                    "Something went wrong on our end.",
                ],
            ],
        ),
    ]);
    let got: Vec<(u16, &str)> = got.iter().map(|e| (e.0, e.1.as_str())).collect();
    assert_eq!(
        got,
        [
            (404, "Not Found"),
            (500, "Server Errors"),
            (502, "Server Errors"),
            (503, "Server Errors")
        ]
    );
}

#[test]
fn a_phrase_in_parentheses_is_the_title_and_ranges_are_not_entries() {
    let got = entries(vec![
        p("Status codes returned by this API:"),
        list(&[
            "200 (OK): the groups are returned",
            "404 (Not Found): no such group",
            "400 to 499: errors made by the client",
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "the groups are returned"),
            e(404, "Not Found", "no such group"),
        ]
    );
}

/// A pipe table whose delimiter row has one cell more than its header is no table to
/// CommonMark (a paragraph of pipes) but is one to other renderers: its rows are read,
/// a trailing empty cell dropped; a row with text past the header's cells is no row.
#[test]
fn a_paragraph_of_pipe_rows_may_be_ragged() {
    let got = entries(vec![p(
        "| HTTP status | Code | Description |\n| --- | --- | --- | --- |\n| 400 | 412.101 | The key is missing |\n| 422 | 412.155 | The document is unknown | |",
    )]);
    assert_eq!(
        got,
        [
            e(400, "", "The key is missing"),
            e(422, "", "The document is unknown"),
        ]
    );
    let got = entries(vec![p(
        "| HTTP status | Description |\n| --- | --- |\n| 400 | The key is missing | more |",
    )]);
    assert!(got.is_empty(), "{got:?}");
}

/// In a description column that holds no titles, a cell led by its row's own reason
/// phrase set off by a dash or colon has that title; a sentence that starts with the
/// words ("Bad request. Check…", "Not found, block deleted") has none. A lead-in about
/// errors in Traditional Chinese (錯誤) is evidence as 错误 is.
#[test]
fn a_description_led_by_its_own_phrase_and_a_dash_has_that_title() {
    let got = entries(vec![
        p("所有錯誤回應都含一個 request_id。"),
        table(
            &["", ""],
            &[
                &["400", "Bad request — 缺欄位、body 格式錯誤"],
                &["401", "API key 缺失、被停用"],
                &["429", "速率限制、配額"],
                &["503", "Provider 連線失敗或逾時"],
            ],
        ),
    ]);
    assert_eq!(
        got,
        [
            e(400, "Bad request", "缺欄位、body 格式錯誤"),
            e(401, "", "API key 缺失、被停用"),
            e(429, "", "速率限制、配額"),
            e(503, "", "Provider 連線失敗或逾時"),
        ]
    );
    for sentence in [
        "Not found, mark as deleted",
        "Not found. The key is unknown",
    ] {
        let got = entries(vec![
            p("All error responses carry a request id."),
            table(
                &["", ""],
                &[
                    &["400", "The body is not JSON"],
                    &["404", sentence],
                    &["503", "The provider timed out"],
                ],
            ),
        ]);
        assert_eq!(got[1], e(404, "", sentence), "{got:?}");
    }
}

/// A column listing the error names each status carries ("`invalid_param`、
/// `bad_request`") is no title column, though some names read as phrases
/// ("unauthorized", "not_found"); a header saying status in Japanese is evidence.
#[test]
fn a_column_of_error_name_lists_is_no_title_column() {
    let got = entries(vec![table(
        &["ステータス", "意味", "主な code"],
        &[
            &[
                "400",
                "リクエストが無効",
                "invalid_param、bad_request、provider errors",
            ],
            &["401", "API キーの欠落", "unauthorized"],
            &["404", "リソースが存在しない", "not_found"],
            &[
                "429",
                "リクエストが多すぎる",
                "too_many_requests、rate_limit_error",
            ],
            &["500", "サーバー側での失敗", "internal_server_error"],
        ],
    )]);
    assert_eq!(
        got,
        [
            e(400, "", "リクエストが無効"),
            e(401, "", "API キーの欠落"),
            e(404, "", "リソースが存在しない"),
            e(429, "", "リクエストが多すぎる"),
            e(500, "", "サーバー側での失敗"),
        ]
    );
}

/// Several codes each with its own phrase before one description are one entry each,
/// titled by its phrase and sharing the description; codes with other words are not.
#[test]
fn codes_each_with_its_phrase_share_a_description() {
    let got = entries(vec![
        h(2, "Summary of HTTP Status Codes"),
        p("200 OK: The request was successful."),
        p("502 Bad Gateway, 503 Service Unavailable, or 504 Gateway Timeout: These all usually indicate downtime."),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "The request was successful."),
            e(502, "Bad Gateway", "These all usually indicate downtime."),
            e(
                503,
                "Service Unavailable",
                "These all usually indicate downtime."
            ),
            e(
                504,
                "Gateway Timeout",
                "These all usually indicate downtime."
            ),
        ]
    );
}

/// Class rows ("2xx") and catch-alls ("other") in a column of codes neither count
/// against it nor become entries.
#[test]
fn class_rows_and_catch_alls_leave_the_code_column_a_code_column() {
    let got = entries(vec![table(
        &["HTTP Status", "Description"],
        &[
            &["2xx", "message is processed as per status in payload"],
            &["404", "error is logged and message is dropped"],
            &["other", "warning is logged and message to be retried"],
        ],
    )]);
    assert_eq!(got, [e(404, "", "error is logged and message is dropped")]);
}

/// A column the header says holds another protocol's codes (gRPC status names) gives
/// no titles, though its names read as phrases ("NotFound", "Unauthenticated").
#[test]
fn a_column_of_grpc_names_gives_no_titles() {
    let got = entries(vec![table(
        &["GRPC Code", "HTTP Code", "Message"],
        &[
            &[
                "InvalidArgument",
                "400",
                "the request body could not be parsed as JSON",
            ],
            &[
                "Unauthenticated",
                "401",
                "no credentials were sent with the request",
            ],
            &[
                "NotFound",
                "404",
                "the organization does not exist or was deleted",
            ],
            &[
                "ResourceExhausted",
                "429",
                "too many requests were sent in one minute",
            ],
        ],
    )]);
    assert_eq!(
        got,
        [
            e(400, "", "the request body could not be parsed as JSON"),
            e(401, "", "no credentials were sent with the request"),
            e(404, "", "the organization does not exist or was deleted"),
            e(429, "", "too many requests were sent in one minute"),
        ]
    );
}

/// A code set off in brackets ("[404] Not Found", "(500) Internal Server Error") leads
/// its heading or item as a bare code does.
#[test]
fn codes_in_brackets_lead_headings_and_items() {
    let got = entries(vec![
        h(1, "Examples"),
        h(2, "[400] Bad Request"),
        p("The syntax is wrong."),
        h(2, "[404] Not Found"),
        p("No resource."),
    ]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "The syntax is wrong."),
            e(404, "Not Found", "No resource."),
        ]
    );
    let got = entries(vec![list(&[
        "[400] Bad Request: wrong",
        "(500) Internal Server Error: oops",
    ])]);
    assert_eq!(
        got,
        [
            e(400, "Bad Request", "wrong"),
            e(500, "Internal Server Error", "oops"),
        ]
    );
}

/// A table with no word of context is a status table when its codes alone say so: five
/// or more, all registered, ascending, from three classes, mostly not round numbers. A
/// table of round numbers is not.
#[test]
fn registered_codes_in_order_are_evidence_of_their_own() {
    let got = entries(vec![table(
        &["Code", "Desc"],
        &[
            &["200", "成功"],
            &["201", "创建成功"],
            &["304", "没有改动"],
            &["401", "无法认证"],
            &["404", "找不到资源"],
            &["500", "服务器错误"],
        ],
    )]);
    assert_eq!(got.len(), 6, "{got:?}");
    let got = entries(vec![table(
        &["Tier", "Price"],
        &[
            &["100", "free"],
            &["200", "$10"],
            &["300", "$20"],
            &["400", "$30"],
            &["500", "$40"],
        ],
    )]);
    assert!(got.is_empty(), "{got:?}");
}

/// A title that repeats its code before the phrase ("200 - 200 OK - …") is the phrase.
#[test]
fn a_title_that_repeats_its_code_is_the_phrase() {
    let got = entries(vec![
        h(2, "HTTP status codes"),
        list(&[
            "200 - 200 OK - the request succeeded",
            "201 - Created - a new resource",
        ]),
    ]);
    assert_eq!(
        got,
        [
            e(200, "OK", "the request succeeded"),
            e(201, "Created", "a new resource"),
        ]
    );
}

/// A "Message" column holds what the API says: a phrase in it is a title ("OK"), a
/// sentence-case message is a description ("invalid parameters").
#[test]
fn a_message_column_gives_titles_only_where_it_holds_phrases() {
    let got = entries(vec![table(
        &["Code", "Message"],
        &[
            &["200", "OK"],
            &["400", "invalid parameters"],
            &["404", "result not found"],
        ],
    )]);
    assert_eq!(
        got,
        [
            e(200, "OK", ""),
            e(400, "", "invalid parameters"),
            e(404, "", "result not found"),
        ]
    );
}

/// Another protocol named by a heading above stays in force below it: "SMTP response
/// codes" › "Temporary failure codes (4xx)" lists SMTP replies, until a heading names
/// HTTP.
#[test]
fn another_protocol_named_above_holds_for_the_sections_below() {
    let rows: &[&[&str]] = &[
        &["421", "Service not available, closing transmission channel"],
        &[
            "450",
            "Requested mail action not taken: mailbox unavailable",
        ],
        &["451", "Requested action aborted: local error in processing"],
    ];
    let got = entries(vec![
        h(2, "SMTP response codes"),
        h(3, "Temporary failure codes (4xx)"),
        table(&["Code", "Meaning"], rows),
    ]);
    assert!(got.is_empty(), "{got:?}");
    let got = entries(vec![
        h(2, "SMTP response codes"),
        h(3, "HTTP status codes (4xx)"),
        table(
            &["Code", "Meaning"],
            &[
                &["400", "Bad Request"],
                &["404", "Not Found"],
                &["429", "Too Many Requests"],
            ],
        ),
    ]);
    assert_eq!(got.len(), 3, "{got:?}");
}

/// A table of one endpoint's fields ("URL | …", "Success code | 200", "Fail code |
/// 404 on missing note") gives entries from its code rows, titled only by a phrase; a
/// field table without such rows gives none.
#[test]
fn an_endpoint_field_table_gives_its_success_and_fail_codes() {
    let got = entries(vec![table(
        &[],
        &[
            &["Description", "This GET method returns all the packages"],
            &["URL", "http://host:8080/api/helium/package"],
            &["Success code", "200"],
            &["Fail code", "404 on note or paragraph not exists"],
            &["Sample JSON response", "{ \"status\": \"OK\" }"],
        ],
    )]);
    assert_eq!(
        got,
        [
            e(200, "", ""),
            e(404, "", "on note or paragraph not exists"),
        ]
    );
    let got = entries(vec![table(
        &[],
        &[&["Port", "8080"], &["Workers", "200"], &["Timeout", "500"]],
    )]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn phrase_before_its_code() {
    assert_eq!(
        entries(vec![
            h(2, "Erros"),
            list(&[
                "Bad Request - 400",
                "Not Found – 404 e resposta sem dados",
                "Internal Server Error (500)",
            ]),
        ]),
        vec![
            e(400, "Bad Request", ""),
            e(404, "Not Found", "e resposta sem dados"),
            e(500, "Internal Server Error", ""),
        ]
    );
    // Another code's phrase, a sentence, a count: no evidence.
    assert_eq!(
        entries(vec![list(&[
            "Not Found - 400",
            "Wait for it - 404 pages are rare",
            "Retries - 300",
        ])]),
        vec![]
    );
}

#[test]
fn a_reference_to_the_rfc_is_no_part_of_the_title() {
    assert_eq!(
        entries(vec![table(
            &["Code", "Meaning"],
            &[
                &["200", "OK (HTTP/1.0 - RFC 7231)"],
                &["208", "Already Reported (WebDAV)"],
                &["426", "Upgrade Required (RFC 2817)"],
            ],
        )]),
        vec![
            e(200, "OK", "(HTTP/1.0 - RFC 7231)"),
            e(208, "Already Reported (WebDAV)", ""),
            e(426, "Upgrade Required", "(RFC 2817)"),
        ]
    );
}

#[test]
fn slate_labels_set_off_by_a_double_dash() {
    assert_eq!(
        entries(vec![table(
            &["reason", "Meaning"],
            &[
                &["400", "Bad Request -- The message could not be read."],
                &["401", "Unauthorized -- The token was refused."],
                &["452", "No token included -- The method needs a token."],
            ],
        )]),
        vec![
            e(400, "Bad Request", "The message could not be read."),
            e(401, "Unauthorized", "The token was refused."),
            e(452, "No token included", "The method needs a token."),
        ]
    );
}

#[test]
fn example_statuses_over_their_bodies_are_no_entries() {
    assert_eq!(
        entries(vec![
            h(2, "Polling"),
            p("Status 202 { \"wait\": 4 }"),
            p("Status 200"),
            Block::Literal(text("{ \"id\": 1 }")),
        ]),
        vec![]
    );
}

#[test]
fn httpdomain_field_text_is_a_description() {
    let defs = Block::DefinitionList(vec![
        Definition {
            term: text("statuscode 200"),
            details: vec![p("Ok")],
        },
        Definition {
            term: text("statuscode 401"),
            details: vec![p("unauthorized")],
        },
    ]);
    assert_eq!(
        entries(vec![h(2, "Login"), defs]),
        vec![e(200, "", "Ok"), e(401, "", "unauthorized")]
    );
}

#[test]
fn headings_that_end_with_their_code() {
    assert_eq!(
        entries(vec![
            h(3, "OK\t200"),
            p("Equivalent to HTTP status 200."),
            h(3, "NoContent\t204"),
            p("Equivalent to HTTP status 204."),
            h(3, "Unavailable For Legal Reasons 451"),
            p("Equivalent to HTTP status 451."),
        ]),
        vec![
            e(200, "OK", "Equivalent to HTTP status 200."),
            e(204, "NoContent", "Equivalent to HTTP status 204."),
            e(
                451,
                "Unavailable For Legal Reasons",
                "Equivalent to HTTP status 451."
            ),
        ]
    );
}

#[test]
fn a_symbol_before_the_code_marks_the_item() {
    assert_eq!(
        entries(vec![
            h(2, "Responses"),
            list(&["✅ 200 OK", "❌ 404 Not Found"]),
        ]),
        vec![e(200, "OK", ""), e(404, "Not Found", "")]
    );
}

#[test]
fn a_label_where_the_other_items_give_phrases_is_a_title() {
    assert_eq!(
        entries(vec![
            h(3, "4XX - Client error responses"),
            list(&[
                "403, Forbidden",
                "404, Not Found",
                "409, Conflict",
                "429, Too many request",
            ]),
        ]),
        vec![
            e(403, "Forbidden", ""),
            e(404, "Not Found", ""),
            e(409, "Conflict", ""),
            e(429, "Too many request", ""),
        ]
    );
    // A sentence stays a description.
    assert_eq!(
        entries(vec![
            h(3, "Responses"),
            list(&[
                "403, Forbidden",
                "404, Not Found",
                "409, Conflict",
                "429, Slow down.",
            ]),
        ])[3],
        e(429, "", "Slow down.")
    );
}

#[test]
fn a_bold_run_of_code_and_label_titles_the_item() {
    let mut item = text("210 Verification required: Transaction on hold.");
    item.mark_range(0..25, statusdoc_model::page::Mark::Strong);
    let mut ok = text("200 Success: The request was successful.");
    ok.mark_range(0..11, statusdoc_model::page::Mark::Strong);
    let mut created = text("201 Created: A resource was created.");
    created.mark_range(0..11, statusdoc_model::page::Mark::Strong);
    let list = Block::List(List {
        items: vec![
            vec![Block::Paragraph(ok)],
            vec![Block::Paragraph(created)],
            vec![Block::Paragraph(item)],
        ],
    });
    assert_eq!(
        entries(vec![h(2, "Status codes"), list]),
        vec![
            e(200, "Success", "The request was successful."),
            e(201, "Created", "A resource was created."),
            e(210, "Verification required", "Transaction on hold."),
        ]
    );
}
