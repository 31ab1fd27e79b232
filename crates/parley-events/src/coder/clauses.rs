//! Clause structure over the parse: subjects and agents, relative and
//! adverbial clauses, clefts, and phrases that only say when or who spoke.

use parley_doc::{Span, Upos};

use crate::attribution;
use crate::sent::Sent;

pub(super) const RELATIVE: &[&str] = &["which", "who", "that", "whom"];

/// Whether local token `a` belongs to the words that report speech verb
/// `v` rather than to what `v` reports (the trigger `t`): "..., the
/// minister told reporters in Brussels" names no party of the act.
pub(super) fn in_speech_phrase(
    s: &Sent<'_>,
    v: usize,
    t: usize,
    a: usize,
    quotes: &[Span],
) -> bool {
    if let Some((cv, first)) = attribution::closing_attribution(s, quotes) {
        if cv == v {
            return a >= first;
        }
    }
    if !s.parsed || s.dominates(a, t) {
        return false;
    }
    // The speaker and the addressee, with what modifies them.
    s.children[v]
        .iter()
        .any(|&c| matches!(s.base(c), "nsubj" | "obj" | "iobj") && (c == a || s.dominates(c, a)))
}

/// Whether token `i` sits in a phrase that only says when `pred`'s act
/// happened ("freed prisoners following a visit by a US envoy", "agreed
/// after talks mediated by Turkey"): who is named there is not its party.
pub(super) fn in_time_phrase(s: &Sent<'_>, i: usize, pred: usize) -> bool {
    let mut cur = i;
    for _ in 0..s.n {
        if cur == pred {
            return false;
        }
        // "following a visit by ...", parsed as a participle.
        let following = s.lower[cur] == "following" && matches!(s.base(cur), "acl" | "advcl");
        let timed = following
            || matches!(s.base(cur), "obl" | "nmod" | "advcl")
                && s.children[cur].iter().any(|&c| {
                    matches!(s.base(c), "case" | "mark")
                        && matches!(
                            s.lower[c].as_str(),
                            "after" | "before" | "following" | "during" | "amid"
                        )
                });
        if timed {
            return true;
        }
        let Some(h) = s.head[cur] else { return false };
        cur = h;
    }
    false
}

/// The words of a noun phrase, up to any clause that modifies it
/// ("dozens of protesters" in "dozens of protesters demanding ...").
pub(super) fn phrase_span(s: &Sent<'_>, head: usize) -> Span {
    let words: Vec<usize> = (0..s.n).filter(|&j| s.in_phrase_of(head, j)).collect();
    let first = words.iter().copied().min().unwrap_or(head);
    let last = words.iter().copied().max().unwrap_or(head);
    Span::new_unchecked(s.span(first).start, s.span(last).end)
}

/// Whether the trigger sits in the relative clause of an "it is X that"
/// cleft: "It is the Kremlin that started this war".
pub(super) fn is_cleft(s: &Sent<'_>, t: usize) -> bool {
    let Some(k) = (0..t.min(s.n)).find(|&k| s.lower[k] == "it") else { return false };
    if !s.lower.get(k + 1).is_some_and(|w| matches!(w.as_str(), "is" | "was" | "'s")) {
        return false;
    }
    (k + 3..t.min(k + 8)).any(|j| matches!(s.lower[j].as_str(), "that" | "who"))
}

/// Whether `inner` lies in an argument of `outer` (not in a coordinated or
/// relative clause of its own).
pub(super) fn embedded_in(s: &Sent<'_>, outer: usize, inner: usize) -> bool {
    let mut cur = inner;
    for _ in 0..s.n {
        let Some(h) = s.head[cur] else { return false };
        let rel = s.rel[cur].as_str();
        // A clause coordinated with the trigger itself stands apart; one
        // coordinated inside its argument ("forces Ukraine to demilitarize
        // and accept") shares it.
        if matches!(rel, "parataxis" | "list" | "acl:relcl" | "appos" | "root")
            || (rel == "conj" && (h == outer || s.base(h) != "xcomp"))
            || own_circumstance(s, cur)
            || misparsed_relative(s, cur)
        {
            return false;
        }
        if h == outer {
            return true;
        }
        cur = h;
    }
    false
}

