#!/usr/bin/env bash
# Traditional -> Simplified character accuracy on UD Chinese GSD dev:
# the `# text` lines of the Traditional file converted, scored against the
# Simplified file with the shared scorer. Prints ZhText (full tables),
# ICU alone (ICU's table only) and OpenCC t2s (Python, for comparison).
#
# With --roundtrip, also a check on other text: the People's Daily NER dev
# sentences (Simplified) converted to Traditional by OpenCC (s2t, s2tw,
# s2hk) and back by each converter, scored against the originals. (OpenCC
# converting back its own output flatters OpenCC on s2t.)
#
# usage: scripts/t2s_accuracy.sh [--no-build] [--roundtrip]
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

BUILD=1; ROUNDTRIP=0
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --roundtrip) ROUNDTRIP=1 ;;
        *) echo "usage: $0 [--no-build] [--roundtrip]" >&2; exit 2 ;;
    esac
done
if [ "$BUILD" = 1 ]; then swift build -c release >&2; fi
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

if [ "$ROUNDTRIP" = 1 ] && "$PY" -c 'import opencc' 2>/dev/null; then
    python3 "$SHARED/eval/bio2raw.py" "$SHARED/corpora/peoples-daily-ner/dev.bio" --spans /dev/null > "$OUT/pd.txt" 2>/dev/null
    for config in s2t s2tw s2hk; do
        "$PY" - "$config" "$OUT/pd.txt" > "$OUT/pd.$config.txt" <<'PYEOF'
import sys, opencc
c = opencc.OpenCC(sys.argv[1])
with open(sys.argv[2], encoding='utf-8') as f:
    sys.stdout.write(c.convert(f.read()))
PYEOF
        "$BIN" normalize "$OUT/pd.$config.txt" > "$OUT/rt.zhtext.txt"
        "$BIN" normalize --t2s-tables t2s.icu.txt "$OUT/pd.$config.txt" > "$OUT/rt.icu.txt"
        "$PY" - "$OUT/pd.$config.txt" > "$OUT/rt.opencc.txt" <<'PYEOF'
import sys, opencc
c = opencc.OpenCC('t2s')
with open(sys.argv[1], encoding='utf-8') as f:
    sys.stdout.write(c.convert(f.read()))
PYEOF
        for who in zhtext icu opencc; do
            printf '== round trip %-4s %-6s ' "$config" "$who"
            python3 "$SCORE" "$OUT/rt.$who.txt" "$OUT/pd.txt" | tail -1
        done
    done
fi
