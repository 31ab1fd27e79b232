#!/usr/bin/env bash
# Issue #16's done-when check: the shipped examples ingested once, then N
# reprints of them (text and HTML files under new names, JSON Lines items
# under new ids and new outlets) into the same store. Prints events and
# reports before and after: reprints should add reports, never events.
# Usage: scripts/reprints.sh [N=300] [PARLEY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
parley=${2:-./target/release/parley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/copies"
python3 - "$n" examples "$work/copies" <<'PY'
import json, os, shutil, sys
n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for k in range(1, n + 1):
    for name in sorted(os.listdir(src)):
        out = os.path.join(dst, f"copy{k:03}-{name}")
        if name.endswith(".jsonl"):
            with open(os.path.join(src, name), encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
                for line in f:
                    if line.strip():
                        item = json.loads(line)
                        item["id"] = f"{item['id']}-copy{k}"
                        item["source"] = f"Reprint Outlet {k}"
                        o.write(json.dumps(item) + "\n")
        else:
            shutil.copy(os.path.join(src, name), out)
PY
count() {
  "$parley" events --db "$work/store.db" --modality any --format json --limit 10000 >"$work/events.jsonl"
  python3 - "$work/events.jsonl" <<'PY'
import json, sys
events = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
reports = sum(e["num_reports"] for e in events)
sources = max(e["num_sources"] for e in events)
print(f"events={len(events)} reports={reports} max_sources={sources}")
PY
}
"$parley" ingest examples --db "$work/store.db" 2>/dev/null
echo "once:            $(count)"
"$parley" ingest "$work/copies" --db "$work/store.db" 2>&1 | tail -n 1
echo "plus $n reprints: $(count)"
