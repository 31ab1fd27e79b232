//! Negation, modality, conditionals and questions: whether the text asserts
//! that an event happened. "has not rejected the talks" is negated; "could
//! attack" is hypothetical; "would attend only if ..." is conditional;
//! "failed to obtain an invitation" is negated through its control verb.

use parley_doc::{Modality, Upos};

use crate::sent::Sent;

/// What the words around a predicate say of its truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The modality.
    pub modality: Modality,
    /// The cue behind it, e.g. `neg:not`, `aux:could`, `ctrl:fail`, `if-clause`.
    pub cue: Option<String>,
    /// Whether the predicate itself is negated (kept even when another cue wins).
    pub negated: bool,
    /// Whether it is stated as future or intended ("will", "would", "going to").
    pub future: bool,
}

const NEG: &[&str] = &["not", "n't", "never", "no", "neither", "nor"];
const FAIL: &[&str] = &[
    "fail",
    "refuse",
    "decline",
    "neglect",
    "avoid",
    "cease",
    "unable",
    "reluctant",
    "deny",
    "stop",
];
/// Verbs that deny the clause they introduce ("denied that ...").
const DENY: &[&str] = &["deny", "refute", "dispute", "rebut"];
/// Verbs that deny a claim they take as object ("rejected accusations
/// that ...", "dismissed reports that ...").
const DENY_CLAIM: &[&str] = &["deny", "refute", "dispute", "rebut", "reject", "dismiss"];
/// Nouns whose content clause is a claim, not the writer's fact.
const CLAIM: &[&str] = &[
    "claim",
    "accusation",
    "allegation",
    "charge",
    "report",
    "suggestion",
    "assertion",
    "rumour",
    "rumor",
    "speculation",
];
/// Verbs whose to-infinitive did happen ("began to shell", "managed to seize").
const IMPLICATIVE: &[&str] = &[
    "begin", "start", "continue", "manage", "resume", "go", "proceed", "attempt", "try", "keep",
    "move", "decide", "choose", "dare", "rush", "hasten", "be", "have", "use", "resort",
    // "was quick to pour cold water on the plan": the act was done.
    "quick", "swift",
];
const DOUBT: &[&str] = &[
    "doubt",
    "question",
    "wonder",
    "speculate",
    "unclear",
    "unlikely",
    "uncertain",
    "possible",
    "rumor",
    "rumour",
    "hope",
    "want",
    "wish",
    "consider",
    "mull",
    "weigh",
    "contemplate",
    "expect",
    "seek",
    "whether",
    "if",
    "may",
    "might",
    "could",
    "likely",
    "able",
    "ready",
    "prepared",
    "unsure",
    "suppose",
    "imagine",
    "fear",
    "worry",
    "predict",
    "plan",
];
/// Nouns of intent that "no" negates for the act they govern.
const NO_PLAN: &[&str] = &[
    "intention",
    "intent",
    "plan",
    "desire",
    "wish",
    "interest",
    "reason",
    "need",
    "way",
    "willingness",
    "readiness",
    "inclination",
    "appetite",
    "sign",
    "indication",
];
/// Verbs of demanding and asking: what they govern is asked for, not done
/// ("demands Ukraine quit four regions", "urged that talks resume").
/// "order" is left out: an order is coded as what it orders; so is
/// "call", whose clause is mostly a name given ("called it a sham").
const DEMAND: &[&str] =
    &["demand", "urge", "ask", "request", "press", "appeal", "propose", "recommend", "require"];
/// Nouns that name what a party demands: a list they introduce after a
/// colon ("three conditions: recognition by both sides, ...") is its
/// content, not an event.
const DEMAND_NOUN: &[&str] = &[
    "condition",
    "precondition",
    "demand",
    "term",
    "requirement",
    "prerequisite",
    "ultimatum",
    "proposal",
];
/// Verbs that let, make or help another act: under a hypothetical
/// ("would only let Ukrainian forces regroup", "could allow Russia to
/// rearm") what they bring about is a consequence imagined, not a fact.
const CAUSE: &[&str] = &["let", "allow", "enable", "permit", "help", "force", "cause", "make"];
/// Modifiers that make an event noun prospective ("the promised
/// deployment of missiles", "the planned visit", "a possible summit").
const PROSPECTIVE: &[&str] = &[
    "planned",
    "promised",
    "proposed",
    "intended",
    "envisaged",
    "mooted",
    "expected",
    "possible",
    "potential",
    "prospective",
    "would-be",
];
/// Verbs of abstaining: the gerund they govern with "from" did not
/// happen ("refrained from criticising").
const ABSTAIN: &[&str] = &["refrain", "abstain", "desist"];
const HEDGE_ADV: &[&str] = &["possibly", "perhaps", "maybe", "potentially", "hypothetically"];
/// Words that may stand between a negation and its verb ("has not yet been").
const FILLER: &[&str] = &[
    "have",
    "has",
    "had",
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "yet",
    "also",
    "even",
    "still",
    "so",
    "far",
    "officially",
    "formally",
    "directly",
    "will",
    "would",
    "could",
    "can",
    "should",
    "to",
    "ever",
    "publicly",
    "explicitly",
    "immediately",
    "'s",
];

