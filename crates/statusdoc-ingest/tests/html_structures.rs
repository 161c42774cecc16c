//! HTML structures the reader understands, on small fixtures written for the purpose.

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

fn read_str(text: &str) -> Document {
    read_source(
        SourceFile::new("page.html", text),
        Format::Html,
        Registry::bundled(),
    )
}

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    read_str(&std::fs::read_to_string(path).unwrap())
}

/// Code, title and description of every entry.
fn summary(document: &Document) -> Vec<(u16, String, String)> {
    document
        .entries
        .iter()
        .map(|e| {
            (
                e.code,
                e.title_text().to_owned(),
                e.description_text().to_owned(),
            )
        })
        .collect()
}

fn expected_table() -> Vec<(u16, String, String)> {
    [
        (200, "OK", "The request succeeded."),
        (
            404,
            "Not Found",
            "The resource does not exist.\n\nCheck the ID & retry.",
        ),
        (
            409,
            "Conflict",
            "The resource was changed.\n\nOr it is locked.",
        ),
        (
            429,
            "Too Many Requests",
            "Slow down: wait a minute.\n\n- Honour Retry-After\n- Back off",
        ),
    ]
    .into_iter()
    .map(|(c, t, d)| (c, t.to_owned(), d.to_owned()))
    .collect()
}

#[test]
fn bare_table_with_spans_nested_markup_and_entities() {
    let document = fixture("bare-table.html");
    assert_eq!(summary(&document), expected_table());
    // Every code span is exactly the digits.
    for entry in &document.entries {
        assert_eq!(
            document.source.slice(entry.code_span),
            entry.code.to_string()
        );
    }
    let not_found = &document.entries[1];
    assert_eq!(
        document
            .source
            .slice(not_found.title.as_ref().unwrap().span),
        "Not&nbsp;Found"
    );
    let lc = document.source.line_col(not_found.code_span.start);
    assert_eq!((lc.line, lc.column), (5, 9));
}

#[test]
fn browser_saved_page_gives_the_same_entries_as_the_bare_table() {
    let bare = fixture("bare-table.html");
    let page = fixture("browser-saved.html");
    assert_eq!(summary(&page), summary(&bare));
    assert!(page.notes.is_empty(), "{:?}", page.notes);
    assert_eq!(page.title.as_deref(), Some("HTTP status codes"));
    assert_eq!(
        page.metadata.get("canonical").map(String::as_str),
        Some("https://docs.example.com/api/status-codes")
    );
    assert_eq!(
        page.metadata.get("description").map(String::as_str),
        Some("Status codes the Example API returns.")
    );
    assert_eq!(
        page.metadata
            .get("article:modified_time")
            .map(String::as_str),
        Some("2024-05-01T10:00:00Z")
    );
    assert_eq!(
        page.metadata.get("title").map(String::as_str),
        Some("HTTP status codes | Example API")
    );
    assert!(page
        .entries
        .iter()
        .all(|e| e.section == ["HTTP status codes"]));
    // Positions point into the full page: line 25 holds the 404 row.
    let lc = page.source.line_col(page.entries[1].code_span.start);
    assert_eq!((lc.line, lc.column), (25, 9));
}

#[test]
fn definition_lists_with_several_definitions_and_shared_terms() {
    let document = read_str(
        "<h2>Errors</h2><dl>\
         <dt>415 Unsupported Media Type</dt><dd>Wrong type.</dd><dd>Send JSON.</dd>\
         <dt><strong>401</strong> Unauthorized</dt><dt>403 Forbidden</dt><dd>No access.</dd>\
         <div><dt>Retry-After</dt><dd>A header.</dd></div>\
         </dl>",
    );
    assert_eq!(
        summary(&document),
        [
            (
                415,
                "Unsupported Media Type".into(),
                "Wrong type.\n\nSend JSON.".into()
            ),
            (401, "Unauthorized".into(), "No access.".into()),
            (403, "Forbidden".into(), "No access.".into()),
        ]
    );
    assert_eq!(document.entries[0].section, ["Errors"]);
}

