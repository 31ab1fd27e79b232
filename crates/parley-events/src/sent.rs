//! A per-sentence view of the parse: local token indices, lowercase forms
//! and lemmas, children lists, and the dependency helpers the rules use.

use parley_doc::{calendar, Document, Sentence, Upos};

/// One sentence's tokens and parse, indexed locally from 0.
pub struct Sent<'a> {
    pub doc: &'a Document,
    /// Document index of the first token.
    pub first: usize,
    /// Number of tokens.
    pub n: usize,
    /// Lowercase surface forms.
    pub lower: Vec<String>,
    /// Lowercase lemmas (the form when the token has none).
    pub lemma: Vec<String>,
    /// Local head of each token (`None` for the root, or heads outside the sentence).
    pub head: Vec<Option<usize>>,
    /// Dependency relation of each token ("" before parsing).
    pub rel: Vec<String>,
    /// Local children of each token, in text order.
    pub children: Vec<Vec<usize>>,
    /// Whether the sentence carries a dependency parse.
    pub parsed: bool,
    /// Byte end of each token, filled on first use (see [`Sent::token_ends`]).
    ends: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Sent<'a> {
    pub fn new(doc: &'a Document, sentence: &Sentence) -> Sent<'a> {
        let range = sentence.token_range();
        let first = range.start;
        let tokens = doc.tokens.get(range.clone()).unwrap_or(&[]);
        let n = tokens.len();
        let mut lower = Vec::with_capacity(n);
        let mut lemma = Vec::with_capacity(n);
        let mut head = Vec::with_capacity(n);
        let mut rel = Vec::with_capacity(n);
        for tok in tokens {
            let form = doc.token_form(tok).replace('’', "'").to_lowercase();
            let lem = match tok.lemma.as_deref() {
                Some(l) if !l.is_empty() && l != "_" => l.to_lowercase(),
                _ => form.clone(),
            };
            lower.push(form);
            lemma.push(lem);
            head.push(tok.head.and_then(|h| h.get().checked_sub(first)).filter(|&h| h < n));
            rel.push(tok.deprel.clone().unwrap_or_default());
        }
        // "according to X" is read as one word by the attribution rules,
        // whatever lemma the tagger gave it ("accord").
        for (l, w) in lemma.iter_mut().zip(&lower) {
            if w == "according" {
                *l = w.clone();
            }
        }
        // "demanded Friday that ...": the parser often takes a bare day
        // name for the verb's object, hiding the real complement.
        // Likewise "A U.S. official today praised ...": "today" as a subject.
        for (r, w) in rel.iter_mut().zip(&lower) {
            if matches!(r.as_str(), "obj" | "nsubj") && is_time_noun(w) {
                *r = "obl:tmod".to_string();
            }
        }
        // Punctuation heads nothing in UD: a word the parser hung from a
        // comma ("The group's leader, Mohamed Dagalo, called ...") belongs
        // to what the comma hangs from.
        let punct: Vec<bool> = tokens.iter().map(|t| t.upos == Some(Upos::PUNCT)).collect();
        for i in 0..n {
            let mut steps = 0;
            while let Some(h) = head[i].filter(|&h| punct[h] && h != i && steps < n) {
                head[i] = head[h];
                steps += 1;
            }
        }
        join_split_subjects(&lower, &mut head, &mut rel);
        let mut children = vec![Vec::new(); n];
        for (i, h) in head.iter().enumerate() {
            if let Some(h) = *h {
                if h != i {
                    children[h].push(i);
                }
            }
        }
        let parsed = rel.iter().any(|r| !r.is_empty()) && head.iter().any(Option::is_some);
        let ends = std::cell::OnceCell::new();
        let mut s = Sent { doc, first, n, lower, lemma, head, rel, children, parsed, ends };
        if s.parsed && s.verbless_parse() {
            // A full sentence parsed as one noun phrase ("Serb forces killed
            // ..." rooted at "forces") misplaces every argument: word order
            // reads it better than the parse does.
            s.parsed = false;
        }
        s
    }

    /// Whether the parse roots a clause-length sentence at a nominal with
    /// no copula, so that its verb (tagged or plainly inflected) hangs off
    /// a noun as a modifier.
    fn verbless_parse(&self) -> bool {
        if self.n < 5 {
            return false;
        }
        let Some(root) = (0..self.n).find(|&i| self.head[i].is_none() && self.rel[i] == "root")
        else {
            return false;
        };
        let nominal =
            matches!(self.upos(root), Some(Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::X));
        if !nominal || self.children[root].iter().any(|&c| self.base(c) == "cop") {
            return false;
        }
        (0..self.n).any(|i| {
            i != root
                && (self.upos(i) == Some(Upos::VERB)
                    || self.xpos(i).is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP"))
                    || (i > 0 && looks_past(&self.lower[i]) && self.upos(i) != Some(Upos::PROPN)))
        })
    }

    /// Whether word `i` names a month ("in May", "March 3"): a full month
    /// name with a capital, not opening the sentence unless it is tagged
    /// a proper noun or a day number follows. Never a modal or a trigger.
    pub fn is_month(&self, i: usize) -> bool {
        let w = self.text(i);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let full = calendar::MONTHS.contains(&self.lower[i].as_str());
        let dated = self.upos(i) == Some(Upos::PROPN)
            || self.lower.get(i + 1).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        capital && full && (i > 0 || dated)
    }

    pub fn upos(&self, i: usize) -> Option<Upos> {
        self.doc.tokens.get(self.first + i).and_then(|t| t.upos)
    }

    pub fn xpos(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(self.first + i).and_then(|t| t.xpos.as_deref())
    }

    pub fn text(&self, i: usize) -> &str {
        self.doc.tokens.get(self.first + i).map(|t| &self.doc.text[t.span]).unwrap_or("")
    }

    pub fn span(&self, i: usize) -> parley_doc::Span {
        self.doc.tokens[self.first + i].span
    }

    /// The relation without its subtype (`obl:agent` -> `obl`).
    pub fn base(&self, i: usize) -> &str {
        self.rel[i].split(':').next().unwrap_or("")
    }

    /// Children with relation `rel` (exact, or base when `rel` has no subtype).
    pub fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i].iter().copied().filter(move |&c| {
            let r = self.rel[c].as_str();
            r == rel || (!rel.contains(':') && r.split(':').next() == Some(rel))
        })
    }

    pub fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i, rel).next()
    }

    /// Whether the verb is passive (a `:pass` dependent).
    /// The byte end of every token: where a place name may end.
    pub fn token_ends(&self) -> &[usize] {
        self.ends.get_or_init(|| (0..self.n).map(|i| self.span(i).end).collect())
    }

    pub fn is_passive(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| self.rel[c].ends_with(":pass")) || self.reduced_passive(i)
    }

    /// A past participle modifying a noun with a "by" agent: the reduced
    /// passive relative "a convoy attacked by militants".
    pub fn reduced_passive(&self, i: usize) -> bool {
        self.base(i) == "acl"
            && self.xpos(i) == Some("VBN")
            && self.children[i].iter().any(|&c| {
                self.rel[c] == "obl:agent"
                    || (self.base(c) == "obl" && self.prep_of(c) == Some("by"))
            })
    }

    /// The patient of a passive: its passive subject, or the noun a
    /// reduced passive relative modifies.
    pub fn passive_subject(&self, i: usize) -> Option<usize> {
        self.kid(i, "nsubj:pass").or_else(|| self.head[i].filter(|_| self.reduced_passive(i)))
    }

    /// The preposition of a nominal dependent: its `case` child, or the
    /// relation's subtype (`obl:against`).
    pub fn prep_of(&self, i: usize) -> Option<&str> {
        if let Some(c) = self.children[i].iter().find(|&&c| self.base(c) == "case") {
            return Some(self.lemma[*c].as_str());
        }
        self.rel[i]
            .split_once(':')
            .map(|(_, s)| s)
            .filter(|s| !matches!(*s, "poss" | "pass" | "tmod" | "npmod" | "relcl" | "prt"))
    }

    /// Ancestors of `i`, nearest first, with the relation through which each was left.
    pub fn ancestors(&self, i: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut cur = i;
        while let Some(h) = self.head[cur] {
            if out.len() > self.n {
                break;
            }
            out.push((h, self.rel[cur].clone()));
            cur = h;
        }
        out
    }

    /// Whether `anc` dominates `i`.
    pub fn dominates(&self, anc: usize, i: usize) -> bool {
        self.ancestors(i).iter().any(|(a, _)| *a == anc)
    }

    /// Whether `i` is `anc` or inside its phrase without crossing into a
    /// clause that modifies it ("a man convicted of spying for Israel":
    /// Israel is in the phrase of "man" only through the clause).
    pub fn in_phrase_of(&self, anc: usize, i: usize) -> bool {
        let mut cur = i;
        for _ in 0..=self.n {
            if cur == anc {
                return true;
            }
            if matches!(self.base(cur), "acl" | "advcl" | "ccomp" | "xcomp" | "parataxis") {
                return false;
            }
            match self.head[cur] {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }
}

/// "Colombia's government and the ELN rebel group agreed": the parser
/// sometimes hangs both conjuncts from the verb as two subjects. A second
/// subject after a conjunction is the first one's conjunct.
fn join_split_subjects(lower: &[String], head: &mut [Option<usize>], rel: &mut [String]) {
    let n = head.len();
    for v in 0..n {
        let subjects: Vec<usize> =
            (0..n).filter(|&i| head[i] == Some(v) && rel[i] == "nsubj").collect();
        let [a, b] = subjects[..] else { continue };
        let Some(cc) = (a + 1..b).find(|&c| {
            rel[c] == "cc"
                && matches!(lower[c].as_str(), "and" | "or")
                && matches!(head[c], Some(h) if h == v || h == b)
        }) else {
            continue;
        };
        // Only when nothing but the first subject's own words sits
        // between it and the conjunction (no clause of its own).
        if (a + 1..cc).any(|i| !matches!(head[i], Some(h) if h == a || (a < h && h < cc))) {
            continue;
        }
        head[b] = Some(a);
        rel[b] = "conj".to_string();
        head[cc] = Some(b);
    }
}

/// Whether a form looks like a past tense or participle: "-ed" or a
/// known irregular past ("sought", "struck").
pub fn looks_past(form: &str) -> bool {
    (form.len() > 4 && form.ends_with("ed"))
        || IRREGULAR_PAST.iter().any(|(f, l)| *f == form && !matches!(*l, "be" | "have" | "do"))
}

/// Irregular past forms and participles with their lemmas.
const IRREGULAR_PAST: &[(&str, &str)] = &[
    ("struck", "strike"),
    ("stricken", "strike"),
    ("met", "meet"),
    ("sent", "send"),
    ("fought", "fight"),
    ("shot", "shoot"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("held", "hold"),
    ("made", "make"),
    ("laid", "lay"),
    ("said", "say"),
    ("told", "tell"),
    ("sought", "seek"),
    ("brought", "bring"),
    ("beaten", "beat"),
    ("began", "begin"),
    ("begun", "begin"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("broke", "break"),
    ("broken", "break"),
    ("stood", "stand"),
    ("led", "lead"),
    ("kept", "keep"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("went", "go"),
    ("gone", "go"),
    ("wrote", "write"),
    ("written", "write"),
    ("fled", "flee"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("overran", "overrun"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("undertook", "undertake"),
    ("shook", "shake"),
    ("stole", "steal"),
    ("won", "win"),
    ("lost", "lose"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("woke", "wake"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("lent", "lend"),
    ("left", "leave"),
    ("felt", "feel"),
    ("heard", "hear"),
    ("understood", "understand"),
    ("got", "get"),
    ("gotten", "get"),
    ("came", "come"),
    ("became", "become"),
    ("ran", "run"),
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
];

/// Candidate lemmas for a form when the lemma does not hit the lexicon:
/// irregular pasts and the usual suffixes.
pub fn lemma_candidates(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((_, l)) = IRREGULAR_PAST.iter().find(|(f, _)| *f == form) {
        out.push((*l).to_string());
    }
    let undouble = |s: &str| -> Option<String> {
        let b = s.as_bytes();
        (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1]))
            .then(|| s[..s.len() - 1].to_string())
    };
    if let Some(s) = form.strip_suffix("ies").or_else(|| form.strip_suffix("ied")) {
        out.push(format!("{s}y"));
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = form.strip_suffix(suffix) {
            if s.len() >= 2 {
                out.push(s.to_string());
                out.push(format!("{s}e"));
                out.extend(undouble(s));
            }
        }
    }
    if let Some(s) = form.strip_suffix("es") {
        out.push(s.to_string());
    }
    if let Some(s) = form.strip_suffix('s') {
        if !s.ends_with('s') {
            out.push(s.to_string());
        }
    }
    if let Some(s) = form.strip_suffix('d') {
        out.push(s.to_string());
    }
    out
}

/// Day names and deictic day words, which name a time, never a party.
fn is_time_noun(word: &str) -> bool {
    calendar::weekday_number(word).is_some()
        || matches!(word, "today" | "yesterday" | "tomorrow" | "tonight")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_subject_after_and_is_the_firsts_conjunct() {
        let lower: Vec<String> =
            ["russia", "and", "ukraine", "agreed"].iter().map(|w| w.to_string()).collect();
        let mut head = vec![Some(3), Some(3), Some(3), None];
        let mut rel: Vec<String> =
            ["nsubj", "cc", "nsubj", "root"].iter().map(|r| r.to_string()).collect();
        join_split_subjects(&lower, &mut head, &mut rel);
        assert_eq!(head, vec![Some(3), Some(2), Some(0), None]);
        assert_eq!(rel[2], "conj");
        // Without a conjunction between them, two subjects stay as they are.
        let mut head = vec![Some(3), Some(3), Some(3), None];
        let mut rel: Vec<String> =
            ["nsubj", "punct", "nsubj", "root"].iter().map(|r| r.to_string()).collect();
        join_split_subjects(&lower, &mut head, &mut rel);
        assert_eq!(head, vec![Some(3), Some(3), Some(3), None]);
    }

    #[test]
    fn a_phrase_ends_where_a_clause_modifies_it() {
        let doc = crate::testutil::parsed(
            "Russia/PROPN/Russia/2/nsubj executed/VERB/execute/0/root a/DET/a/4/det man/NOUN/man/2/obj convicted/VERB/convict/4/acl of/ADP/of/7/mark spying/VERB/spy/5/advcl for/ADP/for/9/case Ukraine/PROPN/Ukraine/7/obl in/ADP/in/11/case prison/NOUN/prison/4/nmod",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert!(s.in_phrase_of(3, 10), "a modifier of the noun is in its phrase");
        assert!(!s.in_phrase_of(3, 8), "a word of a clause that modifies it is not");
        assert!(s.dominates(3, 8));
    }

    #[test]
    fn lemma_candidates_cover_common_inflections() {
        for (form, lemma) in [
            ("targeted", "target"),
            ("targeting", "target"),
            ("stopped", "stop"),
            ("agreed", "agree"),
            ("invaded", "invade"),
            ("striking", "strike"),
            ("struck", "strike"),
            ("rejects", "reject"),
            ("accuses", "accuse"),
            ("denied", "deny"),
            ("vowed", "vow"),
            ("shelling", "shell"),
            ("cancelled", "cancel"),
            ("signalled", "signal"),
        ] {
            assert!(lemma_candidates(form).iter().any(|l| l == lemma), "{form} -> {lemma}");
        }
    }
}
