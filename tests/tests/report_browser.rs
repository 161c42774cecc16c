//! The vendor matrix of the bundled corpus in a real browser: headless Chromium driven
//! through chromedriver (WebDriver). The page loads from disk with no console error and
//! no request, the matrix has one row per page with entries and one cell per code, a
//! click on Oracle's 415 shows "Not Acceptable" with the SD101 finding, the views and the
//! keyboard work, and screenshots are written to `target/report-screenshots/`. A made-up
//! docs tree of a thousand pages (compressed data) loads and opens as well.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`cargo xtask ci` installs both).
//! Without them the test is skipped locally, with the reason printed, and fails under CI.

use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use statusdoc_model::Severity;

mod common;

const PAGE: &str = "oracle-iam-identity-domains";

fn tool(variable: &str, default: &str, package: &str) -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os(variable).unwrap_or_else(|| default.into()));
    if path.exists() {
        return Some(path);
    }
    assert!(
        !xtask::is_ci(),
        "{} is required under CI: run `cargo xtask ci`, which installs Debian's {package}",
        path.display()
    );
    eprintln!(
        "skipped: no {} (Debian's {package}; `cargo xtask ci` installs it)",
        path.display()
    );
    None
}

/// chromedriver on a free local port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(chromedriver: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver's log endpoint: the console messages the page produced.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("the browser log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE" || entry["level"] == "WARNING")
        .map(|entry| entry["message"].as_str().unwrap_or("").to_owned())
        .collect()
}

async fn script(client: &Client, code: &str) -> Value {
    client
        .execute(code, vec![])
        .await
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

async fn count(client: &Client, selector: &str) -> usize {
    client
        .find_all(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .len()
}

async fn screenshot(client: &Client, dir: &Path, name: &str) {
    // Let the browser paint what a scroll or a click exposed.
    tokio::time::sleep(Duration::from_millis(250)).await;
    let png = client.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
    std::fs::write(dir.join(name), png).unwrap();
}

async fn wait_for(client: &Client, what: &str, code: &str) {
    let started = Instant::now();
    while script(client, code).await != Value::Bool(true) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the matrix must show for the corpus: rows, columns, documented cells, the pages
/// with an error.
struct Expected {
    rows: usize,
    columns: usize,
    documented: usize,
    with_errors: usize,
    page_findings: usize,
}

fn expected(linted: &xtask::generate::Linted) -> Expected {
    let mut codes = BTreeSet::new();
    let mut documented = BTreeSet::new();
    let mut rows = 0;
    let mut with_errors = 0;
    for document in &linted.corpus.documents {
        if document.entries.is_empty() {
            continue;
        }
        rows += 1;
        let found: Vec<_> = linted
            .diagnostics
            .iter()
            .filter(|d| d.path == document.path())
            .collect();
        with_errors += usize::from(found.iter().any(|d| d.severity == Severity::Error));
        codes.extend(found.iter().filter_map(|d| d.status_code));
        for entry in &document.entries {
            codes.insert(entry.code);
            documented.insert((document.path(), entry.code));
        }
    }
    let page_path = linted
        .corpus
        .iter()
        .find(|(page, _)| page.id == PAGE)
        .map(|(_, d)| d.path())
        .expect("the page is in the corpus");
    Expected {
        rows,
        columns: codes.len(),
        documented: documented.len(),
        with_errors,
        page_findings: linted
            .diagnostics
            .iter()
            .filter(|d| d.path == page_path)
            .count(),
    }
}

#[test]
fn the_vendor_matrix_works_in_chromium() {
    let Some(chromium) = tool("STATUSDOC_CHROMIUM", "/usr/bin/chromium", "chromium") else {
        return;
    };
    let Some(chromedriver) = tool(
        "STATUSDOC_CHROMEDRIVER",
        "/usr/bin/chromedriver",
        "chromium-driver",
    ) else {
        return;
    };

    // The report exactly as `cargo xtask lint-docs` writes it, at the same depth so that
    // its links to sources/ resolve the same way.
    let linted = xtask::generate::lint_corpus().expect("sources/ reads");
    let html = xtask::generate::html_report(&linted);
    let expected = expected(&linted);
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp is in target/")
        .to_owned();
    let site = target.join("report-browser");
    let file = site.join(xtask::generate::HTML_REPORT);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, &html).unwrap();
    let shots = target.join("report-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let url = format!("file://{}", file.canonicalize().unwrap().display());

    let driver = Driver::start(&chromedriver);
    let profile = tempfile::Builder::new()
        .prefix("statusdoc-report-browser-")
        .tempdir()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}/", driver.port))
            .await
            .expect("a WebDriver session");
        // The checks run as a task so that the browser is closed even when one fails.
        let session = client.clone();
        let (shots, site) = (shots.clone(), site.clone());
        let checks = tokio::spawn(async move {
            drive(&session, &url, &expected, &shots).await;
            large_tree(&session, &site, &shots).await;
        })
        .await;
        client.close().await.ok();
        if let Err(failure) = checks {
            std::panic::resume_unwind(failure.into_panic());
        }
    });
    eprintln!("screenshots in {}", shots.display());
}

