//! Coreference within a document: the drafts coded so far, and how a
//! pronoun, a role alone ("the president") or a surname finds the actor it
//! refers back to.

use parley_doc::Upos;

use super::matching::Word;
use super::state::DocState;

/// Verbs of saying: their pronoun subject speaks ("it said", "he told").
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "argued",
    "argues",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "warned",
    "warns",
    "declared",
    "declares",
    "announced",
    "announces",
];

/// Other verbs after which a pronoun subject is an actor ("he has refused"),
/// with [`SPEECH`]: see [`reporting`].
const REPORTING_MORE: &[&str] = &[
    "he said",
    "she told",
    "say",
    "called",
    "calls",
    "urged",
    "urges",
    "accused",
    "accuses",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "demanded",
    "demands",
    "vowed",
    "vows",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "met",
    "meets",
    "visited",
    "visits",
    "signed",
    "signs",
    "ordered",
    "orders",
    "agreed",
    "agrees",
    "has",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "can",
    "also",
    "later",
    "then",
    "hopes",
    "hoped",
    "wants",
    "wanted",
    "did",
    "does",
];

/// Whether a pronoun subject of this word is an actor ("he said", "she refused").
pub(super) fn reporting(word: &str) -> bool {
    SPEECH.contains(&word) || REPORTING_MORE.contains(&word)
}

/// Roles that "the <country> leader" can refer back to.
const TOP_ROLES: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emir",
    "supreme leader",
    "premier",
    "head of state",
    "leader",
    "crown prince",
    "sultan",
    "general secretary",
    "head of government",
    "chairman",
    "taoiseach",
];
const GENERIC_ROLES: &[&str] = &["leader", "head", "chief", "boss", "strongman", "ruler"];

pub(super) fn pronoun_is_subject(words: &[Word], i: usize) -> bool {
    if let Some(rel) = words[i].deprel.as_deref() {
        return rel.starts_with("nsubj");
    }
    // Untagged: "he said", "he has refused", "said he".
    if let Some(next) = words.get(i + 1) {
        if matches!(next.upos, Some(Upos::VERB | Upos::AUX)) || reporting(&next.norm) {
            return true;
        }
    }
    i > 0 && reporting(&words[i - 1].norm)
}

/// Whether the pronoun at `i` is the subject of a reporting verb right
/// after it ("it said", "it added"), or of one right before it ("said it").
pub(super) fn reports(words: &[Word], i: usize) -> bool {
    let next = words.get(i + 1).is_some_and(|w| SPEECH.contains(&w.norm.as_str()));
    let prev = i > 0
        && SPEECH.contains(&words[i - 1].norm.as_str())
        && words.get(i + 1).is_none_or(|w| matches!(w.norm.as_str(), "." | "," | ";"));
    (next || prev) && words[i].deprel.as_deref().is_none_or(|r| r.starts_with("nsubj"))
}

/// Verbs only an agent does: their subject "it" is a state or body, not a
/// thing ("It thanked both governments", "it urged restraint").
const AGENTIVE: &[&str] = &[
    "thanked",
    "thanks",
    "welcomed",
    "welcomes",
    "urged",
    "urges",
    "accused",
    "accuses",
    "condemned",
    "condemns",
    "demanded",
    "demands",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "threatened",
    "threatens",
    "apologised",
    "apologized",
    "protested",
    "summoned",
    "summons",
];

/// Whether the pronoun at `i` is the subject of a verb only an agent does,
/// right after it or after "also" ("It also urged ...").
pub(super) fn agent_it(words: &[Word], i: usize) -> bool {
    let mut k = i + 1;
    if words.get(k).is_some_and(|w| w.norm == "also") {
        k += 1;
    }
    words.get(k).is_some_and(|w| AGENTIVE.contains(&w.norm.as_str()))
        && words[i].deprel.as_deref().is_none_or(|r| r.starts_with("nsubj"))
}

/// The latest draft, in the three sentences before this one, that names a
/// state or organisation as a clause subject (any, without a parse).
pub(super) fn latest_speaking_body(state: &DocState, si: usize) -> Option<usize> {
    state.body_before.filter(|&k| state.drafts[k].sentence + 3 >= si)
}

/// The latest draft with a country in this sentence before byte `start`,
/// or (when this sentence has none there) in the sentence before, if all
/// the drafts with a country there name the same one.
pub(super) fn sole_country_before(state: &DocState, si: usize, start: usize) -> Option<usize> {
    // Every draft of this sentence so far lies before the word being read
    // (the coder reads left to right), so `start` and `si` need no check.
    let _ = (si, start);
    let run = if state.here.last.is_some() { &state.here } else { &state.before };
    let last = run.last?;
    (!run.mixed).then_some(last)
}

/// The latest draft of a country's force of this sector (army, police),
/// in this sentence before `start` or the three sentences before.
pub(super) fn latest_of_sector(
    state: &DocState,
    si: usize,
    start: usize,
    sector: &str,
) -> Option<usize> {
    let k = *state.last_of_sector.get(sector)?;
    let d = &state.drafts[k];
    (d.sentence + 3 >= si && (d.sentence < si || d.start < start)).then_some(k)
}

/// The latest draft that refers to a person, in this or the three sentences before.
pub(super) fn latest_person(state: &DocState, si: usize) -> Option<usize> {
    state.last_person.filter(|&k| state.drafts[k].sentence + 3 >= si)
}

/// The person a subject "he" or "she" refers back to. Across a sentence
/// boundary, the person who was the previous sentence's subject ("Kuleba
/// told Wang that ... He asked China": Kuleba, not Wang); within a
/// sentence, the latest person ("Amherd pressed Li Qiang when he
/// visited": Li).
pub(super) fn pronoun_antecedent(state: &DocState, si: usize) -> Option<usize> {
    let latest = latest_person(state, si)?;
    if state.drafts[latest].sentence == si {
        return Some(latest);
    }
    state.last_subject_person.filter(|&k| state.drafts[k].sentence + 1 >= si).or(Some(latest))
}

/// The latest person draft with this country (if given) and a role the
/// description can stand for: its own, or for a generic one ("leader",
/// "head") any top role.
pub(super) fn find_by_role(
    state: &DocState,
    _si: usize,
    country: Option<&str>,
    role: Option<&str>,
) -> Option<usize> {
    let role = role?;
    let generic = GENERIC_ROLES.contains(&role);
    let roles = std::iter::once(role).chain(TOP_ROLES.iter().copied().filter(|_| generic));
    roles
        .filter_map(|r| match country {
            Some(c) => state.by_country_role.get(&(c.to_string(), r.to_string())).copied(),
            None => state.by_role.get(r).copied(),
        })
        .max()
}
