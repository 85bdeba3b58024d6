#!/usr/bin/env python3
"""Generates hostile inputs for ZhText, reproducibly from a seed.

usage: fuzz_cases.py OUT_DIR --count N [--seed S] [--big]

Each case is a file OUT_DIR/case_NNNNN.txt made by one mutation of the seeds
and fixtures: truncated UTF-8 sequences, flipped bytes, NULs, GB18030/Big5/
UTF-8 halves glued together, lone surrogates in UTF-16, random bytes, 0-byte
files, 300-digit numbers, 10,000 nested parentheses, pinyin-like junk, HTML
fragments, very long lines, control characters, BOM soup. --big adds one
50 MB single-line file. Prints a line per mutation kind with its count.
"""
import argparse, codecs, collections, os, random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--count", type=int, default=300)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--big", action="store_true")
a = p.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
texts = [open(os.path.join(root, "seeds", f), encoding="utf-8").read() for f in sorted(os.listdir(os.path.join(root, "seeds")))]
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)


def piece(n=400):
    t = rng.choice(texts)
    i = rng.randrange(0, max(1, len(t) - n))
    return t[i:i + n]


def enc(s, name):
    return s.encode(name, errors="replace")


def truncated_utf8():
    b = piece().encode()
    cut = [i for i in range(len(b)) if b[i] & 0xC0 == 0x80]
    out = bytearray()
    last = 0
    for i in sorted(rng.sample(cut, min(len(cut), rng.randint(1, 20)))):
        out += b[last:i]
        last = i + 1
    return bytes(out + b[last:])


def flipped():
    b = bytearray(rng.choice([enc(piece(), "utf-8"), enc(piece(), "gb18030")]))
    for _ in range(rng.randint(1, 40)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def nuls():
    b = bytearray(piece().encode())
    for _ in range(rng.randint(1, 5)):
        b.insert(rng.randrange(len(b) + 1), 0)
    return bytes(b)


def mixed_halves():
    trad = texts[-1]
    parts = [enc(piece(200), "utf-8"), enc(piece(200), "gb18030"), enc(trad[:200], "big5")]
    rng.shuffle(parts)
    return b"".join(parts)


def lone_surrogates():
    b = bytearray(codecs.BOM_UTF16_LE + piece(200).encode("utf-16-le"))
    for _ in range(rng.randint(1, 6)):
        i = 2 + 2 * rng.randrange((len(b) - 2) // 2)
        b[i:i + 2] = rng.choice([b"\x00\xd8", b"\xff\xdb", b"\x00\xdc"])
    return bytes(b)


def random_bytes():
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))


def empty():
    return b""


def long_number():
    digits = "".join(rng.choice("0123456789") for _ in range(300))
    return ("合同金额为" + digits + "亿元,增长" + digits[:50] + "%。" + "一" * 300 + "万元。\n" + piece()).encode()


def nested_parens():
    n = 10000
    kind = rng.choice(["()", "（）", "(q"])
    if kind == "(q":
        return ("區" + "(qū" * n + ")" * n).encode()
    return (kind[0] * n + piece(50) + kind[1] * n).encode()


def pinyin_junk():
    syll = ["qū", "xué", "xí", "zhōng", "guó", "chǎn", "ye4", "a", "ng", "lü", "ü", "shi4"]
    s = "".join(rng.choice(["區", "学", "X", "(", ")", "（", "）", " "]) + (rng.choice(syll) if rng.random() < .5 else "") for _ in range(500))
    return s.encode()


def html_fragment():
    return ("<html><body><script>alert(1)</script><p>" + piece() + "</p><img src=x onerror=alert(1)>"
            "<!-- " + piece(50) + " --><table><tr><td>=1+2</td></tr></table>\n").encode()


def control_chars():
    s = piece()
    return "".join(c + (chr(rng.randrange(1, 32)) if rng.random() < .1 else "") for c in s).encode()


def bom_soup():
    boms = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x84\x31\x95\x33"]
    return b"".join(rng.choice(boms) + piece(50).encode() for _ in range(5))


def long_line():
    return (piece(2000).replace("\n", "") * 200).encode()


def numbers_soup():
    forms = ["1,2,3,4", "3亿5000万", "十几", "二三十", "百分之", "第", "约", "超", "至", "~", "-", "2023年13月45日",
             "99:99:99", "〇〇〇〇年", "1.2.3.4万", "%%%", "两两两", "半半", "万亿亿亿", "0x1F", "１２３４５"]
    return "".join(rng.choice(forms) for _ in range(300)).encode()


KINDS = [truncated_utf8, flipped, nuls, mixed_halves, lone_surrogates, random_bytes, empty,
         long_number, nested_parens, pinyin_junk, html_fragment, control_chars, bom_soup,
         long_line, numbers_soup]
counts = collections.Counter()
for i in range(a.count):
    kind = KINDS[i % len(KINDS)] if i < len(KINDS) else rng.choice(KINDS)
    counts[kind.__name__] += 1
    with open(os.path.join(a.out, f"case_{i:05d}.txt"), "wb") as f:
        f.write(kind())
if a.big:
    with open(os.path.join(a.out, "case_big_line.txt"), "wb") as f:
        chunk = (piece(3000).replace("\n", "")).encode()
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    counts["big_line_50MB"] += 1
for k, v in sorted(counts.items()):
    print(f"fuzz cases: {k} {v}")
