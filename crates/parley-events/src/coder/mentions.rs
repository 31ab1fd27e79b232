//! The actor mentions a phrase names: its head, coordinated and
//! modifying mentions, owners of a noun and prepositional roles.

use parley_doc::{Document, EventParty};

use crate::lexicon::Role;
use crate::sent::Sent;

use super::event_places::SPATIAL;
use super::Hit;

/// Prepositional dependents of `t` with preposition `p`, as mentions.
pub(super) fn role_prep(
    s: &Sent<'_>,
    t: usize,
    p: &str,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let mut out = Vec::new();
    for c in s.children[t].clone() {
        if matches!(s.base(c), "obl" | "nmod" | "advcl" | "acl") && s.prep_of(c) == Some(p) {
            out.extend(nominal_mentions(s, c, mention_at));
        }
    }
    out
}

/// Owner of a nominal trigger: possessor, adjectival or compound mention,
/// or a "by" phrase ("Putin's proposal", "Russian invasion").
pub(super) fn noun_owner(
    s: &Sent<'_>,
    t: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let mut out = Vec::new();
    for &c in &s.children[t] {
        if matches!(s.rel[c].as_str(), "nmod:poss" | "amod" | "compound" | "det:poss") {
            out.extend(nominal_mentions(s, c, mention_at));
        }
    }
    dedupe(out)
}

/// Mentions inside the nominal phrase headed by `h`: the head's own
/// mention and coordinated ones, or modifiers when the head is a common noun
/// ("Senior Hungarian and Romanian officials", "officials in Switzerland").
pub(super) fn nominal_mentions(
    s: &Sent<'_>,
    h: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut stack = vec![(h, 0usize, false)];
    let mut seen = vec![false; s.n];
    let code_of = |m: usize| s.doc.mentions.get(m).map(|m| m.actor.code.as_str());
    let mut renamed_mentions: Vec<usize> = Vec::new();
    while let Some((x, depth, apposed)) = stack.pop() {
        if x >= s.n || seen[x] || depth > 4 {
            continue;
        }
        seen[x] = true;
        let own = mention_at(x);
        if let Some(m) = own {
            // An apposition renames the same party ("the International
            // Labour Office (ILO)"): it is not a second one.
            let renamed = renamed_mentions.contains(&m)
                || (apposed && out.iter().any(|o| code_of(o.mention) == code_of(m)));
            if renamed {
                renamed_mentions.push(m);
            } else {
                out.push(Hit { mention: m, rule: String::new(), parse: true });
            }
        }
        // "Houthi targets in Yemen": the targets are the Houthis'; the
        // place only says where they are ("officials in Switzerland" have
        // no other party named, so the place names theirs).
        // ("Hezbollah weapons depots in Lebanon": the party may modify a
        // modifier.)
        let names_party = |c: usize| {
            matches!(s.rel[c].as_str(), "amod" | "compound" | "nmod:poss")
                && (mention_at(c).is_some()
                    || s.children[c].iter().any(|&g| {
                        matches!(s.rel[g].as_str(), "amod" | "compound") && mention_at(g).is_some()
                    }))
        };
        let modifier_names_party = own.is_none() && s.children[x].iter().any(|&c| names_party(c));
        for &c in s.children[x].iter().rev() {
            let rel = s.rel[c].as_str();
            let base = s.base(c);
            if modifier_names_party && base == "nmod" && rel != "nmod:poss" {
                continue;
            }
            // "according to the UN" names a source, not a party.
            if s.children[c].iter().any(|&k| s.lower[k] == "according") {
                continue;
            }
            // "fought jihadists near the border with Niger": a phrase that
            // only says where names no party.
            if base == "nmod" && s.prep_of(c).is_some_and(|p| SPATIAL.contains(&p)) {
                continue;
            }
            // "Chinese and Russian warships": the mention covers "Russian
            // warships"; the adjective coordinated with it names a second
            // party.
            let coordinated_modifier = own.is_some()
                && matches!(base, "amod" | "compound")
                && mention_at(c).is_some_and(|m| Some(m) != own)
                && s.kids(c, "conj").any(|d| mention_at(d) == own);
            let follow = match base {
                "conj" | "appos" => true,
                _ if coordinated_modifier => true,
                // "leaders of France and Germany": the mention covers
                // "leaders of France"; its "of" phrase leads to Germany.
                // An apposition describes the party it follows: one that
                // modifies it ("Pakistan, a key U.S. ally") is no second
                // party.
                "amod" | "compound" | "flat" | "det" | "nmod" => {
                    (own.is_none()
                        && !apposed
                        && (base != "nmod" || rel == "nmod:poss" || depth <= 1))
                        || (base == "nmod" && own.is_some() && mention_at(c) == own)
                }
                _ => false,
            };
            if follow {
                stack.push((c, depth + 1, base == "appos"));
            }
        }
    }
    // Text order, head's own first.
    dedupe(out)
}

