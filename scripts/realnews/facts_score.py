#!/usr/bin/env python3
"""Numeric-facts accuracy on the real-news development set (scripts/realnews).

Turns the hand annotations gold/facts/<id>.ann (GUIDELINES.md: 9 fields,
`line|kind|value|unit|qualifier|range_to|opt|subject|text`) into the gold
JSON Lines of ../shared/eval/factscore.py, runs `zhtext facts` on every
article of the chosen split and scores it with that scorer.

usage: facts_score.py ZHTEXT ARTICLES_DIR [--split dev|heldout|all] [--scorer factscore.py]
ARTICLES_DIR holds <id>.txt as rebuilt by extract.py (the articles are not
in the repository: fetch the repositories named in manifest.tsv, then run
extract.py).
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def gold_rows(ann, name):
    for n, raw in enumerate(open(ann, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.startswith("#"):
            continue
        f = raw.split("|")
        if len(f) != 9:
            print(f"{ann}:{n}: skipped, expected 9 fields, got {len(f)}: {raw}", file=sys.stderr)
            continue
        line, kind, value, unit, qual, rto, opt, subject, text = f
        if value == "?":
            continue

        def val(v):
            if kind in ("date", "time", "score") or ":" in v or v.startswith("-") and not v[1:2].isdigit():
                return v
            try:
                x = float(v)
                return int(x) if x.is_integer() and "." not in v else x
            except ValueError:
                return v
        yield {"file": name, "line": int(line), "kind": kind, "value": val(value), "unit": unit,
               "qualifier": qual or None, "range_to": val(rto) if rto else None, "optional": opt == "opt",
               "text": text, "subject": subject or None}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("zhtext")
    ap.add_argument("articles")
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--scorer", default=None)
    a = ap.parse_args()
    scorer = a.scorer
    for c in [scorer, os.path.join(HERE, "../../../shared/eval/factscore.py"), "/work/shared/eval/factscore.py"]:
        if c and os.path.exists(c):
            scorer = c
            break
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "manifest.tsv"), encoding="utf-8")]
    head, rows = rows[0], rows[1:]
    split_col = head.index("split")
    ids = [r[0] for r in rows if a.split == "all" or r[split_col] == a.split]
    tmp = tempfile.mkdtemp()
    gold_path = os.path.join(tmp, "gold.jsonl")
    pred = os.path.join(tmp, "pred")
    os.makedirs(pred)
    used = 0
    with open(gold_path, "w", encoding="utf-8") as g:
        for i in ids:
            ann = os.path.join(HERE, "gold", "facts", i + ".ann")
            art = os.path.join(a.articles, i + ".txt")
            if not os.path.exists(ann) or not os.path.exists(art):
                continue
            used += 1
            for row in gold_rows(ann, i + ".txt"):
                g.write(json.dumps(row, ensure_ascii=False) + "\n")
            with open(os.path.join(pred, i + ".txt.jsonl"), "w", encoding="utf-8") as out:
                subprocess.run([a.zhtext, "facts", art], stdout=out, check=False)
    print(f"{used} articles ({a.split})", file=sys.stderr)
    subprocess.run([sys.executable, scorer, gold_path, pred], check=True)


if __name__ == "__main__":
    main()
