#!/usr/bin/env bash
# Codes the pages of eval/furniture/ with `parley code` and counts the events
# whose sentence is not part of the page's body (events from furniture), for
# dev and held-out pages (numbers that are multiples of 5) separately.
# Usage: scripts/furniture-events.sh [PARLEY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-./target/release/parley}
work=$(mktemp -d)
mkdir "$work/pages"
for page in eval/furniture/*.txt eval/furniture/*.html; do
    case "$page" in *.body.txt) continue ;; esac
    cp "$page" "$work/pages/"
done
"$parley" code "$work/pages" >"$work/events.jsonl" 2>/dev/null
python3 - "$work/events.jsonl" eval/furniture <<'PY'
import json, os, re, sys
squash = lambda s: re.sub(r"[^0-9a-z]", "", s.lower())
folder = sys.argv[2]
bodies = {f[:-len(".body.txt")]: squash(open(os.path.join(folder, f), encoding="utf-8").read())
          for f in os.listdir(folder) if f.endswith(".body.txt")}
totals = {"dev": [0, 0], "held-out": [0, 0]}
for line in open(sys.argv[1], encoding="utf-8"):
    event = json.loads(line)
    doc = event["doc_id"]
    split = "held-out" if int(doc.split("-")[0]) % 5 == 0 else "dev"
    totals[split][0] += 1
    totals[split][1] += squash(event["sentence"]) not in bodies[doc]
for split, (events, furniture) in totals.items():
    print(f"{split}: events={events} from_furniture={furniture}")
PY
rm -rf "$work"