#[test]
fn per_code_headings_up_to_the_next_heading() {
    let document = read_str(
        "<h1>Errors</h1><h2>Client errors</h2>\
         <h3>400 Bad Request</h3><p>Malformed.</p><h4>Example</h4><pre>{}</pre>\
         <h3 id=\"x\">404 Not Found<a class=\"headerlink\" href=\"#x\">¶</a></h3><p>Missing.</p><ul><li>Check the path</li></ul>\
         <h2>FAQ</h2><h3>Why do I get 404 errors?</h3><p>Because 500 things.</p>",
    );
    assert_eq!(
        summary(&document),
        [
            (400, "Bad Request".into(), "Malformed.".into()),
            (
                404,
                "Not Found".into(),
                "Missing.\n\n- Check the path".into()
            ),
        ]
    );
    assert_eq!(document.entries[0].section, ["Errors", "Client errors"]);
}

#[test]
fn lists_of_codes_with_run_in_titles() {
    let document = read_str(
        "<ul>\
         <li><code>404</code> Not Found – the page does not exist.</li>\
         <li><code>500</code>: Internal Server Error</li>\
         <li><b>503 Service Unavailable</b> Try again later.</li>\
         <li>429 Too Many Requests The client sent too many requests.</li>\
         </ul>\
         <ul><li>300 requests per minute are allowed</li><li>Use port 443</li></ul>",
    );
    assert_eq!(
        summary(&document),
        [
            (404, "Not Found".into(), "the page does not exist.".into()),
            (500, "Internal Server Error".into(), String::new()),
            (503, "Service Unavailable".into(), "Try again later.".into()),
            (
                429,
                "Too Many Requests".into(),
                "The client sent too many requests.".into()
            ),
        ]
    );
}

#[test]
fn tables_found_by_content_and_tables_that_are_not_about_status_codes() {
    let document = read_str(
        "<table><tr><td>200 OK</td><td>Fine.</td></tr><tr><td>404 Not Found</td><td>Missing.</td></tr></table>\
         <table><tr><th>Opcode</th><th>Name</th></tr><tr><td>0</td><td>Dispatch</td></tr><tr><td>4004</td><td>Auth failed</td></tr></table>\
         <table><tr><th>Error code</th><th>Message</th></tr><tr><td>101</td><td>Invalid token</td></tr><tr><td>102</td><td>Expired</td></tr></table>\
         <table><tr><th>Year</th><th>Event</th></tr><tr><td>2021</td><td>Launch</td></tr></table>",
    );
    assert_eq!(
        summary(&document),
        [
            (200, "OK".into(), "Fine.".into()),
            (404, "Not Found".into(), "Missing.".into()),
        ]
    );
}

#[test]
fn layout_table_around_a_status_table_and_code_column_not_first() {
    let document = read_str(
        "<table><tr><td><p>Menu</p></td><td>\
         <table><thead><tr><th>Meaning</th><th>HTTP status</th></tr></thead>\
         <tbody><tr><td>It worked.</td><td>200 OK</td></tr><tr><td>Gone away.</td><td>410 Gone</td></tr></tbody></table>\
         </td></tr></table>",
    );
    assert_eq!(
        summary(&document),
        [
            (200, "OK".into(), "It worked.".into()),
            (410, "Gone".into(), "Gone away.".into())
        ]
    );
}

#[test]
fn crlf_and_multibyte_text_keep_line_and_column_right() {
    let text = "<p>Ünïcödé – “quotes”</p>\r\n<table>\r\n<tr><th>Status code</th><th>Title</th></tr>\r\n<tr><td>  503</td><td>Service\r\n Unavailable</td></tr>\r\n</table>";
    let document = read_str(text);
    assert_eq!(
        summary(&document),
        [(503, "Service Unavailable".into(), String::new())]
    );
    let entry = &document.entries[0];
    let lc = document.source.line_col(entry.code_span.start);
    assert_eq!((lc.line, lc.column), (4, 11));
    assert_eq!(
        document.source.slice(entry.title.as_ref().unwrap().span),
        "Service\r\n Unavailable"
    );
}

