use parley_doc::Modality;

use super::Verdicts;
use crate::testutil::{check, coder, parsed, summary};

const A: Modality = Modality::Asserted;

/// Codes `spec` and checks that one asserted event is `want` (type,
/// actor, recipient) and that it comes from this file's rules; other
/// words of the sentence may be coded too.
fn has(spec: &str, want: (&str, &str, &str)) {
    let doc = parsed(spec, "2024-07-18");
    let events = coder().code(&doc);
    let got = summary(&doc, &events);
    let found = got.iter().zip(&events).any(|((t, a, r, m), e)| {
        (t.as_str(), a.as_str(), r.as_str()) == want
            && *m == A
            && ["verdict:", "request:", "intent:", "rebuttal:"]
                .iter()
                .any(|p| e.rule.starts_with(p))
    });
    assert!(found, "{want:?} not in {got:?}");
}

#[test]
fn the_shipped_lists_parse_and_an_unknown_section_does_not() {
    let v = Verdicts::embedded().expect("embedded verdicts parse");
    assert!(v.judge.contains(&["sham"]));
    assert!(Verdicts::parse("[judge]\nsham\n[nonsense]\nx\n", "t").is_err());
    assert!(Verdicts::parse("sham\n", "t").is_err());
}

#[test]
fn a_pejorative_predicate_in_reported_speech_judges_the_owner() {
    // A proposal judged is rejected; its owner is the recipient.
    check(
        "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod plan/NOUN/plan/8/nsubj was/AUX/be/8/cop a/DET/a/8/det sham/NOUN/sham/2/ccomp",
        &[("REJECT", "DEUGOV", "RUS", A)],
    );
    // Conduct judged is accused.
    check(
        "Kyiv/PROPN/Kyiv/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod strikes/NOUN/strike/7/nsubj were/AUX/be/7/cop barbaric/ADJ/barbaric/2/ccomp",
        &[("ACCUSE", "UKRGOV", "RUS", A)],
    );
}

#[test]
fn the_same_copula_outside_attributed_speech_or_negated_is_no_event() {
    check(
        "The/DET/the/3/det Russian/ADJ/Russian/3/amod plan/NOUN/plan/6/nsubj was/AUX/be/6/cop a/DET/a/6/det sham/NOUN/sham/0/root",
        &[],
    );
    check(
        "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod plan/NOUN/plan/9/nsubj was/AUX/be/9/cop not/PART/not/9/advmod a/DET/a/9/det sham/NOUN/sham/2/ccomp",
        &[],
    );
    // Nothing a party owns, no proposal: no one is judged.
    check(
        "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/4/det weather/NOUN/weather/6/nsubj was/AUX/be/6/cop absurd/ADJ/absurd/2/ccomp",
        &[],
    );
}

#[test]
fn a_bad_consequence_or_bad_faith_said_of_the_other_side() {
    // "would only reward aggression": a refusal said as a consequence.
    check(
        "A/DET/a/3/det new/ADJ/new/3/amod truce/NOUN/truce/0/root ,/PUNCT/,/3/punct Kyiv/PROPN/Kyiv/6/nsubj said/VERB/say/3/parataxis ,/PUNCT/,/6/punct would/AUX/would/10/aux only/ADV/only/10/advmod reward/VERB/reward/6/ccomp aggression/NOUN/aggression/10/obj",
        &[("REJECT", "UKRGOV", "-", A)],
    );
    check(
        "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/6/nsubj was/AUX/be/6/aux not/PART/not/6/advmod acting/VERB/act/2/ccomp in/ADP/in/9/case good/ADJ/good/9/amod faith/NOUN/faith/6/obl",
        &[("ACCUSE", "DEUGOV", "RUSGOV", A)],
    );
    // Acting in good faith, said, is no allegation.
    check(
        "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/5/nsubj was/AUX/be/5/aux acting/VERB/act/2/ccomp in/ADP/in/8/case good/ADJ/good/8/amod faith/NOUN/faith/5/obl",
        &[],
    );
}

#[test]
fn approval_is_support() {
    check(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det French/ADJ/French/5/amod remarks/NOUN/remark/8/nsubj were/AUX/be/8/cop in/ADP/in/8/case tune/NOUN/tune/2/ccomp with/ADP/with/11/case its/PRON/its/11/nmod:poss position/NOUN/position/8/nmod",
        &[("SUPPORT", "RUSGOV", "FRA", A)],
    );
}

