//! Part-of-speech tagger: a greedy left-to-right averaged perceptron that
//! predicts one joint class per word, a (UPOS, XPOS) pair as seen in the
//! training data, from hashed features of the word, its neighbours and the
//! two tags predicted before it. Frequent words that the training data
//! tags unambiguously get their tag from a dictionary.

use std::collections::HashMap;

use parley_doc::Upos;

use crate::bytes::{Reader, Writer};
use crate::hash::{
    f1, f2, f3, finish, hash_lower, hash_lower_chars, hash_str, mix, IdentityBuild, Rng,
};
use crate::perceptron::{Trainer, WeightTable};
use crate::SyntaxError;

/// One class the tagger predicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagClass {
    pub(crate) upos: Upos,
    pub(crate) xpos: String,
}

/// What features need to know of one word, hashed once per sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    /// Hash of the form as written.
    pub(crate) form: u64,
    /// Hash of the lowercased form.
    pub(crate) lower: u64,
    /// Hashes of the first 1..=3 lowercased chars.
    pub(crate) prefix: [u64; 3],
    /// Hashes of the last 1..=4 lowercased chars.
    pub(crate) suffix: [u64; 4],
    /// Hash of the word shape ("Xxxx", "dd.dd", ...).
    pub(crate) shape: u64,
    /// Bits: FLAG_*.
    pub(crate) flags: u32,
}

const FLAG_DIGIT: u32 = 1;
const FLAG_HYPHEN: u32 = 2;
const FLAG_TITLE: u32 = 4;
const FLAG_UPPER: u32 = 8;
const FLAG_NOALNUM: u32 = 16;
const FLAG_ALPHA: u32 = 32;

/// Placeholder for words before the sentence start or after its end.
const PAD: [u64; 4] = [0x11, 0x22, 0x33, 0x44];

