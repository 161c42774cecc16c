//! What readers share: whitespace folding for metadata text. (Deciding what a status
//! code is belongs to the interpreter, `statusdoc-interpret`.)

pub(crate) use statusdoc_interpret::words::leading_code;

/// Folds runs of whitespace to one space and trims the ends.
pub(crate) fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
