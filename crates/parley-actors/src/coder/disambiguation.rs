//! Disambiguation: whether a dictionary hit on a name is the person the
//! dictionary means, or someone else who shares a name.

use super::matching::{not_a_name, Piece, Word};
use super::state::DocState;
use super::ActorCoder;
use crate::dictionary::{EntryKind, PhraseClass};
use crate::words::Shape;

impl ActorCoder {
    /// Unmarks weak surnames: they count only after a title or a role
    /// word, or once the person was named in this document.
    pub(super) fn drop_weak_surnames(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &mut [Option<usize>],
        state: &DocState,
    ) {
        for (k, p) in pieces.iter().enumerate() {
            if p.class != PhraseClass::Surname {
                continue;
            }
            let after_title = k > 0 && pieces[k - 1].end == p.start && {
                let e = self.dict.entry(pieces[k - 1].entry);
                e.kind == EntryKind::Title || (e.kind == EntryKind::Agent && e.person_role)
            };
            // "President Ahmed Ben Bella" is not Abiy Ahmed: a surname ends the name.
            let name_goes_on = words
                .get(p.end)
                .is_some_and(|w| w.shape == Shape::Capitalized && !not_a_name(&w.norm));
            if (!after_title && !state.seen.contains_key(&p.entry)) || name_goes_on {
                piece_at[p.start] = None;
            }
        }
    }
}
