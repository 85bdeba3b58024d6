#!/bin/sh
# Numeric-facts accuracy on the hand-annotated fixture (Tests/ZhTextFactsTests/Fixtures/facts):
# runs `zhtext facts` on each fixture text into a prediction directory and scores it with
# ../shared/eval/factscore.py (a fact counts when file, line, value and unit match).
# Usage: scripts/facts_accuracy.sh [ZHTEXT_BINARY]   (default .build/release/zhtext)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/release/zhtext}
fixtures=$root/Tests/ZhTextFactsTests/Fixtures/facts
scorer=${FACTSCORE:-$root/../../shared/eval/factscore.py}
[ -f "$scorer" ] || scorer=/work/shared/eval/factscore.py
pred=$(mktemp -d)
trap 'rm -rf "$pred"' EXIT
python3 "$root/scripts/facts_accuracy_gold.py" >/dev/null
for f in "$fixtures"/*.txt; do
    "$bin" facts "$f" > "$pred/$(basename "$f").jsonl"
done
python3 "$scorer" "$fixtures/gold.jsonl" "$pred"
