//! Hover on a status code entry: what RFC 9110 says of the code, and how the other
//! open pages title it.

use std::collections::BTreeMap;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use statusdoc_model::{Entry, Span};
use statusdoc_reference::{Registry, Retry};

use crate::workspace::Workspace;

impl Workspace {
    /// `textDocument/hover`: `None` where the position is on no entry's code or title.
    pub fn hover(&mut self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        self.analyze(uri);
        let doc = self.docs.get(uri)?;
        let document = doc.analysis.as_ref()?.document.as_ref()?;
        let offset = doc.lines.offset(&doc.text, at.position, self.encoding);
        let on = |span: Span| span.start <= offset && offset <= span.end;
        let entry = document
            .entries
            .iter()
            .find(|e| on(e.code_span) || e.title.as_ref().is_some_and(|t| on(t.span)))?;
        let mut span = entry.code_span;
        if let Some(title) = &entry.title {
            span = span.cover(title.span);
        }
        // How the other open pages title the code: title → pages.
        let mut others: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        let mut open: Vec<_> = self.docs.values().filter(|d| d.uri != doc.uri).collect();
        open.sort_by(|a, b| a.shown.cmp(&b.shown));
        for other in open {
            let Some(other_document) = other.analysis.as_ref().and_then(|a| a.document.as_ref())
            else {
                continue;
            };
            let mut titles: Vec<&str> = other_document
                .entries
                .iter()
                .filter(|e| e.code == entry.code)
                .map(Entry::title_text)
                .collect();
            titles.dedup();
            for title in titles {
                others
                    .entry(title.to_owned())
                    .or_default()
                    .push(other.shown.as_str());
            }
        }
        let value = describe(entry, &others, self.registry, self.markdown_hover);
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: if self.markdown_hover {
                    MarkupKind::Markdown
                } else {
                    MarkupKind::PlainText
                },
                value,
            }),
            range: Some(doc.lines.range(&doc.text, span, self.encoding)),
        })
    }
}

/// What a hover says of an entry.
fn describe(
    entry: &Entry,
    others: &BTreeMap<String, Vec<&str>>,
    registry: &Registry,
    markdown: bool,
) -> String {
    let code = entry.code;
    let md = |text: &str| {
        if markdown {
            escape(text)
        } else {
            text.to_owned()
        }
    };
    let bold = |text: &str| {
        if markdown {
            format!("**{text}**")
        } else {
            text.to_owned()
        }
    };
    let mut out = Vec::new();
    match registry.get(code) {
        Some(status) => {
            out.push(bold(&format!("{code} {}", md(&status.reason))));
            let mut facts = vec![
                status.reference.clone(),
                status.class.as_str().replace('-', " "),
            ];
            if status.state.as_str() != "current" {
                facts.push(format!("registry: {}", status.state.as_str()));
            }
            out.push(facts.join(" · "));
            out.push(format!("Retry: {}", retry(status.retry)));
            if !status.headers.is_empty() {
                out.push(format!(
                    "Expected header fields: {}",
                    status.headers.join(", ")
                ));
            }
            if !status.obsolete.is_empty() {
                let phrases: Vec<String> = status
                    .obsolete
                    .iter()
                    .map(|o| format!("\"{}\" ({})", md(&o.phrase), o.source))
                    .collect();
                out.push(format!("Obsolete phrases: {}", phrases.join(", ")));
            }
        }
        None => match registry.nonstandard(code) {
            Some(known) => {
                out.push(bold(&format!("{code} {}", md(&known.phrase))));
                out.push(format!(
                    "Not registered with IANA: a non-standard code ({})",
                    md(&known.origin)
                ));
            }
            None => {
                out.push(bold(&code.to_string()));
                out.push("Not a registered HTTP status code".to_owned());
            }
        },
    }
    out.push(match &entry.title {
        Some(title) => format!("This page: \"{}\"", md(&title.text)),
        None => "This page gives no title".to_owned(),
    });
    if !others.is_empty() {
        let mut lines = vec!["Other open pages:".to_owned()];
        for (title, pages) in others {
            let title = if title.is_empty() {
                "(no title)".to_owned()
            } else {
                format!("\"{}\"", md(title))
            };
            let pages: Vec<String> = pages
                .iter()
                .map(|p| {
                    if markdown {
                        format!("`{p}`")
                    } else {
                        (*p).to_owned()
                    }
                })
                .collect();
            lines.push(format!("- {title}: {}", pages.join(", ")));
        }
        out.push(lines.join("\n"));
    }
    out.join("\n\n")
}

/// What RFC 9110 lets a client do after the status.
fn retry(retry: Retry) -> &'static str {
    match retry {
        Retry::NotApplicable => "not applicable (nothing failed)",
        Retry::MayRetry => "may retry (the same request may be repeated)",
        Retry::AfterDelay => "after a delay (repeat later, honouring Retry-After)",
        Retry::ServerDependent => {
            "server-dependent (a server fault: idempotent requests may be repeated)"
        }
        Retry::NotWithoutModification => {
            "not without modification (repeating the unchanged request fails again)"
        }
    }
}

/// Text from a page, safe in Markdown.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use statusdoc_model::Cell;

    #[test]
    fn a_hover_says_the_phrase_the_section_the_retry_and_the_other_pages() {
        let entry = Entry {
            code: 415,
            title: Some(Cell::new("Not Acceptable", Span::new(4, 18))),
            ..Entry::default()
        };
        let mut others = BTreeMap::new();
        others.insert(
            "Unsupported Media Type".to_owned(),
            vec!["docs/b.md", "docs/c.rst"],
        );
        let text = describe(&entry, &others, Registry::bundled(), true);
        assert!(text.starts_with("**415 Unsupported Media Type**"), "{text}");
        assert!(text.contains("RFC 9110, Section 15.5.16"), "{text}");
        assert!(text.contains("Retry: not without modification"), "{text}");
        assert!(text.contains("This page: \"Not Acceptable\""), "{text}");
        assert!(
            text.contains("- \"Unsupported Media Type\": `docs/b.md`, `docs/c.rst`"),
            "{text}"
        );
        let plain = describe(&entry, &BTreeMap::new(), Registry::bundled(), false);
        assert!(plain.starts_with("415 Unsupported Media Type\n"), "{plain}");
    }
}
