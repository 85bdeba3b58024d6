#!/usr/bin/env python3
"""Builds the entity data files in dictionaries/ from permissively licensed
packages (see dictionaries/README.md for sources and licenses).

usage: ner_data.py JIONLP_DIR BABEL_PYTHON_OK JIEBA_DIR OUT_DIR
  JIONLP_DIR  the unpacked `jionlp` wheel (jionlp/dictionary/...), Apache-2.0
  JIEBA_DIR   the installed `jieba` package (posseg/prob_emit.py), MIT
Countries and world cities also come from CLDR through `babel` (BSD-3 /
Unicode license), imported from the running interpreter.
"""
import importlib.util, math, os, re, sys, zipfile, collections

jionlp, jieba_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
han = re.compile(r'^[\u3400-\u9fff]+$')

# jieba dictionary: word -> (freq, pos), for filtering ambiguous short forms.
jdict = {}
for line in open(os.path.join(jieba_dir, 'dict.txt'), encoding='utf-8'):
    p = line.split()
    if len(p) >= 2:
        jdict[p[0]] = (int(p[1]), p[2] if len(p) > 2 else '')

NAME_TAGS = {'ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'j'}
def safe_short(name, depth):
    """A short form (宜兴 for 宜兴市) is kept unless it is also a common word:
    jieba tags it as one (a noun, verb, adjective ...) often enough, or it is
    very frequent under any tag but ns (城区, 合作, 和平). Provinces and
    prefectures are well known, so only the most common words drop out."""
    if len(name) < 2 or not han.match(name):
        return False
    e = jdict.get(name)
    if e is None or e[1] == 'ns':
        return True
    freq, tag = e
    common = tag not in NAME_TAGS
    if depth <= 1:
        return not (common and freq >= 2000)
    return not ((common and freq >= 100) or freq >= 1000)

# ---- China: provinces, prefectures, counties, towns (jionlp china_location)
rows = {}
def add(rows, name, kind):
    if han.match(name) and len(name) >= 2 and name not in rows:
        rows[name] = kind
kinds = ['province', 'prefecture', 'county', 'town']
with zipfile.ZipFile(os.path.join(jionlp, 'jionlp/dictionary/china_location.zip')) as z:
    text = z.read('china_location.txt').decode('utf-8')
for line in text.splitlines():
    p = line.split('\t')
    depth = 0
    while depth < len(p) and p[depth] == '':
        depth += 1
    if depth > 3:
        continue                       # villages: too many, too ambiguous
    f = p[depth:]
    full = f[0].strip()
    if depth == 3:
        if not (full.endswith('镇') or full.endswith('乡') or full.endswith('街道')):
            continue
        add(rows, full, 'town')
        continue
    if len(full) > 2 or depth < 2 or safe_short(full, depth):   # 城区, 矿区 are common words
        add(rows, full, kinds[depth])
    if len(f) >= 3 and safe_short(f[2].strip(), depth):
        add(rows, f[2].strip(), kinds[depth])
with open(os.path.join(out, 'places-china.tsv'), 'w', encoding='utf-8') as o:
    o.write('# name\tkind — Chinese administrative divisions (jionlp 1.5.31 china_location, Apache-2.0)\n')
    for name, kind in sorted(rows.items(), key=lambda x: (kinds.index(x[1]), x[0])):
        o.write(f'{name}\t{kind}\n')

# ---- World: countries, capitals, cities (jionlp world_location + CLDR via babel)
world = {}
for line in open(os.path.join(jionlp, 'jionlp/dictionary/world_location.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.endswith(':'):
        if line.endswith(':'):
            add(world, line[:-1], 'region')
        continue
    p = line.split('\t')
    add(world, p[0], 'country')
    if len(p) > 1: add(world, p[1], 'country')
    if len(p) > 2: add(world, p[2], 'city')
    if len(p) > 3:
        for c in p[3].split('/'):
            add(world, c, 'city')
from babel import Locale
loc = Locale.parse('zh_Hans_CN')
for code, name in loc.territories.items():
    if '(' in name or '（' in name or code in ('001', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'):
        continue                       # 世界, and unions that are organizations (联合国, 欧盟)
    add(world, name, 'region' if code.isdigit() else 'country')
for tz, names in loc.time_zones.items():
    city = names.get('city')
    if city and '·' not in city:
        add(world, city, 'city')
with open(os.path.join(out, 'places-world.tsv'), 'w', encoding='utf-8') as o:
    o.write('# name\tkind — countries, regions, cities (jionlp 1.5.31 world_location, Apache-2.0; CLDR via babel 2.18.0, Unicode-3.0)\n')
    for name, kind in sorted(world.items(), key=lambda x: (x[1], x[0])):
        o.write(f'{name}\t{kind}\n')

# ---- Person-name character model (jieba posseg HMM emissions, MIT)
spec = importlib.util.spec_from_file_location('pe', os.path.join(jieba_dir, 'posseg/prob_emit.py'))
pe = importlib.util.module_from_spec(spec); spec.loader.exec_module(pe)
E = pe.P
# background: how often a character occurs in running text, from jieba word frequencies
bg = collections.Counter()
for w, (f, _) in jdict.items():
    for ch in w:
        bg[ch] += f
total = sum(bg.values())
cols = [('B', 'nr'), ('M', 'nr'), ('E', 'nr'), ('B', 'nrt'), ('M', 'nrt'), ('E', 'nrt')]
chars = set()
for k in cols:
    chars |= set(E.get(k, {}))
with open(os.path.join(out, 'person-chars.tsv'), 'w', encoding='utf-8') as o:
    o.write('# char\tlogP(B-nr)\tlogP(M-nr)\tlogP(E-nr)\tlogP(B-nrt)\tlogP(M-nrt)\tlogP(E-nrt)\tlogP(text) — jieba 0.42.1 posseg emissions (MIT); background from jieba dict.txt frequencies\n')
    for ch in sorted(chars):
        if not han.match(ch) or bg[ch] == 0:
            continue          # Traditional duplicates and characters the dictionary never uses
        vals = [E.get(k, {}).get(ch) for k in cols]
        vals = ['' if v is None else f'{v:.3f}' for v in vals]
        o.write(ch + '\t' + '\t'.join(vals) + f'\t{math.log(bg[ch] / total):.3f}\n')

# ---- Surnames (jionlp rule_pattern 百家姓 lists, Apache-2.0)
src = open(os.path.join(jionlp, 'jionlp/rule/rule_pattern.py'), encoding='utf-8').read()
def grab(name):
    m = list(re.finditer(name + r" = \\\n((?:\s*'[^']*' ?\\?\n?)+)", src))
    return [''.join(re.findall(r"'([^']*)'", x.group(1))) for x in m]
single_all, single_unamb = grab('SINGLE_CHINESE_FAMILY_NAME')
double = grab('TWO_CHAR_CHINESE_FAMILY_NAME')[0].split('|')
with open(os.path.join(out, 'surnames.tsv'), 'w', encoding='utf-8') as o:
    o.write('# surname\tambiguous (1 when the character is also a common word) — jionlp 1.5.31 rule_pattern 百家姓 (Apache-2.0)\n')
    seen = set()
    for ch in single_all:
        if ch not in seen:
            seen.add(ch); o.write(f'{ch}\t{0 if ch in single_unamb else 1}\n')
    for s in double:
        if s and s not in seen:
            seen.add(s); o.write(f'{s}\t0\n')
print('ok', len(rows), len(world), len(chars), len(seen))
