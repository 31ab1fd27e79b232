#!/usr/bin/env bash
# Codes the reference sets with `parley code` and scores the predictions with
# the project's scorer (../shared/tools/score_events.py): the seed articles
# (gold.json) and the PLOVER gold-standard records (gsr-dev.json).
# Usage: scripts/score-events.sh [PARLEY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-./target/release/parley}
shared=../shared
work=$(mktemp -d)
python3 - "$shared/data" "$work" <<'PY'
import json, os, sys
data, work = sys.argv[1], sys.argv[2]
gold = json.load(open(os.path.join(data, "seeds", "gold.json")))
with open(os.path.join(work, "seeds.jsonl"), "w") as out:
    for doc in gold["docs"]:
        text = open(os.path.join(data, "seeds", doc["file"]), encoding="utf-8").read()
        out.write(json.dumps({"id": doc["id"], "text": text, "date": doc["date"], "source": doc["source"]}) + "\n")
with open(os.path.join(work, "gsr.jsonl"), "w") as out:
    for record in json.load(open(os.path.join(data, "plover", "gsr-dev.json"))):
        out.write(json.dumps({"id": record["id"], "text": record["text"], "date": record.get("date")}) + "\n")
PY
"$parley" code "$work/seeds.jsonl" >"$work/seeds-pred.jsonl" 2>/dev/null
"$parley" code "$work/gsr.jsonl" >"$work/gsr-pred.jsonl" 2>/dev/null
echo "seeds:   $(python3 "$shared/tools/score_events.py" seeds "$shared/data/seeds/gold.json" "$work/seeds-pred.jsonl" | tail -n 1)"
echo "gsr-dev: $(python3 "$shared/tools/score_events.py" plover "$shared/data/plover/gsr-dev.json" "$work/gsr-pred.jsonl" | tail -n 1)"
