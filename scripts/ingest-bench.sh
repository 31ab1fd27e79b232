#!/usr/bin/env bash
# Ingest speed, parse and coding included: the shipped examples repeated 50
# times (500 short articles; each copy gets its own closing line so that no
# content hash repeats and every article is coded and stored), ingested into
# a new SQLite store with 1 and then 2 worker threads.
# Usage: scripts/ingest-bench.sh [PARLEY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-./target/release/parley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - examples "$work/corpus.jsonl" <<'PY'
import json, os, sys
examples, out = sys.argv[1], sys.argv[2]
records = []
for name in sorted(os.listdir(examples)):
    path = os.path.join(examples, name)
    if name.endswith(".jsonl"):
        records += [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    elif name.endswith((".txt", ".html", ".htm")):
        key = "html" if name.endswith((".html", ".htm")) else "text"
        records.append({"id": name, key: open(path, encoding="utf-8").read()})
with open(out, "w", encoding="utf-8") as f:
    for copy in range(50):
        for r in records:
            r = dict(r, id=f"{r['id']}-{copy}")
            if "html" in r:
                r["html"] += f"\n<!-- copy {copy} -->"
            else:
                r["text"] += f"\n\nCopy {copy}."
            f.write(json.dumps(r) + "\n")
PY
for threads in 1 2; do
    start=$(date +%s.%N)
    "$parley" ingest "$work/corpus.jsonl" --db "$work/bench-$threads.db" --threads "$threads" 2>&1 | tail -n 1
    end=$(date +%s.%N)
    python3 -c "import sys; n, t = 500, float(sys.argv[2]) - float(sys.argv[1]); print(f'threads={sys.argv[3]} articles=500 seconds={t:.2f} articles_per_sec={n / t:.0f} (process start and model load included)')" "$start" "$end" "$threads"
done
