//! Inline markup removal: the text a reader sees once `**strong**`, ``literal``,
//! `` `links <url>`_ ``, roles and escapes are rendered.
//!
//! The recognition rules follow docutils' (a start-string follows whitespace or an
//! opening punctuation mark and precedes a non-space; an end-string follows a non-space
//! and precedes whitespace or closing punctuation), so `2*3*4` and `snake_case` stay
//! as written. Undefined substitutions (`|status-200|`) stay as written too, as docutils
//! shows them.

/// Plain text of one paragraph's source (lines joined by anything; whitespace is folded
/// by the caller).
pub(crate) fn strip_inline(text: &str) -> String {
    if !text
        .bytes()
        .any(|b| matches!(b, b'*' | b'`' | b'\\' | b'_' | b':'))
    {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { None } else { Some(chars[i - 1]) };
        if c == '\\' {
            // An escaped character is literal; an escaped space disappears.
            if let Some(&next) = chars.get(i + 1) {
                if !next.is_whitespace() {
                    out.push(next);
                }
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        if can_start(prev, chars.get(i + 1).copied()) || c == ':' {
            if let Some((rendered, next)) = markup_at(&chars, i, prev) {
                out.push_str(&rendered);
                i = next;
                continue;
            }
        }
        if c == '_' {
            // `name_` / `name__`: a reference; the underscores are markup.
            let after = chars[i..].iter().take_while(|&&c| c == '_').count();
            let following = chars.get(i + after).copied();
            if after <= 2 && prev.is_some_and(|p| p.is_alphanumeric()) && can_end(following) {
                i += after;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn can_start(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "-:/'\"<([{".contains(p),
    };
    before_ok && next.is_some_and(|n| !n.is_whitespace())
}

fn can_end(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => n.is_whitespace() || "-.,:;!?\\/'\")]}>".contains(n),
    }
}

/// Markup starting at `i`: its rendered text and the index after it.
fn markup_at(chars: &[char], i: usize, prev: Option<char>) -> Option<(String, usize)> {
    let c = chars[i];
    let at = |k: usize| chars.get(k).copied();
    // Quoted start-strings ('*', "`") are not markup (rule 5).
    if let Some(p) = prev {
        let closer = match p {
            '\'' => Some('\''),
            '"' => Some('"'),
            '(' => Some(')'),
            '[' => Some(']'),
            '{' => Some('}'),
            '<' => Some('>'),
            _ => None,
        };
        if closer.is_some() && at(i + 1) == closer {
            return None;
        }
    }
    match c {
        '*' if at(i + 1) == Some('*') => {
            if at(i + 2).is_none_or(char::is_whitespace) {
                return None;
            }
            let end = find_end(chars, i + 2, &['*', '*'], false)?;
            Some((strip_inline(&collect(&chars[i + 2..end])), end + 2))
        }
        '*' => {
            let end = find_end(chars, i + 1, &['*'], false)?;
            Some((strip_inline(&collect(&chars[i + 1..end])), end + 1))
        }
        '`' if at(i + 1) == Some('`') => {
            if at(i + 2).is_none_or(char::is_whitespace) {
                return None;
            }
            let end = find_end(chars, i + 2, &['`', '`'], true)?;
            Some((collect(&chars[i + 2..end]), end + 2))
        }
        '`' => {
            let end = find_end_interpreted(chars, i + 1)?;
            let inner = collect(&chars[i + 1..end]);
            let mut next = end + 1;
            let mut reference = false;
            if at(next) == Some('_') {
                next += 1;
                reference = true;
                if at(next) == Some('_') {
                    next += 1;
                }
            } else if at(next) == Some(':') {
                // `text`:role:
                if let Some(len) = role_len(chars, next) {
                    next += len;
                }
            }
            if !can_end(at(next)) {
                return None;
            }
            Some((render_target_text(&inner, reference), next))
        }
        ':' => {
            // :role:`text`
            if !prev.is_none_or(|p| p.is_whitespace() || "-/'\"<([{".contains(p)) {
                return None;
            }
            let len = role_len(chars, i)?;
            if at(i + len) != Some('`') || at(i + len + 1).is_none_or(char::is_whitespace) {
                return None;
            }
            let end = find_end_interpreted(chars, i + len + 1)?;
            if !can_end(at(end + 1)) {
                return None;
            }
            let inner = collect(&chars[i + len + 1..end]);
            Some((render_target_text(&inner, true), end + 1))
        }
        _ => None,
    }
}

/// Length of `:name:` at `i` (a role name: letters, digits, `-_+:.`).
fn role_len(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i) != Some(&':') {
        return None;
    }
    let mut k = i + 1;
    while let Some(&c) = chars.get(k) {
        if c == ':' {
            // A name must not be empty and `::` inside names is not allowed.
            return (k > i + 1).then_some(k + 1 - i);
        }
        if !(c.is_alphanumeric() || "-_+.".contains(c)) {
            return None;
        }
        k += 1;
    }
    None
}

/// `title <target>` shows `title`; a bare `<target>` shows the target.
fn render_target_text(inner: &str, reference: bool) -> String {
    let trimmed = inner.trim_end();
    if reference && trimmed.ends_with('>') {
        if let Some(open) = trimmed.rfind('<') {
            let title = trimmed[..open].trim_end();
            if open == 0 {
                return trimmed[1..trimmed.len() - 1].to_owned();
            }
            if trimmed[..open].ends_with(char::is_whitespace) {
                return strip_escapes(title);
            }
        }
    }
    strip_escapes(inner)
}

fn strip_escapes(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                if !n.is_whitespace() {
                    out.push(n);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

/// The index of an end-string `end` at or after `from`, following the recognition
/// rules; `literal` content has no escapes.
fn find_end(chars: &[char], from: usize, end: &[char], literal: bool) -> Option<usize> {
    let mut k = from;
    while k + end.len() <= chars.len() {
        let c = chars[k];
        if c == '\\' && !literal {
            k += 2;
            continue;
        }
        if chars[k..].starts_with(end)
            && k > from
            && !chars[k - 1].is_whitespace()
            && (literal || chars[k - 1] != '\\')
            && can_end(chars.get(k + end.len()).copied())
        {
            // `**a**b` is not closed here, and `*a**` must not close on the first `*`
            // of a longer run.
            if end.len() == 1 && chars.get(k + 1) == Some(&end[0]) {
                k += 1;
                continue;
            }
            return Some(k);
        }
        k += 1;
    }
    None
}

/// End of interpreted text / a phrase reference: the closing backquote, which may be
/// followed by `_`, `__` or a role before the usual end rules apply.
fn find_end_interpreted(chars: &[char], from: usize) -> Option<usize> {
    let mut k = from;
    while k < chars.len() {
        let c = chars[k];
        if c == '\\' {
            k += 2;
            continue;
        }
        if c == '`' && k > from && !chars[k - 1].is_whitespace() {
            return Some(k);
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::strip_inline;

    #[test]
    fn markup_is_removed() {
        assert_eq!(
            strip_inline("a **Retry-After** header"),
            "a Retry-After header"
        );
        assert_eq!(strip_inline("``-``"), "-");
        assert_eq!(
            strip_inline("see `the docs <https://x>`_ now"),
            "see the docs now"
        );
        assert_eq!(strip_inline(":doc:`api-admin-user`"), "api-admin-user");
        assert_eq!(
            strip_inline(":ref:`Table 1 <x_y>` describes"),
            "Table 1 describes"
        );
        assert_eq!(strip_inline("2*3*4 and snake_case"), "2*3*4 and snake_case");
        assert_eq!(strip_inline("|status-200|: ok"), "|status-200|: ok");
        assert_eq!(strip_inline("a \\*b\\* c"), "a *b* c");
        assert_eq!(strip_inline("*emph* word_ x"), "emph word x");
    }
}