/// Reads the modality of the predicate at local token `t`. `reported` says
/// whether it lies in reported speech or a quote (where "would" states intent).
pub fn read(s: &Sent<'_>, t: usize, reported: bool) -> Reading {
    let mut r = Reading { modality: Modality::Asserted, cue: None, negated: false, future: false };
    let has_if = s.lower.iter().any(|w| w == "if");

    // Negation on the predicate (parse), or just before it (surface).
    let neg_kid = s.children[t].iter().copied().find(|&c| {
        matches!(s.base(c), "advmod" | "neg" | "det" | "cc:preconj")
            && NEG.contains(&s.lemma[c].as_str())
    });
    let neg_near = {
        let mut j = t;
        let mut found = None;
        while j > 0 && t - j < 5 {
            j -= 1;
            let w = s.lower[j].as_str();
            if NEG.contains(&w) && w != "no" && w != "nor" && w != "neither" {
                found = Some(j);
                break;
            }
            if !(FILLER.contains(&w) || w.ends_with("ly")) {
                break;
            }
        }
        found
    };
    if let Some(c) = neg_kid.or(neg_near) {
        r.negated = true;
        set(&mut r, Modality::Negated, format!("neg:{}", s.lower[c]));
    }
    if let Some(cue) = s.parsed.then(|| nobody_cue(s, t)).flatten() {
        r.negated = true;
        set(&mut r, Modality::Negated, cue);
    }

    // Auxiliaries and hedges on the predicate (parse), or just before it (surface).
    let mut aux: Vec<usize> =
        s.children[t].iter().copied().filter(|&c| s.base(c) == "aux").collect();
    if !s.parsed || aux.is_empty() {
        let mut j = t;
        while j > 0 && t - j < 5 {
            j -= 1;
            let w = s.lower[j].as_str();
            // "Ukraine in May launched ...": the month is no modal.
            if s.is_month(j) {
                continue;
            }
            if matches!(
                w,
                "will"
                    | "would"
                    | "could"
                    | "might"
                    | "may"
                    | "can"
                    | "should"
                    | "must"
                    | "'ll"
                    | "'d"
                    | "shall"
            ) {
                aux.push(j);
            } else if !(FILLER.contains(&w) || NEG.contains(&w) || w.ends_with("ly")) {
                break;
            }
        }
    }
    for &a in &aux {
        match s.lemma[a].as_str() {
            "could" | "might" | "may" | "can" => {
                set(&mut r, Modality::Hypothetical, format!("aux:{}", s.lower[a]))
            }
            "would" | "'d" => {
                r.future = true;
                if has_if {
                    set(&mut r, Modality::Conditional, "would-if".to_string());
                } else if !reported {
                    set(&mut r, Modality::Hypothetical, "aux:would".to_string());
                }
            }
            "will" | "'ll" | "shall" | "wo" => r.future = true,
            "should" | "must" | "ought" => {
                set(&mut r, Modality::Hypothetical, format!("aux:{}", s.lower[a]));
            }
            _ => {}
        }
    }
    if t >= 2 && s.lower[t - 1] == "to" && s.lower[t - 2] == "going" {
        r.future = true;
    }
    if let Some(h) =
        s.children[t].iter().copied().find(|&c| HEDGE_ADV.contains(&s.lemma[c].as_str()))
    {
        set(&mut r, Modality::Hypothetical, format!("adv:{}", s.lower[h]));
    }

    // A to-infinitive states a purpose or plan, not a fact ("measures to
    // participate", "efforts to mediate"), unless its verb implies it happened.
    let to_mark = if s.parsed {
        s.children[t].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "to")
    } else {
        t > 0 && s.lower[t - 1] == "to" && s.upos(t).is_none_or(|u| u == parley_doc::Upos::VERB)
    };
    if to_mark {
        let governor = if s.parsed { s.head[t] } else { t.checked_sub(2) };
        let implied = governor.is_some_and(|g| {
            let l = s.lemma[g].as_str();
            IMPLICATIVE.contains(&l) || FAIL.contains(&l) || DOUBT.contains(&l)
        });
        if !implied {
            set(&mut r, Modality::Hypothetical, "to-infinitive".to_string());
        }
    }

    // Conditionals: inside an if-clause, or bound by one ("only if"); a
    // future condition under "once" or "as soon as" is one too.
    if s.children[t].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "if") {
        set(&mut r, Modality::Conditional, "in-if-clause".to_string());
    }
    if let Some(m) = s.parsed.then(|| future_condition(s, t)).flatten() {
        set(&mut r, Modality::Conditional, format!("{IN_CONDITION}{m}"));
    }
    if let Some(cue) = s.parsed.then(|| inside_if_clause(s, t)).flatten() {
        set(&mut r, Modality::Conditional, cue);
    }
    if s.kids(t, "advcl").any(|a| {
        s.children[a].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "if")
            || future_condition(s, a).is_some()
    }) {
        set(&mut r, Modality::Conditional, "if-clause".to_string());
    }
    if s.children[t].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "whether") {
        set(&mut r, Modality::Questioned, "whether".to_string());
    }

    read_governors(s, t, &mut r);
    if let Some(cue) = content_cue(s, t) {
        set(&mut r, Modality::Hypothetical, cue);
    }
    if !s.parsed {
        // Surface: a control or doubt verb two or three words before ("failed to obtain").
        if t >= 2 && s.lower[t - 1] == "to" {
            let l = s.lemma[t - 2].as_str();
            if FAIL.iter().any(|f| l.starts_with(f)) {
                set(&mut r, Modality::Negated, format!("ctrl:{l}"));
            }
        }
    }

    // "denied that Russian forces had targeted ...": whatever the parse made
    // of "that", the clause it opens after a denial is not asserted.
    if let Some(j) = (t.saturating_sub(8)..t).rev().find(|&j| s.lower[j] == "that") {
        let denial = j > 0 && DENY.contains(&s.lemma[j - 1].as_str());
        // Another finite verb in between heads a clause of its own.
        let clause_verb_between = (j + 1..t).any(|k| {
            s.upos(k) == Some(parley_doc::Upos::VERB)
                && s.xpos(k).is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP"))
        });
        if denial && !clause_verb_between {
            r.negated = true;
            set(&mut r, Modality::Negated, format!("deny-that:{}", s.lemma[j - 1]));
        }
    }

    // "If Russia attacks a NATO member, the alliance will respond": an
    // opening condition runs to its comma, however it was parsed.
    let opener = (0..s.n).find(|&i| s.upos(i) != Some(parley_doc::Upos::PUNCT));
    if let Some(o) = opener.filter(|&o| matches!(s.lower[o].as_str(), "if" | "unless")) {
        if condition_end(s, o).is_some_and(|comma| o < t && t < comma) {
            set(&mut r, Modality::Conditional, format!("{}-opener", s.lower[o]));
        }
    }
    // "As soon as Kyiv begins a withdrawal, ...", "Once the ceasefire
    // holds, ...": a future condition opening the sentence, up to its
    // comma, in the present tense (in the past it tells when).
    if let Some((o, m)) = opener.and_then(|o| time_condition_marker(s, o).map(|m| (o, m))) {
        if let Some(comma) = condition_end(s, o) {
            let past = (o..comma).any(|k| s.xpos(k) == Some("VBD"));
            if o < t && t < comma && !past {
                set(&mut r, Modality::Conditional, format!("{IN_CONDITION}{m}"));
            }
        }
    }

    // Questions: the sentence ends in "?" and the predicate is not reported.
    if s.lower.last().is_some_and(|w| w == "?") && !reported {
        set(&mut r, Modality::Questioned, "question-mark".to_string());
    }
    r
}

