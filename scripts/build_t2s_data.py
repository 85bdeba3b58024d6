#!/usr/bin/env python3
"""Builds ZhText's normalization data from permissively licensed sources.

usage: build_t2s_data.py --opencc OPENCC_DICTIONARY_DIR [--pypinyin PYPINYIN_DIR]

As built: --opencc = BYVoid/OpenCC data/dictionary at git 5249273a (after ver.1.4.1),
--opencc-version '1.4.1+ (git 5249273a, 2026-08-06)', --pypinyin = pypinyin 0.55.0 from PyPI.

Reads dictionaries/t2s.icu.txt (ICU's Traditional-Simplified table, written
by `zhtext normalize --dump-icu-table`) and OpenCC's data/dictionary files
(Apache-2.0), and writes:

  dictionaries/t2s.opencc.txt    corrections applied over the ICU table
  dictionaries/t2s.script.txt    characters that mark a text as Traditional or Simplified
  dictionaries/pinyin-syllables.txt  (with --pypinyin) toneless Mandarin syllables

The phrase corrections are:
  1. OpenCC TSPhrases, minus entries that keep a leading 於 (given names of
     people surnamed 於, which misfire on the far more common preposition:
     他於倫敦 is not the name 於倫);
  2. OpenCC STPhrases inverted (Traditional phrase -> Simplified phrase), when
     the inversion is unambiguous and ICU's table converts the phrase
     differently (others add nothing);
  3. ICU's own phrase rules whose output leaves a Traditional-only character
     unconverted (銀髮 -> 銀发), with that character converted;
  4. OpenCC TSCharacters entries for Traditional-only characters that ICU
     leaves alone (峯 -> 峰);
  5. Taiwan and Hong Kong variant characters (OpenCC TWVariants, HKVariants
     reversed) that ICU leaves alone, through their standard form (衞 -> 衛
     -> 卫, 敍 -> 敘 -> 叙, 枱 -> 檯 -> 台), unless they are Simplified
     characters themselves (着).
"""
import argparse
import json
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICT = os.path.join(ROOT, "dictionaries")