/// Rows of a table laid out with CSS (a run of `<div>`s with the same number of inline
/// cells) are read as a table, whatever the class names; other runs of divs are not.
#[test]
fn css_grid_rows_are_a_table() {
    let page = r#"<h2>Errors</h2>
<div class="row head"><span>Code</span><span>HTTP</span><span>Description</span></div>
<div class="row head"><span class="c">auth.invalid_key</span><span class="h">401</span><span class="d">Authorization header missing</span></div>
<div class="row head"><span class="c">wallet.not_found</span><span class="h">404</span><span class="d">Wallet not found</span></div>
<div class="row head"><span class="c">service.down</span><span class="h">503</span><span class="d">Try again later</span></div>
"#;
    let document = read_str(page);
    assert_eq!(
        summary(&document),
        [
            (
                401,
                String::new(),
                "Authorization header missing".to_owned()
            ),
            (404, String::new(), "Wallet not found".to_owned()),
            (503, String::new(), "Try again later".to_owned()),
        ]
    );
    for entry in &document.entries {
        assert_eq!(
            document.source.slice(entry.code_span),
            entry.code.to_string()
        );
    }
    // Cards that are links holding the cells are rows too.
    let cards = r#"<h1>Error pages</h1><div class="grid">
<a href="400.html" class="card"><div class="code">400</div><div class="d">Bad Request</div></a>
<a href="404.html" class="card"><div class="code">404</div><div class="d">Not Found</div></a>
<a href="503.html" class="card"><div class="code">503</div><div class="d">Service Unavailable</div></a>
</div>"#;
    assert_eq!(
        summary(&read_str(cards)),
        [
            (400, "Bad Request".to_owned(), String::new()),
            (404, "Not Found".to_owned(), String::new()),
            (503, "Service Unavailable".to_owned(), String::new()),
        ]
    );
    // One row alone, rows with text of their own, or rows with block content inside
    // their cells are not a grid.
    let not_grids = [
        r#"<div><span>404</span><span>Not Found</span></div><p>404 errors are rare.</p>"#,
        r#"<div>Status <span>404</span><span>x</span></div><div>Status <span>410</span><span>y</span></div>"#,
        r#"<div><div><p>404</p></div><div><p>x</p></div></div><div><div><p>410</p></div><div><p>y</p></div></div>"#,
    ];
    for page in not_grids {
        let options = statusdoc_ingest::ReadOptions {
            format: Some(Format::Html),
            registry: Registry::bundled(),
        };
        let blocks = statusdoc_ingest::read_page_model("page.html", page.as_bytes(), &options)
            .map(|(_, page)| page.blocks)
            .unwrap_or_default();
        assert!(
            !blocks
                .iter()
                .any(|b| matches!(b, statusdoc_model::page::Block::Table(_))),
            "{page}"
        );
    }
}

/// Permalink glyphs that site generators put in headings (Retype's and VuePress's `#`,
/// Sphinx's `¶`) are navigation: "# 404: Not Found" is the heading "404: Not Found".
#[test]
fn permalink_glyphs_in_headings_are_not_words() {
    let doc = read_str(
        "<h1>Status codes</h1>\n<h2><a class=\"anchor\" href=\"#a\">#</a> <span>200: OK</span></h2>\n<p>It worked.</p>\n<h2>404: Not Found<a class=\"headerlink\" href=\"#b\">¶</a></h2>\n<p>No such thing.</p>\n<h2>Using C#</h2>\n<p>Text.</p>\n",
    );
    assert_eq!(
        summary(&doc),
        [
            (200, "OK".to_owned(), "It worked.".to_owned()),
            (404, "Not Found".to_owned(), "No such thing.".to_owned()),
        ]
    );
}

/// Class names do not make content chrome: Docusaurus gives every heading a class with
/// "Navbar" in it, and a zero-width space in its permalink.
#[test]
fn headings_are_content_whatever_their_class() {
    let doc = read_str(
        "<h1>Status codes</h1>\n<h2 class=\"anchor anchorWithStickyNavbar_LWe7\" id=\"200-ok\"><code>200 OK</code><a href=\"#200-ok\" class=\"hash-link\">\u{200b}</a></h2>\n<p>It worked.</p>\n<h2 class=\"anchor anchorWithStickyNavbar_LWe7\" id=\"409\"><code>409 Conflict</code><a href=\"#409\" class=\"hash-link\">\u{200b}</a></h2>\n<p>Already there.</p>\n<div class=\"navbar\"><p>404 Not Found</p></div>\n",
    );
    assert_eq!(
        summary(&doc),
        [
            (200, "OK".to_owned(), "It worked.".to_owned()),
            (409, "Conflict".to_owned(), "Already there.".to_owned()),
        ]
    );
}

