//! The OpenAPI reader: Swagger 2.0 and OpenAPI 3.x, YAML and JSON, with exact spans.

mod common;
use common::*;

use statusdoc_ingest::sniff_format;
use statusdoc_model::page::{Block, Mark, Page};
use statusdoc_model::{Document, Format, Listing, Severity, SuppressionScope};

fn read(text: &str) -> Document {
    read_as("openapi.yaml", text)
}

fn model(text: &str) -> (Document, Page) {
    model_as("openapi.yaml", text)
}

/// Codes, titles and descriptions are exactly their source text (a description that
/// runs over lines, up to white space).
fn assert_spans_exact(doc: &Document) {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for entry in &doc.entries {
        // A named response ("NotFound") stands for its code: the span is the name.
        let code_text = doc.source.slice(entry.code_span);
        let named = !code_text.starts_with(|c: char| c.is_ascii_digit())
            && code_text.chars().all(char::is_alphanumeric);
        if !named {
            assert_eq!(
                code_text,
                entry.code.to_string(),
                "code span of {}",
                entry.code
            );
        }
        if let Some(title) = &entry.title {
            assert_eq!(
                doc.source.slice(title.span),
                title.text,
                "title span of {}",
                entry.code
            );
        }
        if let Some(description) = &entry.description {
            assert_eq!(
                fold(doc.source.slice(description.span)),
                fold(&description.text),
                "span of {}",
                entry.code
            );
        }
    }
}

const PETSTORE: &str = r##"openapi: 3.0.3
info:
  title: Swagger Petstore
  version: 1.0.0
paths:
  /pets/{petId}:
    parameters:
      - name: petId
        in: path
    get:
      summary: Info for a pet
      responses:
        200:
          description: OK
        '404':
          $ref: '#/components/responses/NotFound'
        "415":
          description: "Unsupported Media Type"
        '429':
          description: 'Too Many Requests'
        default:
          description: Unexpected error
        4XX:
          description: Client Error
        x-codes:
          description: 500 Internal Server Error
    delete:
      responses:
        '204':
          description: >-
            No Content
        '409':
          description: |
            Conflict: the pet
            is in an order.

            Cancel the order first.
        '410':
          description: Gone
            for good
components:
  responses:
    NotFound:
      description: Not Found
    Teapot:
      description: 418 I'm a teapot
"##;

#[test]
fn operations_responses_and_refs() {
    let (doc, page) = model(PETSTORE);
    assert_eq!(doc.format, Format::OpenApi);
    assert_eq!(doc.title.as_deref(), Some("Swagger Petstore"));
    assert_eq!(
        doc.metadata.get("version").map(String::as_str),
        Some("1.0.0")
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", ""),
            (404, "Not Found", ""),
            (415, "Unsupported Media Type", ""),
            (429, "Too Many Requests", ""),
            (204, "No Content", ""),
            (
                409,
                "Conflict",
                "the pet is in an order.\n\nCancel the order first."
            ),
            // "Gone for good" (folded over two lines) is a sentence, not a title.
            (410, "", "Gone for good"),
            // components.responses.NotFound: a named response says its status.
            (404, "Not Found", ""),
        ]
    );
    assert_spans_exact(&doc);
    // The referenced response's description is the one read (and pointed at).
    let not_found = doc.entries[1].title.as_ref().unwrap();
    assert!(doc.source.text()[..not_found.span.start].ends_with("NotFound:\n      description: "));
    // Operations' responses, never a coverage gap; named responses are keyed by name.
    let (operations, named) = doc.entries.split_at(doc.entries.len() - 1);
    assert!(operations.iter().all(|e| e.listing == Listing::Operation));
    assert!(named.iter().all(|e| e.listing == Listing::Keyed));
    assert_eq!(
        doc.entries[0].section,
        ["Swagger Petstore", "GET /pets/{petId}", "Responses"]
    );
    assert_eq!(
        doc.entries[4].section,
        ["Swagger Petstore", "DELETE /pets/{petId}", "Responses"]
    );
    // The method is mapped text over its key; the path is verbatim.
    let Block::Heading { level: 2, text } = &page.blocks[1] else {
        panic!("{}", page.outline())
    };
    assert_eq!(doc.source.slice(text.source_span(0..3)), "get");
    assert_eq!(
        doc.source.slice(text.source_span(4..text.len())),
        "/pets/{petId}"
    );
    // Response names are terms of their own list, and a code in one's description
    // is read like any other (here: not an operation's).
    assert!(page.outline().contains("h2 components.responses\ndl\n  term NotFound Not Found\n  term Teapot 418 I'm a teapot\n"), "{}", page.outline());
    // Code keys are marked as code.
    let Block::DefinitionList(definitions) = &page.blocks[3] else {
        panic!("{}", page.outline())
    };
    assert!(definitions[0].term.is_marked(0..3, Mark::Code));
    assert!(!definitions[0].term.is_marked(0..5, Mark::Code));
}

