#!/usr/bin/env bash
# Fuzz harness: hostile inputs (scripts/fuzz_cases.py, reproducible by seed)
# through `zhtext analyze`, `segment`, `facts` and `normalize`. Every case
# must end with exit 0 or 1 (no signal), within its watchdog time, and every
# input must be either analyzed or listed as failed with a reason.
#   scripts/fuzz.sh [COUNT=10000] [SEED=1]      # the full run adds a 50 MB line
# This is the full run (release build). `swift test` runs the first 30 cases
# of seed 7 through the debug build (Tests/zhtextTests/FuzzTests.swift;
# ZHTEXT_FUZZ_CASES=N swift test --filter FuzzTests for N of them).
set -uo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}; seed=${2:-1}
bin=${ZHTEXT:-.build/release/zhtext}
[ -x "$bin" ] || swift build -c release >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
big=""; [ "$count" -ge 1000 ] && big="--big"
python3 scripts/fuzz_cases.py "$work/cases" --count "$count" --seed "$seed" $big
total=$(ls "$work/cases" | wc -l)
crashes=0; hangs=0; bad=0; runs=0

run() {  # run WATCHDOG_SECONDS CMD... ; classifies the exit status
  local limit=$1; shift
  timeout -s KILL "$limit" "$@" >/dev/null 2>>"$work/stderr"
  local rc=$?
  runs=$((runs+1))
  if [ $rc -eq 137 ]; then hangs=$((hangs+1)); echo "HANG: $*"
  elif [ $rc -gt 1 ]; then crashes=$((crashes+1)); echo "CRASH ($rc): $*"
  fi
}

# 1. The batch: all cases at once, in chunks, each chunk under a watchdog.
i=0
(cd "$work/cases" && ls) | split -l 500 - "$work/chunk-"
for chunk in "$work"/chunk-*; do
  mkdir -p "$work/b$i"
  while read -r f; do ln -s "$work/cases/$f" "$work/b$i/$f"; done < "$chunk"
  n=$(ls "$work/b$i" | wc -l)
  run 600 "$bin" analyze "$work/b$i" --out "$work/out$i" --quiet
  if [ -f "$work/out$i/summary.json" ]; then
    python3 - "$work/out$i/summary.json" "$n" <<'PY' || bad=$((bad+1))
import json, sys
s = json.load(open(sys.argv[1])); n = int(sys.argv[2])
ok = s["inputs"] == n and s["documents"] + len(s["failed"]) == n and all(f["reason"] for f in s["failed"])
print(f"  batch: {n} inputs, {s['documents']} analyzed, {len(s['failed'])} failed with a reason" + ("" if ok else "  <-- MISMATCH"))
sys.exit(0 if ok else 1)
PY
  else
    echo "  batch $i: no summary.json"; bad=$((bad+1))
  fi
  i=$((i+1))
done

# 2. Per-file commands: normalize, segment and facts on every case, each
#    under a 120 s watchdog, FUZZ_JOBS cases at a time.
cat > "$work/one.sh" <<'SH'
#!/usr/bin/env bash
# one.sh BIN STDERR_DIR CASE: prints RUN/HANG/CRASH lines for one case.
bin=$1; errs=$2; f=$3
for cmd in normalize segment facts; do
  timeout -s KILL 120 "$bin" "$cmd" "$f" >/dev/null 2>>"$errs/$(basename "$f").$cmd"
  rc=$?
  echo "RUN"
  if [ $rc -eq 137 ]; then echo "HANG: $cmd $f"
  elif [ $rc -gt 1 ]; then echo "CRASH ($rc): $cmd $f"
  fi
done
SH
chmod +x "$work/one.sh"
mkdir -p "$work/errs"
ls "$work"/cases/* | xargs -P "${FUZZ_JOBS:-2}" -n 1 "$work/one.sh" "$bin" "$work/errs" > "$work/per-file.log"
grep -E "^(HANG|CRASH)" "$work/per-file.log" || true
runs=$((runs + $(grep -c "^RUN" "$work/per-file.log")))
hangs=$((hangs + $(grep -c "^HANG" "$work/per-file.log")))
crashes=$((crashes + $(grep -c "^CRASH" "$work/per-file.log")))
cat "$work"/errs/* >> "$work/stderr" 2>/dev/null
failures=$(grep -c "zhtext: error:" "$work/stderr" || true)
echo "fuzz: $total cases, $runs runs: $crashes crashes, $hangs hangs, $bad batch mismatches, $failures inputs reported as failed"
echo "fuzz: $(( runs - crashes - hangs )) passed, $(( crashes + hangs + bad )) failed"
[ $((crashes + hangs + bad)) -eq 0 ]
