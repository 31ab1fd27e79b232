//! Nominal events that only name the background of what is told.

use parley_doc::Upos;

use crate::lexicon::TriggerPos;
use crate::sent::Sent;

use super::super::{Cand, EventCoder};

impl EventCoder {
    /// A nominal trigger with no light verb that only modifies another noun
    /// ("the Russian war effort", "summit preparations") or names the
    /// setting of something else ("on the sidelines of the G7 summit", "on
    /// the eve of the invasion") refers to a known event: it is no new one.
    pub(super) fn background_nominals(&self, s: &Sent<'_>, cands: &mut [Cand]) {
        for c in cands.iter_mut() {
            let entry = &self.lexicon.entries()[c.entry];
            if c.suppressed_by.is_some() || c.light.is_some() || entry.pos != TriggerPos::Noun {
                continue;
            }
            let modifier = s.base(c.tok) == "compound"
                && s.head[c.tok].is_some_and(|h| s.upos(h) == Some(Upos::NOUN));
            let setting = s.base(c.tok) == "nmod"
                && s.head[c.tok].is_some_and(|h| self.verdicts.setting.word_at(s, h));
            if modifier || setting {
                let head = s.head[c.tok].map(|h| s.text(h)).unwrap_or_default();
                c.suppressed_by = Some(format!("background: names the setting of `{head}`"));
            }
        }
    }
}
