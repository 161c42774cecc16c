//! The shapes status codes take in Markdown, each with exact spans.

mod common;
use common::*;

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::Document;
use statusdoc_reference::Registry;

fn read(text: &str) -> Document {
    read_as("page.md", text)
}

#[test]
fn one_heading_per_code() {
    let doc = read(
        "# Errors\n\n## 404 Not Found\n\nThe resource does not exist.\n\nCheck the id.\n\n### Example\n\nnot part of it\n\n## 415 Unsupported Media Type\n\nSend JSON.\n\n## Rate limits\n\nWe allow 300 requests per minute.\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (
                404,
                "Not Found",
                "The resource does not exist.\n\nCheck the id."
            ),
            (415, "Unsupported Media Type", "Send JSON."),
        ]
    );
    assert_eq!(doc.entries[0].section, ["Errors"]);
    assert_spans_exact(&doc);
}

#[test]
fn definition_lists() {
    let doc = read("# Codes\n\n415 Unsupported Media Type\n: The payload format is not supported.\n\n429 Too Many Requests\n: Slow down.\n");
    assert_eq!(
        entries(&doc),
        [
            (
                415,
                "Unsupported Media Type",
                "The payload format is not supported."
            ),
            (429, "Too Many Requests", "Slow down."),
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn tables_with_title_column_markup_escapes_and_entities() {
    let doc = read(
        "| Status code | Status message | Description |\n|:--|:--|:--|\n| 400 | Bad Request | An **invalid** `(__detached=true)` value &amp; more \\_escaped\\_. |\n| 401 | Unauthorized | Log in. |\n| 403 | Forbidden | Not yours. |\n| 5xx | Server errors | A range, not a code. |\n| 2000 | Not a code | Four digits. |\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (
                400,
                "Bad Request",
                "An invalid (__detached=true) value & more _escaped_."
            ),
            (401, "Unauthorized", "Log in."),
            (403, "Forbidden", "Not yours."),
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn tables_that_are_not_status_tables_are_left_alone() {
    let doc = read("| Code | Name |\n|---|---|\n| 0 | Dispatch |\n| 1 | Heartbeat |\n\n| Code | Meaning |\n|---|---|\n| 10001 | Unknown account |\n");
    assert!(doc.entries.is_empty(), "{:?}", entries(&doc));
}

#[test]
fn lists_with_run_in_titles() {
    let doc = read("- `200 OK` - it worked\n- 404 Not Found: no such thing\n- 300 requests per minute are allowed\n");
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "it worked"),
            (404, "Not Found", "no such thing")
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn rows_for_several_codes_and_error_catalogs() {
    let doc = read(
        "| Status | Title | Description |\n|---|---|---|\n| 200, 201 | Success | It worked. |\n| 401 / 403 | Unauthorized / Forbidden | Not allowed. |\n| 404 \\| 410 | Gone | No such thing. |\n\n## HTTP 502: Bad Gateway\n\nUpstream failed.\n\n| Error code | HTTP status | Message |\n|---|---|---|\n| 40001 | 400 | Invalid JSON |\n| 40401 | 404 | User not found |\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "Success", "It worked."),
            (201, "Success", "It worked."),
            (401, "Unauthorized", "Not allowed."),
            (403, "Forbidden", "Not allowed."),
            (404, "", "No such thing."),
            (410, "", "No such thing."),
            (502, "Bad Gateway", "Upstream failed."),
            // The error catalog's rows are entries keyed by the vendor's error code:
            // their messages are descriptions, not reason phrases.
            (400, "", "Invalid JSON"),
            (404, "", "User not found"),
        ]
    );
    assert!(doc.entries[7..]
        .iter()
        .all(|e| e.listing == statusdoc_model::Listing::Keyed));
    assert!(doc.entries[..7]
        .iter()
        .all(|e| e.listing == statusdoc_model::Listing::Catalog));
    assert_spans_exact(&doc);
}

#[test]
fn prose_after_a_code_is_no_title() {
    let doc = read("- 200: OK, the request succeeded.\n- 400: Bad request body or query.\n");
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "the request succeeded."),
            (400, "", "Bad request body or query."),
        ]
    );
}

