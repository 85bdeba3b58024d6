#!/usr/bin/env bash
# libFuzzer with AddressSanitizer over the decoder, the normalizer and the
# numeral parser (LibFuzzer/, a package of its own). Builds the target, then
# runs each of the three for RUNS inputs from a seed corpus made of
# the tests' Fixtures folders (copied to a temporary directory, since libFuzzer
# adds the inputs it finds to its corpus). Inputs that crash, hang or run out
# of memory are saved in fuzz-artifacts/TARGET/; the exit status is 1 if any.
#   scripts/libfuzz.sh [RUNS=200000] [SEED=1]
#   env: TARGETS="decoder normalizer numeral" MAX_LEN=4096 TIMEOUT=10 RSS_MB=2048
# Replay one input:
#   ZHTEXT_FUZZ_TARGET=numeral LibFuzzer/.build/release/ZhTextFuzz fuzz-artifacts/numeral/crash-...
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200000}; seed=${2:-1}
targets=${TARGETS:-decoder normalizer numeral}
max_len=${MAX_LEN:-4096}; timeout=${TIMEOUT:-10}; rss_mb=${RSS_MB:-2048}

# SwiftPM's --sanitize flags cover the fuzz target and the link (libFuzzer's
# main instead of the executable's own); -Xswiftc/-Xcc instrument ZhText and
# the ICU shim as well. lld, from the toolchain, because gold can fail on
# the sanitized objects' debug info; without lld, drop debug info instead.
link=(-Xswiftc -gnone)
[ -x "$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld" ] && link=(-Xswiftc -use-ld=lld)
echo "libfuzz: building LibFuzzer/ (release, -sanitize=fuzzer,address)"
swift build --package-path LibFuzzer -c release --product ZhTextFuzz \
    --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address "${link[@]}" \
    2>&1 | grep -E "error|Compiling|Build" || true
bin=LibFuzzer/.build/release/ZhTextFuzz
[ -x "$bin" ] || { echo "libfuzz: build failed"; exit 2; }
export ZHTEXT_DATA="$PWD/dictionaries"

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"   # the harness writes its user T→S table there
failed=0
for t in $targets; do
    corpus="$work/corpus-$t"; mkdir -p "$corpus" "fuzz-artifacts/$t"
    (cd Tests && find ./*/Fixtures -type f) | while read -r f; do
        cp "Tests/$f" "$corpus/$(echo "${f#./}" | tr / _)"
    done
    touch "$work/start-$t"
    ZHTEXT_FUZZ_TARGET=$t "$bin" -runs="$runs" -seed="$seed" -max_len="$max_len" \
        -timeout="$timeout" -rss_limit_mb="$rss_mb" -print_final_stats=1 \
        -artifact_prefix="fuzz-artifacts/$t/" "$corpus" > "$work/$t.log" 2>&1
    rc=$?
    log="$work/$t.log"; cp "$log" "fuzz-artifacts/$t/last.log"
    found=$(find "fuzz-artifacts/$t" -newer "$work/start-$t" -type f \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    n=$(printf '%s' "$found" | grep -c . || true)
    executed=$(grep -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
    echo "libfuzz: $t: ${executed:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}, ${corp:-corp: ?}, $n crashes (exit $rc)"
    if [ "$n" -gt 0 ] || [ "$rc" -ne 0 ]; then
        failed=1
        grep -E "ERROR: |invariant:|Fatal error|SUMMARY: " "$log" | head -5 | sed 's/^/    /'
        for f in $found; do echo "    artifact: $f"; done
        echo "    full log: fuzz-artifacts/$t/last.log"
    fi
done
exit $failed
