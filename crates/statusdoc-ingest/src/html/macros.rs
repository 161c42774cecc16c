//! KumaScript macros in page sources (MDN writes `{{HTTPStatus(404, "404 Not Found")}}`
//! where the built page shows a link reading "404 Not Found"). A call shows its second
//! argument, else its first; a macro without arguments (`{{HTTPSidebar}}`,
//! `{{deprecated_inline}}`) shows nothing here. The shown argument is a piece of the
//! source, so it keeps exact positions. Anything else between braces is text.

/// Calls `push(from, to)` for each piece of `text` a reader sees, in order: text
/// outside macros, and the argument each macro shows.
pub(crate) fn expand(text: &str, push: &mut impl FnMut(usize, usize)) {
    let mut done = 0;
    let mut from = 0;
    // `{` found by memchr, not `str::find("{{")`: this runs on every text node, and a
    // substring searcher's setup costs more than the scan of most nodes.
    let bytes = text.as_bytes();
    let opening = |from: usize| {
        memchr::memchr_iter(b'{', bytes.get(from..)?)
            .map(|i| from + i)
            .find(|&i| bytes.get(i + 1) == Some(&b'{'))
    };
    while let Some(start) = opening(from) {
        match parse(text, start) {
            Some((end, shown)) => {
                if done < start {
                    push(done, start);
                }
                if let Some((a, b)) = shown {
                    push(a, b);
                }
                done = end;
                from = end;
            }
            None => from = start + 2,
        }
    }
    if done < text.len() {
        push(done, text.len());
    }
}

/// A macro at `text[start..]` (which starts with `{{`): its end and the range of the
/// argument it shows.
fn parse(text: &str, start: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, start + 2);
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'-' | b'.'))
    {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    i = skip_ws(bytes, i);
    let mut args: Vec<(usize, usize, bool)> = Vec::new(); // range, is a string
    if bytes.get(i) == Some(&b'(') {
        i = skip_ws(bytes, i + 1);
        if bytes.get(i) != Some(&b')') {
            loop {
                let (arg, next) = argument(bytes, i)?;
                args.push(arg);
                i = skip_ws(bytes, next);
                match bytes.get(i)? {
                    b',' => i = skip_ws(bytes, i + 1),
                    b')' => break,
                    _ => return None,
                }
            }
        }
        i = skip_ws(bytes, i + 1);
    }
    if !text.get(i..)?.starts_with("}}") {
        return None;
    }
    let shown = match (args.first(), args.get(1)) {
        (_, Some(&(a, b, true))) if b > a => Some((a, b)),
        (Some(&(a, b, _)), _) if b > a => Some((a, b)),
        _ => None,
    };
    Some((i + 2, shown))
}

/// A literal argument at `i`: a quoted string (its inside), a number or a word
/// (`true`, `null`). Returns (start, end, is a string) and where it ends.
fn argument(bytes: &[u8], i: usize) -> Option<((usize, usize, bool), usize)> {
    match *bytes.get(i)? {
        quote @ (b'"' | b'\'') => {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != quote {
                if bytes[j] == b'\\' {
                    j += 2;
                    continue;
                }
                if bytes[j..].starts_with(b"}}") {
                    return None;
                }
                j += 1;
            }
            (j < bytes.len()).then_some(((i + 1, j, true), j + 1))
        }
        c if c.is_ascii_alphanumeric() || c == b'-' => {
            let mut j = i;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'.' | b'-' | b'_'))
            {
                j += 1;
            }
            Some(((i, j, false), j))
        }
        _ => None,
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        let mut out = String::new();
        expand(text, &mut |a, b| out.push_str(&text[a..b]));
        out
    }

    #[test]
    fn macros_show_their_argument() {
        assert_eq!(
            shown(r#"{{HTTPStatus(404, "404 Not Found")}}"#),
            "404 Not Found"
        );
        assert_eq!(shown(r#"{{ HTTPStatus("404") }} x"#), "404 x");
        assert_eq!(shown("{{HTTPStatus(429)}}"), "429");
        assert_eq!(
            shown(r#"102 Processing ({{Glossary("WebDAV")}})"#),
            "102 Processing (WebDAV)"
        );
        assert_eq!(
            shown("305 Use Proxy {{deprecated_inline}}"),
            "305 Use Proxy "
        );
        assert_eq!(
            shown("{{ a + b }} and {{x(y z)}} and {{"),
            "{{ a + b }} and {{x(y z)}} and {{"
        );
    }
}
