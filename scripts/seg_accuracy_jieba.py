#!/usr/bin/env python3
"""Segment RAW (one sentence per line) with jieba and print one line per
input line, words separated by one space (whitespace words dropped).

usage: seg_accuracy_jieba.py RAW [--no-hmm] [--rjieba]
"""
import argparse
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--no-hmm", action="store_true")
    a = ap.parse_args()
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    hmm = not a.no_hmm
    out = []
    with open(a.raw, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            words = [w for w in jieba.cut(line, HMM=hmm) if w.strip()]
            out.append(" ".join(words))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