#[test]
fn a_byte_order_mark_hides_nothing() {
    let doc = read("\u{feff}## 415 Not Acceptable\n\nWrong.\n\n## 200 OK\n\nFine.\n");
    assert_eq!(
        entries(&doc),
        [(415, "Not Acceptable", "Wrong."), (200, "OK", "Fine.")]
    );
    // Spans are byte offsets of the file: the mark is three bytes.
    assert_eq!(doc.entries[0].code_span.start, 6);
}

#[test]
fn a_suppression_comment_between_rows_keeps_the_table_whole() {
    let doc = read(
        "| Code | Title | Description |\n|---|---|---|\n| 200 | OK | Fine. |\n<!-- statusdoc-disable-next-line SD101 -->\n| 415 | Not Acceptable | Kept. |\n| 404 | Not Found | Gone. |\n",
    );
    let codes: Vec<u16> = doc.entries.iter().map(|e| e.code).collect();
    assert_eq!(codes, [200, 415, 404]);
    assert_eq!(doc.suppressions.len(), 1);
    assert_eq!(
        doc.suppressions[0].scope,
        statusdoc_model::SuppressionScope::Line(5)
    );
}

#[test]
fn a_text_dump_suppression_line_is_not_description() {
    let doc = read_page(
        "p.txt",
        b"Status Codes\n\n200 OK Fine.\nstatusdoc-disable-next-line SD101\n415 Not Acceptable Wrong.\n",
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap();
    assert_eq!(
        entries(&doc),
        [(200, "OK", "Fine."), (415, "Not Acceptable", "Wrong.")]
    );
    assert_eq!(
        doc.suppressions[0].scope,
        statusdoc_model::SuppressionScope::Line(5)
    );
}

#[test]
fn html_tables_inside_markdown() {
    let doc = read("# Codes\n\nSome intro.\n\n<table>\n  <tr><th>Code</th><th>Description</th></tr>\n  <tr><td>200 OK</td><td>It worked.</td></tr>\n  <tr><td>415 Not Acceptable</td><td>Wrong type.</td></tr>\n</table>\n\n| Code | Title | Description |\n|---|---|---|\n| 404 | Not Found | Gone. |\n");
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "It worked."),
            (415, "Not Acceptable", "Wrong type."),
            (404, "Not Found", "Gone."),
        ]
    );
    assert_spans_exact(&doc);
    assert_eq!(doc.entries[1].section, ["Codes"]);
}

/// An MDX component whose `responses={{…}}` prop holds an operation's responses keyed
/// by code (JSON or a JavaScript object literal), as sites built from OpenAPI write it.
#[test]
fn mdx_component_responses() {
    let page = "---\nid: unassign-task\n---\n\n# Unassign a task\n\n<StatusCodes\n  id={undefined}\n  responses={{\n    \"200\": {\n      description: \"On success returned.\",\n      content: { \"application/json\": { schema: { type: \"object\" } } },\n    },\n    '404': { description: 'Not Found' },\n    default: { description: \"Anything else, don't ask.\" },\n  }}\n>\n</StatusCodes>\n";
    let doc = read_as("page.mdx", page);
    assert_eq!(
        entries(&doc),
        [(200, "", "On success returned."), (404, "Not Found", "")]
    );
    assert_spans_exact(&doc);
    // A component without such a prop, or one whose object is not keyed by codes,
    // stays what it was.
    for other in [
        "<ParamsDetails parameters={[{ name: \"taskId\", in: \"path\" }]}\n>\n</ParamsDetails>\n",
        "<StatusCodes responses={{ \"ok\": { description: \"fine\" } }}\n>\n</StatusCodes>\n",
        "<StatusCodes responses={{ \"200\": {\n",
    ] {
        assert!(read_as("page.mdx", other).entries.is_empty(), "{other}");
    }
}