#[test]
fn descriptions_without_phrases_have_no_title() {
    let doc = read(
        "openapi: 3.1.0\npaths:\n  /pets:\n    post:\n      responses:\n        '201':\n          description: successful operation\n        '400':\n          description: Invalid input\n        '404':\n          description: Pet not found\n        '422':\n          description: 'Unexpected error'\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (201, "", "successful operation"),
            (400, "", "Invalid input"),
            (404, "", "Pet not found"),
            (422, "", "Unexpected error"),
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn swagger_2_with_top_level_responses() {
    let (doc, page) = model(
        "swagger: '2.0'\ninfo:\n  title: Alertmanager API\npaths:\n  /silences:\n    get:\n      responses:\n        '200':\n          description: Get silences response\n        '500':\n          $ref: '#/responses/InternalServerError'\n    post:\n      responses:\n        '400':\n          $ref: \"#/responses/BadRequest\"\nresponses:\n  BadRequest:\n    description: Bad request\n  InternalServerError:\n    description: Internal server error\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "", "Get silences response"),
            (500, "Internal server error", ""),
            (400, "Bad request", ""),
            // The top-level named responses, as entries of their own.
            (400, "Bad request", ""),
            (500, "Internal server error", ""),
        ]
    );
    assert_spans_exact(&doc);
    assert!(page.outline().ends_with("h2 responses\ndl\n  term BadRequest Bad request\n  term InternalServerError Internal server error\n"), "{}", page.outline());
}

#[test]
fn quoted_scalars_map_escapes() {
    let doc = read(
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '409':\n          description: \"Conflict \\u2013 the \\\"pet\\\" \\\\ changed\"\n        '410':\n          description: 'Gone \u{2013} it''s deleted'\n        '412':\n          description: \"Precondition Failed: \\\n            retry\"\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (409, "Conflict", "the \"pet\" \\ changed"),
            (410, "Gone", "it's deleted"),
            (412, "Precondition Failed", "retry"),
        ]
    );
    // Titles are verbatim; a description with an escape maps it as a whole piece.
    for entry in &doc.entries {
        let title = entry.title.as_ref().unwrap();
        assert_eq!(doc.source.slice(title.span), title.text);
    }
    let gone = doc.entries[1].description.as_ref().unwrap();
    assert_eq!(doc.source.slice(gone.span), "it''s deleted");
    let conflict = doc.entries[0].description.as_ref().unwrap();
    assert_eq!(
        doc.source.slice(conflict.span),
        "the \\\"pet\\\" \\\\ changed"
    );
}

