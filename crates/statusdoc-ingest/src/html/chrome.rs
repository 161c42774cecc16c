//! Page chrome: elements that are never content (scripts, forms, navigation, cookie
//! banners, feedback widgets, permalink anchors), skipped wherever they are.

use scraper::node::Element;

/// Elements that are never content: scripts, forms, page chrome.
pub(crate) fn is_ignored(element: &Element) -> bool {
    let name = element.name();
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "form"
            | "iframe"
            | "object"
            | "svg"
            | "canvas"
            | "dialog"
    ) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = element.attr("role") {
        if matches!(
            role.trim().to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "search"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
        ) {
            return true;
        }
    }
    let tokens = element
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .chain(element.attr("id"));
    for token in tokens {
        let token = token.to_ascii_lowercase();
        const PARTS: [&str; 16] = [
            "cookie",
            "consent",
            "gdpr",
            "feedback",
            "helpful",
            "breadcrumb",
            "sidebar",
            "navbar",
            "skip-link",
            "skiplink",
            "headerlink",
            "hash-link",
            "anchorjs",
            "anchor-link",
            "social-share",
            "survey",
        ];
        if PARTS.iter().any(|part| token.contains(part))
            || matches!(
                token.as_str(),
                "toc" | "nav" | "menu" | "rating" | "share" | "sr-only" | "visually-hidden"
            )
        {
            return true;
        }
    }
    false
}