async fn drive(client: &Client, url: &str, expected: &Expected, shots: &Path) {
    client.goto(url).await.expect("the report loads");
    wait_for(
        client,
        "the page",
        "return document.readyState === 'complete'",
    )
    .await;

    // Loaded from disk, self-contained: no error, no request for anything.
    assert_eq!(console_errors(client).await, Vec::<String>::new());
    let requests = script(
        client,
        "return performance.getEntriesByType('resource').map(e => e.name)",
    )
    .await;
    assert_eq!(requests, json!([]), "the report requests nothing");

    // The matrix: one row per page with entries, one cell per code in every row.
    assert_eq!(count(client, "#matrix tbody tr").await, expected.rows);
    assert_eq!(
        count(client, "#matrix thead th").await,
        expected.columns + 1
    );
    assert_eq!(
        count(client, "#matrix tbody td").await,
        expected.rows * expected.columns
    );
    assert_eq!(
        count(
            client,
            "#matrix td.o, #matrix td.i, #matrix td.w, #matrix td.e"
        )
        .await,
        expected.documented
    );
    // Readable at 1280 px: the page does not scroll sideways (the matrix does, inside).
    let overflow = script(
        client,
        "return document.documentElement.scrollWidth - window.innerWidth",
    )
    .await;
    assert!(overflow.as_i64().unwrap() <= 0, "overflow {overflow}");
    screenshot(client, shots, "matrix.png").await;
    // The client errors, where vendors differ most: the matrix scrolled to 4xx, in a
    // taller window (docs/report-matrix.png is this picture).
    client.set_window_size(1280, 1300).await.unwrap();
    script(
        client,
        "const th = [...document.querySelectorAll('#matrix thead th')].find(t => t.textContent.startsWith('400'));\n\
         const scroller = document.getElementById('scroller');\n\
         const corner = document.querySelector('#matrix .corner');\n\
         scroller.scrollLeft += th.getBoundingClientRect().left - corner.getBoundingClientRect().right;",
    )
    .await;
    screenshot(client, shots, "matrix-4xx.png").await;
    client.set_window_size(1280, 1000).await.unwrap();
    script(
        client,
        "window.scrollTo(0, 0); document.getElementById('scroller').scrollLeft = 0",
    )
    .await;

    // Seed 000's 415: the detail shows the title as printed and the SD101 finding.
    let headers: Vec<String> = {
        let mut codes = Vec::new();
        for th in client
            .find_all(Locator::Css("#matrix thead th b"))
            .await
            .unwrap()
        {
            codes.push(th.text().await.unwrap());
        }
        codes
    };
    let column = headers
        .iter()
        .position(|c| c == "415")
        .expect("a 415 column");
    let cell = client
        .find(Locator::Css(&format!(
            "#p-{PAGE} > td:nth-child({})",
            column + 2
        )))
        .await
        .expect("the page's 415 cell");
    assert_eq!(cell.text().await.unwrap(), "Not Acceptable");
    assert_eq!(cell.attr("class").await.unwrap().as_deref(), Some("e"));
    cell.click().await.unwrap();
    wait_for(
        client,
        "the detail",
        "return document.getElementById('view').open",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let view = client.find(Locator::Id("view")).await.unwrap();
    let text = view.text().await.unwrap();
    for expected_text in [
        "Not Acceptable",
        "SD101",
        "wrong-reason-phrase",
        "415 is titled \"Not Acceptable\", the reason phrase of 406",
        "Unsupported Media Type",
        "RFC 9110, Section 15.5.16",
        "The client's ContentType header isn't correct",
        "response-codes.md:21:",
    ] {
        assert!(
            text.contains(expected_text),
            "the detail shows {expected_text:?}:\n{text}"
        );
    }
    let source = client
        .find(Locator::Css("#view .where a"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        source,
        "../../sources/oracle-iam-identity-domains/response-codes.md#L21"
    );
    // The rule's documentation opens in place.
    let summary = client
        .find(Locator::Css("#view .f-doc summary"))
        .await
        .unwrap();
    summary.click().await.unwrap();
    let doc = client
        .find(Locator::Css("#view .f-doc .doc"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(doc.contains("Why is this bad?"), "{doc}");
    screenshot(client, shots, "detail-415.png").await;

    // Escape closes the detail and gives the focus back to the cell; arrow keys move it.
    view.send_keys(&Key::Escape.to_string()).await.unwrap();
    wait_for(
        client,
        "the detail to close",
        "return !document.getElementById('view').open",
    )
    .await;
    let focused = script(
        client,
        "const a = document.activeElement; return [a.tagName, a.textContent.slice(0, 40), a.tabIndex]",
    )
    .await;
    assert_eq!(focused, json!(["TD", "Not Acceptable", 0]));
    cell.send_keys(&Key::Left.to_string()).await.unwrap();
    let moved = script(
        client,
        "return document.activeElement.cellIndex + ':' + document.activeElement.parentElement.id",
    )
    .await;
    assert_eq!(moved, json!(format!("{}:p-{PAGE}", column)));

    // The per-code view: how every page titles 415.
    client
        .find(Locator::Css(&format!(
            "#matrix thead th:nth-child({})",
            column + 2
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the code view",
        "return location.hash === '#code/415'",
    )
    .await;
    let text = client
        .find(Locator::Id("view"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.to_lowercase().contains("titles in use"), "{text}");
    assert!(text.contains("Not Acceptable · 2 pages"), "{text}");
    screenshot(client, shots, "code-415.png").await;

    // The per-page view: the page's findings in source order, as the terminal shows them.
    script(client, &format!("location.hash = 'page/{PAGE}'")).await;
    wait_for(
        client,
        "the page view",
        "return document.querySelectorAll('#view .term').length > 0",
    )
    .await;
    assert_eq!(count(client, "#view .term").await, expected.page_findings);
    let first = client
        .find(Locator::Css("#view .term"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(first.contains("--> sources/"), "{first}");
    screenshot(client, shots, "page.png").await;
    script(client, "document.getElementById('view').close()").await;

    // Filters: only pages with an error.
    client
        .find(Locator::Id("f-severity"))
        .await
        .unwrap()
        .select_by_value("3")
        .await
        .unwrap();
    assert_eq!(
        count(client, "#matrix tbody tr:not([hidden])").await,
        expected.with_errors
    );
    client
        .find(Locator::Id("f-severity"))
        .await
        .unwrap()
        .select_by_value("0")
        .await
        .unwrap();

    // Dark scheme and a phone's width.
    let light = script(
        client,
        "return getComputedStyle(document.body).backgroundColor",
    )
    .await;
    let theme = client.find(Locator::Id("theme")).await.unwrap();
    theme.click().await.unwrap();
    theme.click().await.unwrap();
    assert_eq!(theme.text().await.unwrap(), "Theme: dark");
    let dark = script(
        client,
        "return getComputedStyle(document.body).backgroundColor",
    )
    .await;
    assert_ne!(light, dark);
    screenshot(client, shots, "matrix-dark.png").await;
    theme.click().await.unwrap();
    client.set_window_size(390, 844).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let overflow = script(
        client,
        "return document.documentElement.scrollWidth - window.innerWidth",
    )
    .await;
    assert!(overflow.as_i64().unwrap() <= 0, "phone overflow {overflow}");
    script(client, "window.scrollTo(0, 0)").await;
    screenshot(client, shots, "phone.png").await;
    script(
        client,
        "document.getElementById('scroller').scrollLeft = 0;\n\
         window.scrollTo(0, document.querySelector('.matrix-section').offsetTop)",
    )
    .await;
    screenshot(client, shots, "phone-matrix.png").await;

    assert_eq!(console_errors(client).await, Vec::<String>::new());
}

/// A thousand pages: the compressed data inflates, the matrix filters and opens.
async fn large_tree(client: &Client, site: &Path, shots: &Path) {
    let documents = common::docs_tree(1_000, 300);
    let (html, _) = common::tree_report(&documents);
    let file = site.join("tree/index.html");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, &html).unwrap();
    client.set_window_size(1280, 1000).await.unwrap();
    client
        .goto(&format!(
            "file://{}",
            file.canonicalize().unwrap().display()
        ))
        .await
        .unwrap();
    wait_for(
        client,
        "the large report",
        "return document.documentElement.hasAttribute('data-ready')",
    )
    .await;
    let ready = script(client, "return document.documentElement.dataset.ready").await;
    eprintln!(
        "1,000-page report ({} bytes) interactive after {ready} ms",
        html.len()
    );
    assert_eq!(console_errors(client).await, Vec::<String>::new());
    assert_eq!(count(client, "#matrix tbody tr").await, 1_000);
    client
        .find(Locator::Id("f-vendor"))
        .await
        .unwrap()
        .select_by_label("area-7 (25)")
        .await
        .unwrap();
    assert_eq!(count(client, "#matrix tbody tr:not([hidden])").await, 25);
    let cell = client
        .find(Locator::Css(
            "#matrix tbody tr:not([hidden]) td.e, #matrix tbody tr:not([hidden]) td.w",
        ))
        .await
        .expect("a cell with a finding");
    let title = cell.text().await.unwrap();
    cell.click().await.unwrap();
    wait_for(
        client,
        "the detail",
        "return document.getElementById('view').open",
    )
    .await;
    let text = client
        .find(Locator::Id("view"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(title.trim_end_matches('…')),
        "{title:?} in the detail:\n{text}"
    );
    assert!(text.contains("Rule documentation"), "{text}");
    screenshot(client, shots, "tree-detail.png").await;
    assert_eq!(console_errors(client).await, Vec::<String>::new());
}