#[test]
fn json_documents() {
    let text = "{\n\t\"openapi\": \"3.0.0\",\n\t\"info\": {\"title\": \"Caf\u{e9} API\"},\n\t\"paths\": {\n\t\t\"/caf\u{e9}\": {\"get\": {\"responses\": {\n\t\t\t\"200\": {\"description\": \"OK\"},\n\t\t\t\"404\": {\"description\": \"Not Found \\u2014 no caf\u{e9} here\"},\n\t\t\t\"503\": {\"$ref\": \"#/components/responses/Down\"}\n\t\t}}}\n\t},\n\t\"components\": {\"responses\": {\"Down\": {\"description\": \"Service Unavailable\"}}}\n}";
    assert_eq!(sniff_format(text), Format::OpenApi);
    let doc = read_as("api.json", text);
    assert_eq!(doc.title.as_deref(), Some("Caf\u{e9} API"));
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", ""),
            (404, "Not Found", "no caf\u{e9} here"),
            (503, "Service Unavailable", "")
        ]
    );
    // Spans are byte offsets though the parser counts characters.
    assert_spans_exact(&doc);
    assert_eq!(doc.entries[0].section[1], "GET /caf\u{e9}");
}

#[test]
fn suppressions_from_extensions_and_comments() {
    let doc = read(
        "openapi: 3.0.0\nx-statusdoc-disable: SD105\npaths:\n  /a:\n    get:\n      x-statusdoc-disable: [SD101, SD104]\n      responses:\n        '415':\n          description: Not Acceptable\n    put:\n      responses:\n        '415':\n          description: Not Acceptable\n          x-statusdoc-disable:\n            - SD101\n        # statusdoc-disable-next-line SD102\n        '404':\n          description: Not Fund\n        '410':\n          x-statusdoc-disable: true\n          description: Gone\n        '411':\n          x-statusdoc-disable: false\n          description: Length Required\n",
    );
    let found: Vec<_> = doc
        .suppressions
        .iter()
        .map(|s| {
            (
                s.rules.join(","),
                s.scope.clone(),
                doc.source.slice(s.span).to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "SD102".into(),
                SuppressionScope::Lines(17, 18),
                "# statusdoc-disable-next-line SD102".into()
            ),
            (
                "SD105".into(),
                SuppressionScope::File,
                "x-statusdoc-disable".into()
            ),
            (
                "SD101,SD104".into(),
                SuppressionScope::Lines(5, 9),
                "x-statusdoc-disable".into()
            ),
            (
                "SD101".into(),
                SuppressionScope::Lines(12, 15),
                "x-statusdoc-disable".into()
            ),
            (
                "".into(),
                SuppressionScope::Lines(19, 21),
                "x-statusdoc-disable".into()
            ),
        ]
    );
    assert_eq!(doc.entries.len(), 5);
}

#[test]
fn files_that_are_not_openapi_are_reported() {
    let doc = read("name: ci\non: push\n");
    assert!(doc.entries.is_empty());
    assert_eq!(
        (doc.notes[0].rule, doc.notes[0].severity),
        ("SD001", Severity::Error)
    );
    assert!(
        doc.notes[0].message.contains("not an OpenAPI document"),
        "{}",
        doc.notes[0].message
    );
    let doc = read("openapi: 3.0.0\npaths: [\n");
    assert!(
        doc.notes[0].message.contains("not valid YAML"),
        "{}",
        doc.notes[0].message
    );
    assert_eq!(doc.notes[0].line, 3);
}

#[test]
fn a_byte_order_mark_is_no_indentation() {
    let text = "\u{feff}openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          description: Not Found\n";
    let doc = read(text);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(entries(&doc), [(404, "Not Found", "")]);
    assert_spans_exact(&doc);
}

#[test]
fn hostile_input_still_reads() {
    for text in [
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          $ref: '#/components/responses/A'\ncomponents:\n  responses:\n    A:\n      $ref: '#/components/responses/A'\n",
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          $ref: 'other.yaml#/x'\n",
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: [1, 2]\n",
        "openapi: 3.0.0\npaths:\n  /a: 7\n",
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          description: !!str Not Found\n        '405': &x\n          description: Method Not Allowed\n        '406': *x\n",
        "- openapi\n",
        "openapi: 3.0.0\n---\nother: doc\n",
    ] {
        let _ = read(text);
    }
}