#[test]
fn naming_with_a_pejorative_complement_is_a_verdict_a_neutral_one_none() {
    has(
        "Moscow/PROPN/Moscow/2/nsubj called/VERB/call/0/root the/DET/the/5/det French/ADJ/French/5/amod proposal/NOUN/proposal/2/obj a/DET/a/7/det farce/NOUN/farce/2/xcomp",
        ("REJECT", "RUSGOV", "FRA"),
    );
    // The talks judged are no new meeting.
    check(
        "Scholz/PROPN/Scholz/2/nsubj described/VERB/describe/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod talks/NOUN/talk/2/obj as/ADP/as/8/case a/DET/a/8/det waste/NOUN/waste/2/obl of/ADP/of/10/case time/NOUN/time/8/nmod",
        &[("REJECT", "DEUGOV", "RUS", A)],
    );
    check(
        "Scholz/PROPN/Scholz/2/nsubj described/VERB/describe/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod terms/NOUN/term/2/obj as/ADP/as/9/case a/DET/a/9/det serious/ADJ/serious/9/amod offer/NOUN/offer/2/obl",
        &[],
    );
}

#[test]
fn a_hope_or_a_want_aimed_at_another_party_is_a_request() {
    has(
        "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root China/PROPN/China/5/nsubj would/AUX/would/5/aux mediate/VERB/mediate/2/ccomp",
        ("REQUEST", "UKRGOV", "CHN"),
    );
    has(
        "Kyiv/PROPN/Kyiv/2/nsubj wants/VERB/want/0/root China/PROPN/China/2/obj at/ADP/at/6/case the/DET/the/6/det summit/NOUN/summit/2/obl",
        ("REQUEST", "UKRGOV", "CHN"),
    );
    // One's own side, or no party: no request.
    check(
        "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root Ukraine/PROPN/Ukraine/5/nsubj would/AUX/would/5/aux win/VERB/win/2/ccomp",
        &[],
    );
}

#[test]
fn insisting_on_a_fact_rebuts_insisting_on_an_act_demands() {
    check(
        "Scholz/PROPN/Scholz/2/nsubj insisted/VERB/insist/0/root the/DET/the/4/det visit/NOUN/visit/7/nsubj was/AUX/be/7/cop a/DET/a/7/det success/NOUN/success/2/ccomp",
        &[("REJECT", "DEUGOV", "-", A)],
    );
    check(
        "Scholz/PROPN/Scholz/2/nsubj insisted/VERB/insist/0/root Russia/PROPN/Russia/4/nsubj withdraw/VERB/withdraw/2/ccomp/VB",
        &[("REQUEST", "DEUGOV", "RUS", A)],
    );
}

#[test]
fn an_unnamed_retaliation_said_is_a_threat_to_the_subjects_owner() {
    check(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det German/ADJ/German/5/amod decision/NOUN/decision/8/nsubj would/AUX/would/8/aux not/PART/not/8/advmod go/VERB/go/2/ccomp unanswered/ADJ/unanswered/8/xcomp",
        &[("THREATEN", "RUSGOV", "DEU", A)],
    );
    // Consequences denied are no threat.
    check(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det German/ADJ/German/5/amod decision/NOUN/decision/8/nsubj would/AUX/would/8/aux not/PART/not/8/advmod have/VERB/have/2/ccomp consequences/NOUN/consequence/8/obj",
        &[],
    );
}

#[test]
fn hoping_for_a_meeting_states_intent_to_meet() {
    has(
        "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root a/DET/a/4/det summit/NOUN/summit/7/nsubj:pass could/AUX/could/7/aux be/AUX/be/7/aux:pass held/VERB/hold/2/ccomp",
        ("AGREE", "UKRGOV", "-"),
    );
}

