#!/usr/bin/env python3
"""Regenerate the ZhText development-set articles from public GitHub snapshots.

Standard library only.  Every article is rebuilt from (repo, commit, path,
locator) in manifest.tsv by reading the blob with
    git --git-dir=<mirror>/<owner>+<name>/repo show <commit>:<path>
and rendering it as a plain news file:

    line 1   title
    line 2   date line (publication date [+ source / author] as the source
             gives them; empty when the source gives no date)
    line 3   empty
    line 4+  body, one paragraph per line

Rendering rules (the same for every source):
  * text is taken verbatim from the source record: no script conversion, no
    width folding, no punctuation changes;
  * a "paragraph" is one line of the source field (split on \\r\\n, \\r or \\n);
    only ASCII whitespace (space, tab) is trimmed at both ends of a line, so
    full-width indentation (U+3000) is kept; empty lines are dropped;
  * for Hugo/Markdown sources, pure image lines (``![..](..)``) are dropped,
    everything else is kept as written (including inline Markdown links).

Locator grammar (column ``locator`` of the manifest):
  csv-row:N         N-th data row (1-based, header excluded) of a CSV file
  json-index:N      N-th element (0-based) of a top-level JSON array
  hugo-md           whole file: Hugo front matter + Markdown body
  cec-raw-txt       whole file: first line = report time, rest = body;
                    the title is the file name without ".txt"
  sina-txt          whole file: title = file name without ".txt" (a first line
                    repeating it is dropped), rest = body; no date given

Usage:
  extract.py [--manifest MANIFEST] [--mirror DIR] [--out DIR] [--check]
             [--ids ID,ID,...]
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ASCII_WS = " \t"


# ---------------------------------------------------------------- git access

def git_dir(mirror, repo):
    base = os.path.join(mirror, repo.replace("/", "+"), "repo")
    inner = os.path.join(base, ".git")
    if os.path.isdir(inner):
        return inner
    return base


def git_show(mirror, repo, commit, path):
    gd = git_dir(mirror, repo)
    if not os.path.isdir(gd):
        raise FileNotFoundError("no snapshot of %s under %s (fetch it first)" % (repo, mirror))
    res = subprocess.run(["git", "--git-dir=" + gd, "show", "%s:%s" % (commit, path)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode != 0:
        raise RuntimeError("git show %s:%s in %s failed: %s"
                           % (commit, path, repo, res.stderr.decode("utf-8", "replace").strip()))
    return res.stdout


# ---------------------------------------------------------------- helpers

def split_paras(text):
    out = []
    for line in re.split(r"\r\n|\r|\n", text or ""):
        line = line.strip(ASCII_WS)
        if line:
            out.append(line)
    return out


def one_line(s):
    """Titles / date lines must stay on a single line."""
    return " ".join(x for x in (p.strip(ASCII_WS) for p in re.split(r"\r\n|\r|\n", s or "")) if x)


def date_line(date, source=None, label="來源：", author=None, author_label="作者："):
    parts = []
    if date:
        parts.append(one_line(date))
    if source:
        parts.append(label + one_line(source))
    if author:
        parts.append(author_label + one_line(author))
    return " ".join(parts)


# ---------------------------------------------------------------- parsers
# Each parser returns (title, dateline, [paragraphs]).

def parse_csv_row(data, n, repo, path):
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    r = rows[n - 1]
    # JamesLiao714/TaiwanNewsCrawler: TITLE,TIME,CATEGORY,DESCRIPTION,CONTENT,KEYWORDS,FROM,LINK
    return (one_line(r["TITLE"]), date_line(r["TIME"], r["FROM"], "來源："),
            split_paras(r["CONTENT"]))


def parse_json_index(data, n, repo, path):
    arr = json.loads(data.decode("utf-8"))
    r = arr[n]
    if repo == "kking-kkang/ChinaNewsCrawler":
        # {title, link, date, snippet, source, content}
        return (one_line(r["title"]), date_line(r.get("date"), r.get("source"), "来源："),
                split_paras(r["content"]))
    # TaiwanStat/Taiwan-news-crawlers: {date, content, title, url, category, website}
    return (one_line(r["title"]), date_line(r.get("date"), r.get("website"), "來源："),
            split_paras(r["content"]))


FM_LINE = re.compile(r'^([A-Za-z_]+):\s*(.*)$')


def _fm_value(v):
    v = v.strip()
    if v.startswith('"') and v.endswith('"'):
        return json.loads(v)
    return v


def parse_hugo_md(data, repo, path):
    text = data.decode("utf-8")
    m = re.match(r"^---\r?\n(.*?)\r?\n---\r?\n(.*)$", text, re.S)
    if not m:
        raise ValueError("no front matter in %s" % path)
    meta = {}
    for line in m.group(1).splitlines():
        mm = FM_LINE.match(line)
        if mm and mm.group(2):
            meta[mm.group(1)] = _fm_value(mm.group(2))
    paras = [p for p in split_paras(m.group(2)) if not re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", p)]
    return (one_line(meta["title"]), date_line(meta.get("date"), None, author=meta.get("author")),
            paras)


def parse_cec_raw(data, repo, path):
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_paras(text)
    title = os.path.basename(path)
    if title.endswith(".txt"):
        title = title[:-4]
    return (one_line(title), lines[0], lines[1:])


def parse_sina_txt(data, repo, path):
    lines = split_paras(data.decode("utf-8"))
    title = os.path.basename(path)
    if title.endswith(".txt"):
        title = title[:-4]
    # the crawler wrote the headline as first line in some folders only
    if lines and lines[0] == title:
        lines = lines[1:]
    return (one_line(title), "", lines)


def render_record(mirror, repo, commit, path, locator):
    data = git_show(mirror, repo, commit, path)
    kind, _, arg = locator.partition(":")
    if kind == "csv-row":
        t, d, p = parse_csv_row(data, int(arg), repo, path)
    elif kind == "json-index":
        t, d, p = parse_json_index(data, int(arg), repo, path)
    elif kind == "hugo-md":
        t, d, p = parse_hugo_md(data, repo, path)
    elif kind == "cec-raw-txt":
        t, d, p = parse_cec_raw(data, repo, path)
    elif kind == "sina-txt":
        t, d, p = parse_sina_txt(data, repo, path)
    else:
        raise ValueError("unknown locator %r" % locator)
    return t, d, p


def render_text(title, dateline, paras):
    return "\n".join([title, dateline, ""] + list(paras)) + "\n"


# ---------------------------------------------------------------- main

def read_manifest(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", default=os.path.join(HERE, "manifest.tsv"))
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--out", default=os.path.join(HERE, "articles"))
    ap.add_argument("--check", action="store_true",
                    help="only compare regenerated text with the manifest sha256; write nothing")
    ap.add_argument("--ids", default="", help="comma-separated subset of ids")
    a = ap.parse_args(argv)

    rows = read_manifest(a.manifest)
    want = set(x for x in a.ids.split(",") if x)
    if not a.check:
        os.makedirs(a.out, exist_ok=True)
    bad = 0
    done = 0
    for r in rows:
        if want and r["id"] not in want:
            continue
        try:
            text = render_text(*render_record(a.mirror, r["repo"], r["commit"], r["path"], r["locator"]))
        except Exception as e:  # report and continue
            print("FAIL %s: %s" % (r["id"], e), file=sys.stderr)
            bad += 1
            continue
        blob = text.encode("utf-8")
        digest = hashlib.sha256(blob).hexdigest()
        if r.get("sha256") and r["sha256"] != digest:
            print("MISMATCH %s: %s != %s" % (r["id"], digest, r["sha256"]), file=sys.stderr)
            bad += 1
        if not a.check:
            with open(os.path.join(a.out, r["id"] + ".txt"), "wb") as f:
                f.write(blob)
        done += 1
    print("%d articles %s, %d problems" % (done, "checked" if a.check else "written", bad),
          file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
