#!/usr/bin/env python3
"""Writes a JSON Lines corpus of N news-like documents for the benchmark
and the Spark test, built at run time from the reference data beside the
project (never copied into the repository): the sentences of Universal
Dependencies English (EWT and GUM, `# text =` lines) grouped by their
source document into articles of 4-12 sentences, two sentences a
paragraph, plus the project's own examples/*.txt. Dates cycle over a
week, so that output partitioned by date has several partitions.

    python python/bench/make_corpus.py 10000 target/bench/corpus-10k.jsonl
"""

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
UD = ROOT.parent / "shared" / "data" / "ud-english"
DATES = [f"2024-07-{day:02d}" for day in range(1, 8)]


def ud_documents():
    """(name, [sentence, ...]) for each source document, in file order."""
    files = sorted(UD.glob("*.conllu")) + sorted((UD / "gum").rglob("*.conllu"))
    for path in files:
        name, sentences = path.stem, []
        for line in path.open(encoding="utf-8"):
            if line.startswith("# newdoc"):
                if sentences:
                    yield name, sentences
                name, sentences = line.split("=", 1)[-1].strip() or name, []
            elif line.startswith("# text ="):
                sentences.append(line.split("=", 1)[1].strip())
        if sentences:
            yield name, sentences


def articles():
    for name, sentences in ud_documents():
        for start in range(0, len(sentences), 10):
            chunk = sentences[start : start + 10]
            if len(chunk) < 4:
                continue
            paragraphs = [" ".join(chunk[i : i + 2]) for i in range(1, len(chunk), 2)]
            yield f"{name}-{start}", chunk[0] + "\n" + "\n".join(paragraphs) + "\n"
    for path in sorted((ROOT / "examples").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    args = parser.parse_args()
    pool = list(articles())
    if not pool:
        print(f"make_corpus: no sentences under {UD}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with args.out.open("w", encoding="utf-8") as out:
        for i in range(args.count):
            name, text = pool[i % len(pool)]
            record = {"id": f"d{i:06d}-{name}", "date": DATES[i % len(DATES)], "text": text}
            line = json.dumps(record, ensure_ascii=False)
            size += len(line.encode()) + 1
            out.write(line + "\n")
    print(f"make_corpus: {args.count} documents ({len(pool)} distinct), {size / 1e6:.1f} MB -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
