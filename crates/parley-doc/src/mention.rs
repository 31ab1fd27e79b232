use serde::{Deserialize, Serialize};

use crate::{SentenceIdx, Span, TokenIdx};

/// A coded actor: who a mention refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// CAMEO-style composite code, e.g. `RUSGOV`, `UKRMIL`, `IGOWSTNAT`.
    pub code: String,
    /// ISO 3166 alpha-3 country code, when the actor belongs to a state.
    pub country: Option<String>,
    /// CAMEO agent / sector code, e.g. `GOV`, `MIL`, `REB`.
    pub sector: Option<String>,
    /// Canonical name of a named person or organisation.
    pub name: Option<String>,
    /// Role of a person, e.g. `president`, `foreign minister`.
    pub role: Option<String>,
}

/// How a mention was coded: the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MentionSource {
    /// A dictionary entry matched the words; `entry` names it.
    Dictionary {
        /// The dictionary entry's id.
        entry: String,
    },
    /// A role pattern ("a Russian deputy foreign minister") coded the words.
    RolePattern {
        /// The rule's name.
        rule: String,
    },
    /// The words refer back to an earlier mention (surname, title, pronoun).
    Coreference {
        /// Index of the antecedent in `Document::mentions`.
        antecedent: usize,
    },
}

/// A mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention's bytes in the document text.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: SentenceIdx,
    /// First token, inclusive.
    pub first_token: TokenIdx,
    /// One past the last token, exclusive.
    pub end_token: TokenIdx,
    /// Who it refers to.
    pub actor: Actor,
    /// How it was coded.
    pub via: MentionSource,
    /// The bytes that gave the actor its country when they lie outside
    /// the mention: the dateline ("NAIROBI, Kenya"), the region ("Georgia"
    /// in "Georgia Governor"), the sentence's place or the document's
    /// most-named country. `None` when the mention names its own country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_from: Option<Span>,
}
