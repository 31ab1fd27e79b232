#!/usr/bin/env python3
"""Builds data/events/noun-classes.txt from data/events/noun-classes.spec.

Each class in the spec names WordNet 3.0 noun synsets (`lemma.n.NN`, the
NN-th sense in index.noun); the class holds every single-word lemma of those
synsets and of all their hyponyms (the closure; instance hyponyms, i.e. named places and people, only
with `instances yes`),
plus the spec's `add` words, minus its `drop` words. Multiword WordNet lemmas
are left out: the coder matches one token, and their head noun is, in the
closure, a lemma of its own where it means the class.

Usage:
    scripts/build-noun-classes.py [--wordnet /usr/share/wordnet]
    scripts/build-noun-classes.py --show LEMMA   # senses, glosses, closure size

WordNet comes from `apt-get install -y wordnet-base`.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "data", "events", "noun-classes.spec")
OUT = os.path.join(ROOT, "data", "events", "noun-classes.txt")


def load_wordnet(wn):
    index = {}
    with open(os.path.join(wn, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, p_cnt = parts[0], int(parts[3])
            synset_cnt = int(parts[2])
            offsets = parts[4 + p_cnt + 2:]
            index[lemma] = offsets[:synset_cnt]
    synsets = {}
    with open(os.path.join(wn, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            body, _, gloss = line.partition("|")
            parts = body.split()
            off = parts[0]
            w_cnt = int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(w_cnt)]
            i = 4 + 2 * w_cnt
            p_cnt = int(parts[i])
            hypo, inst = [], []
            for k in range(p_cnt):
                sym, target = parts[i + 1 + 4 * k], parts[i + 2 + 4 * k]
                if sym == "~":
                    hypo.append(target)
                elif sym == "~i":
                    inst.append(target)
            synsets[off] = (words, hypo, gloss.strip(), inst)
    return index, synsets


def common_words(wn, index, synsets):
    """Lemmas of verbs, adjectives, and nouns that are not only names."""
    words = set()
    for pos in ("verb", "adj", "adv"):
        with open(os.path.join(wn, f"index.{pos}"), encoding="latin-1") as f:
            words.update(l.split()[0] for l in f if not l.startswith(" "))
    named = {t for (_, _, _, inst) in synsets.values() for t in inst}
    for off, (lemmas, _, _, _) in synsets.items():
        if off not in named:
            words.update(clean(w) for w in lemmas)
    return words


def synset_of(name, index):
    lemma, pos, num = name.rsplit(".", 2)
    if pos != "n":
        raise SystemExit(f"{name}: only noun synsets")
    offsets = index.get(lemma.lower())
    n = int(num)
    if not offsets or n > len(offsets):
        raise SystemExit(f"{name}: no such sense in WordNet 3.0")
    return offsets[n - 1]


def closure(off, synsets, instances=False):
    seen, todo = set(), [off]
    while todo:
        o = todo.pop()
        if o in seen:
            continue
        seen.add(o)
        todo.extend(synsets[o][1])
        if instances:
            todo.extend(synsets[o][3])
    return seen


def clean(word):
    # WordNet marks adjective positions "(a)"; the coder sees lowercase tokens.
    return word.split("(")[0].lower()


def read_spec(path):
    classes, order, cur = {}, [], None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("@"):
                cur = line[1:].strip()
                classes[cur] = {k: [] for k in ("wordnet", "add", "drop", "class", "instances", "except")}
                order.append(cur)
                continue
            key, _, rest = line.partition(" ")
            if cur is None or key not in ("wordnet", "add", "drop", "class", "instances", "except"):
                raise SystemExit(f"{path}:{n}: want `@name` or wordnet/instances/add/drop/class/except lines")
            classes[cur][key].extend(rest.split())
    return classes, order


def build(wn):
    index, synsets = load_wordnet(wn)
    common = common_words(wn, index, synsets)
    spec, order = read_spec(SPEC)
    built = {}
    for name in order:
        c = spec[name]
        words = set()
        instances = c["instances"] == ["yes"]
        for s in c["wordnet"]:
            plain = {clean(w) for o in closure(synset_of(s, index), synsets) for w in synsets[o][0]}
            for o in closure(synset_of(s, index), synsets, instances):
                for w in synsets[o][0]:
                    w = clean(w)
                    # A named place that is also a common word ("Reading",
                    # "Mobile") would fire on the common word.
                    if w in plain or w not in common:
                        words.add(w)
        for other in c["class"]:  # classes built earlier in the spec
            words |= built[other]
        words.update(w.lower() for w in c["add"])
        words -= {w.lower() for w in c["drop"]}
        for other in c["except"]:  # keep two senses of one verb apart
            words -= built[other]
        built[name] = {w for w in words if w.isalpha() and len(w) > 2}
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Noun classes for the event lexicon's `obj=@class` and `subj=@class`.\n")
        out.write("# GENERATED by scripts/build-noun-classes.py from noun-classes.spec and\n")
        out.write("# WordNet 3.0 (Princeton University; licence in LICENSE-WordNet.txt).\n")
        out.write("# Edit the spec and rerun the script; do not edit this file by hand.\n")
        for name in order:
            words = sorted(built[name])
            out.write(f"\n[{name}]  # {len(words)} lemmas\n")
            line = ""
            for w in words:
                if len(line) + len(w) + 1 > 96:
                    out.write(line.rstrip() + "\n")
                    line = ""
                line += w + " "
            if line:
                out.write(line.rstrip() + "\n")
    for name in order:
        print(f"{name}\t{len(built[name])}", file=sys.stderr)


def show(wn, lemma):
    index, synsets = load_wordnet(wn)
    for n, off in enumerate(index.get(lemma, []), 1):
        words, _, gloss, _ = synsets[off]
        size = len(closure(off, synsets))
        print(f"{lemma}.n.{n:02d}  [{size} synsets]  {','.join(words)}: {gloss[:90]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--show", nargs="*")
    a = ap.parse_args()
    if a.show:
        for lemma in a.show:
            show(a.wordnet, lemma)
    else:
        build(a.wordnet)


if __name__ == "__main__":
    main()