/// A server-side rendered API reference: each response is a button (an expandable
/// section) with the code in `<strong>` and an empty `<div>` whose `html` attribute
/// holds the description's HTML for the client to insert.
#[test]
fn rendered_references_with_descriptions_in_html_attributes() {
    let page = "<h2>POST /advertisers</h2><h3>Responses</h3><div><button class=\"x\"><svg><polygon points=\"1 2\"></polygon></svg><strong>201<!-- --> </strong><div html=\"&lt;p&gt;Advertiser created successfully&lt;/p&gt;\n\" class=\"y\"></div></button></div><div><button><strong>404<!-- --> </strong><div html=\"&lt;p&gt;Portal not found&lt;/p&gt;\"></div></button></div><button>Copy</button>";
    let doc = read_str(page);
    assert_eq!(
        summary(&doc),
        [
            (
                201,
                String::new(),
                "Advertiser created successfully".to_owned()
            ),
            (404, String::new(), "Portal not found".to_owned()),
        ]
    );
    let description = doc.entries[0].description.as_ref().unwrap();
    assert_eq!(
        doc.source.slice(description.span),
        "Advertiser created successfully"
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

/// A disclosure per response (`<details><summary>403</summary>…`), as built API
/// references show them: each is a term and its content; the content's tables and
/// examples stay inside it, and the run of disclosures is one list under its label.
#[test]
fn disclosures_are_terms_and_their_content() {
    let page = r#"<h2>POST /v1/auth</h2>
<p><strong>Possible responses:</strong></p>
<details><summary><span class="httpCode">200</span></summary><div>
<p><strong>Headers:</strong></p><table><tr><th>Header</th><th>Value</th></tr>
<tr><td>Content-Type</td><td>application/json</td></tr></table>
<pre>{"code": 200}</pre></div></details>
<details><summary><span class="httpCode">403</span></summary><div>
<p>Invalid credentials.</p><pre>{"code": 403}</pre></div></details>
<details><summary><span class="httpCode">500</span></summary><div><p>Not Found - nothing.</p></div></details>
<details><p>No summary: content of its own.</p></details>"#;
    let document = read_str(page);
    let codes: Vec<u16> = document.entries.iter().map(|e| e.code).collect();
    assert_eq!(codes, [200, 403, 500]);
    let found = summary(&document);
    assert_eq!(found[1].1, "");
    assert!(found[1].2.starts_with("Invalid credentials."), "{found:?}");
    // A reason phrase leading the content of a lone code is its (wrong) title.
    assert_eq!(found[2].1, "Not Found");
    // A details element without a summary is an ordinary group of blocks.
    let options = statusdoc_ingest::ReadOptions {
        format: Some(Format::Html),
        ..statusdoc_ingest::ReadOptions::new(Registry::bundled())
    };
    let (_, model) =
        statusdoc_ingest::read_page_model("page.html", page.as_bytes(), &options).expect("reads");
    let outline = model.outline();
    assert!(outline.contains("term 403"), "{outline}");
    assert!(outline.contains("p No summary"), "{outline}");
}

/// A disclosure labelled with words, not a code, heads what it holds: its table of
/// codes is read as if it stood under a heading with that label.
#[test]
fn disclosure_with_a_label_heads_its_content() {
    let page = r#"<h2>Errors</h2>
<details><summary>Show the status codes</summary>
<table><tr><th>Code</th><th>Meaning</th></tr>
<tr><td>400</td><td>Bad Request</td></tr><tr><td>404</td><td>Not Found</td></tr></table>
</details>"#;
    let found = summary(&read_str(page));
    let codes: Vec<(u16, &str)> = found.iter().map(|(c, t, _)| (*c, t.as_str())).collect();
    assert_eq!(codes, [(400, "Bad Request"), (404, "Not Found")]);
}
