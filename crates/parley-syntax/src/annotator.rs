use std::sync::Arc;

use parley_doc::{Annotator, DocError, Document, Layer, TokenIdx};

use crate::{Analysis, SyntaxModel};

/// The pipeline stage: tags, lemmatises and parses every sentence.
///
/// Reads each token's form with [`Document::token_form`]; writes `upos`,
/// `xpos`, `lemma`, `head` (a document-wide token index, `None` for the
/// root) and `deprel` on every token of every sentence.
#[derive(Debug, Clone)]
pub struct SyntaxAnnotator {
    model: Arc<SyntaxModel>,
}

impl SyntaxAnnotator {
    /// A stage using `model` (share one model across stages and threads).
    pub fn new(model: Arc<SyntaxModel>) -> SyntaxAnnotator {
        SyntaxAnnotator { model }
    }
}

impl Annotator for SyntaxAnnotator {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tags, Layer::Lemmas, Layer::Dependencies]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        // Compute everything first, then write.
        let mut results: Vec<(usize, Vec<Analysis>)> = Vec::with_capacity(doc.sentences.len());
        let mut forms: Vec<&str> = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.token_range();
            if range.end > doc.tokens.len() || range.start > range.end {
                return Err(DocError::Stage {
                    stage: "syntax",
                    doc_id: doc.meta.id.clone(),
                    message: format!(
                        "sentence tokens {range:?} outside the {} tokens",
                        doc.tokens.len()
                    ),
                });
            }
            forms.clear();
            forms.extend(doc.tokens[range.clone()].iter().map(|t| doc.token_form(t)));
            results.push((range.start, self.model.analyse(&forms)));
        }
        for (first, analyses) in results {
            for (i, a) in analyses.into_iter().enumerate() {
                let token = &mut doc.tokens[first + i];
                token.upos = Some(a.upos);
                token.xpos = Some(a.xpos);
                token.lemma = Some(a.lemma);
                token.head = (a.head > 0).then(|| TokenIdx((first + a.head - 1) as u32));
                token.deprel = Some(a.deprel);
            }
        }
        Ok(())
    }
}
