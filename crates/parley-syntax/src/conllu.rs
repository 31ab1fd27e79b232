//! Reading and writing CoNLL-U (<https://universaldependencies.org/format.html>).
//!
//! The reader keeps the syntactic words of each sentence (lines whose ID is
//! a plain integer); multiword token lines (`1-2`) and empty nodes (`1.1`)
//! are skipped, as the CoNLL 2018 evaluation does with gold tokenization.

use parley_doc::Document;

use crate::SyntaxError;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluWord {
    /// 1-based position in the sentence.
    pub id: usize,
    /// Word form.
    pub form: String,
    /// Lemma (`_` when absent).
    pub lemma: String,
    /// Universal POS tag as written (`_` when absent).
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English; `_` when absent).
    pub xpos: String,
    /// Morphological features, unparsed.
    pub feats: String,
    /// Head position: 0 for the root, else the 1-based id; `None` for `_`.
    pub head: Option<usize>,
    /// Dependency relation, with its subtype (`nsubj:pass`).
    pub deprel: String,
    /// Enhanced dependencies, unparsed.
    pub deps: String,
    /// Miscellaneous column, unparsed.
    pub misc: String,
}

/// One sentence: its comments and its syntactic words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// Comment lines without the leading `#` and blank space.
    pub comments: Vec<String>,
    /// Syntactic words in order (ids 1..=n).
    pub words: Vec<ConlluWord>,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment, if present.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// The word forms, as [`crate::SyntaxModel::analyse`] takes them.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Parses CoNLL-U text into sentences.
///
/// Multiword token ranges and empty nodes are skipped; a sentence whose
/// word ids do not run 1, 2, 3... is an error, as is a line with fewer than
/// ten columns.
pub fn parse(text: &str) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (idx, raw_line) in text.lines().enumerate() {
        let line_no = idx + 1;
        let line = raw_line.trim_end_matches('\r');
        if line.trim().is_empty() {
            check_heads(&current, line_no)?;
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            current.comments.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.comments.push(comment.trim().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let id: usize = id.parse().map_err(|_| bad(line_no, format!("bad word id {id:?}")))?;
        if id != current.words.len() + 1 {
            return Err(bad(line_no, format!("word id {id} out of sequence")));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse::<usize>().map_err(|_| bad(line_no, format!("bad head {h:?}")))?),
        };
        current.words.push(ConlluWord {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    check_heads(&current, text.lines().count() + 1)?;
    // A trailing block of comments alone (no words) is not a sentence.
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Rejects a head beyond the sentence; `end_line` is the line that ended it.
fn check_heads(sentence: &ConlluSentence, end_line: usize) -> Result<(), SyntaxError> {
    let n = sentence.words.len();
    match sentence.words.iter().find(|w| w.head.is_some_and(|h| h > n)) {
        Some(w) => {
            Err(bad(end_line, format!("word {} has a head beyond the sentence's {n} words", w.id)))
        }
        None => Ok(()),
    }
}

fn bad(line: usize, message: String) -> SyntaxError {
    SyntaxError::Conllu { line, message }
}

/// Writes a document's sentences as CoNLL-U, one block per sentence.
///
/// Each block has `# sent_id = <doc id>-<n>` (n from 1) and `# text = ...`
/// comments; columns the document lacks are `_`; heads are sentence-local
/// (0 for the root); MISC holds `SpaceAfter=No` where no blank follows.
pub fn write_conllu(doc: &Document, out: &mut String) {
    use std::fmt::Write;
    for (s_idx, sentence) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}-{}", doc.meta.id, s_idx + 1);
        let text: String = doc
            .slice(sentence.span)
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "# text = {text}");
        let first = sentence.first_token.get();
        let range = sentence.token_range();
        for (i, token) in doc.sentence_tokens(sentence).iter().enumerate() {
            let form = clean(doc.token_form(token));
            let head = match (token.head, &token.deprel) {
                (Some(h), _) if range.contains(&h.get()) => (h.get() - first + 1).to_string(),
                (None, Some(_)) => "0".to_string(),
                _ => "_".to_string(),
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                form,
                token.lemma.as_deref().map_or_else(|| "_".to_string(), clean),
                token.upos.map_or("_", |u| u.as_str()),
                token.xpos.as_deref().unwrap_or("_"),
                head,
                token.deprel.as_deref().unwrap_or("_"),
                if token.space_after { "_" } else { "SpaceAfter=No" },
            );
        }
        out.push('\n');
    }
}

/// A field with no tabs or line breaks, never empty.
fn clean(s: &str) -> String {
    if s.is_empty() {
        return "_".to_string();
    }
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::{BlockKind, DocMeta, Sentence, Span, Token, TokenIdx, Upos};

    const SAMPLE: &str = "# sent_id = a-1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tknew\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\
\n\
# text = Hi\n\
1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn parses_words_skipping_multiword_and_empty_nodes() {
        let sentences = parse(SAMPLE).expect("valid");
        assert_eq!(sentences.len(), 2);
        let first = &sentences[0];
        assert_eq!(first.comment("sent_id"), Some("a-1"));
        assert_eq!(first.comment("text"), Some("I don't know."));
        assert_eq!(first.forms(), vec!["I", "do", "n't", "know", "."]);
        assert_eq!(first.words[3].head, Some(0));
        assert_eq!(first.words[2].deprel, "advmod");
        assert_eq!(first.words[3].misc, "SpaceAfter=No");
        assert_eq!(sentences[1].forms(), vec!["Hi"]);
    }

    #[test]
    fn rejects_bad_lines_with_their_number() {
        let cases = [
            ("1\tI\tI\tPRON\n", 1),
            ("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tx\tx\tX\tX\t_\t1\tdep\t_\t_\n", 2),
            ("# c\n1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", 2),
            ("1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n\n", 2),
        ];
        for (text, line) in cases {
            match parse(text) {
                Err(SyntaxError::Conllu { line: got, .. }) => assert_eq!(got, line, "{text:?}"),
                other => panic!("expected an error for {text:?}, got {other:?}"),
            }
        }
    }

    #[test]
    fn writes_a_document() {
        let text = "Kyiv won.".to_string();
        let mut doc = Document::new(DocMeta { id: "d".into(), ..DocMeta::default() }, text);
        let mut kyiv = Token::new(Span::new_unchecked(0, 4));
        kyiv.space_after = true;
        kyiv.upos = Some(Upos::PROPN);
        kyiv.head = Some(TokenIdx(1));
        kyiv.deprel = Some("nsubj".into());
        let mut won = Token::new(Span::new_unchecked(5, 8));
        won.deprel = Some("root".into());
        let dot = Token::new(Span::new_unchecked(8, 9));
        doc.tokens = vec![kyiv, won, dot];
        doc.sentences = vec![Sentence {
            span: Span::new_unchecked(0, 9),
            first_token: TokenIdx(0),
            end_token: TokenIdx(3),
            kind: BlockKind::Paragraph,
        }];
        let mut out = String::new();
        write_conllu(&doc, &mut out);
        let expected = "# sent_id = d-1\n# text = Kyiv won.\n\
1\tKyiv\t_\tPROPN\t_\t_\t2\tnsubj\t_\t_\n\
2\twon\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n";
        assert_eq!(out, expected);
        // What we write reads back.
        let back = parse(&out).expect("valid");
        assert_eq!(back[0].forms(), vec!["Kyiv", "won", "."]);
    }
}
