#!/usr/bin/env python3
"""Throughput of the Spark job in local mode with 1 and 2 cores, beside
`parley code --threads 1/2` on the same input.

    python python/bench/bench_spark.py --docs 2000

For each core count: a fresh local[N] session, one warm-up job on the
first 100 documents (starts the Python workers, which build the pipeline
once each), then the timed job over the whole corpus, read, coded and
written as Parquet partitioned by date, with N partitions. Session start
is not timed; `parley code` is timed as a whole process.
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "spark"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--parley", default=str(ROOT / "target" / "release" / "parley"))
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    import parley_spark
    from pyspark.sql import SparkSession

    corpus = ROOT / "target" / "bench" / f"corpus-{args.docs}.jsonl"
    if not corpus.exists():
        subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("make_corpus.py")),
                        str(args.docs), str(corpus)], check=True)
    warm = corpus.with_suffix(".warm.jsonl")
    warm.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(True)[:100]), encoding="utf-8")
    megabytes = corpus.stat().st_size / 1e6
    print(f"corpus: {args.docs} documents, {megabytes:.1f} MB")
    for cores in (1, 2):
        started = time.perf_counter()
        subprocess.run([args.parley, "code", "--threads", str(cores), str(corpus)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        cli = time.perf_counter() - started
        spark = (SparkSession.builder.master(f"local[{cores}]").appName("parley-bench")
                 .config("spark.ui.enabled", "false").getOrCreate())
        with tempfile.TemporaryDirectory() as tmp:
            parley_spark.run_job(spark, str(warm), f"{tmp}/warm", partitions=cores)
            figures = parley_spark.run_job(spark, str(corpus), f"{tmp}/events", partitions=cores)
            events = spark.read.parquet(f"{tmp}/events").count()
        spark.stop()
        job = figures["seconds"]
        print(f"{cores} core(s): spark {job:.1f}s ({args.docs / job:.0f} docs/s, {events} events); "
              f"parley code --threads {cores} {cli:.1f}s ({args.docs / cli:.0f} docs/s); "
              f"spark/cli {job / cli:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