#[test]
fn a_nominal_event_in_a_setting_or_a_modifier_is_background() {
    // "met on the sidelines of the French summit": the meeting is coded,
    // the summit is its setting.
    let doc = parsed(
        "Scholz/PROPN/Scholz/2/nsubj met/VERB/meet/0/root Zelenskyy/PROPN/Zelenskyy/2/obj on/ADP/on/6/case the/DET/the/6/det sidelines/NOUN/sideline/2/obl of/ADP/of/10/case the/DET/the/10/det French/ADJ/French/10/amod summit/NOUN/summit/6/nmod",
        "2024-07-18",
    );
    let events = coder().code(&doc);
    assert!(events.iter().all(|e| e.rule != "summit"), "{:?}", summary(&doc, &events));
    assert!(events.iter().any(|e| e.rule == "meet"));
    // The same summit as the object of a light verb is an event.
    let doc = parsed(
        "France/PROPN/France/2/nsubj held/VERB/hold/0/root a/DET/a/4/det summit/NOUN/summit/2/obj",
        "2024-07-18",
    );
    assert!(!coder().code(&doc).is_empty());
    // "the Russian war effort": a modifier, no war coded.
    check(
        "Scholz/PROPN/Scholz/2/nsubj criticised/VERB/criticise/0/root the/DET/the/6/det Russian/ADJ/Russian/6/amod war/NOUN/war/6/compound effort/NOUN/effort/2/obj",
        &[("ACCUSE", "DEUGOV", "RUS", A)],
    );
}

/// Codes `spec` and checks that none of this file's rules made an event.
fn nothing_said(spec: &str) {
    let doc = parsed(spec, "2024-07-18");
    let events = coder().code(&doc);
    let said = ["verdict:", "request:", "intent:", "rebuttal:"];
    assert!(
        events.iter().all(|e| !said.iter().any(|p| e.rule.starts_with(p))),
        "{:?}",
        summary(&doc, &events)
    );
}

#[test]
fn an_inability_or_a_defiance_said_is_a_refusal() {
    // A hedged refusal with words between its parts.
    has(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root it/PRON/it/5/expl was/AUX/be/5/cop difficult/ADJ/difficult/2/ccomp for/ADP/for/7/case Russia/PROPN/Russia/5/obl to/PART/to/9/mark take/VERB/take/5/csubj part/NOUN/part/9/compound:prt",
        ("REJECT", "RUSGOV", "-"),
    );
    // Not difficult: no refusal.
    nothing_said(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root it/PRON/it/6/expl was/AUX/be/6/cop not/PART/not/6/advmod difficult/ADJ/difficult/2/ccomp for/ADP/for/8/case Russia/PROPN/Russia/6/obl to/PART/to/10/mark take/VERB/take/6/csubj part/NOUN/part/10/compound:prt",
    );
    has(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root nobody/PRON/nobody/5/nsubj will/AUX/will/5/aux get/VERB/get/2/ccomp anything/PRON/anything/5/obj out/ADP/out/9/case of/ADP/of/9/case us/PRON/we/5/obl by/ADP/by/11/case force/NOUN/force/5/obl",
        ("REJECT", "RUSGOV", "-"),
    );
}

#[test]
fn a_general_retaliation_or_an_approval_said() {
    check(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root Germany/PROPN/Germany/5/nsubj would/AUX/would/5/aux face/VERB/face/2/ccomp the/DET/the/7/det consequences/NOUN/consequence/5/obj",
        &[("THREATEN", "RUSGOV", "DEU", A)],
    );
    check(
        "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det French/ADJ/French/5/amod remarks/NOUN/remark/7/nsubj were/AUX/be/7/cop consistent/ADJ/consistent/2/ccomp with/ADP/with/10/case our/PRON/our/10/nmod:poss position/NOUN/position/7/obl",
        &[("SUPPORT", "RUSGOV", "FRA", A)],
    );
}

#[test]
fn a_demand_restated_is_a_demand_a_statement_restated_is_not() {
    has(
        "Putin/PROPN/Putin/2/nsubj repeated/VERB/repeat/0/root his/PRON/his/4/nmod:poss terms/NOUN/term/2/obj",
        ("REQUEST", "RUSGOV", "-"),
    );
    check(
        "Putin/PROPN/Putin/2/nsubj repeated/VERB/repeat/0/root his/PRON/his/4/nmod:poss remarks/NOUN/remark/2/obj",
        &[],
    );
    // "repeated that X must": a speech verb, so the say-must demand.
    check(
        "Putin/PROPN/Putin/2/nsubj repeated/VERB/repeat/0/root that/SCONJ/that/6/mark Ukraine/PROPN/Ukraine/6/nsubj must/AUX/must/6/aux withdraw/VERB/withdraw/2/ccomp",
        &[("REQUEST", "RUSGOV", "UKR", A)],
    );
}
