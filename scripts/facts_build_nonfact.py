#!/usr/bin/env python3
"""Builds dictionaries/facts-nonfact-jieba.tsv from dictionaries/jieba.dict.txt (jieba 0.42.1, MIT).

Keeps words tagged as idioms, phrases, nouns, verbs, names of places and
organizations, adverbs ... that contain a numeral character, and drops those
that are only a number followed by a unit of dictionaries/units.tsv (三个, 五所),
since those are quantities. Usage: python3 scripts/facts_build_nonfact.py
"""
import os, re

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dictionaries")
units = set()
for line in open(os.path.join(root, "units.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    units.add(line.split("\t")[0])
numerals = set("〇零一二两三四五六七八九十百千万亿半几兩萬億幾")
tags = {"i", "l", "n", "nz", "v", "vn", "a", "d", "b", "z", "ns", "nt", "ad", "an", "f", "s", "c",
        "r", "ng", "vg", "ag", "y", "o", "e", "vd", "vi", "g", "zg", "t"}
words = []
for line in open(os.path.join(root, "jieba.dict.txt"), encoding="utf-8"):
    word, _, tag = line.split()
    if tag not in tags or not any(c in numerals for c in word):
        continue
    m = re.match("^[〇零一二两三四五六七八九十百千万亿半几]+(.*)$", word)
    if m and (m.group(1) in units or m.group(1) == ""):
        continue
    # time words that are dates or clock times themselves (十一月, 三点, 二月份)
    if tag == "t" and re.match("^[初〇零一二两三四五六七八九十百千万亿半几]+[年月日号点时分秒周份中下上旬底末初]*$", word):
        continue
    words.append(word)
with open(os.path.join(root, "facts-nonfact-jieba.tsv"), "w", encoding="utf-8") as out:
    out.write("# facts-nonfact-jieba.tsv — words of jieba's dictionary (idioms i, phrases l, nouns, verbs, names, time words t ...)\n"
              "# that contain a numeral, minus those that are a bare number plus a unit. Built from\n"
              "# jieba 0.42.1 dict.txt (MIT) by scripts/facts_build_nonfact.py. One word per line.\n")
    out.write("\n".join(words) + "\n")
print(len(words))
