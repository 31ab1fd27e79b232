//! Disambiguation: whether a dictionary hit on a name is the person the
//! dictionary means, or someone else who shares a name.

use parley_doc::Upos;

use super::matching::{name_end, not_a_name, Piece, Word};
use super::roles::Reading;
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

impl ActorCoder {
    /// Whether person `entry`, on the article's date, belongs to another
    /// country than the nationality already read in the phrase
    /// ("Bolivian President Marcos" is not the Philippines' Marcos).
    pub(super) fn clashes(&self, entry: u32, country: Option<&str>, date: Option<u32>) -> bool {
        let Some(country) = country else { return false };
        let Some((term, _)) = self.dict.entry(entry).term_at(date) else { return false };
        let (theirs, _) = self.dict.split_code(&term.code);
        theirs.is_some_and(|c| c != country)
    }

    /// A person's name that opens with a dictionary word, right after a
    /// person role or title at word `at`: a country or seat followed by
    /// more of a name ("President Santiago Peña", "Interior Minister Chad
    /// Omondi"), or a person of another country than the phrase's
    /// ("Bolivian President Marcos"). Returns the name's end and the clue
    /// that won, for the mention's `via`.
    pub(super) fn name_over_piece(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        at: usize,
        reading: &Reading,
        date: Option<u32>,
    ) -> Option<(usize, &'static str)> {
        let p = pieces[piece_at.get(at).copied().flatten()?];
        if !words[p.start..p.end].iter().all(|w| w.shape == Shape::Capitalized) {
            return None;
        }
        let rest = name_end(words, p.end, piece_at);
        match self.dict.entry(p.entry).kind {
            EntryKind::Country
                if !matches!(p.class, PhraseClass::Adjective | PhraseClass::People) =>
            {
                rest.map(|e| (e, "role-name-over-place"))
            }
            EntryKind::Person if self.clashes(p.entry, reading.country.as_deref(), date) => {
                Some((rest.unwrap_or(p.end), "nationality-over-name"))
            }
            _ => None,
        }
    }

    /// A country or seat that is the first name of a person described by
    /// a common noun before it: "psychologist *Jordan* Peterson",
    /// "businesswoman *Paris* Hilton". Returns the end of the name. Only in
    /// parsed text, where the word before is known to be a noun.
    pub(super) fn place_as_first_name(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        k: usize,
    ) -> Option<usize> {
        let p = pieces[k];
        let before = words.get(p.start.checked_sub(1)?)?;
        if before.upos != Some(Upos::NOUN) || before.shape != Shape::Lower {
            return None;
        }
        if self.dict.entry(p.entry).kind != EntryKind::Country
            || !matches!(p.class, PhraseClass::Name | PhraseClass::Seat)
        {
            return None;
        }
        name_end(words, p.end, piece_at)
    }
}
