#!/usr/bin/env python3
"""Turns the hand-written annotations Tests/ZhTextFactsTests/Fixtures/facts/gold_<name>.ann
into gold.jsonl in the format of ../shared/eval/factscore.py.

An .ann line is `line|kind|value|unit|qualifier|range_to|opt` for the fixture
file <name>.txt; empty fields are null; `opt` marks an optional fact.
Usage: python3 scripts/facts_accuracy_gold.py
"""
import glob, json, os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ZhTextFactsTests", "Fixtures", "facts")
out = []
for ann in sorted(glob.glob(os.path.join(here, "gold_*.ann"))):
    name = os.path.basename(ann)[len("gold_"):-len(".ann")] + ".txt"
    for n, raw in enumerate(open(ann, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if not raw or raw.startswith("#"):
            continue
        f = raw.split("|")
        if len(f) != 7:
            raise SystemExit(f"{ann}:{n}: expected 7 fields: {raw}")
        line, kind, value, unit, qual, rto, opt = f

        def number_or_string(v):
            if v.startswith("-") or ":" in v or (kind == "date"):
                return v
            return int(v) if v.lstrip("-").isdigit() else float(v)

        out.append({"file": name, "line": int(line), "kind": kind, "value": number_or_string(value),
                    "unit": unit, "qualifier": qual or None,
                    "range_to": number_or_string(rto) if rto else None, "optional": opt == "opt"})
with open(os.path.join(here, "gold.jsonl"), "w", encoding="utf-8") as f:
    for g in out:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
req = sum(1 for g in out if not g["optional"])
print(f"{len(out)} gold facts ({req} required, {len(out) - req} optional)")