impl WordInfo {
    pub(crate) fn new(word: &str, lower: &mut Vec<char>) -> WordInfo {
        lower.clear();
        if word.is_ascii() {
            lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let n = lower.len();
        let prefix = [1, 2, 3].map(|k| hash_lower_chars(lower[..k.min(n)].iter().copied()));
        let suffix = [1, 2, 3, 4].map(|k| hash_lower_chars(lower[n - k.min(n)..].iter().copied()));
        let mut shape = 0x5eed_u64;
        let (mut last, mut run) = ('\0', 0);
        let (mut has_lower, mut has_upper, mut all_alnum, mut has_alpha) =
            (false, false, true, false);
        let mut flags = 0;
        for c in word.chars() {
            let class = if c.is_uppercase() {
                has_upper = true;
                'X'
            } else if c.is_lowercase() {
                has_lower = true;
                'x'
            } else if c.is_ascii_digit() {
                flags |= FLAG_DIGIT;
                'd'
            } else {
                c
            };
            if c.is_alphabetic() {
                has_alpha = true;
            }
            if !c.is_alphanumeric() {
                all_alnum = false;
            }
            if c == '-' {
                flags |= FLAG_HYPHEN;
            }
            if class == last {
                run += 1;
            } else {
                run = 0;
                last = class;
            }
            if run < 3 {
                shape = mix(shape, u64::from(class));
            }
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            flags |= FLAG_TITLE;
        }
        if has_upper && !has_lower {
            flags |= FLAG_UPPER;
        }
        if !all_alnum {
            flags |= FLAG_NOALNUM;
        }
        if has_alpha {
            flags |= FLAG_ALPHA;
        }
        WordInfo {
            form: hash_str(word),
            lower: hash_lower_chars(lower.iter().copied()),
            prefix,
            suffix,
            shape: finish(shape),
            flags,
        }
    }

    pub(crate) fn sentence(words: &[&str]) -> Vec<WordInfo> {
        let mut buf = Vec::new();
        words.iter().map(|w| WordInfo::new(w, &mut buf)).collect()
    }
}

/// Lexicon value of a word not in the lexicon.
const NO_LEX: u64 = 0xfe00;

/// Tag id used for "no previous tag" (before the sentence start).
const START_TAG: [u64; 2] = [0xfff0, 0xfff1];

/// Features of word `i` given the two tags predicted before it.
/// `prior` holds first-pass tags of the whole sentence in the second pass,
/// so the word's right context is seen through its tags too.
#[allow(clippy::too_many_arguments)]
fn features(
    infos: &[WordInfo],
    lex: &[u64],
    case: u64,
    i: usize,
    p1: u64,
    p2: u64,
    prior: Option<&[u16]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let lx = |off: isize| -> u64 {
        let j = i as isize + off;
        if j < 0 || j as usize >= lex.len() {
            NO_LEX + 1 + (off + 2).clamp(0, 4) as u64
        } else {
            lex[j as usize]
        }
    };
    let w = &infos[i];
    let at = |off: isize| -> Option<&WordInfo> {
        let j = i as isize + off;
        (j >= 0).then(|| infos.get(j as usize)).flatten()
    };
    let lower = |off: isize| at(off).map_or(PAD[(off + 2).clamp(0, 3) as usize], |x| x.lower);
    let suf3 = |off: isize| at(off).map_or(PAD[(off + 2).clamp(0, 3) as usize], |x| x.suffix[2]);
    let shape = |off: isize| at(off).map_or(PAD[(off + 2).clamp(0, 3) as usize], |x| x.shape);
    out.push(f1(0, 0));
    out.push(f1(1, w.lower));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(f1(2 + k as u64, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(f1(6 + k as u64, *p));
    }
    out.push(f1(9, w.shape));
    for bit in 0..6 {
        if w.flags & (1 << bit) != 0 {
            out.push(f2(10, bit, u64::from(i == 0)));
        }
    }
    out.push(f1(11, lower(-1)));
    out.push(f1(12, lower(-2)));
    out.push(f1(13, lower(1)));
    out.push(f1(14, lower(2)));
    out.push(f1(15, suf3(-1)));
    out.push(f1(16, suf3(1)));
    out.push(f1(17, p1));
    out.push(f1(18, p2));
    out.push(f2(19, p1, p2));
    out.push(f2(20, p1, w.lower));
    out.push(f2(21, lower(-1), w.lower));
    out.push(f2(22, w.lower, lower(1)));
    out.push(f1(23, shape(-1)));
    out.push(f1(24, shape(1)));
    out.push(f2(25, p1, w.suffix[2]));
    out.push(f2(26, w.suffix[2], suf3(1)));
    out.push(f3(27, p1, w.lower, lower(1)));
    out.push(f2(28, lower(1), lower(2)));
    out.push(f2(29, w.shape, u64::from(i == 0)));
    // What the lowercased words were tagged most often in training.
    out.push(f2(30, lx(0), u64::from(w.flags & (FLAG_TITLE | FLAG_UPPER))));
    out.push(f1(31, lx(1)));
    out.push(f1(32, lx(-1)));
    out.push(f2(33, lx(0), lx(1)));
    out.push(f3(34, p1, lx(0), u64::from(i == 0)));
    let title = u64::from(w.flags & (FLAG_TITLE | FLAG_UPPER));
    out.push(f3(35, case, title, u64::from(i == 0)));
    out.push(f3(36, case, title, lx(0)));
    out.push(f2(37, w.suffix[2], title));
    out.push(f2(38, lower(-1), lower(1)));
    if let Some(q) = prior {
        let tag = |off: isize| -> u64 {
            let j = i as isize + off;
            if j < 0 || j as usize >= q.len() {
                0xfff2 + (off + 2).clamp(0, 4) as u64
            } else {
                u64::from(q[j as usize])
            }
        };
        out.push(f1(40, tag(0)));
        out.push(f1(41, tag(1)));
        out.push(f1(42, tag(2)));
        out.push(f2(43, tag(1), tag(2)));
        out.push(f2(44, w.lower, tag(1)));
        out.push(f2(45, p1, tag(1)));
        out.push(f2(46, tag(0), w.suffix[2]));
        out.push(f3(47, p1, tag(0), tag(1)));
        out.push(f2(48, tag(0), w.lower));
        out.push(f2(49, tag(-1), tag(1)));
    }
}

/// The trained tagger: a first pass, and optionally a second pass that
/// also sees the first pass's tags to the right.
#[derive(Debug, Clone)]
pub(crate) struct Tagger {
    pub(crate) classes: Vec<TagClass>,
    /// Exact form hash -> class, for frequent unambiguous words.
    tagdict: HashMap<u64, u16, IdentityBuild>,
    /// Lowercased form hash -> its most frequent class in training.
    lexicon: HashMap<u64, u16, IdentityBuild>,
    first: WeightTable,
    second: Option<WeightTable>,
    /// Hash of each class's XPOS, for the lemmatiser's lookups.
    pub(crate) xpos_hashes: Vec<u64>,
    pub(crate) past: PastForms,
    /// The (VERB, VBZ) class, for headline verbs.
    vbz: Option<u16>,
    /// The (VERB, VBD) class, for a participle that is the only verb.
    vbd: Option<u16>,
    /// Per class: whether it is closed (see [`is_closed`]).
    closed: Vec<bool>,
}

/// Irregular verb forms that are only ever a past tense or participle
/// (`data/syntax/past-forms.txt`), their lemmas, and the classes they may
/// take.
#[derive(Debug, Clone, Default)]
pub(crate) struct PastForms {
    /// Hash of the lowercased form -> lemma.
    forms: HashMap<u64, String, IdentityBuild>,
    /// The VERB classes with XPOS VBD or VBN.
    classes: Vec<u16>,
}

impl PastForms {
    fn new(classes: &[TagClass]) -> PastForms {
        let forms = include_str!("../../../data/syntax/past-forms.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .map(|(form, lemma)| (hash_lower(form.trim()), lemma.trim().to_string()))
            .collect();
        let classes = (0..classes.len())
            .filter(|&c| {
                classes[c].upos == Upos::VERB && matches!(classes[c].xpos.as_str(), "VBD" | "VBN")
            })
            .map(|c| c as u16)
            .collect();
        PastForms { forms, classes }
    }

    /// The best-scoring allowed class for a listed word written in lower
    /// case (or opening the sentence: "Met Office" is a name).
    fn choose(&self, info: &WordInfo, first: bool, scores: &[f32]) -> Option<u16> {
        if self.classes.is_empty()
            || !self.forms.contains_key(&info.lower)
            || (info.flags & (FLAG_TITLE | FLAG_UPPER) != 0 && !first)
        {
            return None;
        }
        self.classes
            .iter()
            .copied()
            .max_by(|&a, &b| scores[a as usize].total_cmp(&scores[b as usize]))
    }

    /// The lemma of a listed form given its class ("struck" VBD: "strike").
    pub(crate) fn lemma(&self, lower: u64, class: u16) -> Option<&str> {
        self.classes.contains(&class).then(|| self.forms.get(&lower).map(String::as_str)).flatten()
    }
}

/// In a line with no verb, a plural noun (NNS) right after a subject of
/// names and nouns and followed by more words: "Modi meets Putin in
/// Moscow", "Sudan's army retakes the palace".
fn headline_verb(classes: &[TagClass], tags: &[u16]) -> Option<usize> {
    let class = |i: usize| &classes[tags[i] as usize];
    // A participle before a noun modifies it ("swaps captured soldiers"):
    // it is no verb of the line.
    let prenominal = |i: usize| {
        matches!(class(i).xpos.as_str(), "VBN" | "VBG")
            && i + 1 < tags.len()
            && matches!(class(i + 1).upos, Upos::NOUN | Upos::PROPN | Upos::ADJ)
    };
    if tags.len() < 3
        || (0..tags.len())
            .any(|i| matches!(class(i).upos, Upos::VERB | Upos::AUX) && !prenominal(i))
    {
        return None;
    }
    let k = (1..tags.len() - 1).find(|&i| class(i).xpos == "NNS")?;
    let subject_ok = nominal_subject(classes, &tags[..k], true);
    let names = (0..k).any(|i| class(i).upos == Upos::PROPN);
    let object_ok = prenominal(k + 1)
        || matches!(
            class(k + 1).upos,
            Upos::PROPN | Upos::NOUN | Upos::ADJ | Upos::DET | Upos::NUM | Upos::ADP | Upos::PRON
        );
    (subject_ok && names && object_ok).then_some(k)
}

/// In a clause with no finite verb and no auxiliary, a past participle
/// right after a subject of names and nouns and followed by its object:
/// "Protesters blocked roads in the capital", "Houthi rebels claimed
/// responsibility". (One followed by a preposition is a passive headline:
/// "Five killed in attack".) A closing attribution after the last comma
/// (", police said.") is a clause of its own.
fn participle_as_past(classes: &[TagClass], tags: &[u16]) -> Option<usize> {
    let class = |i: usize| &classes[tags[i] as usize];
    let finite = |i: usize| {
        class(i).upos == Upos::AUX || matches!(class(i).xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
    };
    let end = match (0..tags.len()).rev().find(|&i| class(i).xpos == ",") {
        Some(comma) if tags.len() - comma <= 6 => comma,
        _ => tags.len(),
    };
    if end < 3 || (0..end).any(finite) {
        return None;
    }
    let k = (1..end - 1).find(|&i| class(i).xpos == "VBN")?;
    let subject_ok = nominal_subject(classes, &tags[..k], false);
    let head_noun = matches!(class(k - 1).upos, Upos::PROPN | Upos::NOUN);
    let object_ok = matches!(
        class(k + 1).upos,
        Upos::PROPN | Upos::NOUN | Upos::ADJ | Upos::DET | Upos::NUM | Upos::PRON
    );
    (subject_ok && head_noun && object_ok).then_some(k)
}

/// Whether `tags` could be a subject of names and nouns with their
/// modifiers (and commas, where `commas`), before a verb the tagger missed.
fn nominal_subject(classes: &[TagClass], tags: &[u16], commas: bool) -> bool {
    tags.iter().all(|&t| {
        let c = &classes[t as usize];
        matches!(
            c.upos,
            Upos::PROPN | Upos::NOUN | Upos::ADJ | Upos::PART | Upos::DET | Upos::NUM | Upos::CCONJ
        ) || (commas && c.xpos == ",")
    })
}

fn verb_class(classes: &[TagClass], xpos: &str) -> Option<u16> {
    classes.iter().position(|c| c.upos == Upos::VERB && c.xpos == xpos).map(|c| c as u16)
}

fn xpos_hashes(classes: &[TagClass]) -> Vec<u64> {
    classes.iter().map(|c| hash_str(&c.xpos)).collect()
}

/// A sentence for tagger training: word info and gold class ids.
pub(crate) struct TagExample<'a> {
    pub(crate) infos: &'a [WordInfo],
    pub(crate) gold: &'a [u16],
    /// Times the sentence is seen per epoch (in-domain data counts more).
    pub(crate) weight: usize,
}

/// Options for tagger training.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TaggerOptions {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    /// Averaged weights below this magnitude are dropped when freezing.
    pub(crate) prune: f32,
}

/// Trains one pass; `prior` gives first-pass tags per example for a second pass.
pub(crate) fn train_pass(
    n_classes: usize,
    examples: &[TagExample<'_>],
    tagdict: &HashMap<u64, u16, IdentityBuild>,
    lexicon: &HashMap<u64, u16, IdentityBuild>,
    prior: Option<&[&[u16]]>,
    opts: TaggerOptions,
) -> WeightTable {
    let lex: Vec<Vec<u64>> = examples.iter().map(|e| lex_values(lexicon, e.infos)).collect();
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> =
        examples.iter().enumerate().flat_map(|(i, e)| std::iter::repeat_n(i, e.weight)).collect();
    let mut rng = Rng::new(opts.seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0.0f32; n_classes];
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            let lex = &lex[e];
            let case = sentence_case(ex.infos);
            let q = prior.map(|p| p[e]);
            let (mut p1, mut p2) = (START_TAG[0], START_TAG[1]);
            for i in 0..ex.infos.len() {
                let guess = if let Some(&c) = tagdict.get(&ex.infos[i].form) {
                    c as usize
                } else {
                    features(ex.infos, lex, case, i, p1, p2, q, &mut feats);
                    trainer.score(&feats, &mut scores);
                    let guess = argmax(&scores);
                    trainer.update(&feats, ex.gold[i] as usize, guess);
                    trainer.tick();
                    guess
                };
                p2 = p1;
                p1 = guess as u64;
            }
        }
    }
    trainer.finish(opts.prune)
}

/// Buffers a pass reuses from word to word and pass to pass.
#[derive(Debug, Default)]
pub(crate) struct PassScratch {
    feats: Vec<u64>,
    scores: Vec<f32>,
}

/// Runs one pass over a sentence.
pub(crate) fn run_pass(
    table: &WeightTable,
    tagdict: &HashMap<u64, u16, IdentityBuild>,
    lex: &[u64],
    infos: &[WordInfo],
    prior: Option<&[u16]>,
    out: &mut Vec<u16>,
) {
    let mut scratch = PassScratch::default();
    let fixed = Fixed { tagdict, past: None, closed: None, forced: None };
    run_pass_with(table, fixed, lex, infos, prior, &mut scratch, out);
}

/// Words whose tag is fixed before or after scoring: the tag dictionary's
/// (not scored at all), and, at run time, listed past forms and words
/// kept out of closed classes.
#[derive(Clone, Copy)]
struct Fixed<'a> {
    tagdict: &'a HashMap<u64, u16, IdentityBuild>,
    past: Option<&'a PastForms>,
    /// At run time, per class: whether it is a closed class (see
    /// [`is_closed`]), which a word missing from the lexicon never takes.
    closed: Option<&'a [bool]>,
    /// A word whose class is given: (position, class).
    forced: Option<(usize, u16)>,
}

