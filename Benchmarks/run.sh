#!/usr/bin/env bash
# Side-by-side benchmarks of zhtext against jieba, rjieba and OpenCC, in one
# run on this machine. Writes Benchmarks/RESULTS.md. Usage:
#   Benchmarks/run.sh            # ~10 MB corpus, 200 MB memory batch
#   QUICK=1 Benchmarks/run.sh    # smaller corpora, for a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/Benchmarks/work"      # ignored by git
mkdir -p "$work"

echo "bench: building release"
swift build -c release >/dev/null
bin="$root/.build/release/zhtext"

if [ ! -x "$work/venv/bin/python" ]; then
  echo "bench: creating the Python venv (jieba, rjieba, opencc from PyPI)"
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q jieba rjieba opencc
fi
command -v /usr/bin/time >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq time >/dev/null; }

"$work/venv/bin/python" "$root/Benchmarks/bench.py" --zhtext "$bin" --work "$work" \
  --shared "$root/../shared" --seeds "$root/seeds" --out "$root/Benchmarks/RESULTS.md" ${QUICK:+--quick}