/// The cue prefix of a predicate inside a future condition other than
/// "if" (`in-condition:once`, `in-condition:as-soon-as`).
pub(crate) const IN_CONDITION: &str = "in-condition:";

/// Verbs that keep an act from happening, with "from" ("deterred from
/// helping", "barred from entering").
const PREVENT: &[&str] = &["deter", "dissuade", "discourage", "prevent", "bar", "block", "stop"];

/// Subject words that name nobody ("Nobody attended", "None of them signed").
const NOBODY: &[&str] = &["nobody", "none", "no-one", "noone"];

/// Negation carried by an argument, not the verb: a determiner "no" on the
/// object ("held no talks", "made no concessions") or on the subject ("no
/// country attended"), a subject that names nobody, or "neither ... nor"
/// on the subject. Returns the cue.
fn nobody_cue(s: &Sent<'_>, t: usize) -> Option<String> {
    let det_no = |n: usize| s.children[n].iter().any(|&c| s.base(c) == "det" && s.lower[c] == "no");
    if s.kids(t, "obj").any(det_no) {
        return Some("no-object".to_string());
    }
    let subj = s.children[t]
        .iter()
        .copied()
        .find(|&c| matches!(s.rel[c].as_str(), "nsubj" | "nsubj:pass"))?;
    let neither = s.children[subj].iter().any(|&c| s.lower[c] == "neither");
    (det_no(subj) || neither || NOBODY.contains(&s.lower[subj].as_str()))
        .then(|| "no-subject".to_string())
}