/// A page about one code whose front matter title names it, as site generators show
/// the title as the page's heading; a page with a heading of its own keeps it.
#[test]
fn front_matter_title_of_a_page_about_one_code() {
    let doc = read(
        "---\ntitle: 429 Too Many Requests\nslug: x\n---\n\nThe server received too many requests.\n\n## Examples\n\nRetry later.\n",
    );
    assert_eq!(
        entries(&doc),
        [(
            429,
            "Too Many Requests",
            "The server received too many requests."
        )]
    );
    assert_spans_exact(&doc);
    let own_heading =
        read("---\ntitle: 429 Too Many Requests\n---\n\n# Rate limits\n\nSlow down.\n");
    assert!(own_heading.entries.is_empty());
}

/// CommonMark ends an HTML block at a blank line, but the browser reads the blocks
/// written one after the other as one table: rows after blank lines are its rows.
#[test]
fn an_html_table_with_blank_lines_between_its_rows() {
    let doc = read(
        "# Errors\n\n<table>\n<tr><th>HTTP code</th><th>error</th><th>error_description</th><th>notes</th></tr>\n\n<tr>\n  <td rowspan=2>400</td>\n  <td rowspan=2>invalid_request</td>\n  <td>account not found</td>\n  <td>Wrong client id and secret</td>\n</tr>\n<tr>\n  <td>account is locked</td>\n  <td>Ask support to unlock it</td>\n</tr>\n\n<tr><td>403</td><td>access_denied</td><td>no access</td><td>Not yours</td></tr>\n</table>\n\nAfter the table.\n",
    );
    // Each row under the spanning "400" names an error of its own: an entry each.
    assert_eq!(
        entries(&doc),
        [
            (400, "", "account not found"),
            (400, "", "account is locked"),
            (403, "", "no access"),
        ]
    );
    assert_spans_exact(&doc);
}

/// kramdown's inline attribute lists (Jekyll, IBM Cloud docs) render as nothing.
#[test]
fn kramdown_attribute_lists_are_not_text() {
    let doc = read(
        "# Status codes\n{: #status-codes}\n\n| Code | Phrase | Description |\n|---|---|---|\n| `100` | [Continue](https://x){: external} | Go on. |\n| `404` | [Not Found](https://x){: external} | Missing. |\n",
    );
    assert_eq!(
        entries(&doc),
        [(100, "Continue", "Go on."), (404, "Not Found", "Missing.")]
    );
    assert_spans_exact(&doc);
}

/// ReadMe's `[block:parameters]` JSON tables and `[block:api-header]` headings render as
/// a table and a heading; cells keep their exact bytes inside the JSON strings.
#[test]
fn readme_parameter_blocks_are_tables() {
    let doc = read(
        "Intro.\n\n[block:api-header]\n{\n  \"title\": \"Response HTTP Status Codes\"\n}\n[/block]\n\n[block:parameters]\n{\n  \"data\": {\n    \"h-0\": \"Code\",\n    \"h-1\": \"Description\",\n    \"0-0\": \"200 OK\",\n    \"0-1\": \"Successful **request**.\",\n    \"1-0\": \"401 Forbidden\",\n    \"1-1\": \"Authentication failed.\\nRetried.\"\n  },\n  \"cols\": 2,\n  \"rows\": 2\n}\n[/block]\n\n[block:parameters]\n{ \"data\": { \"0-0\": \"broken\", }\n[/block]\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "Successful request."),
            (401, "Forbidden", "Authentication failed. Retried."),
        ]
    );
    assert_eq!(doc.entries[0].section, ["Response HTTP Status Codes"]);
    assert_spans_exact(&doc);
}

