#!/usr/bin/env python3
"""Opens an analyze run's report.html in headless Chromium and checks it.

usage: check_report.py OUT_DIR [--screenshot PNG] [--seeds]

- Renders the page (Chromium --dump-dom) and checks that the keyword chart
  and the tables are there with the counts that summary.json and the CSV
  files give: totals, chart bars, keyword rows, fact rows per kind, entity
  rows, document rows, failure rows.
- Routes every request Chromium makes through a proxy on 127.0.0.1 that
  only records: the check fails if the page fetched anything.
- Saves a screenshot.
- With --seeds, also checks what the README's main job must show for seeds/.
Exits 1 with the reasons on failure; prints "report check: N passed, 0 failed".
"""
import csv, json, os, shutil, socket, subprocess, sys, tempfile, threading
from html.parser import HTMLParser


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("report check: chromium not found (apt-get install chromium)")


class RecordingProxy:
    """A TCP listener that records the first line of every request and closes."""
    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                data = conn.recv(4096).decode("latin-1", "replace")
                # A fetch sends a request line; Chromium also opens spare
                # (preconnected) sockets that close without sending anything.
                if data.strip():
                    self.requests.append(data.split("\r\n", 1)[0])
            except OSError:
                pass
            finally:
                conn.close()


class Counter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []          # (tag, id, classes)
        self.bars = 0
        self.rows = {}           # table id or data-kind -> data rows
        self.totals = {}
        self.current_total = None
        self.scripts = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for k in ("src", "href"):
            v = a.get(k, "")
            if v and not v.startswith(("#", "data:")):
                self.external.append(v)
        if tag == "g" and "bar" in a.get("class", "").split() and any(t[1] == "keyword-chart" for t in self.stack):
            self.bars += 1
        if tag == "tr":
            table = next((t for t in reversed(self.stack) if t[0] == "table"), None)
            if table is not None:
                key = table[1] or ("facts:" + table[3])
                self.rows.setdefault(key, -1)   # the header row does not count
                self.rows[key] += 1
        if tag == "b" and a.get("id", "").startswith("total-"):
            self.current_total = a["id"][6:]
        if tag not in ("meta", "br", "link", "img", "input", "hr", "col", "source", "wbr", "area", "base"):
            self.stack.append((tag, a.get("id", ""), a.get("class", ""), a.get("data-kind", "")))

    def handle_endtag(self, tag):
        if not any(t[0] == tag for t in self.stack):
            return          # a stray end tag closes nothing
        while self.stack:
            t = self.stack.pop()
            if t[0] == tag:
                break

    def handle_data(self, data):
        if self.current_total is not None:
            self.totals[self.current_total] = int(data.strip())
            self.current_total = None


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    shot = args[args.index("--screenshot") + 1] if "--screenshot" in args else os.path.join(out, "report.png")
    seeds = "--seeds" in args
    report = os.path.abspath(os.path.join(out, "report.html"))
    summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
    keywords = list(csv.DictReader(open(os.path.join(out, "keywords.csv"), encoding="utf-8", newline="")))
    entities = list(csv.DictReader(open(os.path.join(out, "entities.csv"), encoding="utf-8", newline="")))

    proxy = RecordingProxy()
    profile = tempfile.mkdtemp(prefix="zhtext-chromium-")
    common = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-default-apps", "--disable-domain-reliability", "--disable-breakpad",
              "--metrics-recording-only", "--no-pings", "--disable-features=OptimizationHints,Translate,MediaRouter",
              f"--user-data-dir={profile}",
              f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>"]
    try:
        dom = subprocess.run(common + ["--dump-dom", "file://" + report], capture_output=True,
                             text=True, timeout=120).stdout
        subprocess.run(common + ["--window-size=1280,2400", f"--screenshot={os.path.abspath(shot)}",
                                 "file://" + report], capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    c = Counter()
    c.feed(dom)
    checks = []

    def check(ok, what):
        checks.append((ok, what))

    check("</html>" in dom or "</body>" in dom, "the page rendered (DOM dumped)")
    check(c.scripts == 0, f"no <script> elements (found {c.scripts})")
    check(not c.external, f"no external src/href (found {c.external[:3]})")
    # Chromium's own background services (component updates, clock, sign-in)
    # talk to Google hosts whatever the page is; anything else came from the page.
    internal = (".google.com", ".googleapis.com", ".gstatic.com", ".gvt1.com")
    def host(request):
        parts = request.split()
        target = parts[1] if len(parts) > 1 else ""
        target = target.split("://", 1)[-1]
        return target.split("/", 1)[0].split(":", 1)[0]
    page_requests = [r for r in proxy.requests if not host(r).endswith(internal)]
    check(not page_requests, f"nothing fetched from the network by the page (requests: {page_requests[:5]}; "
                             f"{len(proxy.requests) - len(page_requests)} browser-internal requests ignored)")
    total_facts = sum(summary["facts_by_kind"].values())
    for key, want in (("inputs", summary["inputs"]), ("documents", summary["documents"]),
                      ("facts", total_facts), ("failed", len(summary["failed"]))):
        check(c.totals.get(key) == want, f"total {key}: page {c.totals.get(key)}, summary.json {want}")
    want_bars = min(len(keywords), 30, 50)
    check(c.bars == want_bars, f"keyword chart bars: page {c.bars}, expected {want_bars}")
    check(c.rows.get("keyword-table", 0) == min(len(keywords), 50),
          f"keyword rows: page {c.rows.get('keyword-table', 0)}, keywords.csv {min(len(keywords), 50)}")
    check(c.rows.get("entity-table", 0) == min(len(entities), 100),
          f"entity rows: page {c.rows.get('entity-table', 0)}, entities.csv {min(len(entities), 100)}")
    for kind, n in summary["facts_by_kind"].items():
        got = c.rows.get("facts:" + kind, 0)
        check(got == min(n, 40), f"{kind} fact rows: page {got}, expected {min(n, 40)}")
    check(c.rows.get("document-table", 0) == min(summary["documents"], 200),
          f"document rows: page {c.rows.get('document-table', 0)}, documents {summary['documents']}")
    check(c.rows.get("failure-table", 0) == len(summary["failed"]),
          f"failure rows: page {c.rows.get('failure-table', 0)}, failed {len(summary['failed'])}")
    check(os.path.exists(shot) and os.path.getsize(shot) > 10000, f"screenshot saved to {shot}")
    if seeds:
        check(summary["documents"] == 2 and not summary["failed"], "seeds: 2 documents, none failed")
        check(c.bars >= 10, f"seeds: at least 10 keyword bars (page {c.bars})")
        check(total_facts >= 15, f"seeds: at least 15 facts (page {total_facts})")
        check(len(entities) >= 5, f"seeds: at least 5 entities ({len(entities)})")
        terms = {k["term"] for k in keywords[:30]}
        check("新质生产力" in terms and "宜兴" in terms, "seeds: 新质生产力 and 宜兴 among the top keywords")

    failed = [w for ok, w in checks if not ok]
    for ok, what in checks:
        print(("ok   " if ok else "FAIL ") + what)
    print(f"report check: {len(checks) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
