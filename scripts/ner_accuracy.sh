#!/usr/bin/env bash
# Entity accuracy: exact-span, exact-type F1 on People's Daily NER dev
# (each sentence one line, scored as a document line), for `zhtext entities`
# and, side by side, jieba's POS tags (nr→PER, ns→LOC, nt→ORG) and our
# recognizer on jieba's segmentation.
# usage: scripts/ner_accuracy.sh [BIO_FILE]   (PYTHON=/tmp/venv/bin/python by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BIO=${1:-}
if [ -z "$BIO" ]; then
  for d in ../shared ../../shared /work/shared; do
    [ -f "$d/corpora/peoples-daily-ner/dev.bio" ] && { BIO=$d/corpora/peoples-daily-ner/dev.bio; break; }
  done
fi
[ -f "$BIO" ] || { echo "ner_accuracy.sh: error: People's Daily dev.bio not found" >&2; exit 1; }
EVAL=$(dirname "$BIO")/../../eval
[ -d "$EVAL" ] || EVAL=/work/shared/eval
PY=${PYTHON:-/tmp/venv/bin/python}
OUT=${OUT:-.build/ner}
mkdir -p "$OUT"
[ -n "${NO_BUILD:-}" ] || swift build -c release --product zhtext >&2
BIN=$(swift build -c release --show-bin-path)/zhtext

python3 "$EVAL/bio2raw.py" "$BIO" --spans "$OUT/gold.jsonl" > "$OUT/raw.txt"

echo "== zhtext entities"
/usr/bin/time -f "%es %MKB" "$BIN" entities "$OUT/raw.txt" > "$OUT/zhtext.entities.jsonl"
python3 scripts/ner_accuracy.py topred "$OUT/zhtext.entities.jsonl" > "$OUT/zhtext.pred.jsonl"
python3 "$EVAL/nerscore.py" "$OUT/gold.jsonl" "$OUT/zhtext.pred.jsonl" | tee "$OUT/zhtext.score.txt"

echo "== zhtext entities --split-places (nested places apart, People's Daily style)"
"$BIN" entities --split-places "$OUT/raw.txt" > "$OUT/split.entities.jsonl"
python3 scripts/ner_accuracy.py topred "$OUT/split.entities.jsonl" > "$OUT/split.pred.jsonl"
python3 "$EVAL/nerscore.py" "$OUT/gold.jsonl" "$OUT/split.pred.jsonl" | tee "$OUT/split.score.txt"

if ! "$PY" -c "import jieba" 2>/dev/null; then
  echo "== jieba baseline skipped: $PY has no jieba (pip install jieba==0.42.1)"
  exit 0
fi

echo "== jieba.posseg tags (baseline)"
"$PY" scripts/ner_accuracy.py jieba "$OUT/raw.txt" "$OUT/jieba.pred.jsonl" "$OUT/jieba.seg.txt"
python3 "$EVAL/nerscore.py" "$OUT/gold.jsonl" "$OUT/jieba.pred.jsonl" | tee "$OUT/jieba.score.txt"

echo "== zhtext entities --segmented on jieba's segmentation"
"$BIN" entities --segmented "$OUT/jieba.seg.txt" > "$OUT/onjieba.entities.jsonl"
python3 scripts/ner_accuracy.py topred "$OUT/onjieba.entities.jsonl" > "$OUT/onjieba.pred.jsonl"
python3 "$EVAL/nerscore.py" "$OUT/gold.jsonl" "$OUT/onjieba.pred.jsonl" | tee "$OUT/onjieba.score.txt"
