#!/usr/bin/env python3
"""ZhText's batch job on Apache Spark.

Each partition's documents go through the `zhtext` binary (shipped to the
executors with SparkFiles, or found on PATH), which writes one partial state
per partition (`zhtext analyze --jsonl - --state -`); the driver streams the
states back in partition order and runs `zhtext merge` to write the usual
outputs to --out. The result is byte-identical to `zhtext analyze` over the
same inputs on one machine (but for report.html's generation time):
documents are sorted by path (and JSON Lines line number) before they are
partitioned, which is the order a local run reads them in.

usage:
  spark-submit zhtext_spark.py INPUT... --out DIR [--jsonl] [--glob '*.txt']
      [--zhtext PATH] [--data DIR] [--partitions N] [--top N]

INPUT is a directory, file or glob in any filesystem Spark reads (local,
HDFS, S3). Paths in the outputs are written as INPUT was given, like a local
run's.
"""
import argparse, base64, fnmatch, json, os, shutil, subprocess, sys, tempfile


def parse_args(argv):
    p = argparse.ArgumentParser(description="Run zhtext analyze on Spark.")
    p.add_argument("inputs", nargs="+", help="directories, files or globs (any Spark filesystem)")
    p.add_argument("--out", required=True, help="local output directory on the driver")
    p.add_argument("--jsonl", action="store_true", help="inputs are JSON Lines, one document per line")
    p.add_argument("--glob", default=None, help="file names to read inside directories (default *.txt, or * with --jsonl)")
    p.add_argument("--zhtext", default=None, help="the zhtext binary to ship to the executors (default: on PATH)")
    p.add_argument("--data", default=None, help="zhtext's dictionaries/ folder to ship (default: beside the binary or the checkout's)")
    p.add_argument("--partitions", type=int, default=None, help="partitions (default: Spark's default parallelism)")
    p.add_argument("--top", type=int, default=50)
    p.add_argument("--master", default=None, help="Spark master when not set by spark-submit, e.g. local[2]")
    return p.parse_args(argv)


def local_name(uri, roots):
    """The path a local run would print for `uri`: the INPUT as given, plus
    the part of the path below it."""
    for given, resolved in roots:
        r = resolved.rstrip("/")
        if uri == r:
            return given
        if uri.startswith(r + "/"):
            return given.rstrip("/") + "/" + uri[len(r) + 1:]
    return uri


def main(argv):
    a = parse_args(argv)
    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("zhtext").config("spark.ui.showConsoleProgress", "false")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    hconf = sc._jsc.hadoopConfiguration()
    hconf.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")

    zhtext = a.zhtext or shutil.which("zhtext")
    if not zhtext:
        sys.exit("zhtext_spark: no zhtext binary: pass --zhtext PATH or put it on PATH")
    zhtext = os.path.abspath(zhtext)
    data = a.data
    if data is None:
        for c in (os.path.join(os.path.dirname(zhtext), "dictionaries"),
                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dictionaries")):
            if os.path.isfile(os.path.join(c, "README.md")):
                data = os.path.abspath(c)
                break
    sc.addFile(zhtext)
    if data:
        sc.addFile(data, recursive=True)
    binary_name = os.path.basename(zhtext)
    data_name = os.path.basename(data.rstrip("/")) if data else None
    glob = a.glob or ("*" if a.jsonl else "*.txt")

    # Resolve each INPUT to the URI form Spark reports, to map back to the names given.
    jvm = sc._jvm
    roots = []
    for given in a.inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(hconf)
        roots.append((given, fs.makeQualified(path).toString()))

    def wanted(uri):
        # Files named directly are always read; inside directories, the glob decides.
        if any(uri == r.rstrip("/") for _, r in roots):
            return True
        return fnmatch.fnmatchcase(uri.rsplit("/", 1)[-1], glob) and not any(
            part.startswith(".") for part in uri.split("/")[-1:])

    paths = ",".join(a.inputs)
    if a.jsonl:
        def records(item):
            uri, content = item
            name = local_name(uri, roots)
            for number, line in enumerate(content.split("\n"), start=1):
                if not line.strip(" \t\r"):
                    continue
                where = f"{name}:{number}"
                try:
                    obj = json.loads(line)
                except ValueError:
                    obj = None
                if not isinstance(obj, dict):
                    rec = {"path": where, "failure": "not a JSON object"}
                else:
                    rec = dict(obj)
                    rec.setdefault("path", where)
                yield ((name.encode("utf-8"), number), json.dumps(rec, ensure_ascii=False))
        docs = sc.wholeTextFiles(paths).filter(lambda kv: wanted(kv[0])).flatMap(records)
    else:
        def record(item):
            uri, content = item
            name = local_name(uri, roots)
            rec = {"id": name, "path": name, "base64": base64.b64encode(bytes(content)).decode("ascii")}
            return ((name.encode("utf-8"), 0), json.dumps(rec, ensure_ascii=False))
        docs = sc.binaryFiles(paths).filter(lambda kv: wanted(kv[0])).map(record)

    partitions = a.partitions or sc.defaultParallelism
    ordered = docs.sortByKey(numPartitions=partitions)

    def analyze(index, items):
        lines = [v for _, v in items]
        if not lines:
            return
        exe = SparkFiles.get(binary_name)
        os.chmod(exe, 0o755)
        env = dict(os.environ)
        if data_name:
            env["ZHTEXT_DATA"] = SparkFiles.get(data_name)
        payload = ("\n".join(lines) + "\n").encode("utf-8")
        r = subprocess.run([exe, "analyze", "--jsonl", "-", "--state", "-", "--jobs", "1", "--quiet"],
                           input=payload, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        if r.returncode not in (0, 1):     # 1: some documents failed, listed in the state
            raise RuntimeError(f"zhtext failed in partition {index} ({r.returncode}): {r.stderr.decode()[-2000:]}")
        yield (index, r.stdout)

    states = ordered.mapPartitionsWithIndex(analyze)
    work = tempfile.mkdtemp(prefix="zhtext-spark-")
    try:
        files = []
        for index, state in states.toLocalIterator():   # partitions in order
            path = os.path.join(work, f"part-{index:05d}.state")
            with open(path, "wb") as f:
                f.write(state)
            files.append(path)
        if not files:
            sys.exit("zhtext_spark: no documents found in " + ", ".join(a.inputs))
        r = subprocess.run([zhtext, "merge", *files, "--out", a.out, "--top", str(a.top)],
                           env=dict(os.environ, **({"ZHTEXT_DATA": data} if data else {})))
        if r.returncode != 0:
            sys.exit(f"zhtext_spark: zhtext merge failed ({r.returncode})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        spark.stop()
    summary = json.load(open(os.path.join(a.out, "summary.json"), encoding="utf-8"))
    print(f"zhtext_spark: {summary['documents']} documents, {len(summary['failed'])} failed, "
          f"{len(files)} partitions; outputs in {a.out}", file=sys.stderr)
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
