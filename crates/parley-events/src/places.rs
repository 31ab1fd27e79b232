//! The gazetteer (countries, capitals, major cities, seas, regions) and the
//! search for an event's location ("in Geneva", "in the Black Sea").

use std::collections::HashMap;

use crate::EventError;

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// `country`, `capital`, `city`, `region` or `sea`.
    pub kind: String,
    /// ISO 3166 alpha-3 code, when the place lies in one country.
    pub country: Option<String>,
}

/// Place names indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// First alphanumeric run of a name -> (name, place index), longest first.
    index: HashMap<String, Vec<(String, usize)>>,
    /// ISO 3166 alpha-3 code -> the country's canonical name.
    countries: HashMap<String, String>,
}

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    /// Byte offset of the name's start.
    pub start: usize,
    /// Byte offset one past the name's end.
    pub end: usize,
    /// Index into [`Gazetteer::places`].
    pub place: usize,
}

fn key_of(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

impl Gazetteer {
    /// Parses `name | kind | country | alias; alias` lines.
    pub fn parse(text: &str, source: &str) -> Result<Gazetteer, EventError> {
        let mut g = Gazetteer::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            if cols.len() < 3 || cols[0].is_empty() {
                return Err(EventError::bad_data(
                    source,
                    i + 1,
                    "want `name | kind | country | aliases`",
                ));
            }
            let country = (cols[2] != "-" && !cols[2].is_empty()).then(|| cols[2].to_string());
            if cols[1] == "country" {
                if let Some(code) = &country {
                    g.countries.entry(code.clone()).or_insert_with(|| cols[0].to_string());
                }
            }
            let idx = g.places.len();
            g.places.push(Place { name: cols[0].to_string(), kind: cols[1].to_string(), country });
            let aliases: Vec<&str> =
                cols.get(3).map(|a| a.split(';').map(str::trim).collect()).unwrap_or_default();
            for name in std::iter::once(cols[0]).chain(aliases).filter(|n| !n.is_empty()) {
                let key = key_of(name);
                if key.is_empty() {
                    continue;
                }
                g.index.entry(key.to_string()).or_default().push((name.to_string(), idx));
            }
        }
        for names in g.index.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
        }
        Ok(g)
    }

    /// The canonical name of the country with this ISO 3166 alpha-3 code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(String::as_str)
    }

    /// Every place.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place names that start at `start` in `text` and end at one of the
    /// `ends` offsets (token ends), longest first.
    pub fn match_at(&self, text: &str, start: usize, ends: &[usize]) -> Option<PlaceMatch> {
        let rest = text.get(start..)?;
        let names = self.index.get(key_of(rest))?;
        names.iter().find_map(|(name, idx)| {
            let end = start + name.len();
            (rest.starts_with(name.as_str()) && ends.contains(&end)).then_some(PlaceMatch {
                start,
                end,
                place: *idx,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_longest_name_on_token_ends() {
        let g = Gazetteer::parse(
            "Black Sea | sea | - |\nUnited States | country | USA | U.S.; US\nUnited Kingdom | country | GBR |\n",
            "t",
        )
        .expect("parses");
        let text = "in the Black Sea and the U.S. said";
        let ends = [2, 6, 12, 16, 20, 24, 29, 34];
        let m = g.match_at(text, 7, &ends).expect("Black Sea");
        assert_eq!(&text[m.start..m.end], "Black Sea");
        let m = g.match_at(text, 25, &ends).expect("U.S.");
        assert_eq!(g.places()[m.place].country.as_deref(), Some("USA"));
        assert!(g.match_at(text, 13, &ends).is_none());
        assert_eq!(g.country_name("GBR"), Some("United Kingdom"));
        assert_eq!(g.country_name("XXX"), None);
    }
}