/// Whether the verb at `v` heads a relative clause the parser took for an
/// argument ("discussed the plants which Russian missiles have hit",
/// with "hit" under "discussed"): its first word is a relative "which",
/// "whom" or "whose" right after a noun. After a verb the same words ask
/// a question ("asked which targets were hit"), which is an argument.
fn misparsed_relative(s: &Sent<'_>, v: usize) -> bool {
    if s.upos(v) != Some(Upos::VERB) || s.base(v) == "acl" {
        return false;
    }
    let first = (0..v).find(|&i| s.dominates(v, i)).unwrap_or(v);
    first > 0
        && matches!(s.lower[first].as_str(), "which" | "whom" | "whose")
        && matches!(s.upos(first - 1), Some(Upos::NOUN | Upos::PROPN))
}

/// Whether a clause is an adverbial one with its own subject and a
/// marker of time or cause ("..., as he met Zelenskiy"): it reports an act
/// of its own, not part of what the main clause's trigger says or asks.
pub(super) fn own_circumstance(s: &Sent<'_>, clause: usize) -> bool {
    s.base(clause) == "advcl"
        && s.children[clause].iter().any(|&c| {
            // "when" and "while" are often parsed as adverbs ("were killed
            // when Russian drones hit their position").
            (s.base(c) == "mark" || (s.base(c) == "advmod" && c < clause))
                && matches!(
                    s.lower[c].as_str(),
                    "as" | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "since"
                        | "because"
                        | "although"
                        | "though"
                        | "whereas"
                )
        })
        && s.children[clause].iter().any(|&c| {
            matches!(s.rel[c].as_str(), "nsubj" | "nsubj:pass")
                && !RELATIVE.contains(&s.lower[c].as_str())
        })
}

/// The subject head of a verb: its own, or (control, coordination,
/// participles) the one it shares with its head.
pub(super) fn subject_of(s: &Sent<'_>, v: usize) -> Option<usize> {
    let mut cur = v;
    for _ in 0..4 {
        if let Some(subj) = s.children[cur].iter().copied().find(|&c| {
            matches!(s.rel[c].as_str(), "nsubj" | "nsubj:pass" | "csubj" | "nsubj:outer")
        }) {
            if RELATIVE.contains(&s.lower[subj].as_str()) {
                return relative_noun(s, cur, subj).or(Some(subj));
            }
            return Some(subj);
        }
        if let Some(up) = reporting_conj_head(s, cur) {
            cur = up;
            continue;
        }
        let h = s.head[cur]?;
        match s.rel[cur].as_str() {
            "xcomp" | "conj" | "advcl" => cur = h,
            "acl" => return Some(h),
            _ => return None,
        }
    }
    None
}

/// "Peskov said the summit was a failure and warned that ...": a verb
/// that reports a clause of its own, coordinated by the parse with the
/// predicate of another speech verb's complement, is the speaker's second
/// act; returns that speech verb, whose subject it shares. ("said Russia
/// attacked X and seized Y" keeps "seized" with "Russia": it reports
/// nothing.)
fn reporting_conj_head(s: &Sent<'_>, v: usize) -> Option<usize> {
    if s.rel[v] != "conj"
        || s.kids(v, "ccomp").next().is_none()
        || s.children[v].iter().any(|&c| s.base(c) == "nsubj")
    {
        return None;
    }
    // The parse may hang it on any word of the complement ("said the
    // summit showed that NATO was involved in the conflict and warned"):
    // climb to the complement, a few steps at most.
    let mut x = s.head[v]?;
    for _ in 0..4 {
        let up = s.head[x]?;
        if s.base(x) == "ccomp" && attribution::is_speech(&s.lemma[up]) {
            return Some(up);
        }
        x = up;
    }
    None
}