pub(super) fn dedupe(hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if !out.iter().any(|o| o.mention == h.mention) {
            out.push(h);
        }
    }
    out
}

pub(super) fn relabel(hits: Vec<Hit>, rule: &str) -> Vec<Hit> {
    hits.into_iter()
        .map(|mut h| {
            h.rule = rule.to_string();
            h
        })
        .collect()
}

pub(super) fn role_name(role: &Role) -> String {
    match role {
        Role::Subj => "subj".into(),
        Role::Obj => "obj".into(),
        Role::Iobj => "iobj".into(),
        Role::Poss => "poss".into(),
        Role::Prep(p) => format!("prep:{p}"),
    }
}

pub(super) fn party_of(doc: &Document, h: &Hit) -> EventParty {
    let m = &doc.mentions[h.mention];
    EventParty {
        span: m.span,
        mention: Some(h.mention),
        actor: m.actor.clone(),
        rule: h.rule.clone(),
    }
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::{check, coder, parsed, summary};

    #[test]
    fn a_currency_does_not_name_the_actors_home() {
        // "Germany condemned the deal worth millions of German euros".
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det deal/NOUN/deal/2/obj worth/ADJ/worth/4/amod German/ADJ/German/7/amod euros/NOUN/euro/5/obj",
            &[("ACCUSE", "DEU", "-", Modality::Asserted)],
        );
        // A state named again by its people or firms is the recipient, as
        // PLOVER codes domestic acts.
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det deal/NOUN/deal/2/obj of/ADP/of/7/case German/ADJ/German/7/amod firms/NOUN/firm/4/nmod",
            &[("ACCUSE", "DEU", "DEU", Modality::Asserted)],
        );
    }

    #[test]
    fn a_demonym_naming_a_natural_feature_is_no_party() {
        check(
            "Pyongyang/PROPN/Pyongyang/2/nsubj test-fired/VERB/test-fire/0/root missiles/NOUN/missile/2/obj into/ADP/into/6/case the/DET/the/6/det sea/NOUN/sea/2/obl east/ADV/east/6/advmod of/ADP/of/11/case the/DET/the/11/det Russian/ADJ/Russian/11/amod peninsula/NOUN/peninsula/7/obl",
            &[("MOBILIZE", "PRKGOV", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn an_adjective_coordinated_with_a_mention_names_a_second_party() {
        let doc = parsed(
            "Chinese/ADJ/Chinese/4/amod and/CCONJ/and/3/cc Russian/ADJ/Russian/1/conj army/NOUN/army/5/nsubj held/VERB/hold/0/root joint/ADJ/joint/7/amod exercises/NOUN/exercise/5/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "COOPERATE" && a == "CHN" && r == "RUSMIL"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(t, a, r, _)| t == "COOPERATE" && a == "RUSMIL" && r == "CHN"),
            "{got:?}"
        );
    }

    #[test]
    fn a_country_inside_a_seas_name_is_no_party() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj seized/VERB/seize/0/root a/DET/a/4/det tanker/NOUN/tanker/2/obj in/ADP/in/9/case the/DET/the/9/det South/PROPN/South/9/compound China/PROPN/China/9/compound Sea/PROPN/Sea/4/nmod",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "COERCE" && a == "RUS"), "{got:?}");
        assert!(!got.iter().any(|(_, _, r, _)| r == "CHN"), "{got:?}");
    }

    #[test]
    fn a_party_modifying_an_apposition_is_no_second_actor() {
        let doc = parsed(
            "Poland/PROPN/Poland/7/nsubj ,/PUNCT/,/5/punct a/DET/a/5/det Ukrainian/ADJ/Ukrainian/5/amod ally/NOUN/ally/1/appos ,/PUNCT/,/5/punct refused/VERB/refuse/0/root to/PART/to/9/mark attend/VERB/attend/7/xcomp",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "REJECT" && a == "POL"), "{got:?}");
        assert!(!got.iter().any(|(_, a, _, _)| a == "UKR"), "{got:?}");
    }

    #[test]
    fn according_to_names_the_source_not_a_party() {
        // The tagger may give "according" the lemma "accord".
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj violated/VERB/violate/0/root the/DET/the/4/det ceasefire/NOUN/ceasefire/2/obj ,/PUNCT/,/8/punct according/VERB/accord/8/case to/ADP/to/6/fixed NATO/PROPN/NATO/4/nmod",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(!got.iter().any(|(_, _, r, _)| r == "IGOWSTNAT"), "{got:?}");
        assert!(!events.is_empty(), "the violation is coded");
        assert!(
            events.iter().all(|e| e.speaker.as_ref().is_some_and(|s| s.actor.code == "IGOWSTNAT")),
            "{got:?}"
        );
    }
}
