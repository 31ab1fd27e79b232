#!/usr/bin/env python3
"""Writes data/events/petrarch-families.tsv: every verb family of PETRARCH2's
CAMEO.2.0.txt (the `--- NAME [code] ---` blocks) with its verbs, its codes,
and what parley's lexicon does with it.

Decisions are made here, from the lexicon, in this order:
  mapped        some verb of the family heads a lexicon entry (the ids listed);
  left out      a statement verb (block code 01x: no PLOVER type); a general
                verb whose patterns span four or more CAMEO roots (its code is
                its object's); codes all in CAMEO 01; or no code at all;
  todo          none of the above: not yet reviewed (candidates for entries).
Hand decisions (family -> reason) in HAND override the automatic ones.

Usage: scripts/petrarch-families.py [PATH/TO/CAMEO.2.0.txt]
(default ../shared/data/petrarch/CAMEO.2.0.txt; PETRARCH2 is MIT-licensed,
Copyright (c) 2014 Open Event Data; only family names, verbs and codes are
written.)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "data", "events", "lexicon.txt")
OUT = os.path.join(ROOT, "data", "events", "petrarch-families.tsv")

# Families left out on purpose, with the reason (reviewed by hand).
HAND = {
    "SAY": "left out: a speech verb; parley attributes speech, it is not an event",
    "ACCELERATE": "left out: a modifier of other acts, no event of its own",
    "ADD": "left out: a speech verb (\"added\"), no event of its own",
    "ALTER": "left out: too general; codes only in PETRARCH's compound patterns",
    # Reviewed for issue #14 (step 2): families with no entry, and why.
    "BELIEVE": "left out: an opinion verb; what is believed is coded on its own",
    "BRACE": "left out: readiness, not an act between parties",
    "BROADCAST": "left out: mostly media wording (a channel broadcast a speech)",
    "CLEANSE": "left out: as a verb too rare and figurative; covered by ethnic-cleansing (cleansing/n obj=ethnic)",
    "CONSPIRE": "left out: plotting is reported as an allegation, coded by accuse/charge",
    "CROSS": "left out: crossing a border is mostly migrants or trade in news English, rarely an invasion",
    "DEVELOP": "left out: too general (develop weapons, ties, economies)",
    "DISTANCE": "left out: a stance (distanced itself from), not a coded act",
    "DOCK": "left out: ships docking is rarely political",
    "DRIVE": "left out: drive out/back is fighting or expulsion by its object; too ambiguous",
    "ELIMINATE": "left out: ambiguous between killing and removing (tariffs, waste)",
    "EMERGE": "left out: no event of its own",
    "ENJOY": "left out: not political",
    "FAIL": "left out: marks another act as failed; the coder reads failure on the governed act",
    "FOIL": "left out: the foiled act is what is reported; its code depends on the object",
    "FUEL": "left out: a causal verb (fuel tensions), no event of its own",
    "FULFILL": "left out: ambiguous (fulfil a promise, fulfil a role)",
    "IDENTIFY": "left out: not political",
    "INDICATE": "left out: a speech verb; its clause is coded on its own",
    "INVOKE": "left out: invoking a clause or law is legal wording, no event of its own",
    "IRON_OUT": "mapped: iron-out",
    "KNOCK": "left out: too ambiguous (knock down, knock on doors)",
    "PENETRATE": "left out: infiltrate/penetrate are spying or fighting by context; too ambiguous",
    "PERFORM": "left out: not political",
    "PUMP": "left out: figurative economic wording (pump money into the economy), mostly domestic",
    "RATCHET": "left out: a modifier (ratchet up pressure) of the act it names",
    "REACT": "left out: a speech verb (responded, replied); the response is coded on its own",
    "REALLOCATE": "left out: budget wording, mostly domestic",
    "REAP": "left out: figurative, no event",
    "REAPPRAISE": "left out: CAMEO 01 statement, no PLOVER type",
    "RECOVER": "left out: regain/recover cover bodies, economies and territory alike; too ambiguous",
    "REGARD": "left out: an opinion verb",
    "REPLACE": "left out: replacing officials is not a force posture; too general",
    "RESTRUCTURE": "left out: economic wording (restructure debt) covered by debt-relief entries",
    "REVIEW": "left out: as a verb too general; the noun is in the @investigation class",
    "ROAR": "left out: figurative (jets roared overhead)",
    "RUMBLE": "left out: figurative",
    "SATISFY": "left out: not an act between parties",
    "SLACKEN": "left out: figurative",
    "SNARE": "left out: figurative (mired in, trapped)",
    "SPEND": "left out: budget wording, mostly domestic",
    "STRAIN": "left out: a state (strained ties), no event",
    "STREAM": "left out: figurative (refugees streamed across)",
    "SWOOP": "left out: figurative; police swoops are coded from arrest/raid",
    "THRUST": "left out: figurative",
    "TOUT": "left out: boasting is a statement, CAMEO 01",
    "TRACE": "left out: not an act between parties",
    "WARM": "left out: a state of ties (relations warmed); mend-ties/repair-ties code the act",
    "WEAKEN": "left out: a causal verb, no event of its own",
    "WINDING_UP": "left out: procedural wording",
    "WIPE": "left out: figurative (wipe out is fighting by context)",
    "WRITE": "left out: writing is a channel of statements (wrote a letter), CAMEO 01; `write off` a debt is aid (write-off-debt)",
    "HOPE": "left out: a wish (CAMEO 02), no PLOVER type",
    "SIGNAL": "left out: covered by willingness/readiness nouns and the intent entries; alone a speech verb",
    "STRIVE": "left out: an effort verb; the governed act is what is coded",
    "CABLE": "left out: archaic channel of communication",
    "HEAR": "left out: hear/learn are not acts between parties (hearings are legal)",
    "NOTIFY": "left out: procedural; the notified act is coded on its own",
    "REJOICE": "left out: an emotion, no act",
    "BLESS": "left out: religious wording, not political",
    "LEGITIMISE": "left out: used mostly of what would legitimise (a warning), not a granted recognition",
    "REASSERT": "left out: a statement, CAMEO 01",
    "ALLOCATE": "left out: budget wording, mostly domestic; aid is coded from give/send/provide",
    "MERGE": "left out: corporate or party mergers, not an act between political parties of PLOVER",
    "STABILISE": "left out: economic wording",
    "ABSOLVE": "left out: covered by acquit/exonerate (ACQUIT family)",
    "ABSTAIN": "left out: abstaining in a vote is no act toward a party",
    "DECLASSIFY": "left out: a domestic administrative act",
    "CURSE": "left out: an emotion or insult, too rare in wire copy",
    "DESPAIR": "left out: an emotion",
    "DISMAY": "left out: an emotion (was dismayed by) read as a statement",
    "DISTRUST": "left out: an attitude; suspected is an allegation only with a clause",
    "LAMENT": "left out: mourning and grief are not acts between parties",
    "JEER": "mapped: scoff-at",
    "SAVAGE": "mapped: pillory",
    "ENDANGER": "left out: a judgment (endangers peace), no event of its own",
    "PROVOKE": "left out: a causal verb (provoked anger)",
    "BETRAY": "left out: a characterisation, not an act",
    "DISASSOCIATE": "left out: rare; a stance",
    "DISRUPT": "left out: too general (disrupt supply chains, traffic)",
    "SPY": "left out: spying is reported as an allegation (accuse of espionage)",
    "SECEDE": "left out: PLOVER has no secession type; coding it as breaking relations would mislead",
    "PUNISH": "left out: the punishment is named by its own verb (sanction, strike, fine)",
    "STEAL": "left out: crime, not political",
    "FINE": "left out: fines are mostly regulatory or commercial",
    "SCUFFLE": "left out: scuffles between protesters and police are coded as protest or clash by context",
    "WHIP": "left out: whip (votes) and lash out (speech) are figurative in news English",
    "DIE": "left out: the victim's verb; the killing is coded from the killer's verb",
    "FLATTEN": "left out: figurative (flattened economy); destruction is coded from destroy/raze",
}


def families(path):
    out, cur = [], None
    in_verbs = False
    for raw in open(path, encoding="latin-1"):
        if "VERB PATTERNS" in raw:
            in_verbs = True
        if not in_verbs:
            continue
        line = raw.split("#")[0].strip()
        m = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if m:
            cur = {"name": m.group(1), "code": m.group(2).strip(), "verbs": [], "codes": set()}
            out.append(cur)
            continue
        if cur is None or not line:
            continue
        if line.startswith("-"):
            for c in re.findall(r"\[(\d+)[^\]]*\]", line):
                cur["codes"].add(c)
        elif not line.startswith(("&", "+")):
            word = line.split()[0].lower()
            if re.fullmatch(r"[a-z_]+", word):
                cur["verbs"].append(word)
    return out


def lexicon_heads():
    heads = {}
    for line in open(LEXICON, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = [c.strip() for c in line.split("|")]
        head = cols[1].split()[0].split("/")[0]
        heads.setdefault(head, []).append(cols[0])
    return heads


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "data", "petrarch", "CAMEO.2.0.txt")
    heads = lexicon_heads()
    rows = []
    for f in families(src):
        codes = sorted(f["codes"] | ({f["code"]} if f["code"].isdigit() else set()))
        ids = [i for v in f["verbs"] for i in heads.get(v.split("_")[0] if "_" in v else v, [])
               if "_" not in v]
        if f["name"] in HAND:
            decision = HAND[f["name"]]
        elif ids:
            decision = "mapped: " + ",".join(sorted(set(ids))[:12])
        elif f["code"].startswith("01"):
            decision = ("left out: a statement verb (CAMEO 01, no PLOVER type); its other "
                        "codes come from PETRARCH's compound objects, which parley codes "
                        "as the object's own event")
        elif len({c[:2] for c in codes}) >= 4:
            decision = ("left out: a general verb whose code depends on its object "
                        f"({len(codes)} codes); parley codes such senses by object class")
        elif codes and all(c.startswith("01") for c in codes):
            decision = "left out: CAMEO 01 (public statements) has no PLOVER type"
        elif not codes:
            decision = "left out: no code of its own; PETRARCH uses it only in compound patterns"
        else:
            decision = "todo: not reviewed yet"
        verbs = ",".join(dict.fromkeys(f["verbs"]))[:300]
        rows.append(f'{f["name"]}\t{f["code"]}\t{",".join(codes)[:80]}\t{verbs}\t{decision}')
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# PETRARCH2 verb families (CAMEO.2.0.txt, MIT, (c) 2014 Open Event Data) and\n")
        out.write("# what parley's lexicon does with each. GENERATED by scripts/petrarch-families.py;\n")
        out.write("# hand decisions live in that script's HAND table.\n")
        out.write("# family\tblock code\tpattern codes\tverbs\tdecision\n")
        out.write("\n".join(rows) + "\n")
    kinds = {}
    for r in rows:
        k = r.rsplit("\t", 1)[1].split(":")[0]
        kinds[k] = kinds.get(k, 0) + 1
    print(kinds, file=sys.stderr)


if __name__ == "__main__":
    main()
