#!/usr/bin/env bash
# New-term discovery on a corpus larger than the seeds: the raw sentences
# (`# text = ` lines) of the UD Chinese GSD dev files in both scripts (the
# Traditional one is normalized to Simplified by zhtext itself), one
# document per sentence, plus the seed articles. Prints the top terms.
#
# Usage: scripts/discover_ud.sh [TOP] [extra zhtext discover options...]
# The corpora are for measuring only; nothing here is shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
top=${1:-50}
shift || true
corpora=${ZHTEXT_CORPORA:-../shared/corpora}
[ -d "$corpora/ud-gsd" ] || corpora=/work/shared/corpora
zhtext=${ZHTEXT:-.build/debug/zhtext}
[ -x "$zhtext" ] || swift build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in zh_gsd-ud-dev zh_gsdsimp-ud-dev; do
    mkdir -p "$work/$f"
    # One file per sentence, so `documents` counts sentences.
    awk -v dir="$work/$f" '/^# text = / { n++; sub(/^# text = /, ""); printf "%s\n", $0 > sprintf("%s/%04d.txt", dir, n); close(sprintf("%s/%04d.txt", dir, n)) }' \
        "$corpora/ud-gsd/$f.conllu"
done
cp seeds/*.txt "$work/"
echo "# $(find "$work" -name '*.txt' | wc -l) documents" >&2
"$zhtext" discover "$work" --top "$top" "$@"
