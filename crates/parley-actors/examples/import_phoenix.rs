//! Writes parley's copy of the Phoenix (PETRARCH2) actor dictionaries:
//!
//! ```text
//! cargo run --release -p parley-actors --example import_phoenix -- \
//!     ../shared/data/petrarch data/actors/phoenix ../shared/data/ud-english \
//!     /usr/share/wordnet
//! ```
//!
//! Reads `Phoenix.{Countries,International,MilNonState}.actors.txt` from the
//! first folder, drops what would do harm (rules in `parley_actors::import_phoenix`;
//! common words counted from the CoNLL-U files under the third folder,
//! dictionary words read from WordNet 3.0's `data.*` files in the fourth),
//! and writes `countries.actors`, `international.actors`, `milnonstate.actors`
//! and `LICENSE` (PETRARCH2's notice) into the second, with the counts of
//! what was dropped and why in each file's header.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use parley_actors::{
    common_words_from_conllu, import_phoenix, withhold_surnames, wordnet_lemmas, write_entry,
    PhoenixOptions,
};

/// (source file, file written, entries are armed groups)
const FILES: &[(&str, &str, bool)] = &[
    ("Phoenix.Countries.actors.txt", "countries.actors", false),
    ("Phoenix.International.actors.txt", "international.actors", false),
    ("Phoenix.MilNonState.actors.txt", "milnonstate.actors", true),
];

/// The day the Phoenix CountryInfo file was generated ("Generated at: Thu
/// Jan 30 2014"): open-ended terms end there.
const KNOWN_UNTIL: u32 = 20140130;

/// A word seen this often in lower case in the treebanks is a common word.
const COMMON_MIN: usize = 2;

fn conllu_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut children: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            conllu_files(&child, out)?;
        } else if child.extension().is_some_and(|x| x == "conllu") {
            out.push(child);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, dest, ud, wordnet] = args.as_slice() else {
        return Err("usage: import_phoenix PETRARCH_DIR OUT_DIR UD_ENGLISH_DIR WORDNET_DIR".into());
    };
    let (src, dest) = (Path::new(src), Path::new(dest));
    let mut treebanks = Vec::new();
    conllu_files(Path::new(ud), &mut treebanks)?;
    let texts: Vec<String> =
        treebanks.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let common_words = common_words_from_conllu(texts.iter().map(String::as_str), COMMON_MIN);
    println!("{} common words from {} treebank files", common_words.len(), treebanks.len());
    let mut dictionary_words = std::collections::HashSet::new();
    for pos in ["noun", "verb", "adj", "adv"] {
        let text = std::fs::read_to_string(Path::new(wordnet).join(format!("data.{pos}")))?;
        dictionary_words.extend(wordnet_lemmas(&text));
    }
    println!("{} lower-case WordNet lemmas", dictionary_words.len());
    std::fs::create_dir_all(dest)?;
    let mut opts =
        PhoenixOptions { common_words, dictionary_words, known_until: KNOWN_UNTIL, groups: false };
    let mut files = Vec::new();
    for &(from, _, groups) in FILES {
        let text = std::fs::read_to_string(src.join(from))?;
        opts.groups = groups;
        files.push(import_phoenix(from, &text, &opts)?);
    }
    withhold_surnames(&mut files, &opts);
    for (&(from, to, _), (entries, report)) in FILES.iter().zip(&files) {
        let mut out = String::new();
        writeln!(out, "# Generated from PETRARCH2's {from} (MIT, Open Event Data Alliance;")?;
        writeln!(out, "# see LICENSE) by crates/parley-actors/examples/import_phoenix.rs.")?;
        writeln!(out, "# Do not edit: rerun the import; correct entries in parley's own files,")?;
        writeln!(out, "# which are loaded after these and win.")?;
        writeln!(out, "# Open-ended terms end {KNOWN_UNTIL} (the file's compilation).")?;
        writeln!(
            out,
            "# read {} entries; kept {} with {} phrases",
            report.read, report.kept, report.phrases
        )?;
        for (why, n) in &report.dropped_entries {
            writeln!(out, "# dropped {n} entries: {why}")?;
        }
        for (why, n) in &report.dropped_phrases {
            writeln!(out, "# dropped {n} phrases: {why}")?;
        }
        writeln!(out, "# closed {} open-ended terms", report.closed_terms)?;
        writeln!(
            out,
            "# dropped {} terms of people naming a sector and no country ([ELI])",
            report.sector_only_terms
        )?;
        writeln!(
            out,
            "# {} surnames not matched alone (shared in any file, common or short)",
            report.withheld_surnames
        )?;
        let mut unwritable = 0;
        for e in entries {
            match write_entry(e) {
                Some(line) => writeln!(out, "{line}")?,
                None => unwritable += 1,
            }
        }
        std::fs::write(dest.join(to), &out)?;
        println!("{from} -> {to}: {report:?}; {unwritable} not writable");
    }
    let licence = std::fs::read_to_string(src.join("LICENSE"))?;
    let notice = format!(
        "The *.actors files in this folder are derived from the Phoenix actor\n\
         dictionaries of PETRARCH2 (https://github.com/openeventdata/petrarch2)\n\
         by crates/parley-actors/examples/import_phoenix.rs, under this licence:\n\n{licence}"
    );
    std::fs::write(dest.join("LICENSE"), notice)?;
    Ok(())
}
