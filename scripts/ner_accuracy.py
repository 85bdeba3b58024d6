#!/usr/bin/env python3
"""Helpers for scripts/ner_accuracy.sh.

  ner_accuracy.py topred ENTITIES.jsonl > PRED.jsonl
      zhtext entities records -> nerscore lines (start = column,
      end = column + (end - start), line = line).
  ner_accuracy.py jieba RAW.txt BASELINE.jsonl SEGMENTED.txt
      the jieba baseline: jieba.posseg nr/nrfg/nrt -> PER, ns -> LOC,
      nt -> ORG; also writes jieba's segmentation as word/pos lines
      (spaces kept as U+3000 so offsets do not move).
"""
import json, sys

def topred(path):
    for l in open(path, encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            print(json.dumps({"line": d["line"], "start": d["column"],
                              "end": d["column"] + d["end"] - d["start"], "type": d["type"]}))

def jieba_baseline(raw, out, segmented):
    import jieba, jieba.posseg as pseg
    jieba.setLogLevel(60)
    kinds = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}
    with open(out, "w", encoding="utf-8") as o, open(segmented, "w", encoding="utf-8") as seg:
        for n, line in enumerate(open(raw, encoding="utf-8"), 1):
            line = line.rstrip("\n").replace(" ", "\u3000")
            at, words = 0, []
            for w in pseg.cut(line):
                if w.flag in kinds:
                    o.write(json.dumps({"line": n, "start": at, "end": at + len(w.word), "type": kinds[w.flag]}) + "\n")
                at += len(w.word)
                words.append(f"{w.word}/{w.flag}")
            seg.write(" ".join(words) + "\n")

if __name__ == "__main__":
    if sys.argv[1] == "topred":
        topred(sys.argv[2])
    elif sys.argv[1] == "jieba":
        jieba_baseline(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
