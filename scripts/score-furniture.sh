#!/usr/bin/env bash
# Scores page-furniture removal on eval/furniture/ (see its README): precision
# and recall of kept body sentences, furniture lines kept and body sentences
# cut, per page kind, for dev and held-out pages separately.
# Usage: scripts/score-furniture.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY_FURNITURE_REPORT=1 cargo test -q -p parley-text --test furniture_eval -- --nocapture 2>&1 |
    grep -v '^running\|^test result\|^$'
