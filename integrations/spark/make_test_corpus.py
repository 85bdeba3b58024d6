#!/usr/bin/env python3
"""Makes the Spark test's inputs: the seeds, ~300 generated news documents
(sentences of the UD GSD dev files, both scripts, with a title and a date
line), one nested folder, a binary file and an empty file (which must fail
the same way in both runs); and a JSON Lines file of ~150 records with one
malformed line.

usage: make_test_corpus.py REPO_ROOT OUT_DIR OUT_JSONL"""
import json, os, random, shutil, sys

root, out, jsonl = sys.argv[1:4]
shared = os.path.join(root, "..", "shared", "corpora", "ud-gsd")
sents = []
for name in ("zh_gsdsimp-ud-dev.conllu", "zh_gsd-ud-dev.conllu"):
    path = os.path.join(shared, name)
    if os.path.exists(path):
        sents += [l[9:].strip() for l in open(path, encoding="utf-8") if l.startswith("# text = ")]
if not sents:   # the seeds alone, cut into sentences
    for f in os.listdir(os.path.join(root, "seeds")):
        sents += [s + "。" for s in open(os.path.join(root, "seeds", f), encoding="utf-8").read().split("。") if s.strip()]
rng = random.Random(7)
os.makedirs(os.path.join(out, "sub", "deeper"), exist_ok=True)
for f in sorted(os.listdir(os.path.join(root, "seeds"))):
    shutil.copy(os.path.join(root, "seeds", f), os.path.join(out, f))
docs = []
for i in range(300):
    body = rng.sample(sents, rng.randint(3, 9))
    text = f"{body[0][:20]}\n\n2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:{rng.randint(0, 59):02d}:00| 来源:测试\n\n" + "\n".join(body) + "\n"
    docs.append(text)
    folder = [out, os.path.join(out, "sub"), os.path.join(out, "sub", "deeper")][i % 3]
    with open(os.path.join(folder, f"news_{i:04d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
with open(os.path.join(out, "sub", "broken_image.txt"), "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + bytes(200))
open(os.path.join(out, "sub", "empty.txt"), "w").close()
with open(os.path.join(out, "notes.md"), "w") as f:   # not *.txt: skipped by both
    f.write("skip me")
with open(jsonl, "w", encoding="utf-8") as f:
    for i, text in enumerate(docs[:150]):
        rec = {"id": f"doc-{i}", "text": text}
        if i % 10 == 0:
            rec["title"] = f"标题 {i}"
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if i == 70:
            f.write("{not json}\n\n")