/// Quoted descriptions in a flow mapping written over several lines: the parser counts
/// the space after the closing quote into the scalar; titles still point at the words.
#[test]
fn quoted_scalars_in_flow_mappings() {
    let (doc, _) = model(
        "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {\n        '404': { description: 'Not Found' },\n        \"410\": { description: \"Gone\" },\n      }\n",
    );
    assert_eq!(entries(&doc), [(404, "Not Found", ""), (410, "Gone", "")]);
    assert_spans_exact(&doc);
}

/// A multi-line flow mapping whose closing brace is indented like its key (accepted by
/// other YAML parsers, refused by saphyr) is skipped with a note; the responses are
/// still read.
#[test]
fn a_refused_flow_collection_is_skipped_not_the_file() {
    let doc = read(
        "openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0.0\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              example: {\n                \"reason\": \"this makes me sad\"\n              }\n      responses:\n        \"200\":\n          description: The room has been reported.\n        \"404\":\n          description: Not Found\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "", "The room has been reported."),
            (404, "Not Found", "")
        ]
    );
    assert_eq!(doc.notes.len(), 1, "{:?}", doc.notes);
    assert_eq!(doc.notes[0].rule, "SD003");
    assert_spans_exact(&doc);
}

#[test]
fn shared_responses_come_after_the_operations_and_are_named_by_their_phrase() {
    let doc = read(
        "openapi: 3.0.0\ncomponents:\n  responses:\n    forbiddenError:\n      description: The app may not see this\npaths:\n  /items:\n    delete:\n      responses:\n        '204':\n          description: Deleted\n        '403':\n          $ref: '#/components/responses/forbiddenError'\n",
    );
    let got: Vec<(u16, Vec<String>)> = doc
        .entries
        .iter()
        .map(|e| (e.code, e.section.clone()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, 204);
    assert_eq!(got[1].0, 403);
    assert_eq!(got[2].0, 403);
    assert!(got[2].1.iter().any(|s| s.contains("components.responses")));
    assert_spans_exact(&doc);
}

#[test]
fn json_keys_with_a_space_before_the_colon() {
    let doc = read_as(
        "openapi.json",
        "{\n  \"openapi\" : \"3.1.0\",\n  \"paths\" : {\n    \"/a\" : {\n      \"get\" : {\n        \"responses\" : {\n          \"200\" : {\n            \"description\" : \"OK - The request has succeeded.\"\n          },\n          \"404\" : { \"description\" : \"Not Found\" }\n        }\n      }\n    }\n  }\n}\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "The request has succeeded."),
            (404, "Not Found", "")
        ]
    );
    assert_spans_exact(&doc);
}

/// A quoted description whose continuation lines start at the left margin (refused by
/// YAML 1.2, read by PyYAML and js-yaml, which render most references) is read, with
/// its spans on the source; an unclosed quote still gets the SD001 note.
#[test]
fn quoted_scalars_with_unindented_continuation_lines() {
    let text = "openapi: \"3.0.0\"\ninfo:\n  description: \"An API.\n<br><br>\n\nMore words here.\"\n  title: T\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: \"Returns\nthe station list\"\n        '404':\n          description: Not Found\n";
    let doc = read(text);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(
        entries(&doc),
        [
            (200, "", "Returns the station list"),
            (404, "Not Found", "")
        ]
    );
    assert_spans_exact(&doc);
    let crlf = read(&text.replace('\n', "\r\n"));
    assert!(crlf.notes.is_empty(), "{:?}", crlf.notes);
    assert_eq!(crlf.entries.len(), 2);

    let unclosed = read("openapi: 3.0.0\ninfo:\n  description: \"An API.\n<br>\npaths: {}\n");
    assert_eq!(unclosed.notes.len(), 1, "{:?}", unclosed.notes);
    assert_eq!(unclosed.notes[0].rule, "SD001");
}