/// [`run_pass`] with buffers kept from an earlier pass.
fn run_pass_with(
    table: &WeightTable,
    fixed: Fixed<'_>,
    lex: &[u64],
    infos: &[WordInfo],
    prior: Option<&[u16]>,
    scratch: &mut PassScratch,
    out: &mut Vec<u16>,
) {
    let Fixed { tagdict, past, closed, forced } = fixed;
    out.clear();
    let PassScratch { feats, scores } = scratch;
    scores.resize(table.n_classes(), 0.0);
    let case = sentence_case(infos);
    let (mut p1, mut p2) = (START_TAG[0], START_TAG[1]);
    for i in 0..infos.len() {
        let class = if let Some((_, c)) = forced.filter(|&(k, _)| k == i) {
            c
        } else if let Some(&c) = tagdict.get(&infos[i].form) {
            c
        } else {
            features(infos, lex, case, i, p1, p2, prior, feats);
            table.score(feats, scores);
            let best = argmax(scores) as u16;
            past.and_then(|p| p.choose(&infos[i], i == 0, scores))
                .or_else(|| closed.and_then(|c| open_class(c, lex[i], scores, best)))
                .unwrap_or(best)
        };
        out.push(class);
        p2 = p1;
        p1 = u64::from(class);
    }
}

