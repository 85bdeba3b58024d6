#!/usr/bin/env python3
"""Compares two zhtext binaries on the zhtext rows of Benchmarks/run.sh,
side by side: every round runs each row with the old binary, then with the
new one, so both see the same minutes of this shared machine. Prints a
Markdown table of the best time of each, their ratio, and peak memory.

    Benchmarks/run.sh                      # once: builds the inputs in Benchmarks/work
    python3 Benchmarks/compare.py OLD NEW [--rounds 5]

Each binary keeps its own cache directory (under Benchmarks/work), warmed
before timing, so neither run builds dictionaries.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("old")
p.add_argument("new")
p.add_argument("--rounds", type=int, default=5)
p.add_argument("--work", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work"))
a = p.parse_args()

w = a.work
inputs = {k: os.path.join(w, v) for k, v in
          {"simp": "corpus-simp.txt", "trad": "corpus-trad.txt", "batch": "batch-1000",
           "big": "batch-200mb", "line": "one-line.txt"}.items()}
missing = [v for v in inputs.values() if not os.path.exists(v)]
if missing:
    sys.exit(f"compare: {missing[0]} is missing: run Benchmarks/run.sh once first")
outdir = os.path.join(w, "compare-out")

rows = [
    ("segment", ["segment", inputs["simp"]]),
    ("segment --jobs 1", ["segment", "--jobs", "1", inputs["simp"]]),
    ("normalize (Traditional)", ["normalize", inputs["trad"]]),
    ("analyze --jobs 1", ["analyze", inputs["batch"], "--out", outdir, "--jobs", "1", "--quiet"]),
    ("analyze --jobs 2", ["analyze", inputs["batch"], "--out", outdir, "--jobs", "2", "--quiet"]),
    ("cold start, one line", ["segment", inputs["line"]]),
]


def env_for(tag):
    e = dict(os.environ)
    e["XDG_CACHE_HOME"] = os.path.join(w, f"compare-cache-{tag}")
    return e


def run(binary, args, env):
    t = time.perf_counter()
    r = subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"compare: {binary} {' '.join(args)} failed ({r.returncode}): {r.stderr.decode()[-400:]}")
    return dt


def peak_rss(binary, args, env):
    r = subprocess.run(["/usr/bin/time", "-v", binary] + args, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, env=env)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return int(m.group(1)) / 1024 if m else float("nan")


bins = {"old": a.old, "new": a.new}
envs = {k: env_for(k) for k in bins}
for k, b in bins.items():               # warm each binary's caches
    run(b, ["analyze", inputs["batch"], "--out", outdir, "--quiet"], envs[k])
best = {(k, name): float("inf") for k in bins for name, _ in rows}
for _ in range(a.rounds):
    for name, args in rows:
        for k, b in bins.items():
            best[(k, name)] = min(best[(k, name)], run(b, args, envs[k]))
rss = {k: peak_rss(b, ["analyze", inputs["big"], "--out", outdir, "--quiet"], envs[k]) for k, b in bins.items()}
shutil.rmtree(outdir, ignore_errors=True)

print(f"| row | old s | new s | new/old |")
print(f"|---|---:|---:|---:|")
for name, _ in rows:
    o, n = best[("old", name)], best[("new", name)]
    print(f"| {name} | {o:.3f} | {n:.3f} | {n / o:.3f} |")
print(f"| peak RSS, 192 MB batch (MB) | {rss['old']:.0f} | {rss['new']:.0f} | {rss['new'] / rss['old']:.3f} |")
print(f"\nbest of {a.rounds} rounds, old and new taking turns; old = {a.old}, new = {a.new}")
