#!/usr/bin/env bash
# Runs zhtext_spark.py in local[2] mode on the seeds plus a few hundred
# generated documents (at least 4 partitions) and checks that every output
# is byte-identical to a local `zhtext analyze` of the same inputs (but for
# report.html's generation time). Text files and JSON Lines are both checked.
# Prints the wall time of both runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

if ! command -v java >/dev/null 2>&1; then
  echo "spark test: installing openjdk-17-jre-headless"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "spark test: installing pyspark into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pyspark
fi
swift build -c release >/dev/null
bin="$root/.build/release/zhtext"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/make_test_corpus.py" "$root" "$work/input" "$work/input.jsonl"

status=0
check() {   # check NAME -- LOCAL_ARGS... ; runs both and compares
  local name=$1; shift
  local args=("$@")
  local t0 t1 t2
  t0=$(date +%s.%N)
  "$bin" analyze "${args[@]}" --out "$work/local-$name" --quiet || true
  t1=$(date +%s.%N)
  PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" "$here/zhtext_spark.py" "${args[@]}" \
      --out "$work/spark-$name" --zhtext "$bin" --partitions 4 --master "local[2]" || true
  t2=$(date +%s.%N)
  printf 'spark test (%s): local analyze %.1f s, Spark local[2] %.1f s\n' "$name" \
      "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
  for f in summary.json documents.jsonl keywords.csv facts.csv entities.csv terms.csv corpus.state report.html; do
    if [ "$f" = report.html ]; then
      if diff <(grep -v 'Generated ' "$work/local-$name/$f") <(grep -v 'Generated ' "$work/spark-$name/$f") >/dev/null; then
        echo "ok   $name: $f identical (but the generation time)"; pass=$((pass+1))
      else echo "FAIL $name: $f differs"; fail=$((fail+1)); fi
    elif cmp -s "$work/local-$name/$f" "$work/spark-$name/$f"; then
      echo "ok   $name: $f identical"; pass=$((pass+1))
    else
      echo "FAIL $name: $f differs"; diff <(head -c 3000 "$work/local-$name/$f") <(head -c 3000 "$work/spark-$name/$f") | head -20 || true
      fail=$((fail+1))
    fi
  done
  docs=$(python3 -c "import json,sys;s=json.load(open(sys.argv[1]));print(s['documents'], len(s['failed']))" "$work/local-$name/summary.json")
  echo "     $name: documents and failures: $docs"
}
pass=0; fail=0
check files "$work/input"
check jsonl --jsonl "$work/input.jsonl"
echo "spark check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