impl Tagger {
    /// Assembles a tagger from trained passes.
    pub(crate) fn new(
        classes: &[TagClass],
        tagdict: HashMap<u64, u16, IdentityBuild>,
        lexicon: HashMap<u64, u16, IdentityBuild>,
        first: WeightTable,
        second: Option<WeightTable>,
    ) -> Tagger {
        let xpos_hashes = xpos_hashes(classes);
        let past = PastForms::new(classes);
        let (vbz, vbd) = (verb_class(classes, "VBZ"), verb_class(classes, "VBD"));
        Tagger {
            classes: classes.to_vec(),
            tagdict,
            lexicon,
            first,
            second,
            xpos_hashes,
            past,
            vbz,
            vbd,
            closed: classes.iter().map(is_closed).collect(),
        }
    }

    /// Trains a one-pass tagger on `examples`; `classes` lists every class id used in them.
    #[cfg(test)]
    pub(crate) fn train(
        classes: &[TagClass],
        examples: &[TagExample<'_>],
        opts: TaggerOptions,
    ) -> Tagger {
        let tagdict = build_tagdict(examples);
        let lexicon = build_lexicon(examples);
        let first = train_pass(classes.len(), examples, &tagdict, &lexicon, None, opts);
        Tagger::new(classes, tagdict, lexicon, first, None)
    }

    /// Tags a sentence: one class id per word.
    pub(crate) fn tag(&self, infos: &[WordInfo], out: &mut Vec<u16>) {
        let lex = lex_values(&self.lexicon, infos);
        let mut scratch = PassScratch::default();
        let mut fixed = Fixed {
            tagdict: &self.tagdict,
            past: Some(&self.past),
            closed: Some(&self.closed),
            forced: None,
        };
        self.passes(fixed, &lex, infos, &mut scratch, out);
        // "Serbia expels Croatian diplomat": a headline drops its articles
        // and puts its verb in the present, which the treebanks rarely do,
        // so the verb comes out as a plural noun and the line has no verb.
        if let (Some(vbz), Some(k)) = (self.vbz, headline_verb(&self.classes, out)) {
            fixed.forced = Some((k, vbz));
            self.passes(fixed, &lex, infos, &mut scratch, out);
        } else if let (Some(vbd), Some(k)) = (self.vbd, participle_as_past(&self.classes, out)) {
            // A clause never has a participle for its only verb: "claimed
            // responsibility" after the subject is the past tense.
            fixed.forced = Some((k, vbd));
            self.passes(fixed, &lex, infos, &mut scratch, out);
        }
    }

    /// Whether a line of at least four words capitalises every word but
    /// short function words ("Ceasefire Talks Resume in Doha").
    pub(crate) fn is_title_case(&self, words: &[&str]) -> bool {
        let small = [
            "a", "an", "the", "in", "on", "at", "of", "for", "to", "as", "and", "by", "with",
            "from", "over",
        ];
        let mut alphabetic =
            words.iter().filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
        let mut content = 0;
        alphabetic.all(|w| {
            let is_small = small.contains(w);
            content += usize::from(!is_small);
            is_small || w.chars().next().is_some_and(char::is_uppercase)
        }) && content >= 4
    }

    /// A title-case word in lower case when the training lexicon knows it
    /// lowercased as something other than a name ("Talks" -> "talks",
    /// "Doha" stays).
    pub(crate) fn common_form(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        let common = self
            .lexicon
            .get(&hash_lower(&lower))
            .is_some_and(|&c| !matches!(self.classes[c as usize].upos, Upos::PROPN));
        if common && word.chars().skip(1).all(|c| !c.is_uppercase()) {
            lower
        } else {
            word.to_string()
        }
    }

    fn passes(
        &self,
        fixed: Fixed<'_>,
        lex: &[u64],
        infos: &[WordInfo],
        scratch: &mut PassScratch,
        out: &mut Vec<u16>,
    ) {
        run_pass_with(&self.first, fixed, lex, infos, None, scratch, out);
        if let Some(second) = &self.second {
            let prior = std::mem::take(out);
            run_pass_with(second, fixed, lex, infos, Some(&prior), scratch, out);
        }
    }

    /// A copy without weights below `min_abs`.
    pub(crate) fn pruned(&self, min_abs: f32) -> Tagger {
        Tagger {
            first: self.first.pruned(min_abs),
            second: self.second.as_ref().map(|t| t.pruned(min_abs)),
            ..self.clone()
        }
    }

    /// (features, weights) in the weight tables.
    pub(crate) fn size(&self) -> (usize, usize) {
        let second = self.second.as_ref().map_or((0, 0), |t| (t.n_features(), t.n_weights()));
        (self.first.n_features() + second.0, self.first.n_weights() + second.1)
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.classes.len());
        for c in &self.classes {
            w.str(c.upos.as_str());
            w.str(&c.xpos);
        }
        let mut dict: Vec<(u64, u16)> = self.tagdict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort_unstable();
        w.len(dict.len());
        for (k, v) in dict {
            w.u64(k);
            w.u16(v);
        }
        let mut lexicon: Vec<(u64, u16)> = self.lexicon.iter().map(|(k, v)| (*k, *v)).collect();
        lexicon.sort_unstable();
        w.len(lexicon.len());
        for (k, v) in lexicon {
            w.u64(k);
            w.u16(v);
        }
        self.first.write(w);
        match &self.second {
            Some(t) => {
                w.u8(1);
                t.write(w);
            }
            None => w.u8(0),
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Tagger, SyntaxError> {
        let n = r.len(2)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let upos = r.str()?;
            let upos =
                Upos::parse(&upos).ok_or_else(|| r.error(format!("unknown UPOS {upos:?}")))?;
            classes.push(TagClass { upos, xpos: r.str()? });
        }
        let n_dict = r.len(10)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(n_dict, IdentityBuild);
        for _ in 0..n_dict {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= classes.len() {
                return Err(r.error("tag dictionary class out of range"));
            }
            tagdict.insert(k, v);
        }
        let n_lex = r.len(10)?;
        let mut lexicon = HashMap::with_capacity_and_hasher(n_lex, IdentityBuild);
        for _ in 0..n_lex {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= classes.len() {
                return Err(r.error("lexicon class out of range"));
            }
            lexicon.insert(k, v);
        }
        let first = WeightTable::read(r)?;
        let second = match r.u8()? {
            0 => None,
            1 => Some(WeightTable::read(r)?),
            x => return Err(r.error(format!("bad second-pass flag {x}"))),
        };
        if first.n_classes() != classes.len()
            || second.as_ref().is_some_and(|t| t.n_classes() != classes.len())
        {
            return Err(r.error("tagger weights do not match its classes"));
        }
        let xpos_hashes = xpos_hashes(&classes);
        let past = PastForms::new(&classes);
        let (vbz, vbd) = (verb_class(&classes, "VBZ"), verb_class(&classes, "VBD"));
        let closed = classes.iter().map(is_closed).collect();
        Ok(Tagger { classes, tagdict, lexicon, first, second, xpos_hashes, past, vbz, vbd, closed })
    }
}

/// Words seen at least 20 times with one class at least 97% of the time.
pub(crate) fn build_tagdict(examples: &[TagExample<'_>]) -> HashMap<u64, u16, IdentityBuild> {
    let mut counts: HashMap<u64, HashMap<u16, u32>, IdentityBuild> =
        HashMap::with_hasher(IdentityBuild);
    for ex in examples {
        for (info, &g) in ex.infos.iter().zip(ex.gold) {
            *counts.entry(info.form).or_default().entry(g).or_default() += 1;
        }
    }
    let mut dict = HashMap::with_hasher(IdentityBuild);
    for (form, by_class) in counts {
        let total: u32 = by_class.values().sum();
        let best = by_class.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)));
        if let Some((&class, &n)) = best {
            if total >= 20 && f64::from(n) / f64::from(total) >= 0.97 {
                dict.insert(form, class);
            }
        }
    }
    dict
}

