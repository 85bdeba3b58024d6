#!/usr/bin/env python3
"""Benchmarks/run.sh's driver: builds the corpora, times every tool as a
whole process on the same input (best of 3), prints a table and writes
RESULTS.md. Ratios, not absolute times, are what to compare: the machine
is shared and noisy, so everything runs side by side in one run."""
import argparse, datetime, os, platform, random, re, shutil, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument("--zhtext", required=True)
p.add_argument("--work", required=True)
p.add_argument("--shared", required=True)
p.add_argument("--seeds", required=True)
p.add_argument("--out", required=True)
p.add_argument("--quick", action="store_true")
a = p.parse_args()
py = sys.executable
MB = 1024 * 1024
TARGET = (2 if a.quick else 10) * MB
BIG = (20 if a.quick else 200) * MB


def sentences(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("# text = "):
            out.append(line[len("# text = "):].strip())
    return out


def seed_lines(script):
    out = []
    for name in sorted(os.listdir(a.seeds)):
        text = open(os.path.join(a.seeds, name), encoding="utf-8").read()
        is_trad = "區" in text or "學" in text
        if is_trad == (script == "trad"):
            out += [l.strip() for l in text.splitlines() if l.strip()]
    return out


def build_corpus(lines, size, path, seed):
    if os.path.exists(path) and abs(os.path.getsize(path) - size) < size * 0.05:
        return path
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        block = lines[:]
        rng.shuffle(block)
        for l in block:
            parts.append(l)
            n += len(l.encode()) + 1
            if n >= size:
                break
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")
    return path


def split_corpus(src, files, folder):
    if os.path.isdir(folder) and len(os.listdir(folder)) == files:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    lines = open(src, encoding="utf-8").read().splitlines()
    per = max(1, len(lines) // files)
    for i in range(files):
        chunk = lines[i * per:(i + 1) * per] if i < files - 1 else lines[i * per:]
        with open(os.path.join(folder, f"doc{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(chunk) + "\n")
    return folder


def best_of(cmd, runs=3, stdin_path=None):
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        with open(stdin_path or os.devnull, "rb") as fin:
            r = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t
        if r.returncode not in (0,):
            raise SystemExit(f"bench: {' '.join(cmd)} failed ({r.returncode}): {r.stderr.decode()[-500:]}")
        best = dt if best is None else min(best, dt)
    return best


def best_of_each(cmds, runs=3):
    """Best of `runs` for each command, taking turns (a, b, a, b, ...): a
    ratio of two of them then compares runs from the same minutes of this
    shared machine, not a quiet minute with a busy one."""
    best = [None] * len(cmds)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t = best_of(cmd, runs=1)
            best[i] = t if best[i] is None else min(best[i], t)
    return best


def peak_rss(cmd):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return int(m.group(1)) / 1024 if m else float("nan")


def bio_sentences(path):
    """The sentences of a one-character-per-line BIO file (blank line between)."""
    out, chars = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip():
            chars.append(line.split()[0])
        elif chars:
            out.append("".join(chars))
            chars = []
    if chars:
        out.append("".join(chars))
    return out


# Every development corpus's sentences (UD GSD in both scripts, People's
# Daily NER dev, converted to Traditional by OpenCC for the Traditional
# corpus) and the seeds: about 2,800 distinct sentences, so the repeated
# corpus is not one short text over and over.
import opencc
pd_lines = bio_sentences(os.path.join(a.shared, "corpora/peoples-daily-ner/dev.bio"))
s2t = opencc.OpenCC("s2t")
simp_lines = sentences(os.path.join(a.shared, "corpora/ud-gsd/zh_gsdsimp-ud-dev.conllu")) + pd_lines + seed_lines("simp")
trad_lines = (sentences(os.path.join(a.shared, "corpora/ud-gsd/zh_gsd-ud-dev.conllu")) + [s2t.convert(l) for l in pd_lines]
              + seed_lines("trad"))
# Corpora and batches made from other sentences (an earlier recipe) are
# made again.
import hashlib
stamp = os.path.join(a.work, "corpus.version")
digest = hashlib.sha256("\n".join(simp_lines + ["--"] + trad_lines).encode()).hexdigest()
if not os.path.exists(stamp) or open(stamp).read().strip() != digest:
    for name in ("corpus-simp.txt", "corpus-trad.txt"):
        if os.path.exists(os.path.join(a.work, name)):
            os.remove(os.path.join(a.work, name))
    for name in ("batch-1000", f"batch-{BIG // MB}mb", "batch-half"):
        shutil.rmtree(os.path.join(a.work, name), ignore_errors=True)
    open(stamp, "w").write(digest + "\n")
simp = build_corpus(simp_lines, TARGET, os.path.join(a.work, "corpus-simp.txt"), 1)
trad = build_corpus(trad_lines, TARGET, os.path.join(a.work, "corpus-trad.txt"), 2)
one_line = os.path.join(a.work, "one-line.txt")
open(one_line, "w", encoding="utf-8").write(simp_lines[0] + "\n")
batch = split_corpus(simp, 1000, os.path.join(a.work, "batch-1000"))
size_simp, size_trad = os.path.getsize(simp) / MB, os.path.getsize(trad) / MB

JIEBA = ("import sys, jieba\njieba.initialize()\nout = sys.stdout\n"
         "for line in open(sys.argv[1], encoding='utf-8'):\n    out.write(' '.join(jieba.cut(line.rstrip('\\n'))) + '\\n')\n")
RJIEBA = ("import sys, rjieba\nout = sys.stdout\n"
          "for line in open(sys.argv[1], encoding='utf-8'):\n    out.write(' '.join(rjieba.cut(line.rstrip('\\n'))) + '\\n')\n")
OPENCC = ("import sys, opencc\nc = opencc.OpenCC('t2s')\n"
          "sys.stdout.write(c.convert(open(sys.argv[1], encoding='utf-8').read()))\n")
for name, code in (("jieba_cut.py", JIEBA), ("rjieba_cut.py", RJIEBA), ("opencc_t2s.py", OPENCC)):
    open(os.path.join(a.work, name), "w").write(code)

rows = []
def row(group, tool, seconds, mb):
    rows.append((group, tool, seconds, mb / seconds if seconds else float("nan")))
    print(f"{group:<14} {tool:<34} {seconds:8.3f} s  {mb / seconds:8.2f} MB/s", flush=True)

print(f"bench: corpus {size_simp:.1f} MB Simplified, {size_trad:.1f} MB Traditional, batch of 1000 files")
subprocess.run([a.zhtext, "segment", one_line], stdout=subprocess.DEVNULL)   # warm the dictionary cache
row("segment", "zhtext segment", best_of([a.zhtext, "segment", simp]), size_simp)
row("segment", "zhtext segment --jobs 1", best_of([a.zhtext, "segment", "--jobs", "1", simp]), size_simp)
row("segment", "rjieba cut", best_of([py, os.path.join(a.work, "rjieba_cut.py"), simp]), size_simp)
row("segment", "jieba cut", best_of([py, os.path.join(a.work, "jieba_cut.py"), simp], runs=1), size_simp)
row("t2s", "zhtext normalize (Traditional)", best_of([a.zhtext, "normalize", trad]), size_trad)
row("t2s", "OpenCC t2s", best_of([py, os.path.join(a.work, "opencc_t2s.py"), trad]), size_trad)
outdir = os.path.join(a.work, "analyze-out")
analyze_j1, analyze_j2 = best_of_each([[a.zhtext, "analyze", batch, "--out", outdir, "--jobs", str(j), "--quiet"] for j in (1, 2)])
row("analyze", "zhtext analyze --jobs 1", analyze_j1, size_simp)
row("analyze", "zhtext analyze --jobs 2", analyze_j2, size_simp)
cold = min(best_of([a.zhtext, "segment", one_line], runs=5), 99)
print(f"cold start     zhtext segment, one line            {cold * 1000:8.1f} ms")

big = os.path.join(a.work, f"batch-{BIG // MB}mb")
if not (os.path.isdir(big) and len(os.listdir(big)) == 2000):
    shutil.rmtree(big, ignore_errors=True)
    os.makedirs(big)
    src = open(simp, encoding="utf-8").read()
    chars = max(1000, BIG // 2000 // 3)          # ~3 UTF-8 bytes per Han character
    rng = random.Random(3)
    for i in range(2000):
        at = rng.randrange(0, max(1, len(src) - chars))
        with open(os.path.join(big, f"doc{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(src[at:at + chars])
big_mb = sum(os.path.getsize(os.path.join(big, f)) for f in os.listdir(big)) / MB
half = os.path.join(a.work, "batch-half")
if not os.path.isdir(half):
    os.makedirs(half)
    for f in sorted(os.listdir(big))[:1000]:
        os.symlink(os.path.join(big, f), os.path.join(half, f))
rss_big = peak_rss([a.zhtext, "analyze", big, "--out", outdir, "--quiet"])
rss_half = peak_rss([a.zhtext, "analyze", half, "--out", outdir, "--quiet"])
print(f"memory         analyze {big_mb:.0f} MB / 2000 files: peak RSS {rss_big:.0f} MB; half the batch: {rss_half:.0f} MB")

get = {(g, t): (s, r) for g, t, s, r in rows}
seg, rj, jb = get[("segment", "zhtext segment")], get[("segment", "rjieba cut")], get[("segment", "jieba cut")]
seg1 = get[("segment", "zhtext segment --jobs 1")]
nz, oc = get[("t2s", "zhtext normalize (Traditional)")], get[("t2s", "OpenCC t2s")]
j1, j2 = get[("analyze", "zhtext analyze --jobs 1")], get[("analyze", "zhtext analyze --jobs 2")]
targets = [
    ("zhtext segment vs rjieba", f"{seg[1] / rj[1]:.2f}×", "≥ 1.5× (goal 2×)", seg[1] / rj[1] >= 1.5),
    ("zhtext segment --jobs 1 vs rjieba", f"{seg1[1] / rj[1]:.2f}×", "(one thread each)", seg1[1] / rj[1] >= 1.5),
    ("zhtext segment vs jieba", f"{seg[1] / jb[1]:.1f}×", "—", True),
    ("zhtext normalize vs OpenCC t2s", f"{nz[1] / oc[1]:.2f}×", "≥ 1×", nz[1] >= oc[1]),
    ("analyze --jobs 1", f"{j1[1]:.2f} MB/s", "≥ 5 MB/s (goal 10)", j1[1] >= 5),
    ("analyze --jobs 2 vs --jobs 1", f"{j2[1] / j1[1]:.2f}×", "≥ 1.7×", j2[1] / j1[1] >= 1.7),
    ("cold start, one line", f"{cold * 1000:.0f} ms", "< 100 ms", cold < 0.1),
    (f"peak RSS, {big_mb:.0f} MB batch", f"{rss_big:.0f} MB (half batch {rss_half:.0f} MB)", "≤ 300 MB, flat", rss_big <= 300 and rss_big <= rss_half * 1.25),
]
cpu = ""
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except Exception:
    pass
mem = ""
try:
    mem = f"{int(open('/proc/meminfo').readline().split()[1]) / 1024 / 1024:.0f} GiB"
except Exception:
    pass
md = [f"# Benchmark results", "",
      f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by `Benchmarks/run.sh`"
      + (" (QUICK)" if a.quick else "") + ".", "",
      f"Machine: {platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem}; "
      f"Python {platform.python_version()}.", "",
      f"Inputs: {size_simp:.1f} MB Simplified corpus ({len(set(simp_lines))} distinct sentences of UD GSD dev, "
      "People's Daily NER dev and the seeds, shuffled and repeated), "
      f"{size_trad:.1f} MB Traditional corpus, the Simplified corpus split into 1000 files, and a "
      f"{big_mb:.0f} MB batch of 2000 files for memory. Every figure is a whole process on the same input, best of 3 "
      "(jieba: 1 run; the two analyze runs take turns, so their ratio compares the same minutes).", "",
      "| group | tool | seconds | MB/s |", "|---|---|---:|---:|"]
md += [f"| {g} | {t} | {s:.3f} | {r:.2f} |" for g, t, s, r in rows]
md += [f"| cold start | zhtext segment, one line | {cold:.3f} | |", "",
       "| target | measured | required | met |", "|---|---|---|---|"]
md += [f"| {n} | {m} | {req} | {'yes' if ok else 'NO'} |" for n, m, req, ok in targets]
open(a.out, "w", encoding="utf-8").write("\n".join(md) + "\n")
print()
for n, m, req, ok in targets:
    print(f"{n:<34} {m:<28} {req:<22} {'yes' if ok else 'NO'}")
print(f"bench: wrote {a.out}")
