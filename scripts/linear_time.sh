#!/usr/bin/env bash
# Linear time: one SIZE-MB line and SIZE MB of ordinary lines (the same
# text) must take time within 2x of each other in every command; nothing may
# be quadratic in line or document length.
#   scripts/linear_time.sh [SIZE_MB=50]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-50}
bin=${ZHTEXT:-.build/release/zhtext}
[ -x "$bin" ] || swift build -c release >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$work" "$size" <<'PY'
import os, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
lines = []
for f in sorted(os.listdir("seeds")):
    lines += [l.strip() for l in open(os.path.join("seeds", f), encoding="utf-8") if l.strip()]
text = "\n".join(lines) + "\n"
reps = max(1, size // len(text.encode()))
with open(os.path.join(work, "lines.txt"), "w", encoding="utf-8") as f:
    f.write(text * reps)
with open(os.path.join(work, "one-line.txt"), "w", encoding="utf-8") as f:
    f.write((text.replace("\n", "。")) * reps + "\n")
PY
status=0
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
# One thread for segment too: its lines are split across threads, one line
# is not, and that is parallelism, not the cost of a long line.
for cmd in normalize "segment --jobs 1" facts entities "analyze --quiet --jobs 1 --max-document-size 4096 --out $work/out"; do
  a=$(seconds $bin $cmd "$work/lines.txt")
  b=$(seconds $bin $cmd "$work/one-line.txt")
  ratio=$(echo "scale=2; if ($a > $b) $a / $b else $b / $a" | bc)
  ok=$(echo "$ratio <= 2" | bc)
  printf '%-10s %4d MB: lines %7.2f s, one line %7.2f s, ratio %5.2f %s\n' "${cmd%% *}" "$size" "$a" "$b" "$ratio" \
    "$([ "$ok" = 1 ] && echo ok || echo 'FAIL (over 2x)')"
  [ "$ok" = 1 ] || status=1
done
exit $status