def read_table(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, value = line.rstrip("\n").split("\t")
            table[key] = value.split(" ")
    return table


def convert(text, chars, phrases, longest):
    out, i = [], 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            w = text[i:i + n]
            if w in phrases:
                out.append(phrases[w])
                i += n
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opencc", required=True, help="OpenCC data/dictionary directory")
    ap.add_argument("--opencc-version", default="unknown")
    ap.add_argument("--pypinyin", help="pypinyin package directory (pinyin_dict.json)")
    a = ap.parse_args()

    icu = read_table(os.path.join(DICT, "t2s.icu.txt"))
    icu_chars = {k: v[0] for k, v in icu.items() if len(k) == 1}
    icu_phrases = {k: v[0] for k, v in icu.items() if len(k) > 1}
    longest = max(len(k) for k in icu_phrases)

    ts_chars = read_table(os.path.join(a.opencc, "TSCharacters.txt"))
    st_chars = read_table(os.path.join(a.opencc, "STCharacters.txt"))
    ts_phrases = read_table(os.path.join(a.opencc, "TSPhrases.txt"))
    st_phrases = read_table(os.path.join(a.opencc, "STPhrases.txt"))

    ts_values = {c for v in ts_chars.values() for c in v}
    st_values = {c for v in st_chars.values() for c in v}
    # Traditional-only: OpenCC converts it and it is no Simplified character.
    traditional = sorted(k for k, v in ts_chars.items()
                         if k not in v and k not in ts_values and k not in st_chars)
    # Simplified-only: OpenCC converts it to Traditional and it is no Traditional character.
    simplified = sorted(k for k, v in st_chars.items()
                        if k not in v and k not in st_values and k not in ts_chars)
    traditional_set = set(traditional)

    corrections = {}
    # 2. inverted STPhrases
    inverse = {}
    for simp, trads in st_phrases.items():
        for t in trads:
            inverse.setdefault(t, set()).add(simp)
    for trad, simps in inverse.items():
        if len(trad) < 2 or len(simps) != 1 or trad in icu_phrases:
            continue  # ICU's own phrase rules stand (甚麼 is 什么, not 甚么)
        simp = next(iter(simps))
        if len(simp) != len(trad):
            continue
        if convert(trad, icu_chars, icu_phrases, longest) != simp:
            corrections[trad] = simp
    # 1. TSPhrases
    for trad, simps in ts_phrases.items():
        if trad.startswith("於") and simps[0].startswith("於"):
            continue
        corrections[trad] = simps[0]
    # 3. ICU phrases with Traditional-only characters left in their output
    def sanitize(trad, simp):
        if len(trad) != len(simp):
            return simp
        return "".join(icu_chars.get(s, s) if s in traditional_set and s == t else s
                       for t, s in zip(trad, simp))
    for trad, simp in icu_phrases.items():
        if trad not in corrections and sanitize(trad, simp) != simp:
            corrections[trad] = sanitize(trad, simp)
    # ... and the same for every correction (不可貲計 is 不可赀计).
    for trad in list(corrections):
        corrections[trad] = sanitize(trad, corrections[trad])

    # 4. variants ICU leaves alone
    for trad in traditional:
        if trad not in icu_chars and ts_chars[trad][0] != trad:
            corrections[trad] = ts_chars[trad][0]

    # 5. regional variants ICU leaves alone
    icu_outputs = set(icu_chars.values())
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for std, variants in read_table(os.path.join(a.opencc, name)).items():
            if len(std) != 1:
                continue
            target = icu_chars.get(std, std)
            for v in variants:
                if (len(v) == 1 and v != std and v not in icu_chars and v != target
                        and v not in st_chars and v not in icu_outputs and v not in corrections):
                    corrections[v] = target

    with open(os.path.join(DICT, "t2s.opencc.txt"), "w", encoding="utf-8") as f:
        f.write("# ZhText Traditional->Simplified corrections over t2s.icu.txt (key<TAB>value).\n")
        f.write(f"# Built by scripts/build_t2s_data.py from OpenCC {a.opencc_version} TSPhrases,\n")
        f.write("# STPhrases (inverted), TSCharacters, TWVariants and HKVariants (Apache-2.0),\n")
        f.write("# and ICU's phrase rules.\n")
        for k in sorted(corrections):
            f.write(f"{k}\t{corrections[k]}\n")

    with open(os.path.join(DICT, "t2s.script.txt"), "w", encoding="utf-8") as f:
        f.write("# Characters written in one script only (char<TAB>traditional|simplified).\n")
        f.write(f"# Built by scripts/build_t2s_data.py from OpenCC {a.opencc_version} TSCharacters\n")
        f.write("# and STCharacters (Apache-2.0).\n")
        for c in traditional:
            f.write(f"{c}\ttraditional\n")
        for c in simplified:
            f.write(f"{c}\tsimplified\n")

    if a.pypinyin:
        with open(os.path.join(a.pypinyin, "pinyin_dict.json"), encoding="utf-8") as f:
            readings = json.load(f)
        syllables = set()
        for value in readings.values():
            for r in value.split(","):
                for u in "üǖǘǚǜ":
                    r = r.replace(u, "v")
                base = "".join(c for c in unicodedata.normalize("NFD", r)
                               if not unicodedata.combining(c))
                base = base.strip()
                if base.isascii() and base.isalpha():
                    syllables.add(base.lower())
        with open(os.path.join(DICT, "pinyin-syllables.txt"), "w", encoding="utf-8") as f:
            f.write("# Toneless Mandarin pinyin syllables, one a line (ü written v).\n")
            f.write("# Built by scripts/build_t2s_data.py from the readings in pypinyin's\n")
            f.write("# pinyin_dict.json (MIT).\n")
            for s in sorted(syllables):
                f.write(s + "\n")
    # Han characters by frequency (summed over jieba's dictionary words),
    # each Traditional form ranked with its Simplified one: the decoder uses
    # it to tell GB18030 from Big5 on short texts.
    freq = {}
    with open(os.path.join(DICT, "jieba.dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            for c in parts[0]:
                if "\u4e00" <= c <= "\u9fff":
                    freq[c] = freq.get(c, 0) + int(parts[1])
    ranked = [c for c, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))][:6000]
    seen, order = set(), []
    for c in ranked:
        for x in [c] + st_chars.get(c, []):
            if x not in seen:
                seen.add(x)
                order.append((x, len(order) if x == c else None, c))
    with open(os.path.join(DICT, "decode.han-frequency.txt"), "w", encoding="utf-8") as f:
        f.write("# Han characters, most frequent first (char<TAB>rank); a Traditional form\n")
        f.write("# has the rank of its Simplified one. Built by scripts/build_t2s_data.py from\n")
        f.write("# word frequencies of jieba.dict.txt (MIT) and OpenCC STCharacters (Apache-2.0).\n")
        rank_of = {}
        for i, c in enumerate(ranked):
            rank_of[c] = i
        for x, _, c in order:
            f.write(f"{x}\t{rank_of[c]}\n")
    print(f"phrases {len(corrections)}, traditional {len(traditional)}, simplified {len(simplified)}")


if __name__ == "__main__":
    main()