/// How the sentence uses capitals: 1 mostly title-cased words (a
/// headline), 2 mostly upper case, 3 no capitals at all, 0 ordinary.
fn sentence_case(infos: &[WordInfo]) -> u64 {
    let alpha = || infos.iter().filter(|w| w.flags & FLAG_ALPHA != 0);
    let n_alpha = alpha().count();
    if n_alpha == 0 {
        return 0;
    }
    let share = |flag: u32| alpha().filter(|w| w.flags & flag != 0).count() as f64 / n_alpha as f64;
    if share(FLAG_UPPER) >= 0.6 && n_alpha >= 2 {
        2
    } else if share(FLAG_TITLE) >= 0.6 && n_alpha >= 3 {
        1
    } else if share(FLAG_TITLE) == 0.0 {
        3
    } else {
        0
    }
}

/// Lowercased words seen at least twice, with their most frequent class.
pub(crate) fn build_lexicon(examples: &[TagExample<'_>]) -> HashMap<u64, u16, IdentityBuild> {
    let mut counts: HashMap<u64, HashMap<u16, u32>, IdentityBuild> =
        HashMap::with_hasher(IdentityBuild);
    for ex in examples {
        for (info, &g) in ex.infos.iter().zip(ex.gold) {
            *counts.entry(info.lower).or_default().entry(g).or_default() += 1;
        }
    }
    let mut lexicon = HashMap::with_hasher(IdentityBuild);
    for (lower, by_class) in counts {
        let total: u32 = by_class.values().sum();
        let best = by_class.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)));
        if let Some((&class, _)) = best {
            if total >= 2 {
                lexicon.insert(lower, class);
            }
        }
    }
    lexicon
}

