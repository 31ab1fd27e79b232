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
    /// Resolves surnames said alone. A surname names a dictionary person
    /// only when the document named that person before (the latest of
    /// those sharing it), or when the role said with it agrees with the
    /// person's office on the document's date ("President Ruto",
    /// "Kenyan President Ruto", "former President X" for a past office,
    /// "Peskov, the Kremlin spokesman"), or after a courtesy title when no
    /// one else has the surname ("Mr. Peskov");
    /// among people sharing a surname, the one so named wins. Any other
    /// surname piece is unmarked, so the words read as an unknown name.
    pub(super) fn resolve_surnames(
        &self,
        words: &[Word],
        pieces: &mut [Piece],
        piece_at: &mut [Option<usize>],
        state: &DocState,
        date: Option<u32>,
    ) {
        for k in 0..pieces.len() {
            let p = pieces[k];
            if p.class != PhraseClass::Surname {
                continue;
            }
            // "President Ahmed Ben Bella" is not Abiy Ahmed: a surname ends the name.
            let name_goes_on = words
                .get(p.end)
                .is_some_and(|w| w.shape == Shape::Capitalized && !not_a_name(&w.norm));
            let shared = self.dict.sharing_surname(p.entry);
            let own = [p.entry];
            let candidates: &[u32] = if shared.is_empty() { &own } else { shared };
            let named_before = candidates
                .iter()
                .filter_map(|e| state.seen.get(e).map(|&d| (d, *e)))
                .max()
                .map(|(_, e)| e);
            // The role said before it ("President Ruto"), or in an
            // apposition after it ("Peskov, the Kremlin spokesman").
            let by_role = || {
                let before = self.role_before(words, pieces, k);
                let after =
                    self.office_apposition(words, pieces, piece_at, p.end, date).map(|(r, _)| {
                        SaidRole {
                            role: r.role,
                            sector: r.sector,
                            country: r.country,
                            former: false,
                        }
                    });
                [before, after].into_iter().flatten().find_map(|said| {
                    candidates.iter().copied().find(|&e| self.office_agrees(e, &said, date))
                })
            };
            // "Mr. Peskov": a courtesy title says a person is meant, which
            // is enough only for a surname no other dictionary person has.
            let titled = k > 0
                && pieces[k - 1].end == p.start
                && self.dict.entry(pieces[k - 1].entry).kind == EntryKind::Title;
            let by_title = || (titled && candidates.len() == 1).then(|| candidates[0]);
            match named_before.or_else(by_role).or_else(by_title) {
                Some(e) if !name_goes_on => pieces[k].entry = e,
                _ => piece_at[p.start] = None,
            }
        }
    }

    /// The person role said right before piece `k` ("President"), with the
    /// nationality and "former" said before it ("Kenyan President",
    /// "Kenya's former President").
    fn role_before(&self, words: &[Word], pieces: &[Piece], k: usize) -> Option<SaidRole> {
        let prev = pieces.get(k.checked_sub(1)?)?;
        if prev.end != pieces[k].start {
            return None;
        }
        let agent = self.dict.entry(prev.entry);
        if agent.kind != EntryKind::Agent || !agent.person_role {
            return None;
        }
        let mut said = SaidRole {
            role: agent.role.clone(),
            sector: agent.terms.first().map(|t| t.code.clone()),
            country: None,
            former: false,
        };
        // Walk back over modifiers, a nationality and its possessive.
        let mut at = prev.start;
        for q in pieces[..k - 1].iter().rev() {
            let gap = at - q.end;
            let possessive = gap == 1 && crate::words::is_possessive(&words[q.end].norm);
            if gap != 0 && !possessive {
                break;
            }
            let e = self.dict.entry(q.entry);
            match e.kind {
                EntryKind::Modifier => {
                    said.former |= matches!(words[q.start].norm.as_str(), "former" | "then" | "ex");
                }
                EntryKind::Country => {
                    said.country = e.terms.first().map(|t| t.code.clone());
                    break;
                }
                _ => break,
            }
            at = q.start;
        }
        Some(said)
    }

    /// Whether person `entry` held, on `date`, the office said with the
    /// surname (any office once held, after "former"): same country when
    /// one is said, and the same role, or the same sector where the
    /// dictionary gives no role.
    fn office_agrees(&self, entry: u32, said: &SaidRole, date: Option<u32>) -> bool {
        let e = self.dict.entry(entry);
        if e.kind != EntryKind::Person {
            return false;
        }
        let current = e.term_at(date).filter(|&(_, held)| held).map(|(t, _)| t);
        e.terms.iter().any(|t| {
            let held = current.is_some_and(|c| std::ptr::eq(c, t));
            if !(held || said.former) {
                return false;
            }
            let (country, sector) = self.dict.split_code(&t.code);
            if said.country.is_some() && country != said.country {
                return false;
            }
            let same_sector = said.sector.is_none() || sector == said.sector;
            match (&said.role, &t.role) {
                (Some(a), Some(b)) => {
                    roles_agree(a, b) || (BROAD_ROLES.contains(&a.as_str()) && same_sector)
                }
                _ => same_sector,
            }
        })
    }
}

/// Role words that stand for any office of their sector ("Speaker
/// Johnson" is a legislator's role word; "Senator X", "Commander X").
const BROAD_ROLES: &[&str] =
    &["legislator", "leader", "head", "minister", "spokesperson", "commander", "adviser"];

/// A person role said before a surname, and what was said with it.
#[derive(Debug, Clone)]
pub(super) struct SaidRole {
    role: Option<String>,
    sector: Option<String>,
    country: Option<String>,
    former: bool,
}

/// Whether a role word's role and an office agree: the same office
/// (spelling aside), an office of which the role word is the last words
/// ("president" and "acting president"), or a role word that any office
/// of its kind fits ("leader", "head", "minister").
fn roles_agree(said: &str, office: &str) -> bool {
    let norm = |r: &str| {
        r.to_lowercase()
            .replace("defense", "defence")
            .replace("secretary of state", "foreign minister")
            .replace("foreign secretary", "foreign minister")
            .replace("defence secretary", "defence minister")
            .replace("premier", "prime minister")
            .replace("chancellor", "prime minister")
    };
    let (said, office) = (norm(said), norm(office));
    if matches!(said.as_str(), "leader" | "head" | "chief") {
        return true;
    }
    said == office
        || office.ends_with(&format!(" {said}"))
        || office.starts_with(&format!("{said} of "))
        || (said == "minister" && office.contains("minister"))
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
