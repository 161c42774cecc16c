//! Page chrome: elements that are never content (scripts, forms, navigation, cookie
//! banners, feedback widgets, permalink anchors), skipped wherever they are.

use scraper::node::Element;

/// Elements that are never content.
#[rustfmt::skip]
const IGNORED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "footer", "button",
    "select", "input", "textarea", "form", "iframe", "object", "svg", "canvas", "dialog",
];
/// ARIA roles of page chrome.
#[rustfmt::skip]
const IGNORED_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "search", "complementary", "dialog",
    "alertdialog", "menu", "menubar", "toolbar",
];
/// Class and id tokens of page chrome: containing one of these…
#[rustfmt::skip]
const IGNORED_PARTS: &[&str] = &[
    "cookie", "consent", "gdpr", "feedback", "helpful", "breadcrumb", "sidebar", "navbar",
    "skip-link", "skiplink", "headerlink", "hash-link", "anchorjs", "anchor-link",
    "social-share", "survey", "table-of-contents", "tableofcontents",
];
/// … or equal to one of these.
#[rustfmt::skip]
const IGNORED_TOKENS: &[&str] = &[
    "toc", "nav", "menu", "rating", "share", "sr-only", "visually-hidden",
];

/// Elements whose class names never make them chrome.
#[rustfmt::skip]
const CONTENT_ELEMENTS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody", "tr", "td", "th",
    "dl", "dt", "dd", "pre", "code", "blockquote", "caption",
];

/// Elements that are never content: scripts, forms, page chrome.
pub(crate) fn is_ignored(element: &Element) -> bool {
    if IGNORED_ELEMENTS.contains(&element.name())
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    let role = element.attr("role").map(|r| r.trim().to_ascii_lowercase());
    if role.is_some_and(|r| IGNORED_ROLES.contains(&r.as_str())) {
        return true;
    }
    // Elements that are content by what they are keep it whatever their class says
    // (Docusaurus gives every heading `anchorWithStickyNavbar_…`).
    if CONTENT_ELEMENTS.contains(&element.name()) {
        return false;
    }
    let mut tokens = element
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .chain(element.attr("id"))
        .map(str::to_ascii_lowercase);
    tokens.any(|token| {
        IGNORED_PARTS.iter().any(|part| token.contains(part))
            || IGNORED_TOKENS.contains(&token.as_str())
    })
}
