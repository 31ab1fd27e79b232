#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets: txt, html, jsonl, dates,
# pipeline) for SECONDS each, seeded with the shipped examples. A crash, a
# panic, or one input running over 10 s fails the run; libFuzzer leaves the
# input in fuzz/artifacts/<target>/.
# Needs the nightly toolchain and cargo-fuzz (installed when missing).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(txt html jsonl dates pipeline)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=fuzz/corpus
mkdir -p "$corpus"/{txt,html,jsonl,dates,pipeline}
cp examples/*.txt "$corpus/txt/"
cp examples/*.txt "$corpus/pipeline/"
cp examples/*.html "$corpus/html/"
cp examples/*.jsonl "$corpus/jsonl/"
i=0
for line in "2024-07-11|met on thursday" "2025-01-01|last week and in march 2024" \
    "0001-01-01|yesterday" "2024-02-29|next year on february 29" "bad|two days ago"; do
    i=$((i + 1))
    printf '%s' "$line" >"$corpus/dates/seed-$i"
done
for target in "${targets[@]}"; do
    echo "== fuzz $target for ${budget}s"
    log=fuzz/artifacts/$target.log
    mkdir -p fuzz/artifacts
    status=0
    cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus/$target" -- \
        -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|SUMMARY|panicked" "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "fuzz: $target failed (input in fuzz/artifacts/$target)" >&2
        exit 1
    fi
done
echo "fuzz: all targets ran ${budget}s each without a crash"