#[test]
fn front_matter_values_named_markdown_are_the_page() {
    let doc = read(
        "---\ntitle: Errors\ncontent_markdown: |-\n  | Code | Name | Description |\n  | --- | --- | --- |\n  | 400 | Bad Request | We could not process that |\n  | 429 | Limit Exceeded | Slow down |\nsummary: |\n  | 404 | Not Found | not Markdown by name |\n---\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (400, "Bad Request", "We could not process that"),
            (429, "Limit Exceeded", "Slow down"),
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn yfm_multiline_tables() {
    let doc = read(
        "## Возможные коды ошибок\n\n#|\n|| **Статус** | **Код** | **Описание** ||\n|| `400` | `BAD_ID` | Неверный ID.\n\nПроверьте ID ||\n|| `403` | `WRONG_AUTH` | Нет доступа ||\n|#\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (400, "", "Неверный ID.\n\nПроверьте ID"),
            (403, "", "Нет доступа"),
        ]
    );
    assert_spans_exact(&doc);
}

/// A heading's attribute block (`{#503}`, `{#id .class}`), which Hugo, MkDocs, kramdown
/// and Pandoc take as the heading's id, is no part of its title.
#[test]
fn heading_attributes_are_not_titles() {
    let doc = read(
        "# Errors\n\n### 503 - Remote service unavailable {#503}\n\nThe remote failed.\n\n### 404 - Not found {#not-found .red}\n\nNo such thing.\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (503, "Remote service unavailable", "The remote failed."),
            (404, "Not found", "No such thing."),
        ]
    );
}

/// The README template for an endpoint ("* **Success Response:**" over "* **Code:** 200
/// <br /> **Content:** …"): each code is an entry; the field on the next line is no
/// title.
#[test]
fn the_endpoint_readme_template() {
    let doc = read(
        "# Show User\n\n* **Success Response:**\n\n  * **Code:** 200 <br />\n    **Content:** `{ id : 12 }`\n\n* **Error Response:**\n\n  * **Code:** 404 NOT FOUND <br />\n    **Content:** `{ error : \"User doesnt exist\" }`\n\n  * **Code:** 401 UNAUTHORIZED <br />\n    **Content:** `{ error : \"You are unauthorized\" }`\n",
    );
    let got: Vec<(u16, Option<String>)> = doc
        .entries
        .iter()
        .map(|e| (e.code, e.title.as_ref().map(|t| t.text.clone())))
        .collect();
    assert_eq!(
        got,
        [
            (200, None),
            (404, Some("NOT FOUND".to_owned())),
            (401, Some("UNAUTHORIZED".to_owned()))
        ]
    );
}

/// Two `---` rules with text between them are rules, not front matter: metadata opens
/// a page or is not there (pulldown-cmark alone took the table between them as YAML).
#[test]
fn rules_below_the_top_are_not_front_matter() {
    let page = "# Http Error Codes\n---\n<body>\n\n<table>\n<tr><th>Code</th><th>Meaning</th></tr>\n<tr><td>200</td><td>OK</td></tr>\n<tr><td>404</td><td>Not Found</td></tr>\n</table>\n\n---\n";
    let doc = read(page);
    assert_eq!(entries(&doc), [(200, "OK", ""), (404, "Not Found", "")]);
    assert_spans_exact(&doc);
    // Front matter at the top is still front matter.
    let doc = read("---\ntitle: Errors\n---\n| Code | Meaning |\n|---|---|\n| 404 | Not Found |\n");
    assert_eq!(entries(&doc), [(404, "Not Found", "")]);
    assert_eq!(doc.title.as_deref(), Some("Errors"));
}

/// An example response's status line explained beside its headers is no entry; a list
/// of status lines is a list of entries.
#[test]
fn a_status_line_among_header_notes_is_an_example() {
    let doc = read(
        "# Create\n\nThe response:\n\n* `HTTP/1.1 201 Created`: the protocol version and the status code.\n* `Content-Type`: the format of the data.\n* `Content-Length`: the length of the data.\n",
    );
    assert_eq!(entries(&doc), []);
    let doc = read(
        "# Responses\n\n* `HTTP/1.1 200 OK`: it worked.\n* `HTTP/1.1 404 Not Found`: no such pet.\n* `HTTP/1.1 500 Internal Server Error`: try later.\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "it worked."),
            (404, "Not Found", "no such pet."),
            (500, "Internal Server Error", "try later.")
        ]
    );
}