/// Each word's lexicon class, or `NO_LEX`.
pub(crate) fn lex_values(
    lexicon: &HashMap<u64, u16, IdentityBuild>,
    infos: &[WordInfo],
) -> Vec<u64> {
    infos.iter().map(|i| lexicon.get(&i.lower).map_or(NO_LEX, |&c| u64::from(c))).collect()
}

/// Whether a class is closed: auxiliaries, determiners, pronouns,
/// adpositions, conjunctions and particles are a fixed set of words, all
/// of them frequent in the treebanks.
fn is_closed(class: &TagClass) -> bool {
    matches!(
        class.upos,
        Upos::AUX | Upos::DET | Upos::PRON | Upos::ADP | Upos::CCONJ | Upos::SCONJ | Upos::PART
    )
}

/// For a word missing from the lexicon (seen fewer than twice in
/// training) whose best class is closed, the best open class instead:
/// an unseen word is no new auxiliary or pronoun. ("Beijing rejected ..."
/// had *Beijing* as an auxiliary, from its "-ing".)
/// `best`: the best-scoring class.
fn open_class(closed: &[bool], lex: u64, scores: &[f32], best: u16) -> Option<u16> {
    if lex != NO_LEX || !closed[usize::from(best)] {
        return None;
    }
    (0..scores.len())
        .filter(|&c| !closed[c])
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .map(|c| c as u16)
}

