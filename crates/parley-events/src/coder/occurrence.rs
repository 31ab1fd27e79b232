//! Event nouns as subjects of occurrence verbs: "protests erupted",
//! "clashes broke out", "a ceasefire took effect", "air strikes hit
//! Gaza", "there were clashes". The verb says the event took place; it
//! stands where a light verb would ("staged protests"), so the noun is
//! coded with the verb's modality ("fighting could resume"), and the
//! verb's object is whom it befell. The verbs are a class of data
//! (`[occur]`, and `[occur-fail]` for events that did not take place or
//! stopped: "the ceasefire collapsed"), in `data/events/verb-classes.txt`.

use crate::classes::{ClassWords, NounClasses};
use crate::sent::Sent;

/// The class of verbs that say an event took place.
pub(super) const OCCUR: &str = "occur";
/// The class of verbs that say it did not, or stopped.
pub(super) const OCCUR_FAIL: &str = "occur-fail";

/// Whether verb `v` is one of `words`: its lemma, or a multiword item
/// (`break_out`, `take_effect`, `there_be`) whose other words are its
/// dependents or among the three words after it.
pub(super) fn verb_in(s: &Sent<'_>, v: usize, words: &ClassWords) -> bool {
    let lemma = s.lemma[v].as_str();
    if words.contains(lemma) {
        return true;
    }
    // No allocation: this runs for every event noun that is a subject.
    let near = |w: &str| {
        let is = |i: usize| s.lemma[i] == w || s.lower[i] == w;
        s.children[v].iter().any(|&i| is(i)) || (v + 1..s.n.min(v + 4)).any(is)
    };
    // The head is the item's one verb: `there_be` is "be" with "there".
    words.iter().filter(|w| w.contains('_')).any(|item| {
        item.split('_').any(|p| p == lemma) && item.split('_').all(|p| p == lemma || near(p))
    })
}

/// Whether verb `v` says the event failed or stopped ("collapsed").
pub(super) fn occurrence_failed(s: &Sent<'_>, v: usize, classes: &NounClasses) -> bool {
    classes.get(OCCUR_FAIL).is_some_and(|f| verb_in(s, v, f))
}

