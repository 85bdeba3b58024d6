#!/usr/bin/env python3
"""Lists the misses and false alarms of `zhtext facts` on the real-news set.

usage: facts_errors.py ZHTEXT ARTICLES_DIR [--split dev|heldout|all] [--id ID]

For each article, every gold fact with no matching prediction (`-`) and
every prediction with no matching gold fact (`+`), matched as
../shared/eval/factscore.py matches them (file, line, value, unit; an
unmatched prediction over an optional gold span is not listed). Use it to
find classes of errors on the dev split; score with facts_score.py.
"""
import argparse, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("facts_score", os.path.join(HERE, "facts_score.py"))
fs = importlib.util.module_from_spec(spec); spec.loader.exec_module(fs)
for c in [os.path.join(HERE, "../../../shared/eval/factscore.py"), "/work/shared/eval/factscore.py"]:
    if os.path.exists(c):
        spec = importlib.util.spec_from_file_location("factscore", c)
        sc = importlib.util.module_from_spec(spec); spec.loader.exec_module(sc)
        break


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("zhtext"); ap.add_argument("articles")
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--id", default=None)
    ap.add_argument("--subjects", action="store_true",
                    help="instead, compare the subjects of matched facts: right, wrong, missing, extra")
    a = ap.parse_args()
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "manifest.tsv"), encoding="utf-8")]
    head, rows = rows[0], rows[1:]
    sp = head.index("split")
    ids = [r[0] for r in rows if (a.split == "all" or r[sp] == a.split) and (a.id is None or r[0] == a.id)]
    tally = {}
    for i in ids:
        ann = os.path.join(HERE, "gold", "facts", i + ".ann")
        art = os.path.join(a.articles, i + ".txt")
        if not os.path.exists(ann) or not os.path.exists(art):
            continue
        gl = list(fs.gold_rows(ann, i + ".txt"))
        out = subprocess.run([a.zhtext, "facts", art], capture_output=True, text=True).stdout
        preds = [json.loads(l) for l in out.splitlines() if l.strip()]
        used = [False] * len(gl)
        extra = []
        pairs = []
        for p in preds:
            cand = [k for k, g in enumerate(gl) if not used[k] and g["line"] == p.get("line")
                    and sc.units_agree(g, p) and sc.value_match(g["value"], p.get("value"))]
            cand.sort(key=lambda k: gl[k]["optional"])
            if cand:
                used[cand[0]] = True
                pairs.append((gl[cand[0]], p))
                continue
            t = str(p.get("text") or "")
            if t and any(g["optional"] and g["line"] == p.get("line") and g.get("text")
                         and (t in g["text"] or g["text"] in t) for g in gl):
                continue
            extra.append(p)
        if a.subjects:
            for g, p in pairs:
                if g["optional"]:
                    continue
                gs, ps = g["subject"], p.get("subject")
                if gs:
                    gs = simplified(a.zhtext, gs)
                verdict = ("right" if gs == ps else "wrong") if gs and ps else "missing" if gs else "extra" if ps else "none"
                tally[verdict] = tally.get(verdict, 0) + 1
                if verdict != "none" and verdict != "right":
                    print(f"{i}\t{verdict}\t{g['line']}\t{g['text']}\tgold={gs or ''}\tpred={ps or ''}")
            continue
        miss = [g for k, g in enumerate(gl) if not used[k] and not g["optional"]]
        for g in miss:
            print(f"{i}\t-\t{g['line']}\t{g['kind']}\t{g['value']}\t{g['unit']}\t{g['text']}")
        for p in extra:
            print(f"{i}\t+\t{p['line']}\t{p['kind']}\t{p['value']}\t{p['unit']}\t{p['text']}\t{p['sentence'][:60]}")
    if a.subjects:
        print("subjects on matched facts: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))


_cache = {}


def simplified(zhtext, text):
    """The text as zhtext normalizes it (Simplified, half-width), as subjects are written."""
    if text not in _cache:
        _cache[text] = subprocess.run([zhtext, "normalize"], input=text, capture_output=True, text=True).stdout.strip()
    return _cache[text]


if __name__ == "__main__":
    main()
