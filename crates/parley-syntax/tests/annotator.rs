//! The syntax stage on a hand-built document: it writes only its layers,
//! on every token, with heads inside the sentence.

use parley_doc::{Annotator, BlockKind, DocMeta, Document, Layer, Sentence, Span, Token, TokenIdx};
use parley_syntax::{write_conllu, SyntaxAnnotator, SyntaxModel};

fn doc() -> Document {
    let text = "Protesters marched in Paris. Police fired tear gas.".to_string();
    let mut doc = Document::new(DocMeta { id: "t".into(), ..DocMeta::default() }, text);
    let mut starts = Vec::new();
    let mut offset = 0;
    for word in ["Protesters", "marched", "in", "Paris", ".", "Police", "fired", "tear", "gas", "."]
    {
        let start = doc.text[offset..].find(word).expect("word in text") + offset;
        starts.push((start, start + word.len()));
        offset = start + word.len();
    }
    for (i, &(s, e)) in starts.iter().enumerate() {
        let mut t = Token::new(Span::new(&doc.text, s, e).expect("span"));
        t.space_after = starts.get(i + 1).is_some_and(|&(next, _)| next > e);
        doc.tokens.push(t);
    }
    doc.sentences = vec![
        Sentence {
            span: Span::new_unchecked(0, 28),
            first_token: TokenIdx(0),
            end_token: TokenIdx(5),
            kind: BlockKind::Paragraph,
        },
        Sentence {
            span: Span::new_unchecked(29, 51),
            first_token: TokenIdx(5),
            end_token: TokenIdx(10),
            kind: BlockKind::Paragraph,
        },
    ];
    doc
}

#[test]
fn annotates_every_token_within_its_sentence() {
    let stage = SyntaxAnnotator::new(SyntaxModel::embedded().expect("model"));
    assert_eq!(stage.name(), "syntax");
    assert_eq!(stage.requires(), &[Layer::Sentences]);
    assert_eq!(stage.assigns(), &[Layer::Tags, Layer::Lemmas, Layer::Dependencies]);
    let mut doc = doc();
    let before = doc.clone();
    stage.annotate(&mut doc).expect("annotates");
    assert_eq!(doc.text, before.text);
    assert_eq!(doc.sentences, before.sentences);
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        let roots = doc.tokens[range.clone()].iter().filter(|t| t.head.is_none()).count();
        assert_eq!(roots, 1);
        for t in &doc.tokens[range.clone()] {
            assert!(
                t.upos.is_some() && t.xpos.is_some() && t.lemma.is_some() && t.deprel.is_some()
            );
            if let Some(h) = t.head {
                assert!(range.contains(&h.get()));
            }
        }
    }
    for (a, b) in doc.tokens.iter().zip(&before.tokens) {
        assert_eq!((a.span, a.space_after, &a.norm), (b.span, b.space_after, &b.norm));
    }
    let mut out = String::new();
    write_conllu(&doc, &mut out);
    assert!(
        out.starts_with("# sent_id = t-1\n# text = Protesters marched in Paris.\n1\tProtesters\t")
    );
    let back = parley_syntax::conllu::parse(&out).expect("reads back");
    assert_eq!(back.len(), 2);
    assert!(back.iter().all(|s| s.words.iter().all(|w| w.head.is_some())));
}
