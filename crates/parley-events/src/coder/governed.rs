//! Governed acts: an entry marked `govern` (order, authorize, instruct)
//! codes the act it governs, as PLOVER codes an order by what is ordered
//! ("ordered an investigation" is an investigation, "ordered troops to
//! withdraw" a withdrawal); the governing verb's subject stays the actor.
//! With nothing governed, or an order given to another party ("ordered
//! Hamas to release the hostages"), the entry's own type stands.

use parley_doc::Upos;

use crate::sent::Sent;

use super::build::{Draft, Site};
use super::mentions::nominal_mentions;
use super::parties::country_key;
use super::{Cand, EventCoder};

impl EventCoder {
    /// Takes the governed act's type, CAMEO code and mode when the entry
    /// governs one. Returns the governed trigger, whose frame names the
    /// recipient.
    pub(super) fn governed_type(&self, site: &Site<'_>, dr: &mut Draft) -> Option<usize> {
        let (s, entry, t) = (site.s, site.entry, site.t);
        if !entry.govern {
            return None;
        }
        let inner = governed_act(s, t, site.cands, site.mention_at)?;
        let ie = &self.lexicon.entries()[inner.entry];
        // An order to order, or to ask, is still the order.
        if ie.govern || ie.intent {
            return None;
        }
        dr.event = ie.event;
        dr.cameo = ie.cameo.clone();
        dr.mode = ie.mode.clone();
        dr.rule = format!("govern:{}>{}", entry.id, ie.id);
        dr.governed = true;
        Some(inner.tok)
    }
}

/// The act governed by the trigger at `t`: its object noun when that is
/// a trigger ("ordered the closure of the office"), or the verb of its
/// to-infinitive ("ordered troops to withdraw", "authorised the army to
/// deploy"), unless that infinitive's controller is a party of another
/// country than the governor's subject.
fn governed_act<'c>(
    s: &Sent<'_>,
    t: usize,
    cands: &'c [Cand],
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<&'c Cand> {
    if let Some(noun) = cands.iter().find(|o| o.tok != t && o.light == Some(t)) {
        return Some(noun);
    }
    if !s.parsed {
        return None;
    }
    let verbal = |c: usize| matches!(s.upos(c), None | Some(Upos::VERB));
    let to_marked = |c: usize| s.kids(c, "mark").any(|m| s.lower[m] == "to");
    let inf = s.children[t].iter().copied().find(|&c| {
        verbal(c)
            && c > t
            && (s.base(c) == "xcomp" || (s.base(c) == "advcl" && to_marked(c)))
            && to_marked(c)
    })?;
    if another_partys_act(s, t, mention_at) {
        return None;
    }
    cands.iter().find(|o| o.tok != t && (o.tok == inf || o.light == Some(inf)))
}

/// Whether the object that controls the infinitive names a party none of
/// whose countries is the subject's: then the order is a demand on it.
fn another_partys_act(s: &Sent<'_>, t: usize, mention_at: &dyn Fn(usize) -> Option<usize>) -> bool {
    let Some(obj) = s.kid(t, "obj") else { return false };
    let controlled = nominal_mentions(s, obj, mention_at);
    if controlled.is_empty() {
        // "ordered troops to withdraw": the actor's own forces.
        return false;
    }
    let own: Vec<String> = s
        .kid(t, "nsubj")
        .map(|h| nominal_mentions(s, h, mention_at))
        .unwrap_or_default()
        .into_iter()
        .map(|h| country_key(s, h.mention))
        .collect();
    !controlled.iter().any(|h| own.contains(&country_key(s, h.mention)))
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::check;

    #[test]
    fn an_order_codes_the_act_it_orders() {
        // "Russia ordered an investigation into Ukraine".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root an/DET/a/4/det investigation/NOUN/investigation/2/obj into/ADP/into/6/case Ukraine/PROPN/Ukraine/4/nmod",
            &[("ACCUSE", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].cameo, "090");
        // "Russia ordered the expulsion of Ukrainian diplomats": no entry
        // names this object, so the order is coded as what it orders.
        let events = check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root the/DET/the/4/det expulsion/NOUN/expulsion/2/obj of/ADP/of/7/case Ukrainian/ADJ/Ukrainian/7/amod diplomats/NOUN/diplomat/4/nmod",
            &[("SANCTION", "RUS", "UKR", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("govern:order"), "{}", events[0].rule);
        assert_eq!(events[0].cameo, "166");
    }

    #[test]
    fn an_order_to_own_forces_is_their_act_an_order_to_another_a_demand() {
        // "Russia ordered Russian troops to withdraw": the withdrawal is Russia's.
        let events = check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root Russian/ADJ/Russian/4/amod troops/NOUN/troop/2/obj to/PART/to/6/mark withdraw/VERB/withdraw/2/xcomp",
            &[("RETREAT", "RUS", "RUS", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("govern:"), "{}", events[0].rule);
        // "Russia ordered Ukraine to withdraw": a demand on Ukraine.
        let events = check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root Ukraine/PROPN/Ukraine/2/obj to/PART/to/5/mark withdraw/VERB/withdraw/2/xcomp",
            &[("REQUEST", "RUS", "UKR", Modality::Asserted)],
        );
        assert!(!events[0].rule.starts_with("govern:"), "{}", events[0].rule);
    }

    #[test]
    fn ordering_forces_somewhere_deploys_them_ordering_people_out_expels_them() {
        // "Russia ordered warships to the Black Sea": nothing governed, a deployment.
        let events = check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root warships/NOUN/warship/2/obj to/ADP/to/7/case the/DET/the/7/det Black/PROPN/Black/7/compound Sea/PROPN/Sea/2/obl",
            &[("MOBILIZE", "RUS", "-", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "order-troops");
        // "Russia ordered Ukrainian journalists out".
        check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root Ukrainian/ADJ/Ukrainian/4/amod journalists/NOUN/journalist/2/obj out/ADV/out/2/advmod",
            &[("COERCE", "RUS", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn an_order_with_nothing_governed_stays_an_order() {
        check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root Ukraine/PROPN/Ukraine/2/obj",
            &[("REQUEST", "RUS", "UKR", Modality::Asserted)],
        );
    }
}