/// The verb that says event noun `t` took place, when `t` is its
/// (active) subject, or a gerund's ("Fighting resumed"), and whether it
/// says the event failed or stopped.
/// A control verb's infinitive counts ("talks failed to begin", "fighting
/// threatened to spread"): its modality comes from the control verb.
pub(super) fn occurrence_verb(
    s: &Sent<'_>,
    t: usize,
    classes: &NounClasses,
) -> Option<(usize, bool)> {
    if !s.parsed || !matches!(s.rel[t].as_str(), "nsubj" | "csubj") {
        return None;
    }
    let h = s.head[t]?;
    let (occur, fail) = (classes.get(OCCUR)?, classes.get(OCCUR_FAIL));
    let class_of = |v: usize| {
        if fail.is_some_and(|f| verb_in(s, v, f)) {
            Some(true)
        } else if verb_in(s, v, occur) {
            Some(false)
        } else {
            None
        }
    };
    if let Some(failed) = class_of(h) {
        return Some((h, failed));
    }
    let x = s.kid(h, "xcomp")?;
    class_of(x).map(|failed| (x, failed))
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::{check, coder, parsed, summary};

    #[test]
    fn an_event_noun_that_erupts_is_coded_with_its_own_parties() {
        // "Protests by farmers erupted": the noun's "by" phrase is the actor.
        check(
            "Protests/NOUN/protest/4/nsubj by/ADP/by/3/case Ukrainian/PROPN/Ukrainian/1/nmod erupted/VERB/erupt/0/root",
            &[("PROTEST", "UKR", "UKR", Modality::Asserted)],
        );
        // The same noun with no occurrence verb and no actor is not coded.
        let doc = parsed(
            "Protests/NOUN/protest/2/nsubj worried/VERB/worry/0/root Kyiv/PROPN/Kyiv/2/obj",
            "2024-05-01",
        );
        let events = coder().code(&doc);
        assert!(summary(&doc, &events).is_empty(), "{:?}", summary(&doc, &events));
    }

    #[test]
    fn clashes_between_two_parties_are_each_others() {
        // "Clashes broke out between Russian and Ukrainian troops".
        check(
            "Clashes/NOUN/clash/2/nsubj broke/VERB/break/0/root out/ADP/out/2/compound:prt between/ADP/between/5/case Russia/PROPN/Russia/2/obl and/CCONJ/and/7/cc Ukraine/PROPN/Ukraine/5/conj",
            &[
                ("ASSAULT", "RUS", "UKR", Modality::Asserted),
                ("ASSAULT", "UKR", "RUS", Modality::Asserted),
            ],
        );
        // "There were clashes between ...": the existential says it happened.
        check(
            "There/PRON/there/2/expl were/VERB/be/0/root clashes/NOUN/clash/2/nsubj between/ADP/between/5/case Russia/PROPN/Russia/3/nmod and/CCONJ/and/7/cc Ukraine/PROPN/Ukraine/5/conj",
            &[
                ("ASSAULT", "RUS", "UKR", Modality::Asserted),
                ("ASSAULT", "UKR", "RUS", Modality::Asserted),
            ],
        );
    }

    #[test]
    fn the_occurrence_verbs_modality_is_the_events() {
        let base = |verb: &str| {
            format!(
                "A/DET/a/2/det ceasefire/NOUN/ceasefire/{v}/nsubj between/ADP/between/4/case Israel/PROPN/Israel/2/nmod and/CCONJ/and/6/cc Russia/PROPN/Russia/4/conj {verb}",
                v = 7
            )
        };
        // "A ceasefire between Israel and Russia took effect".
        check(
            &base("took/VERB/take/0/root effect/NOUN/effect/7/obj"),
            &[
                ("RETREAT", "ISR", "RUS", Modality::Asserted),
                ("RETREAT", "RUS", "ISR", Modality::Asserted),
            ],
        );
        // "... collapsed": the event did not stand.
        check(
            &base("collapsed/VERB/collapse/0/root"),
            &[
                ("RETREAT", "ISR", "RUS", Modality::Negated),
                ("RETREAT", "RUS", "ISR", Modality::Negated),
            ],
        );
        // "... could resume": hypothetical, as the verb is.
        let doc = parsed(
            &base("could/AUX/could/8/aux resume/VERB/resume/0/root")
                .replace("/7/nsubj", "/8/nsubj"),
            "2024-05-01",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(
            !got.is_empty() && got.iter().all(|(_, _, _, m)| *m != Modality::Asserted),
            "{got:?}"
        );
    }

    #[test]
    fn a_gerund_subject_takes_its_verbs_modality() {
        // "Fighting could resume between Russia and Ukraine".
        let doc = parsed(
            "Fighting/VERB/fight/3/csubj could/AUX/could/3/aux resume/VERB/resume/0/root between/ADP/between/5/case Russia/PROPN/Russia/3/obl and/CCONJ/and/7/cc Ukraine/PROPN/Ukraine/5/conj",
            "2024-05-01",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(
            got.iter().any(|(t, a, r, _)| t == "ASSAULT" && a == "RUS" && r == "UKR"),
            "{got:?}"
        );
        assert!(got.iter().all(|(_, _, _, m)| *m != Modality::Asserted), "{got:?}");
    }

    #[test]
    fn a_transitive_occurrence_verbs_object_is_the_recipient() {
        // "Russian air strikes hit Ukraine": the verb's object is whom it befell.
        check(
            "Russian/ADJ/Russian/3/amod air/NOUN/air/3/compound strikes/NOUN/strike/4/nsubj rocked/VERB/rock/0/root Ukraine/PROPN/Ukraine/4/obj",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
    }
}
