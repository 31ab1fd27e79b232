//! Readable names for codes, so that no mention shows a bare code:
//! `RUSGOV` reads "Russia: government", `KEN` "Kenya", `IGOWSTNAT` the
//! organisation's name. Taken from the dictionary itself: a country's
//! name, an organisation's name, and a sector's first agent phrase
//! (`agent GOV = government; ...`; a group before a person: "opposition",
//! not "opposition leader").

use std::collections::HashMap;

use parley_doc::Actor;

use crate::dictionary::{ActorDictionary, EntryKind};

/// Names of countries, organisations and sectors, by code.
#[derive(Debug, Default)]
pub(super) struct Labels {
    /// Country and organisation codes -> names.
    codes: HashMap<String, String>,
    /// Sector codes ("GOV") -> their first agent phrase ("government").
    sectors: HashMap<String, String>,
}

impl Labels {
    pub(super) fn new(dict: &ActorDictionary) -> Labels {
        let mut labels = Labels::default();
        // Sectors are named by their groups ("opposition", "parliament")
        // before their people ("opposition leader", "lawmaker").
        let (groups, people): (Vec<_>, Vec<_>) =
            dict.entries().iter().partition(|e| !(e.kind == EntryKind::Agent && e.person_role));
        // Parley's own entries name a code before imported ones (an
        // imported agency may share a sector code, RUSMIL).
        let (own, imported): (Vec<_>, Vec<_>) =
            groups.into_iter().chain(people).partition(|e| e.source.is_none());
        for e in own.into_iter().chain(imported) {
            let Some(code) = e.terms.first().map(|t| t.code.clone()) else { continue };
            let name = e.name.clone().or_else(|| e.phrases.first().map(|p| p.text.clone()));
            let Some(name) = name else { continue };
            let table = match e.kind {
                EntryKind::Country | EntryKind::Org | EntryKind::Group => &mut labels.codes,
                EntryKind::Agent => &mut labels.sectors,
                _ => continue,
            };
            // The first entry for a code names it: later ones are variants.
            table.entry(code).or_insert(name);
        }
        labels
    }

    /// A readable name for an actor: its own name, else its code's
    /// ("Russia: government"), else the code.
    pub(super) fn name_of(&self, actor: &Actor) -> String {
        if let Some(name) = &actor.name {
            return name.clone();
        }
        let country = actor.country.as_ref().and_then(|c| self.codes.get(c));
        let sector = actor.sector.as_ref().map(|s| self.sectors.get(s).unwrap_or(s));
        // A country's sector ("RUSMIL") reads as the two, never as one
        // organisation that happens to carry the same code.
        let composed = match (&actor.country, &actor.sector) {
            (Some(c), Some(s)) => actor.code == format!("{c}{s}"),
            _ => false,
        };
        if let (false, Some(name)) = (composed, self.codes.get(&actor.code)) {
            return name.clone();
        }
        match (country, sector) {
            (Some(c), Some(s)) => format!("{c}: {s}"),
            (Some(c), None) => c.clone(),
            // A sector of no country ("gunmen" = INS): the sector's words.
            (None, Some(s)) if actor.sector.as_deref() == Some(actor.code.as_str()) => s.clone(),
            _ => actor.code.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, country: Option<&str>, sector: Option<&str>) -> Actor {
        Actor {
            code: code.to_string(),
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
            name: None,
            role: None,
        }
    }

    #[test]
    fn codes_read_as_country_and_sector() {
        let dict = ActorDictionary::from_str_named(
            "t",
            "country RUS = Russia | adj: Russian\n\
             agent GOV = president | role: president | person: yes\n\
             agent GOV = government; authorities\n\
             agent INS = insurgents; militants\n\
             org IGOWSTNAT = NATO | name: North Atlantic Treaty Organization",
        )
        .expect("parses");
        let labels = Labels::new(&dict);
        for (a, want) in [
            (actor("RUSGOV", Some("RUS"), Some("GOV")), "Russia: government"),
            (actor("RUS", Some("RUS"), None), "Russia"),
            (actor("RUSXYZ", Some("RUS"), Some("XYZ")), "Russia: XYZ"),
            (actor("IGOWSTNAT", None, None), "North Atlantic Treaty Organization"),
            (actor("ZZZ", None, None), "ZZZ"),
            (actor("INS", None, Some("INS")), "insurgents"),
        ] {
            assert_eq!(labels.name_of(&a), want);
        }
        let mut named = actor("RUSGOV", Some("RUS"), Some("GOV"));
        named.name = Some("Vladimir Putin".into());
        assert_eq!(labels.name_of(&named), "Vladimir Putin");
    }
}
