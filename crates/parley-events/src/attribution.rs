//! Attribution: who reported an event. Reported speech ("Zakharova said
//! Moscow would not attend") gives the speech verb's subject as speaker;
//! a direct quote is attributed to the speech verb next to it, in the same
//! sentence or the one after or before it ("..., he said." / "X told
//! reporters: ..."), across sentence and paragraph breaks.

use parley_doc::{Document, Span, Upos};

use crate::sent::Sent;

/// Verbs (and "according") that report speech.
pub const SAY: &[&str] = &[
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "claim",
    "note",
    "declare",
    "report",
    "stress",
    "explain",
    "write",
    "tweet",
    "post",
    "confirm",
    "assert",
    "argue",
    "insist",
    "reiterate",
    // "he repeated that Ukraine must withdraw": saying again is saying.
    "repeat",
    "restate",
    "according",
    "remark",
    "comment",
    "emphasize",
    "emphasise",
    "underline",
    "recall",
    "reply",
    "respond",
    "answer",
    "suggest",
    "allege",
    "believe",
    "think",
    "say.",
    "told",
    "said",
];

/// Whether a lemma reports speech.
pub fn is_speech(lemma: &str) -> bool {
    SAY.contains(&lemma)
}

/// The text's direct quotes, as byte spans including the quote marks.
/// Curly quotes pair up; straight double quotes toggle; a quote left open
/// at a paragraph break continues if the next paragraph opens one again
/// (the news convention for long quotes), else ends there.
pub fn quote_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '“' | '«' if open.is_none() => open = Some(i),
            '”' | '»' => {
                if let Some(s) = open.take() {
                    out.push(Span::new_unchecked(s, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new_unchecked(s, i + 1)),
                None => open = Some(i),
            },
            '\n' if bytes.get(i + 1) == Some(&b'\n') => {
                if let Some(s) = open.take() {
                    out.push(Span::new_unchecked(s, i));
                    // A continued quote reopens with its own mark in the next paragraph.
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Span::new_unchecked(s, text.len()));
    }
    out
}

/// The quote that holds a span, if any.
pub fn quote_at(regions: &[Span], span: Span) -> Option<Span> {
    let i = regions.partition_point(|q| q.end <= span.start);
    regions.get(i).copied().filter(|q| q.contains(span))
}

/// The speech verb that reports the predicate at local token `t`: an
/// ancestor reached through a clausal complement, or a speech verb hanging
/// off the clause's root ("..., he said"), or (without a parse) the nearest
/// speech verb in the sentence outside quotes.
pub fn speech_verb_for(s: &Sent<'_>, t: usize, quotes: &[Span]) -> Option<usize> {
    let outside = |i: usize| quote_at(quotes, s.span(i)).is_none();
    if s.parsed {
        // "..., killing four people, the health ministry said.": a closing
        // attribution reports the whole clause before it, however the
        // parser attached it.
        if let Some((v, _)) = closing_attribution(s, quotes).filter(|&(_, a)| a > t) {
            return Some(v);
        }
        let mut root = t;
        // A nominal trigger ("benefit Russian aggression") is reported with
        // the clause it is an argument of.
        let mut nominal = matches!(s.upos(t), Some(Upos::NOUN | Upos::PROPN));
        let mut below = t;
        for (anc, rel) in s.ancestors(t) {
            let base = rel.split(':').next().unwrap_or("");
            // "recalled its ambassador after Algiers expelled ...": a clause
            // with a subordinator is a circumstance of the verb above it,
            // not what that verb reports.
            let circumstance = base == "advcl" && has_subordinator(s, below);
            if is_speech(&s.lemma[anc])
                && matches!(base, "ccomp" | "parataxis" | "xcomp" | "advcl" | "obj")
                && !circumstance
            {
                return Some(anc);
            }
            below = anc;
            let through_noun = nominal && matches!(base, "obj" | "nsubj" | "obl" | "nmod");
            if !through_noun
                && !matches!(base, "ccomp" | "xcomp" | "conj" | "parataxis" | "advcl" | "acl")
            {
                break;
            }
            nominal = matches!(s.upos(anc), Some(Upos::NOUN | Upos::PROPN));
            root = anc;
        }
        // "“...,” he said": the speech verb depends on the quoted clause's root.
        // A coordinated verb reports nothing when it has words of its own:
        // "... and recalled its ambassador", "..., and NATO said it would
        // step up patrols".
        let bare = |c: usize| {
            s.base(c) != "conj"
                || !s.children[c]
                    .iter()
                    .any(|&d| matches!(s.base(d), "obj" | "ccomp" | "xcomp" | "parataxis"))
        };
        let reporting = s.children[root].iter().copied().find(|&c| {
            matches!(s.base(c), "parataxis" | "conj" | "advcl" | "ccomp")
                && is_speech(&s.lemma[c])
                && outside(c)
                && bare(c)
        });
        if reporting.is_some() {
            return reporting;
        }
        // "according to X".
        if let Some(a) = (0..s.n)
            .find(|&i| s.lemma[i] == "according" && s.lower.get(i + 1).is_some_and(|w| w == "to"))
        {
            return Some(a);
        }
        None
    } else {
        (0..s.n)
            .filter(|&i| is_speech(&s.lemma[i]) && i != t && outside(i))
            .min_by_key(|&i| i.abs_diff(t))
    }
}

/// Whether clause head `v` has a subordinating marker other than "that"
/// or "whether" ("after", "because", "when", "if").
fn has_subordinator(s: &Sent<'_>, v: usize) -> bool {
    s.children[v]
        .iter()
        .any(|&c| s.base(c) == "mark" && !matches!(s.lower[c].as_str(), "that" | "whether" | "if"))
}

/// A speech verb that closes the sentence after a comma and a short
/// subject: ", the ministry said." / ", officials said on Friday.". Only
/// punctuation and a short tail without verbs may follow it; the subject
/// is nominal words (a determiner, adjectives, nouns, names, a pronoun, a
/// preposition inside "a spokesman for the army").
///
/// Returns the verb and the first word of its subject.
pub fn closing_attribution(s: &Sent<'_>, quotes: &[Span]) -> Option<(usize, usize)> {
    let v = (0..s.n).rev().find(|&i| is_speech(&s.lemma[i]) && s.lemma[i] != "according")?;
    if quote_at(quotes, s.span(v)).is_some() {
        return None;
    }
    let tail: Vec<usize> = (v + 1..s.n).filter(|&i| s.upos(i) != Some(Upos::PUNCT)).collect();
    if tail.len() > 4
        || tail.iter().any(|&i| matches!(s.upos(i), Some(Upos::VERB | Upos::AUX | Upos::SCONJ)))
        || s.lower.get(v + 1).is_some_and(|w| w == "that" || w == ":")
    {
        return None;
    }
    let mut i = v;
    let mut nominal = false;
    while i > 0 {
        i -= 1;
        match s.upos(i) {
            Some(Upos::PUNCT) if s.text(i) == "," => {
                return (nominal && i > 0).then_some((v, i + 1));
            }
            Some(Upos::NOUN | Upos::PROPN | Upos::PRON) => nominal = true,
            Some(Upos::DET | Upos::ADJ | Upos::NUM | Upos::PART | Upos::ADP | Upos::CCONJ) => {}
            Some(Upos::AUX) if v - i <= 2 => {}
            _ => return None,
        }
        if v - i > 10 {
            return None;
        }
    }
    None
}

/// Speech verbs outside any quote in a sentence, in text order.
pub fn speech_verbs_outside(s: &Sent<'_>, quotes: &[Span]) -> Vec<usize> {
    (0..s.n).filter(|&i| is_speech(&s.lemma[i]) && quote_at(quotes, s.span(i)).is_none()).collect()
}

/// For a quote, the sentence and local token of the speech verb that
/// introduces it: after the quote (same sentence, then the next), else
/// before it (same sentence, then the previous).
pub fn quote_speaker(
    doc: &Document,
    sents: &[Sent<'_>],
    quote: Span,
    quotes: &[Span],
) -> Option<(usize, usize)> {
    let sent_of = |offset: usize| {
        doc.sentences
            .iter()
            .position(|s| s.span.start <= offset && offset < s.span.end.max(s.span.start + 1))
    };
    let end_s = sent_of(quote.end.saturating_sub(1))?;
    let start_s = sent_of(quote.start).unwrap_or(end_s);
    let look = |si: usize, after: Option<usize>, before: Option<usize>| -> Option<(usize, usize)> {
        let s = sents.get(si)?;
        speech_verbs_outside(s, quotes)
            .into_iter()
            .filter(|&i| {
                after.is_none_or(|a| s.span(i).start >= a)
                    && before.is_none_or(|b| s.span(i).end <= b)
            })
            .min_by_key(|&i| {
                let sp = s.span(i);
                after.map(|a| sp.start - a).or(before.map(|b| b - sp.end)).unwrap_or(0)
            })
            .map(|i| (si, i))
    };
    look(end_s, Some(quote.end), None)
        .or_else(|| {
            look(end_s + 1, None, None)
                .filter(|_| next_is_attribution(doc, sents, end_s + 1, quotes))
        })
        .or_else(|| look(start_s, None, Some(quote.start)))
        // In the sentence before, the speech verb nearest the quote ("When
        // asked ..., Miller said it was “...”“...”": said, not asked).
        .or_else(|| start_s.checked_sub(1).and_then(|p| look(p, None, Some(quote.start))))
}

/// Whether a sentence reads like an attribution line ("he said", "X told
/// reporters ..."): short, or with its speech verb in the first five words,
/// and not the lead-in of a quote of its own ("Asked about ..., a
/// spokesperson told reporters: “...").
fn next_is_attribution(doc: &Document, sents: &[Sent<'_>], si: usize, quotes: &[Span]) -> bool {
    let (Some(sentence), Some(s)) = (doc.sentences.get(si), sents.get(si)) else { return false };
    if quotes.iter().any(|q| sentence.span.start < q.start && q.start < sentence.span.end) {
        return false;
    }
    s.n <= 12 || (0..s.n.min(6)).any(|i| is_speech(&s.lemma[i]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::parsed;

    fn sents_of(doc: &Document) -> Vec<Sent<'_>> {
        doc.sentences.iter().map(|s| Sent::new(doc, s)).collect()
    }

    #[test]
    fn quote_regions_pair_marks_and_close_at_paragraphs() {
        let text = "A “b c,” d said. \"e\" f\n\n“g h\n\n“i”";
        let q = quote_regions(text);
        let got: Vec<&str> = q.iter().map(|s| &text[*s]).collect();
        assert_eq!(got, vec!["“b c,”", "\"e\"", "“g h", "“i”"]);
        assert_eq!(quote_at(&q, Span::new_unchecked(5, 6)), Some(q[0]));
        assert_eq!(quote_at(&q, Span::new_unchecked(12, 16)), None);
    }

    #[test]
    fn reported_speech_finds_the_speech_verb() {
        let doc = parsed(
            "Zakharova/PROPN/Zakharova/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/6/nsubj would/AUX/would/6/aux not/PART/not/6/advmod attend/VERB/attend/2/ccomp",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert_eq!(speech_verb_for(&s, 5, &[]), Some(1));
    }

    #[test]
    fn a_coordinated_verb_with_words_of_its_own_reports_nothing() {
        // The speech verb reporting the root (word 1) of a one-sentence spec.
        let reporting = |spec: &str| {
            let doc = parsed(spec, "2024-07-18");
            let s = Sent::new(&doc, &doc.sentences[0]);
            speech_verb_for(&s, 1, &[])
        };
        // Poland closed the border and recalled its ambassador .
        assert_eq!(
            reporting(
                "Poland/PROPN/Poland/2/nsubj closed/VERB/close/0/root the/DET/the/4/det border/NOUN/border/2/obj and/CCONJ/and/6/cc recalled/VERB/recall/2/conj its/PRON/its/8/nmod:poss ambassador/NOUN/ambassador/6/obj"
            ),
            None
        );
        // Kyiv attacked the port , and NATO said it would act .
        assert_eq!(
            reporting(
                "Kyiv/PROPN/Kyiv/2/nsubj attacked/VERB/attack/0/root the/DET/the/4/det port/NOUN/port/2/obj ,/PUNCT/,/8/punct and/CCONJ/and/8/cc NATO/PROPN/NATO/8/nsubj said/VERB/say/2/conj it/PRON/it/11/nsubj would/AUX/would/11/aux act/VERB/act/8/ccomp"
            ),
            None
        );
        // A bare one closes what it reports: "... and NATO said so."
        assert_eq!(
            reporting(
                "Kyiv/PROPN/Kyiv/2/nsubj attacked/VERB/attack/0/root the/DET/the/4/det port/NOUN/port/2/obj and/CCONJ/and/7/cc NATO/PROPN/NATO/7/nsubj said/VERB/say/2/conj so/ADV/so/7/advmod"
            ),
            Some(6)
        );
    }

    #[test]
    fn closing_attribution_reports_the_clause_before_it_however_attached() {
        // Troops raided the camp , killing four , the ministry said .
        // The parser hung "said" under "killing", not under the root.
        let doc = parsed(
            "Troops/NOUN/troop/2/nsubj raided/VERB/raid/0/root the/DET/the/4/det camp/NOUN/camp/2/obj ,/PUNCT/,/6/punct killing/VERB/kill/2/advcl four/NUM/four/11/nsubj ,/PUNCT/,/10/punct the/DET/the/10/det ministry/NOUN/ministry/11/nsubj said/VERB/say/6/ccomp ./PUNCT/./2/punct",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert_eq!(speech_verb_for(&s, 1, &[]), Some(10));
        assert_eq!(closing_attribution(&s, &[]), Some((10, 8)));
        // Not when the speech verb opens what it reports.
        let doc = parsed(
            "Troops/NOUN/troop/2/nsubj raided/VERB/raid/0/root the/DET/the/4/det camp/NOUN/camp/2/obj ,/PUNCT/,/7/punct officials/NOUN/official/7/nsubj said/VERB/say/2/conj that/SCONJ/that/9/mark it/PRON/it/10/nsubj ended/VERB/end/7/ccomp",
            "2024-07-18",
        );
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert_eq!(closing_attribution(&s, &[]), None);
    }

    #[test]
    fn quote_is_attributed_to_the_next_sentence() {
        // “ Russia attacked Kyiv . ” || Zelenskyy said .
        let doc = parsed(
            "“/PUNCT/“/3/punct Russia/PROPN/Russia/3/nsubj attacked/VERB/attack/0/root Kyiv/PROPN/Kyiv/3/obj ./PUNCT/./3/punct ”/PUNCT/”/3/punct || Zelenskyy/PROPN/Zelenskyy/2/nsubj said/VERB/say/0/root ./PUNCT/./2/punct",
            "2024-07-18",
        );
        let quotes = quote_regions(&doc.text);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quote_speaker(&doc, &sents_of(&doc), quotes[0], &quotes), Some((1, 1)));
    }

    #[test]
    fn a_quote_lead_in_does_not_attribute_the_quote_before_it() {
        // Zelenskyy said : “ A . || “ B . ” || Putin told reporters : “ C . ”
        // The second quote goes on from Zelenskyy's; Putin introduces his own.
        let doc = parsed(
            "Zelenskyy/PROPN/Zelenskyy/2/nsubj said/VERB/say/0/root :/PUNCT/:/2/punct “/PUNCT/“/5/punct A/NOUN/a/2/ccomp ./PUNCT/./2/punct || “/PUNCT/“/2/punct B/NOUN/b/0/root ./PUNCT/./2/punct ”/PUNCT/”/2/punct || Putin/PROPN/Putin/2/nsubj told/VERB/tell/0/root reporters/NOUN/reporter/2/obj :/PUNCT/:/2/punct “/PUNCT/“/6/punct C/NOUN/c/2/ccomp ./PUNCT/./2/punct ”/PUNCT/”/6/punct",
            "2024-07-18",
        );
        let quotes = quote_regions(&doc.text);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert_eq!(quote_speaker(&doc, &sents_of(&doc), quotes[0], &quotes), Some((0, 1)));
    }

    #[test]
    fn quote_with_attribution_in_the_same_sentence() {
        let doc = parsed(
            "“/PUNCT/“/3/punct We/PRON/we/3/nsubj reject/VERB/reject/0/root it/PRON/it/3/obj ,/PUNCT/,/3/punct ”/PUNCT/”/3/punct Putin/PROPN/Putin/8/nsubj said/VERB/say/3/parataxis",
            "2024-07-18",
        );
        let quotes = quote_regions(&doc.text);
        let s = Sent::new(&doc, &doc.sentences[0]);
        assert_eq!(speech_verb_for(&s, 2, &quotes), Some(7));
        assert_eq!(quote_speaker(&doc, &sents_of(&doc), quotes[0], &quotes), Some((0, 7)));
    }
}