/// The subject a verb states itself or shares with the verb it is
/// coordinated with, controlled by or adverbial to ("..., calling for
/// sanctions"); not the noun a participle modifies ("a declaration
/// demanding ...").
///
/// Returns the verb that has the subject, and the subject's head.
pub(super) fn named_subject(s: &Sent<'_>, v: usize) -> Option<(usize, usize)> {
    clause_subject(s, v, &["xcomp", "conj", "advcl"])
        .filter(|&(_, subj)| !RELATIVE.contains(&s.lower[subj].as_str()))
}

/// The subject of `v`'s clause, its own or one it shares through the
/// relations in `through` (at most four steps up), with the clause head
/// that has it: `(clause, subject)`.
pub(super) fn clause_subject(s: &Sent<'_>, v: usize, through: &[&str]) -> Option<(usize, usize)> {
    let mut cur = v;
    for _ in 0..4 {
        if let Some(subj) = s.children[cur]
            .iter()
            .copied()
            .find(|&c| matches!(s.rel[c].as_str(), "nsubj" | "nsubj:outer"))
        {
            return Some((cur, subj));
        }
        if let Some(up) = reporting_conj_head(s, cur).filter(|_| through.contains(&"conj")) {
            cur = up;
            continue;
        }
        if !through.contains(&s.rel[cur].as_str()) {
            return None;
        }
        cur = s.head[cur]?;
    }
    None
}

/// The noun a relative clause modifies, when the clause's subject (its
/// own or one it shares, as in [`named_subject`]) is the relative pronoun.
pub(super) fn relative_antecedent(s: &Sent<'_>, v: usize) -> Option<usize> {
    let (clause, subj) = clause_subject(s, v, &["xcomp", "conj"])?;
    RELATIVE.contains(&s.lower[subj].as_str()).then(|| relative_noun(s, clause, subj)).flatten()
}

/// The noun a relative pronoun `pron`, subject of `clause`, stands for:
/// the clause's head when the parse hangs it on a noun; else, when the
/// parse hangs the clause on a verb or coordinates it ("..., at the
/// request of President X, who visited Bern"), the noun right before the
/// pronoun (and its comma), which is where English puts the antecedent.
fn relative_noun(s: &Sent<'_>, clause: usize, pron: usize) -> Option<usize> {
    let nominal = |k: usize| matches!(s.upos(k), Some(Upos::NOUN | Upos::PROPN | Upos::PRON));
    let head = s.head[clause].filter(|_| s.rel[clause] == "acl:relcl");
    if let Some(h) = head.filter(|&h| nominal(h)) {
        return Some(h);
    }
    // "that" may be a demonstrative ("told reporters that was wrong").
    if s.lower[pron] == "that" {
        return head;
    }
    let mut k = pron.checked_sub(1)?;
    if s.lower[k] == "," {
        k = k.checked_sub(1)?;
    }
    if matches!(s.upos(k), Some(Upos::NOUN | Upos::PROPN)) {
        return Some(k);
    }
    head
}

