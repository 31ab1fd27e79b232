//! Evaluation against CoNLL-U with gold tokenization and predicted tags.

use std::time::Instant;

use crate::{conllu, SyntaxError, SyntaxModel};

/// Scores of a model on a treebank.
///
/// All syntactic words count, punctuation included (CoNLL 2018 style);
/// multiword token lines and empty nodes are skipped. The parser runs on the
/// tagger's own tags, never the gold ones. LAS compares the universal part
/// of the relation (before `:`), as the CoNLL 2018 shared task did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EvalScores {
    /// Share of words with the gold UPOS.
    pub upos: f64,
    /// Share of words with the gold XPOS.
    pub xpos: f64,
    /// Share of words with the gold lemma (exact string).
    pub lemma: f64,
    /// Unlabelled attachment score: share of words with the gold head.
    pub uas: f64,
    /// Labelled attachment score: gold head and gold universal relation.
    pub las: f64,
    /// Number of words scored.
    pub tokens: usize,
    /// Words tagged, lemmatised and parsed per second of wall time
    /// (one thread, `analyse` calls only).
    pub tokens_per_sec: f64,
}

impl EvalScores {
    /// One line: `upos=0.9512 xpos=0.9401 uas=0.8700 las=0.8300 tokens_per_sec=123456`.
    pub fn summary_line(&self) -> String {
        format!(
            "upos={:.4} xpos={:.4} uas={:.4} las={:.4} tokens_per_sec={:.0}",
            self.upos, self.xpos, self.uas, self.las, self.tokens_per_sec
        )
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Evaluates a model on CoNLL-U text (gold tokenization, predicted tags).
pub fn evaluate(model: &SyntaxModel, conllu_text: &str) -> Result<EvalScores, SyntaxError> {
    Ok(evaluate_sentences(model, &conllu::parse(conllu_text)?))
}

/// Evaluates a model on parsed CoNLL-U sentences, as [`evaluate`] does.
pub fn evaluate_sentences(model: &SyntaxModel, sentences: &[conllu::ConlluSentence]) -> EvalScores {
    let forms: Vec<Vec<&str>> = sentences.iter().map(|s| s.forms()).collect();
    let start = Instant::now();
    let analyses: Vec<_> = forms.iter().map(|f| model.analyse(f)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let (mut n, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    for (sentence, predicted) in sentences.iter().zip(&analyses) {
        for (gold, pred) in sentence.words.iter().zip(predicted) {
            n += 1;
            upos += usize::from(gold.upos == pred.upos.as_str());
            xpos += usize::from(gold.xpos == pred.xpos);
            lemma += usize::from(gold.lemma == pred.lemma);
            if gold.head == Some(pred.head) {
                uas += 1;
                las += usize::from(universal(&gold.deprel) == universal(&pred.deprel));
            }
        }
    }
    let share = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    EvalScores {
        upos: share(upos),
        xpos: share(xpos),
        lemma: share(lemma),
        uas: share(uas),
        las: share(las),
        tokens: n,
        tokens_per_sec: if seconds > 0.0 { n as f64 / seconds } else { 0.0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_format() {
        let s = EvalScores {
            upos: 0.95123,
            xpos: 0.94006,
            lemma: 0.97,
            uas: 0.87,
            las: 0.83,
            tokens: 10,
            tokens_per_sec: 123456.4,
        };
        assert_eq!(
            s.summary_line(),
            "upos=0.9512 xpos=0.9401 uas=0.8700 las=0.8300 tokens_per_sec=123456"
        );
    }

    #[test]
    fn universal_part() {
        assert_eq!(universal("nsubj:pass"), "nsubj");
        assert_eq!(universal("root"), "root");
    }
}
