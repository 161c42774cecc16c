//! `statusdoc report PATH... --out DIR`: the vendor matrix as `DIR/index.html`.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::Context;
use statusdoc_lint::lint;
use statusdoc_reference::Registry;
use statusdoc_report::{HtmlOptions, HtmlPage};

use crate::cli::ReportArgs;
use crate::inputs;

/// Exit status for a usage, configuration or I/O problem (as `lint`).
const EXIT_TROUBLE: u8 = 2;

pub fn run(args: ReportArgs, registry: &Registry) -> anyhow::Result<u8> {
    let mut rules = Vec::new();
    for setting in &args.rule {
        let (key, value) = setting.split_once('=').ok_or_else(|| {
            anyhow::anyhow!("--rule takes RULE=SEVERITY, such as SD101=off; got `{setting}`")
        })?;
        rules.push((key.to_owned(), value.to_owned()));
    }
    let inputs = inputs::load(&args.paths, args.input_format.map(Into::into), registry);
    inputs.print_errors();
    let configs = inputs::Configs::resolve(&inputs, args.config.as_deref(), &rules)?;
    let diagnostics = lint(&inputs.pages_with(&configs), registry, &configs.default);

    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let out_dir = std::path::absolute(&args.out)?;
    let pages: Vec<HtmlPage> = inputs
        .inputs
        .iter()
        .map(|input| HtmlPage {
            document: &input.document,
            id: input.facts.as_ref().map(|f| f.id.as_str()),
            vendor: input.facts.as_ref().map(|f| f.vendor.as_str()),
            product: input.facts.as_ref().map(|f| f.product.as_str()),
            href: href(&out_dir, &input.file),
        })
        .collect();
    let html = statusdoc_report::html_report(
        &pages,
        &diagnostics,
        registry,
        &HtmlOptions {
            title: &args.title,
            note: None,
        },
    );
    let target = out_dir.join("index.html");
    let mut temp = tempfile::NamedTempFile::new_in(&out_dir)?;
    temp.write_all(html.as_bytes())?;
    // A report is for reading (and serving): not private like a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.persist(&target)
        .map_err(|e| anyhow::anyhow!("{}: {}", target.display(), e.error))?;

    let with_entries = pages
        .iter()
        .filter(|p| !p.document.entries.is_empty())
        .count();
    eprintln!(
        "wrote {} ({} KiB): {with_entries} of {} pages with status codes, {}",
        args.out.join("index.html").display(),
        html.len().div_ceil(1024),
        pages.len(),
        statusdoc_report::summary_line(&diagnostics)
    );
    Ok(if inputs.errors.is_empty() {
        0
    } else {
        EXIT_TROUBLE
    })
}

/// A link from the report's folder to a page: relative when both are on one root, else
/// a `file:` URL. File names are encoded byte for byte, as they are on disk.
fn href(out_dir: &Path, file: &Path) -> String {
    let file = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
    match relative(out_dir, &file) {
        Some(path) => statusdoc_report::path_href(url_bytes(&path)),
        None => {
            let mut bytes = url_bytes(&file);
            if bytes.first() != Some(&b'/') {
                bytes.insert(0, b'/');
            }
            format!("file://{}", statusdoc_report::path_href(bytes))
        }
    }
}

/// A path's bytes with `/` separators.
fn url_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().replace('\\', "/").into_bytes()
    }
}

/// `to` relative to the folder `from` (both absolute), or `None` across roots.
fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    fn normal(path: &Path) -> Vec<Component<'_>> {
        let mut parts: Vec<Component> = Vec::new();
        for part in path.components() {
            match part {
                Component::CurDir => {}
                Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        parts
    }
    let from = normal(from);
    let to = normal(to);
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for part in &to[common..] {
        path.push(part.as_os_str());
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_report() {
        let rel = |from: &str, to: &str| relative(Path::new(from), Path::new(to)).unwrap();
        assert_eq!(
            rel("/w/out/report", "/w/docs/a.md"),
            PathBuf::from("../../docs/a.md")
        );
        assert_eq!(rel("/w", "/w/docs/a.md"), PathBuf::from("docs/a.md"));
        assert_eq!(
            rel("/w/out/./x/..", "/w/docs/a b.md"),
            PathBuf::from("../docs/a b.md")
        );
        assert_eq!(
            href(Path::new("/w/out"), Path::new("/w/docs/a b#1.md")),
            "../docs/a%20b%231.md"
        );
    }
}
