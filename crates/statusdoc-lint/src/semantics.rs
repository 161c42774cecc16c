//! Reading description sentences for the semantic rules (SD201, SD202): words, not
//! substrings, with the scope of negations and conditions.
//!
//! A sentence is split into lowercase word tokens ("isn't" becomes "is" "not", so a
//! negation is a token wherever it is written) and into clauses at commas, semicolons
//! and "but"/"however"/"or". A negation negates a word that follows it in the same
//! clause within a few tokens ("should not repeat", "do not retry", "cannot be
//! retried"); a condition ("until", "unless", "after", "if", "when"…) anywhere in the
//! sentence makes its advice conditional. Hand-written: the rules need a few
//! well-defined word tests, which no NLP crate offers without a model to download.

/// One lowercase word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub word: String,
    /// The clause the word is in (numbered from 0 in the sentence).
    pub clause: usize,
}

/// The sentences of a description: split at sentence ends, semicolons and line
/// breaks, in any script.
pub(crate) fn sentences(text: &str) -> Vec<String> {
    let normalized = crate::text::normalize_for_comparison(text);
    normalized
        .split(['.', '!', '?', '\n', ';', '。', '！', '？', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The word tokens of a sentence, lowercased, with contractions split off.
pub(crate) fn tokens(sentence: &str) -> Vec<Token> {
    let lower = sentence.to_lowercase();
    let mut out = Vec::new();
    let mut clause = 0;
    let mut word = String::new();
    let push = |word: &mut String, clause: usize, out: &mut Vec<Token>| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word);
        let w = w.trim_matches(['\'', '-']).to_owned();
        let (stem, negated) = match w.as_str() {
            "cannot" => ("can".to_owned(), true),
            "won't" => ("will".to_owned(), true),
            "can't" => ("can".to_owned(), true),
            "shan't" => ("shall".to_owned(), true),
            _ => match w.strip_suffix("n't") {
                Some(stem) => (stem.to_owned(), true),
                None => (w, false),
            },
        };
        if !stem.is_empty() {
            out.push(Token { word: stem, clause });
        }
        if negated {
            out.push(Token {
                word: "not".into(),
                clause,
            });
        }
    };
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '_' {
            word.push(if c == '’' { '\'' } else { c });
        } else {
            push(&mut word, clause, &mut out);
            if matches!(c, ',' | ':' | '—' | '(' | ')') {
                clause += 1;
            }
        }
    }
    push(&mut word, clause, &mut out);
    // "but", "however", "or" start a clause of their own.
    let mut shift = 0;
    for token in &mut out {
        if matches!(
            token.word.as_str(),
            "but" | "however" | "although" | "though"
        ) {
            shift += 1;
        }
        token.clause += shift;
    }
    out
}

/// Words that negate what follows them in their clause.
const NEGATIONS: [&str; 5] = ["not", "never", "no", "nor", "neither"];

/// Whether the token at `index` is negated: a negation shortly before it in its clause.
pub(crate) fn is_negated_at(tokens: &[Token], index: usize) -> bool {
    let clause = tokens[index].clause;
    tokens[..index]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.clause == clause)
        .any(|t| NEGATIONS.contains(&t.word.as_str()))
}

/// Whether any word of the sentence starts with one of `stems`.
pub(crate) fn has_stem(tokens: &[Token], stems: &[&str]) -> bool {
    tokens
        .iter()
        .any(|t| stems.iter().any(|s| t.word.starts_with(s)))
}

/// Whether the sentence has one of `words` as a whole word.
pub(crate) fn has_any(tokens: &[Token], words: &[&str]) -> bool {
    tokens.iter().any(|t| words.contains(&t.word.as_str()))
}

/// Whether the sentence holds the words of `phrase` in a row.
pub(crate) fn has_phrase(tokens: &[Token], phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    tokens
        .windows(words.len())
        .any(|w| w.iter().zip(&words).all(|(t, p)| t.word == *p))
}

/// Words that make advice conditional: "do not retry until…", "retry after fixing…".
pub(crate) const CONDITIONS: [&str; 14] = [
    "until",
    "unless",
    "after",
    "before",
    "once",
    "if",
    "when",
    "whenever",
    "while",
    "immediately",
    "wait",
    "otherwise",
    "instead",
    "whether",
];

pub(crate) fn is_conditional(tokens: &[Token]) -> bool {
    has_any(tokens, &CONDITIONS)
        || has_phrase(tokens, "more than")
        || has_phrase(tokens, "too quickly")
        || has_phrase(tokens, "in case")
        || has_phrase(tokens, "as long as")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn contractions_become_negations() {
        assert_eq!(
            words("It isn't supported"),
            ["it", "is", "not", "supported"]
        );
        assert_eq!(words("You cannot retry"), ["you", "can", "not", "retry"]);
        assert_eq!(words("Don’t retry"), ["do", "not", "retry"]);
    }

    #[test]
    fn negation_has_a_scope() {
        let t = tokens("The request is not valid, retry it");
        let retry = t.iter().position(|t| t.word == "retry").unwrap();
        assert!(!is_negated_at(&t, retry));
        let t = tokens("Do not retry this request");
        let retry = t.iter().position(|t| t.word == "retry").unwrap();
        assert!(is_negated_at(&t, retry));
    }

    #[test]
    fn words_are_whole() {
        let t = tokens("See the explanation below");
        assert!(!has_any(&t, &["plan"]));
        assert!(!has_any(&tokens("a keyword"), &["key"]));
    }
}