/// Index of the highest score (the first on ties).
pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unseen_word_loses_a_closed_best_class_to_the_best_open_one() {
        // Classes 0 and 2 closed, 1 and 3 open.
        let closed = [true, false, true, false];
        let scores = [3.0, 1.0, 2.0, 1.5];
        let best = argmax(&scores) as u16;
        assert_eq!(open_class(&closed, NO_LEX, &scores, best), Some(3));
        // A word in the lexicon keeps its best class, whatever it is.
        assert_eq!(open_class(&closed, 7, &scores, best), None);
        // So does a word whose best class is open.
        assert_eq!(open_class(&closed, NO_LEX, &[0.0, 2.0, 1.0, 0.5], 1), None);
    }

    fn class(upos: Upos, xpos: &str) -> TagClass {
        TagClass { upos, xpos: xpos.to_string() }
    }

    #[test]
    fn a_plural_noun_after_the_subject_of_a_verbless_line_is_its_verb() {
        let classes = [
            class(Upos::PROPN, "NNP"),
            class(Upos::NOUN, "NNS"),
            class(Upos::NOUN, "NN"),
            class(Upos::ADJ, "JJ"),
            class(Upos::VERB, "VBZ"),
        ];
        // Serbia expels Croatian diplomat
        assert_eq!(headline_verb(&classes, &[0, 1, 3, 2]), Some(1));
        // Serbia expels diplomats: a verb is already there.
        assert_eq!(headline_verb(&classes, &[0, 4, 1]), None);
        // Peace talks resume: no name in the subject, nothing after.
        assert_eq!(headline_verb(&classes, &[2, 1]), None);
        assert_eq!(headline_verb(&classes, &[0, 2, 1]), None);
    }

    #[test]
    fn a_participle_after_the_subject_of_a_clause_without_a_finite_verb_is_past() {
        let classes = [
            class(Upos::NOUN, "NNS"),
            class(Upos::VERB, "VBN"),
            class(Upos::NOUN, "NN"),
            class(Upos::ADP, "IN"),
            class(Upos::AUX, "VBD"),
            class(Upos::VERB, "VBD"),
        ];
        // Protesters blocked roads
        assert_eq!(participle_as_past(&classes, &[0, 1, 0]), Some(1));
        // Five killed in attack: a passive headline.
        assert_eq!(participle_as_past(&classes, &[0, 1, 3, 2]), None);
        // Roads were blocked by protesters / protesters blocked roads: a finite verb is there.
        assert_eq!(participle_as_past(&classes, &[0, 4, 1, 3, 0]), None);
        assert_eq!(participle_as_past(&classes, &[0, 5, 0, 1, 2]), None);
        // Gunmen killed officers, police said.
        let classes = [
            class(Upos::NOUN, "NNS"),
            class(Upos::VERB, "VBN"),
            class(Upos::PUNCT, ","),
            class(Upos::VERB, "VBD"),
        ];
        assert_eq!(participle_as_past(&classes, &[0, 1, 0, 2, 0, 3]), Some(1));
        // ... but not with a finite verb before the attribution.
        assert_eq!(participle_as_past(&classes, &[0, 3, 0, 1, 0, 2, 0, 3]), None);
    }

    #[test]
    fn listed_past_forms_take_a_past_verb_class_and_their_lemma() {
        let classes = [
            class(Upos::NOUN, "NN"),
            class(Upos::VERB, "VBD"),
            class(Upos::VERB, "VBN"),
            class(Upos::ADJ, "JJ"),
        ];
        let past = PastForms::new(&classes);
        let scores = [0.0, 0.1, 0.2, 5.0];
        let mut lower = Vec::new();
        let struck = WordInfo::new("struck", &mut lower);
        assert_eq!(past.choose(&struck, false, &scores), Some(2));
        assert_eq!(past.lemma(struck.lower, 2), Some("strike"));
        assert_eq!(past.lemma(struck.lower, 3), None);
        // A capitalised form inside a sentence may be a name ("the Met").
        assert_eq!(past.choose(&WordInfo::new("Met", &mut lower), false, &scores), None);
        assert_eq!(past.choose(&WordInfo::new("Met", &mut lower), true, &scores), Some(2));
        assert_eq!(past.choose(&WordInfo::new("house", &mut lower), false, &scores), None);
    }

    #[test]
    fn word_info_shapes_and_flags() {
        let mut buf = Vec::new();
        let a = WordInfo::new("Kyiv", &mut buf);
        let b = WordInfo::new("Lviv", &mut buf);
        assert_eq!(a.shape, b.shape);
        assert_eq!(a.suffix[1], b.suffix[1]); // "iv"
        assert_ne!(a.lower, b.lower);
        assert!(a.flags & FLAG_TITLE != 0);
        let c = WordInfo::new("1,000", &mut buf);
        assert!(c.flags & FLAG_DIGIT != 0 && c.flags & FLAG_NOALNUM != 0);
        assert_eq!(WordInfo::new("NATO", &mut buf).flags & FLAG_UPPER, FLAG_UPPER);
        // The lowercased hash is the lemmatiser's (lowercasing is idempotent).
        for word in ["Kyiv", "NATO", "İstanbul", "ΣΟΦΙΑ", "straße", "1,000"] {
            assert_eq!(
                WordInfo::new(word, &mut buf).lower,
                crate::hash::hash_lower(word),
                "{word}"
            );
        }
        // Long runs of one class share a shape.
        assert_eq!(WordInfo::new("12345", &mut buf).shape, WordInfo::new("123456", &mut buf).shape);
    }

    #[test]
    fn learns_tiny_tagging_task() {
        let classes = vec![
            TagClass { upos: Upos::DET, xpos: "DT".into() },
            TagClass { upos: Upos::NOUN, xpos: "NN".into() },
            TagClass { upos: Upos::VERB, xpos: "VBZ".into() },
        ];
        let sents = [
            (vec!["the", "dog", "barks"], vec![0u16, 1, 2]),
            (vec!["a", "cat", "sleeps"], vec![0, 1, 2]),
            // "a" twice: a word seen once is kept out of closed classes.
            (vec!["a", "bird", "sings"], vec![0, 1, 2]),
        ];
        let infos: Vec<Vec<WordInfo>> = sents.iter().map(|(w, _)| WordInfo::sentence(w)).collect();
        let examples: Vec<TagExample<'_>> = infos
            .iter()
            .zip(&sents)
            .map(|(i, (_, g))| TagExample { infos: i, gold: g, weight: 1 })
            .collect();
        let tagger =
            Tagger::train(&classes, &examples, TaggerOptions { epochs: 5, seed: 1, prune: 0.0 });
        let mut out = Vec::new();
        tagger.tag(&WordInfo::sentence(&["a", "dog", "sings"]), &mut out);
        assert_eq!(out, vec![0, 1, 2]);
        let mut w = Writer::default();
        tagger.write(&mut w);
        // Same data, same seed: same bytes.
        let again =
            Tagger::train(&classes, &examples, TaggerOptions { epochs: 5, seed: 1, prune: 0.0 });
        let mut w2 = Writer::default();
        again.write(&mut w2);
        assert_eq!(w.buf, w2.buf);
        let back = Tagger::read(&mut Reader::new(&w.buf)).expect("round trip");
        let mut again = Vec::new();
        back.tag(&WordInfo::sentence(&["a", "dog", "sings"]), &mut again);
        assert_eq!(out, again);
    }
}