/// "once" or "as soon as" at `o`, opening a clause: the marker's name.
fn time_condition_marker(s: &Sent<'_>, o: usize) -> Option<&'static str> {
    match s.lower[o].as_str() {
        // "once again", "once more": an adverb of repetition.
        "once" if !s.lower.get(o + 1).is_some_and(|w| matches!(w.as_str(), "again" | "more")) => {
            Some("once")
        }
        "as" if s.lower.get(o + 1).is_some_and(|w| w == "soon")
            && s.lower.get(o + 2).is_some_and(|w| w == "as") =>
        {
            Some("as-soon-as")
        }
        _ => None,
    }
}

/// Whether the clause headed by `clause` is a future condition under
/// "once" or "as soon as" ("once Russia withdraws", "as soon as Kyiv is
/// ready"): its marker and present tense (in the past, the clause tells
/// when something happened).
fn future_condition(s: &Sent<'_>, clause: usize) -> Option<&'static str> {
    let first = s.children[clause].iter().copied().filter(|&c| c < clause).min()?;
    let marker = s.children[clause]
        .iter()
        .copied()
        .filter(|&c| c < clause && matches!(s.base(c), "mark" | "advmod"))
        .find_map(|c| {
            time_condition_marker(s, c).or_else(|| {
                // "as soon as": the parser hangs the first "as" or "soon" here.
                (c == first && s.lower[c] == "soon" && c > 0)
                    .then(|| time_condition_marker(s, c - 1))
                    .flatten()
            })
        })?;
    let tensed = std::iter::once(clause)
        .chain(s.children[clause].iter().copied().filter(|&c| matches!(s.base(c), "aux" | "cop")));
    let mut present = false;
    for k in tensed {
        match s.xpos(k) {
            Some("VBD") => return None,
            Some("VBZ" | "VBP") => present = true,
            _ => {}
        }
    }
    present.then_some(marker)
}

/// "..., while blaming Kyiv for ...", "after meeting Xi": an adverbial
/// participle with a marker of time or contrast reports an act of its
/// own, not part of what its head says, asks or refuses ("by"-gerunds, the
/// means, and "without", an act not done, stay under their head).
pub(crate) fn circumstance_participle(s: &Sent<'_>, clause: usize) -> bool {
    s.base(clause) == "advcl"
        && s.xpos(clause) == Some("VBG")
        && s.children[clause].iter().any(|&c| {
            c < clause
                && matches!(s.base(c), "mark" | "advmod")
                && matches!(s.lower[c].as_str(), "while" | "whilst" | "after" | "since" | "when")
        })
}

/// The comma that ends a condition opening at `o`: the first one not
/// followed by "and" or "or", which go on with the condition ("As soon as
/// Kyiv declares ... and begins a withdrawal, and also notifies that it is
/// abandoning its plans, an order to cease fire will follow").
fn condition_end(s: &Sent<'_>, o: usize) -> Option<usize> {
    (o + 1..s.n).find(|&i| {
        s.lower[i] == "," && !s.lower.get(i + 1).is_some_and(|w| matches!(w.as_str(), "and" | "or"))
    })
}

/// "... if Ukraine pulls its troops out of four regions Moscow partly
/// occupies and abandons its plans": an if-clause that is some verb's
/// adverbial runs on to the next comma or the end of the sentence,
/// whatever the parse hung on its words (a reduced relative clause, a
/// second conjunct). `t` lies in it when it comes after the "if" with no
/// comma, colon, semicolon or dash between.
fn inside_if_clause(s: &Sent<'_>, t: usize) -> Option<String> {
    let stop = |w: &str| matches!(w, "," | ";" | ":" | "-" | "–" | "—");
    let mut i = t;
    while i > 0 {
        i -= 1;
        let w = s.lower[i].as_str();
        if stop(w) {
            return None;
        }
        if w == "if"
            && s.base(i) == "mark"
            && s.head[i].is_some_and(|h| s.base(h) == "advcl" && h != t)
        {
            return Some("in-if-clause".to_string());
        }
    }
    None
}

/// What a predicate only names: an event noun with a prospective modifier
/// ("the promised deployment"), or an item of the list a demand noun
/// opens after a colon ("three conditions China considered essential:
/// recognition by both Russia and Ukraine, ...").
fn content_cue(s: &Sent<'_>, t: usize) -> Option<String> {
    if let Some(m) = s.children[t]
        .iter()
        .copied()
        .find(|&c| s.base(c) == "amod" && PROSPECTIVE.contains(&s.lower[c].as_str()))
    {
        return Some(format!("prospective:{}", s.lower[m]));
    }
    if s.upos(t) != Some(Upos::NOUN) {
        return None;
    }
    let colon = (0..t).rev().find(|&i| s.lower[i] == ":")?;
    let noun = (colon.saturating_sub(6)..colon)
        .find(|&i| DEMAND_NOUN.contains(&s.lemma[i].as_str()) && s.upos(i) == Some(Upos::NOUN))?;
    Some(format!("content-of:{}", s.lemma[noun]))
}

/// Whether predicate `p` has a subject of its own.
fn has_subject(s: &Sent<'_>, p: usize) -> bool {
    s.children[p].iter().any(|&c| matches!(s.base(c), "nsubj" | "csubj" | "expl"))
}

/// Sets the modality and its cue unless an earlier cue set one.
fn set(r: &mut Reading, m: Modality, cue: String) {
    if r.modality == Modality::Asserted {
        r.modality = m;
        r.cue = Some(cue);
    }
}

/// Control, doubt, denial and negation on the verbs and nouns above the
/// predicate at `t` ("failed to obtain", "hopes to", "has yet to",
/// "rejected accusations that ...").
fn read_governors(s: &Sent<'_>, t: usize, r: &mut Reading) {
    let mut prev = t;
    let mut steps = 0;
    for (anc, rel) in s.ancestors(t) {
        let base = rel.split(':').next().unwrap_or("");
        // "demands Ukraine quit four regions and drop its bid", "if Kyiv
        // pulls out and abandons its plans": a second conjunct with no
        // subject of its own stands where the first one does.
        if base == "conj" && !has_subject(s, prev) {
            prev = anc;
            continue;
        }
        steps += 1;
        if steps > 4 {
            break;
        }
        // "refused to comment, while blaming Kyiv": the participle's act
        // is its own; what governs the main verb does not reach it.
        if base == "advcl" && circumstance_participle(s, prev) {
            break;
        }
        // "was deterred from helping": the act was kept from happening;
        // "would not be deterred from supporting": it goes ahead (a
        // stated intent), the two negations cancel.
        if PREVENT.contains(&s.lemma[anc].as_str())
            && s.children[prev].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "from")
        {
            let prevention_negated = s.children[anc].iter().any(|&c| {
                matches!(s.base(c), "advmod" | "neg") && NEG.contains(&s.lemma[c].as_str())
            });
            if prevention_negated {
                r.future = true;
            } else {
                r.negated = true;
                set(r, Modality::Negated, format!("ctrl:{}", s.lemma[anc]));
            }
            break;
        }
        // "had no intention of seeking", "no plans to attend".
        if matches!(base, "acl" | "nmod")
            && NO_PLAN.contains(&s.lemma[anc].as_str())
            && s.children[anc].iter().any(|&c| s.lemma[c] == "no")
        {
            // Stronger than the infinitive's purpose ("no plans to attend").
            r.negated = true;
            r.modality = Modality::Negated;
            r.cue = Some(format!("no-{}", s.lemma[anc]));
            break;
        }
        // "rejected accusations that its forces had fired": a denied
        // claim's content is not asserted.
        if base == "acl"
            && CLAIM.contains(&s.lemma[anc].as_str())
            && s.head[anc].is_some_and(|v| DENY_CLAIM.contains(&s.lemma[v].as_str()))
        {
            r.negated = true;
            let v = s.head[anc].map(|v| s.lemma[v].clone()).unwrap_or_default();
            set(r, Modality::Negated, format!("denied-claim:{v}"));
            break;
        }
        if !matches!(base, "xcomp" | "ccomp" | "csubj" | "advcl") {
            break;
        }
        let lemma = s.lemma[anc].as_str();
        if base == "advcl"
            && s.children[prev]
                .iter()
                .any(|&c| s.base(c) == "mark" && matches!(s.lemma[c].as_str(), "until" | "unless"))
        {
            // "impossible until Russia forces ...": a condition, not a fact.
            set(r, Modality::Conditional, "until-clause".to_string());
        }
        // "denied supporting the rebels": a gerund right under a denial is
        // its object, whatever relation the parser gave it.
        let denied_gerund = DENY.contains(&lemma)
            && s.xpos(prev) == Some("VBG")
            && !s.children[prev].iter().any(|&c| s.base(c) == "mark");
        // "has yet to return the grain", "is yet to reply": not yet done.
        let yet_to = matches!(lemma, "have" | "be")
            && s.children[anc].iter().any(|&c| s.base(c) == "advmod" && s.lemma[c] == "yet")
            && s.children[prev].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "to");
        if yet_to {
            r.negated = true;
            set(r, Modality::Negated, "yet-to".to_string());
        }
        // "would only let Ukrainian forces regroup": a consequence imagined.
        let imagined_cause = CAUSE.contains(&lemma)
            && base != "advcl"
            && s.children[anc].iter().any(|&c| {
                s.base(c) == "aux" && matches!(s.lemma[c].as_str(), "would" | "could" | "might")
            });
        if (FAIL.contains(&lemma) && base != "advcl") || denied_gerund || ABSTAIN.contains(&lemma) {
            set(r, Modality::Negated, format!("ctrl:{lemma}"));
        } else if (DOUBT.contains(&lemma) || DEMAND.contains(&lemma)) && base != "advcl" {
            set(r, Modality::Hypothetical, format!("ctrl:{lemma}"));
        } else if imagined_cause {
            set(r, Modality::Hypothetical, format!("ctrl:would-{lemma}"));
        } else if base == "advcl"
            && s.children[prev].iter().any(|&c| s.base(c) == "mark" && s.lemma[c] == "if")
        {
            set(r, Modality::Conditional, "in-if-clause".to_string());
        } else if let Some(m) = (base == "advcl").then(|| future_condition(s, prev)).flatten() {
            set(r, Modality::Conditional, format!("{IN_CONDITION}{m}"));
        }
        if s.children[anc]
            .iter()
            .any(|&c| s.base(c) == "advmod" && NEG.contains(&s.lemma[c].as_str()))
            && !matches!(lemma, "say" | "tell" | "add")
        {
            set(r, Modality::Negated, format!("neg-above:{lemma}"));
        }
        prev = anc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::parsed;

    /// (CoNLL-ish sentence, predicate form, expected modality, expected cue).
    #[test]
    fn table_of_readings() {
        let cases: &[(&str, &str, Modality, Option<&str>)] = &[
            (
                // A determiner "no" on the object negates the act.
                "Serbia/PROPN/Serbia/2/nsubj signed/VERB/sign/0/root no/DET/no/4/det agreement/NOUN/agreement/2/obj",
                "signed",
                Modality::Negated,
                Some("no-object"),
            ),
            (
                // ... and an object without it does not.
                "Serbia/PROPN/Serbia/2/nsubj signed/VERB/sign/0/root an/DET/a/4/det agreement/NOUN/agreement/2/obj",
                "signed",
                Modality::Asserted,
                None,
            ),
            (
                "No/DET/no/2/det government/NOUN/government/3/nsubj recognised/VERB/recognise/0/root the/DET/the/5/det vote/NOUN/vote/3/obj",
                "recognised",
                Modality::Negated,
                Some("no-subject"),
            ),
            (
                "Neither/CCONJ/neither/2/cc:preconj Paris/PROPN/Paris/5/nsubj nor/CCONJ/nor/4/cc Rome/PROPN/Rome/2/conj voted/VERB/vote/0/root",
                "voted",
                Modality::Negated,
                Some("no-subject"),
            ),
            (
                // "Once Hamas frees the hostages, Israel will pull back":
                // the condition is not asserted, in the present tense.
                "Once/SCONJ/once/3/mark Hamas/PROPN/Hamas/3/nsubj frees/VERB/free/8/advcl/VBZ the/DET/the/5/det hostages/NOUN/hostage/3/obj ,/PUNCT/,/3/punct Israel/PROPN/Israel/8/nsubj pull/VERB/pull/0/root",
                "frees",
                Modality::Conditional,
                Some("in-condition:once"),
            ),
            (
                // In the past it tells when: asserted.
                "Once/SCONJ/once/3/mark Hamas/PROPN/Hamas/3/nsubj freed/VERB/free/8/advcl/VBD the/DET/the/5/det hostages/NOUN/hostage/3/obj ,/PUNCT/,/3/punct Israel/PROPN/Israel/8/nsubj pulled/VERB/pull/0/root/VBD",
                "freed",
                Modality::Asserted,
                None,
            ),
            (
                "Once/ADV/once/4/advmod again/ADV/again/1/advmod Russia/PROPN/Russia/4/nsubj strikes/VERB/strike/0/root/VBZ",
                "strikes",
                Modality::Asserted,
                None,
            ),
            (
                "As/ADV/as/2/advmod soon/ADV/soon/5/advmod as/SCONJ/as/5/mark Tehran/PROPN/Tehran/5/nsubj halts/VERB/halt/0/root/VBZ enrichment/NOUN/enrichment/5/obj",
                "halts",
                Modality::Conditional,
                Some("in-condition:as-soon-as"),
            ),
            (
                // Prevented: the act did not happen.
                "Germany/PROPN/Germany/3/nsubj:pass was/AUX/be/3/aux:pass deterred/VERB/deter/0/root from/SCONJ/from/5/mark helping/VERB/help/3/advcl Ukraine/PROPN/Ukraine/5/obj",
                "helping",
                Modality::Negated,
                Some("ctrl:deter"),
            ),
            (
                // Not deterred: the two negations cancel.
                "Germany/PROPN/Germany/4/nsubj:pass will/AUX/will/4/aux not/PART/not/4/advmod deterred/VERB/deter/0/root from/SCONJ/from/6/mark helping/VERB/help/4/advcl Ukraine/PROPN/Ukraine/6/obj",
                "helping",
                Modality::Asserted,
                None,
            ),
            (
                // A participle of time under a refusal is not refused.
                "Hanoi/PROPN/Hanoi/2/nsubj refused/VERB/refuse/0/root to/PART/to/4/mark comment/VERB/comment/2/xcomp while/SCONJ/while/6/mark criticising/VERB/criticise/4/advcl/VBG Manila/PROPN/Manila/6/obj",
                "criticising",
                Modality::Asserted,
                None,
            ),
            (
                "Russia/PROPN/Russia/3/nsubj has/AUX/have/3/aux not/PART/not/3/advmod rejected/VERB/reject/0/root the/DET/the/5/det talks/NOUN/talk/3/obj",
                "rejected",
                Modality::Negated,
                Some("neg:not"),
            ),
            (
                "Russia/PROPN/Russia/4/nsubj:pass has/AUX/have/4/aux n't/PART/not/4/advmod been/AUX/be/4/aux:pass invited/VERB/invite/0/root",
                "invited",
                Modality::Negated,
                Some("neg:n't"),
            ),
            (
                // The parse took "that" for an object; the denial still holds.
                "Kremlin/PROPN/Kremlin/2/nsubj denied/VERB/deny/0/root that/SCONJ/that/2/obj forces/NOUN/force/6/nsubj had/AUX/have/6/aux targeted/VERB/target/3/acl:relcl civilians/NOUN/civilian/6/obj",
                "targeted",
                Modality::Negated,
                Some("deny-that:deny"),
            ),
            (
                // The parse took the gerund for an adverbial clause.
                "Rwanda/PROPN/Rwanda/2/nsubj denied/VERB/deny/0/root supporting/VERB/support/2/advcl/VBG the/DET/the/5/det rebels/NOUN/rebel/3/obj",
                "supporting",
                Modality::Negated,
                Some("ctrl:deny"),
            ),
            (
                "Kremlin/PROPN/Kremlin/2/nsubj rejected/VERB/reject/0/root accusations/NOUN/accusation/2/obj that/SCONJ/that/7/mark forces/NOUN/force/7/nsubj had/AUX/have/7/aux fired/VERB/fire/3/acl",
                "fired",
                Modality::Negated,
                Some("denied-claim:reject"),
            ),
            (
                // An accusation not denied stays as the parse has it.
                "Kremlin/PROPN/Kremlin/2/nsubj repeated/VERB/repeat/0/root accusations/NOUN/accusation/2/obj that/SCONJ/that/7/mark forces/NOUN/force/7/nsubj had/AUX/have/7/aux fired/VERB/fire/3/acl",
                "fired",
                Modality::Asserted,
                None,
            ),
            (
                "Russia/PROPN/Russia/2/nsubj has/VERB/have/0/root yet/ADV/yet/2/advmod to/PART/to/5/mark return/VERB/return/2/xcomp the/DET/the/7/det grain/NOUN/grain/5/obj",
                "return",
                Modality::Negated,
                Some("yet-to"),
            ),
            (
                "Kyiv/PROPN/Kyiv/2/nsubj refrained/VERB/refrain/0/root from/SCONJ/from/4/mark criticising/VERB/criticise/2/advcl/VBG Russia/PROPN/Russia/4/obj",
                "criticising",
                Modality::Negated,
                Some("ctrl:refrain"),
            ),
            (
                "Kremlin/PROPN/Kremlin/2/nsubj showed/VERB/show/0/root no/DET/no/4/det willingness/NOUN/willingness/2/obj to/PART/to/6/mark cooperate/VERB/cooperate/4/acl",
                "cooperate",
                Modality::Negated,
                Some("no-willingness"),
            ),
            (
                "Ukraine/PROPN/Ukraine/2/nsubj failed/VERB/fail/0/root to/PART/to/4/mark obtain/VERB/obtain/2/xcomp an/DET/a/6/det invitation/NOUN/invitation/4/obj",
                "obtain",
                Modality::Negated,
                Some("ctrl:fail"),
            ),
            (
                "Moscow/PROPN/Moscow/3/nsubj would/AUX/would/3/aux attend/VERB/attend/0/root only/ADV/only/7/advmod if/SCONJ/if/7/mark troops/NOUN/troop/7/nsubj left/VERB/leave/3/advcl",
                "attend",
                Modality::Conditional,
                Some("would-if"),
            ),
            (
                // The parse took "attacks" for a noun and lost the "if".
                "If/SCONJ/if/0/root Russia/PROPN/Russia/3/compound attacks/NOUN/attack/1/conj ,/PUNCT/,/7/punct NATO/PROPN/NATO/7/nsubj will/AUX/will/7/aux respond/VERB/respond/3/acl:relcl",
                "attacks",
                Modality::Conditional,
                Some("if-opener"),
            ),
            (
                "Russia/PROPN/Russia/3/nsubj could/AUX/could/3/aux attack/VERB/attack/0/root Kyiv/PROPN/Kyiv/3/obj",
                "attack",
                Modality::Hypothetical,
                Some("aux:could"),
            ),
            (
                "Will/AUX/will/3/aux Russia/PROPN/Russia/3/nsubj attend/VERB/attend/0/root ?/PUNCT/?/3/punct",
                "attend",
                Modality::Questioned,
                Some("question-mark"),
            ),
            (
                "Kyiv/PROPN/Kyiv/2/nsubj rejected/VERB/reject/0/root the/DET/the/4/det plan/NOUN/plan/2/obj",
                "rejected",
                Modality::Asserted,
                None,
            ),
            (
                "Officials/NOUN/official/2/nsubj doubt/VERB/doubt/0/root Russia/PROPN/Russia/5/nsubj will/AUX/will/5/aux attend/VERB/attend/2/ccomp",
                "attend",
                Modality::Hypothetical,
                Some("ctrl:doubt"),
            ),
            (
                // A second conjunct with no subject of its own is asked for
                // as the first one is.
                "Putin/PROPN/Putin/2/nsubj demands/VERB/demand/0/root Ukraine/PROPN/Ukraine/4/nsubj quit/VERB/quit/2/ccomp regions/NOUN/region/4/obj and/CCONJ/and/7/cc drop/VERB/drop/4/conj bid/NOUN/bid/7/obj",
                "drop",
                Modality::Hypothetical,
                Some("ctrl:demand"),
            ),
            (
                // ... but one with its own subject is a clause of its own.
                "Putin/PROPN/Putin/2/nsubj demands/VERB/demand/0/root Ukraine/PROPN/Ukraine/4/nsubj quit/VERB/quit/2/ccomp and/CCONJ/and/7/cc Kyiv/PROPN/Kyiv/7/nsubj refused/VERB/refuse/2/conj",
                "refused",
                Modality::Asserted,
                None,
            ),
            (
                // A reduced relative clause the parse hung outside the
                // if-clause it stands in.
                "Russia/PROPN/Russia/3/nsubj will/AUX/will/3/aux stop/VERB/stop/0/root if/SCONJ/if/6/mark Ukraine/PROPN/Ukraine/6/nsubj leaves/VERB/leave/3/advcl regions/NOUN/region/6/obj Moscow/PROPN/Moscow/9/nsubj occupies/VERB/occupy/3/parataxis",
                "occupies",
                Modality::Conditional,
                Some("in-if-clause"),
            ),
            (
                // After the comma the condition is over.
                "Russia/PROPN/Russia/3/nsubj will/AUX/will/3/aux stop/VERB/stop/0/root if/SCONJ/if/6/mark Ukraine/PROPN/Ukraine/6/nsubj leaves/VERB/leave/3/advcl ,/PUNCT/,/3/punct Moscow/PROPN/Moscow/9/nsubj said/VERB/say/3/parataxis",
                "said",
                Modality::Asserted,
                None,
            ),
            (
                "Mao/PROPN/Mao/2/nsubj listed/VERB/list/0/root three/NUM/three/4/nummod conditions/NOUN/condition/2/obj :/PUNCT/:/6/punct recognition/NOUN/recognition/4/appos",
                "recognition",
                Modality::Hypothetical,
                Some("content-of:condition"),
            ),
            (
                "truce/NOUN/truce/3/nsubj would/AUX/would/3/aux let/VERB/let/0/root forces/NOUN/force/5/nsubj regroup/VERB/regroup/3/ccomp",
                "regroup",
                Modality::Hypothetical,
                Some("ctrl:would-let"),
            ),
            (
                "truce/NOUN/truce/2/nsubj let/VERB/let/0/root forces/NOUN/force/4/nsubj regroup/VERB/regroup/2/ccomp",
                "regroup",
                Modality::Asserted,
                None,
            ),
            (
                "the/DET/the/3/det promised/ADJ/promised/3/amod deployment/NOUN/deployment/0/root",
                "deployment",
                Modality::Hypothetical,
                Some("prospective:promised"),
            ),
            (
                // ", and" goes on with an opening condition.
                "As/ADV/as/2/advmod soon/ADV/soon/5/advmod as/SCONJ/as/5/mark Kyiv/PROPN/Kyiv/5/nsubj declares/VERB/declare/0/root/VBZ ,/PUNCT/,/9/punct and/CCONJ/and/9/cc also/ADV/also/9/advmod notifies/VERB/notify/5/conj/VBZ ,/PUNCT/,/13/punct Russia/PROPN/Russia/13/nsubj will/AUX/will/13/aux stop/VERB/stop/5/parataxis",
                "notifies",
                Modality::Conditional,
                Some("in-condition:as-soon-as"),
            ),
        ];
        for (conll, pred, want, cue) in cases {
            let doc = parsed(conll, "2024-07-18");
            let s = Sent::new(&doc, &doc.sentences[0]);
            let t = s.lower.iter().position(|w| w == &pred.to_lowercase()).expect("predicate");
            let r = read(&s, t, false);
            assert_eq!(r.modality, *want, "{conll}: {r:?}");
            assert_eq!(r.cue.as_deref(), *cue, "{conll}");
        }
    }

    #[test]
    fn a_month_is_no_modal() {
        // "Ukraine in May launched an offensive": no auxiliary in the parse,
        // and the month before the verb is not "may".
        let doc = parsed(
            "Ukraine/PROPN/Ukraine/4/nsubj in/ADP/in/3/case May/PROPN/May/4/obl launched/VERB/launch/0/root an/DET/a/6/det offensive/NOUN/offensive/4/obj",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        let r = read(&s, 3, false);
        assert_eq!((r.modality, r.cue), (Modality::Asserted, None));
        // The modal itself still hedges without a parse.
        let doc = parsed("Ukraine may launch an offensive", "2024-07-18");
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert_eq!(read(&s, 2, false).modality, Modality::Hypothetical);
    }

    #[test]
    fn reported_would_states_intent() {
        let doc = parsed(
            "Zakharova/PROPN/Zakharova/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/6/nsubj would/AUX/would/6/aux not/PART/not/6/advmod attend/VERB/attend/2/ccomp",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        let r = read(&s, 5, true);
        assert!(r.negated && r.future);
        assert_eq!(r.modality, Modality::Negated);
    }
}
