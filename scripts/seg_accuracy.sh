#!/usr/bin/env bash
# Word-segmentation accuracy on UD Chinese GSD dev (Simplified and
# Traditional), ours (dict and icu engines) side by side with jieba 0.42.1
# (default cut, and HMM=False). Prints a table of span F1.
#
# usage: scripts/seg_accuracy.sh [--no-build]
# env:   PYTHON (default /tmp/venv/bin/python, needs jieba), CORPORA, EVAL
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/tmp/venv/bin/python}
CORPORA=${CORPORA:-../shared/corpora/ud-gsd}
EVAL=${EVAL:-../shared/eval}
[ -d "$CORPORA" ] || CORPORA=/work/shared/corpora/ud-gsd
[ -d "$EVAL" ] || EVAL=/work/shared/eval
if [ "${1:-}" != "--no-build" ]; then swift build -c release >&2; fi
BIN=$(swift build -c release --show-bin-path)/zhtext
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

score() { "$PYTHON" "$EVAL/segscore.py" "$1" "$2" | tail -1 | awk '{print $2}'; }

printf '%-28s %10s %12s\n' "system" "Simplified" "Traditional"
declare -A F
for set in simp trad; do
  if [ $set = simp ]; then file=zh_gsdsimp-ud-dev; orig=""; else file=zh_gsd-ud-dev; orig="--original"; fi
  "$PYTHON" "$EVAL/conllu2seg.py" "$CORPORA/$file.conllu" --raw > "$OUT/$set.raw" 2>/dev/null
  "$PYTHON" "$EVAL/conllu2seg.py" "$CORPORA/$file.conllu" --gold > "$OUT/$set.gold" 2>/dev/null
  "$BIN" segment $orig "$OUT/$set.raw" > "$OUT/$set.dict"
  "$BIN" segment $orig --engine icu "$OUT/$set.raw" > "$OUT/$set.icu"
  "$PYTHON" scripts/seg_accuracy_jieba.py "$OUT/$set.raw" > "$OUT/$set.jieba"
  "$PYTHON" scripts/seg_accuracy_jieba.py --no-hmm "$OUT/$set.raw" > "$OUT/$set.jieba-nohmm"
  for sys in dict icu jieba jieba-nohmm; do F[$sys,$set]=$(score "$OUT/$set.gold" "$OUT/$set.$sys"); done
  [ -n "${KEEP:-}" ] && cp "$OUT/$set."* "$KEEP/" 2>/dev/null || true
done
for sys in dict icu jieba jieba-nohmm; do
  case $sys in
    dict) name="zhtext --engine dict";; icu) name="zhtext --engine icu";;
    jieba) name="jieba cut (HMM)";; jieba-nohmm) name="jieba cut HMM=False";;
  esac
  printf '%-28s %10s %12s\n' "$name" "${F[$sys,simp]}" "${F[$sys,trad]}"
done
