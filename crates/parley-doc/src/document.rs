use serde::{Deserialize, Serialize};

use crate::{Event, Mention, SourceMap, Span};

/// What is known about a document apart from its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Identifier, unique within a run (from JSONL `id`, else derived from the path).
    pub id: String,
    /// Where the document was read from: a path, `path:line` for JSONL, or `-` for stdin.
    pub origin: String,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Outlet that published it.
    pub source: Option<String>,
    /// Address of the page.
    pub url: Option<String>,
    /// Headline as given by the input's metadata (the text may hold it too).
    pub title: Option<String>,
}

/// The kind of a block of text, as the reader or the furniture stage saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's headline.
    Headline,
    /// A section heading inside the body.
    Heading,
    /// A paragraph of body text.
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A row of a table.
    TableRow,
}

/// A block of text (paragraph, heading, list item) found by a reader:
/// sentences never cross a block boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The block's bytes in the document text, without surrounding blank space.
    pub span: Span,
    /// What kind of block it is.
    pub kind: BlockKind,
}

/// A piece of text that later stages must not read (byline, caption,
/// "Advertisement", author bio...), kept with the reason it was dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    /// The dropped bytes in the document text.
    pub span: Span,
    /// Which rule dropped it, e.g. `byline`, `caption`, `author-bio`.
    pub reason: String,
}

/// Index of a sentence in [`Document::sentences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentenceIdx(pub u32);

/// Index of a token in [`Document::tokens`] (document-wide, not per sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TokenIdx(pub u32);

impl SentenceIdx {
    /// As a `usize`, for indexing.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

impl TokenIdx {
    /// As a `usize`, for indexing.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A sentence: a span of the text and the tokens inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes, from its first to its last token.
    pub span: Span,
    /// First token, inclusive.
    pub first_token: TokenIdx,
    /// One past the last token, exclusive.
    pub end_token: TokenIdx,
    /// The kind of block the sentence came from.
    pub kind: BlockKind,
}

impl Sentence {
    /// The sentence's tokens as a range of document-wide token indices.
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token.get()..self.end_token.get()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.end_token.get() - self.first_token.get()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Universal POS tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    /// Every tag, in a fixed order (the order models index them by).
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    /// The tag as written in CoNLL-U.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a CoNLL-U tag; `None` for anything else (including `_`).
    pub fn parse(tag: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|upos| upos.as_str() == tag)
    }
}

/// A token: its bytes in the text, and what the syntax stage said of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's bytes in the document text.
    pub span: Span,
    /// The token's form as the models read it, when it differs from the
    /// text (curly quotes as `'`, "n't" split from "won't" as "n't"...).
    /// `None` means `&text[span]`.
    pub norm: Option<String>,
    /// Whether blank space follows the token in the text.
    pub space_after: bool,
    /// Universal POS tag, once tagged.
    pub upos: Option<Upos>,
    /// Penn Treebank tag, once tagged.
    pub xpos: Option<String>,
    /// Lemma, once lemmatised.
    pub lemma: Option<String>,
    /// Syntactic head; `None` for the root (or before parsing).
    pub head: Option<TokenIdx>,
    /// UD dependency relation to the head (`root` for the root), once parsed.
    pub deprel: Option<String>,
}

impl Token {
    /// A token with a span and nothing else.
    pub fn new(span: Span) -> Token {
        Token {
            span,
            norm: None,
            space_after: false,
            upos: None,
            xpos: None,
            lemma: None,
            head: None,
            deprel: None,
        }
    }
}

/// One document and every annotation made on it.
///
/// `text` is what every span indexes. For plain text and JSONL `text` it is
/// the input verbatim; for HTML it is the page's text content (tags removed,
/// entities decoded, blocks separated by blank lines) and `source_map`
/// leads each byte back to the page's bytes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Identifier and metadata.
    pub meta: DocMeta,
    /// The text every span indexes.
    pub text: String,
    /// For documents read from markup: where each text byte came from in the page.
    pub source_map: Option<SourceMap>,
    /// Blocks found by the reader, in text order, not overlapping.
    pub blocks: Vec<Block>,
    /// Text later stages must not read, with the reason.
    pub furniture: Vec<Furniture>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order; sentences own consecutive runs of them.
    pub tokens: Vec<Token>,
    /// Actor mentions in text order.
    pub mentions: Vec<Mention>,
    /// Coded events, in order of sentence and trigger.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Document {
    /// A document with text and metadata and no annotations.
    pub fn new(meta: DocMeta, text: String) -> Document {
        Document { meta, text, ..Document::default() }
    }

    /// The text under a span.
    ///
    /// # Panics
    /// If the span was not made for this document's text (a broken invariant).
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.token_range()]
    }

    /// The form of a token as models read it (its `norm`, else its text).
    pub fn token_form<'a>(&'a self, token: &'a Token) -> &'a str {
        token.norm.as_deref().unwrap_or(&self.text[token.span])
    }

    /// Whether `span` lies inside text marked as furniture.
    pub fn is_furniture(&self, span: Span) -> bool {
        self.furniture.iter().any(|f| f.span.overlaps(span))
    }
}
