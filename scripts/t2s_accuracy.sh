#!/usr/bin/env bash
# Traditional -> Simplified character accuracy on UD Chinese GSD dev:
# the `# text` lines of the Traditional file converted, scored against the
# Simplified file with the shared scorer. Prints ZhText (full tables),
# ICU alone (ICU's table only) and OpenCC t2s (Python, for comparison).
#
# usage: scripts/t2s_accuracy.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/corpora" ] || SHARED=/work/shared
UD=$SHARED/corpora/ud-gsd
SCORE=$SHARED/eval/t2sscore.py
PY=${PYTHON:-/tmp/venv/bin/python}
[ -x "$PY" ] || PY=python3
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [ "${1:-}" != "--no-build" ]; then swift build -c release >&2; fi
BIN=${ZHTEXT:-.build/release/zhtext}

grep '^# text = ' "$UD/zh_gsd-ud-dev.conllu" | sed 's/^# text = //' > "$OUT/trad.txt"
grep '^# text = ' "$UD/zh_gsdsimp-ud-dev.conllu" | sed 's/^# text = //' > "$OUT/gold.txt"

"$BIN" normalize "$OUT/trad.txt" > "$OUT/zhtext.txt"
"$BIN" normalize --t2s-tables t2s.icu.txt "$OUT/trad.txt" > "$OUT/icu.txt"

echo "== ZhText (ICU table + phrase corrections + fixes)"
python3 "$SCORE" "$OUT/zhtext.txt" "$OUT/gold.txt" | tail -12
echo "== ICU only (Traditional-Simplified transliterator's table)"
python3 "$SCORE" "$OUT/icu.txt" "$OUT/gold.txt" | tail -1
if "$PY" -c 'import opencc' 2>/dev/null; then
    "$PY" - "$OUT/trad.txt" > "$OUT/opencc.txt" <<'PYEOF'
import sys, opencc
c = opencc.OpenCC('t2s')
with open(sys.argv[1], encoding='utf-8') as f:
    sys.stdout.write(c.convert(f.read()))
PYEOF
    echo "== OpenCC t2s ($PY)"
    python3 "$SCORE" "$OUT/opencc.txt" "$OUT/gold.txt" | tail -1
else
    echo "== OpenCC t2s: python module opencc not found ($PY)"
fi