/// The agent of a verb: the active subject, or the passive "by" phrase.
pub(super) fn agent_of(s: &Sent<'_>, v: usize) -> Option<usize> {
    if s.is_passive(v) {
        return s.children[v].iter().copied().find(|&c| {
            s.rel[c] == "obl:agent" || (s.base(c) == "obl" && s.prep_of(c) == Some("by"))
        });
    }
    let subj = subject_of(s, v)?;
    // A passive head's subject is its patient, not its agent.
    (s.rel[subj] != "nsubj:pass" || s.head[subj] != Some(v)).then_some(subj)
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::{coder, parsed, summary};

    fn events(spec: &str) -> Vec<(String, String, String, Modality)> {
        let doc = parsed(spec, "2024-07-18");
        summary(&doc, &coder().code(&doc))
    }

    #[test]
    fn a_relative_clause_parsed_as_an_argument_is_a_clause_of_its_own() {
        // "Ukraine discussed the plants which Russian missiles hit", with
        // "hit" hung under "discussed": the strike is an act of its own.
        let which = "Ukraine/PROPN/Ukraine/2/nsubj discussed/VERB/discuss/0/root plants/NOUN/plant/2/obj which/PRON/which/6/det Russian/ADJ/Russian/6/amod missiles/NOUN/missile/7/nsubj hit/VERB/hit/2/ccomp/VBD";
        let got = events(which);
        assert!(
            got.iter().any(|(t, a, _, m)| t == "ASSAULT" && a == "RUS" && *m == Modality::Asserted),
            "{got:?}"
        );
        // After a verb, "which" asks: what is asked about stays inside.
        assert!(!misparsed_relative_at(
            "Ukraine/PROPN/Ukraine/2/nsubj asked/VERB/ask/0/root which/PRON/which/5/det Russian/ADJ/Russian/5/amod missiles/NOUN/missile/6/nsubj hit/VERB/hit/2/ccomp/VBD",
            5
        ));
    }

    fn misparsed_relative_at(spec: &str, v: usize) -> bool {
        let doc = parsed(spec, "2024-07-18");
        let s = crate::sent::Sent::new(&doc, &doc.sentences[0]);
        super::misparsed_relative(&s, v)
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_noun_before_it() {
        // The parse hangs "who visited" on the verb "host"; the visitor is
        // the noun before ", who".
        let got = events("France/PROPN/France/2/nsubj agreed/VERB/agree/0/root to/PART/to/4/mark host/VERB/host/2/xcomp talks/NOUN/talk/4/obj at/ADP/at/8/case the/DET/the/8/det request/NOUN/request/4/obl of/ADP/of/10/case Scholz/PROPN/Scholz/8/nmod ,/PUNCT/,/13/punct who/PRON/who/13/nsubj visited/VERB/visit/4/acl:relcl Tbilisi/PROPN/Tbilisi/13/obj");
        assert!(got.iter().any(|(t, a, ..)| t == "CONSULT" && a == "DEUGOV"), "{got:?}");
        assert!(!got.iter().any(|(t, a, ..)| t == "CONSULT" && a == "FRA"), "{got:?}");
    }

    #[test]
    fn we_in_a_quote_is_the_quotes_speaker() {
        // "We think Moscow should withdraw," Scholz told reporters.
        let got = events("\"/PUNCT/\"/3/punct We/PRON/we/3/nsubj think/VERB/think/10/ccomp Moscow/PROPN/Moscow/6/nsubj should/AUX/should/6/aux withdraw/VERB/withdraw/3/ccomp ,/PUNCT/,/3/punct \"/PUNCT/\"/3/punct Scholz/PROPN/Scholz/10/nsubj told/VERB/tell/0/root reporters/NOUN/reporter/10/obj");
        assert!(
            got.iter().any(|(t, a, r, _)| t == "REQUEST" && a == "DEUGOV" && r == "RUSGOV"),
            "{got:?}"
        );
    }

    #[test]
    fn a_second_reporting_verb_shares_the_speakers_subject() {
        // "Scholz said the sanctions were illegal and warned that Moscow
        // would retaliate": the parse coordinates "warned" with "illegal".
        let got = events("Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/4/det sanctions/NOUN/sanction/6/nsubj were/AUX/be/6/cop illegal/ADJ/illegal/2/ccomp and/CCONJ/and/8/cc warned/VERB/warn/6/conj that/SCONJ/that/12/mark Moscow/PROPN/Moscow/12/nsubj would/AUX/would/12/aux retaliate/VERB/retaliate/8/ccomp");
        assert!(got.iter().any(|(t, a, ..)| t == "THREATEN" && a == "DEUGOV"), "{got:?}");
        // A second act inside the complement, reporting nothing, keeps
        // the complement's subject.
        let got = events("Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Russia/PROPN/Russia/4/nsubj attacked/VERB/attack/2/ccomp Kyiv/PROPN/Kyiv/4/obj and/CCONJ/and/7/cc shelled/VERB/shell/4/conj Tbilisi/PROPN/Tbilisi/7/obj");
        assert!(!got.iter().any(|(t, a, ..)| t == "ASSAULT" && a == "DEUGOV"), "{got:?}");
        assert!(got.iter().any(|(t, a, ..)| t == "ASSAULT" && a == "RUS"), "{got:?}");
    }
}
