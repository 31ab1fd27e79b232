#!/usr/bin/env python3
"""Codes a corpus of articles with Spark and writes the events as Parquet
partitioned by date, optionally ingesting them into a parley store on
PostgreSQL as well.

    spark-submit python/spark/parley_spark.py --input articles.jsonl --output events/
    spark-submit python/spark/parley_spark.py --input articles.parquet --output events/ \\
        --postgres postgres://postgres@127.0.0.1:5432/parley

Input: JSON Lines or Parquet with the CLI's record fields (``id``,
``text`` or ``html``, ``date``, ``source``, ``url``, ``title``). Each
partition is coded by the ``parley`` package in Arrow batches
(``mapInPandas``): the pipeline is built once per Python worker process
and reused by every partition that worker runs (Spark reuses its Python
workers), never once per row. Output rows are :func:`parley.events_frame`
columns; the ``date`` column becomes the Parquet partition
(``date=2024-07-11/``; events without a date land in Spark's default
partition). A record that cannot be read is logged on the executor and
skipped, as ``parley code`` reports and skips it.

With ``--postgres``, each partition also stores its documents (one store
connection per partition, as ``parley ingest`` stores them); the driver
merges reports and rebuilds stories once at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator, List, Optional

import parley

RECORD_FIELDS = ("id", "text", "html", "date", "source", "url", "title")


def spark_schema():
    """The Spark schema of parley.events_frame's columns."""
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "Int64": T.LongType(), "Float64": T.DoubleType()}
    fields = []
    for name, dtype in parley.EVENT_COLUMNS.items():
        kind = T.ArrayType(T.StringType()) if name == "context" else kinds[dtype]
        fields.append(T.StructField(name, kind, True))
    return T.StructType(fields)


def _records(batch) -> List[dict]:
    """A pandas batch of input rows as parley records (missing cells dropped by parley)."""
    columns = [c for c in RECORD_FIELDS if c in batch.columns]
    return batch[columns].to_dict("records")


def code_batches(postgres: Optional[str], all_modalities: bool):
    """The mapInPandas function: codes each Arrow batch of a partition."""

    def run(batches: Iterator) -> Iterator:
        store = parley.Store(postgres, create=True) if postgres else None
        columns = list(parley.EVENT_COLUMNS)
        for batch in batches:
            started = time.perf_counter()
            records = _records(batch)
            if store is not None:
                done = store.ingest(records, threads=1, errors="warn", rebuild=False)
                events = done["events"]
            else:
                events = parley.code(records, all=all_modalities, threads=1, errors="warn")
            # The executor's log (the console in local mode) shows progress.
            print(f"parley_spark: worker {os.getpid()} coded {len(records)} records, "
                  f"{len(events)} events in {time.perf_counter() - started:.1f}s", file=sys.stderr)
            frame = parley.events_frame(events)[columns]
            # Arrow wants plain lists and None in the array column.
            frame["context"] = [list(c) if isinstance(c, list) else [] for c in frame["context"]]
            yield frame.astype({c: "object" for c in columns if parley.EVENT_COLUMNS[c] == "string"})

    return run


def read_articles(spark, path: str, fmt: str):
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "json"
    reader = spark.read.parquet if fmt == "parquet" else spark.read.json
    frame = reader(path)
    missing = {"id"} - set(frame.columns)
    if missing or not ({"text", "html"} & set(frame.columns)):
        raise SystemExit(f"parley_spark: {path} needs `id` and `text` or `html` columns; has {frame.columns}")
    from pyspark.sql import functions as F

    columns = [F.col(c).cast("string").alias(c) for c in RECORD_FIELDS if c in frame.columns]
    return frame.select(*columns)


def run_job(spark, input_path: str, output: str, *, fmt: str = "auto", partitions: Optional[int] = None,
            postgres: Optional[str] = None, all_modalities: bool = False) -> dict:
    """Codes `input_path` and writes events under `output`; returns figures."""
    started = time.perf_counter()
    if __name__ != "__main__":
        # Imported (a test, a notebook): the workers import this module by
        # name, so ship it to them. The parley package itself must be
        # installed where the workers run.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
    if postgres:
        # Migrate once, here, before partitions open the store side by side.
        parley.Store(postgres, create=True)
    articles = read_articles(spark, input_path, fmt)
    if partitions:
        articles = articles.repartition(partitions)
    events = articles.mapInPandas(code_batches(postgres, all_modalities), schema=spark_schema())
    events.write.mode("overwrite").partitionBy("date").parquet(output)
    stories = parley.Store(postgres).rebuild_stories() if postgres else None
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "stories": stories}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON Lines file/folder or Parquet")
    parser.add_argument("--output", required=True, help="folder for the Parquet events")
    parser.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
    parser.add_argument("--partitions", type=int, help="repartition the input first")
    parser.add_argument("--postgres", help="also ingest into this parley store (postgres://...)")
    parser.add_argument("--all", action="store_true", help="every modality, as parley code --all")
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    # Local mode: the workers run this interpreter, the one parley is
    # installed in (a cluster sets PYSPARK_PYTHON itself).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("parley")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    figures = run_job(spark, args.input, args.output, fmt=args.format, partitions=args.partitions,
                      postgres=args.postgres, all_modalities=args.all)
    count = spark.read.parquet(args.output).count()
    print(f"parley_spark: {count} events -> {args.output} in {figures['seconds']:.1f}s"
          + (f", {figures['stories']} stories in {args.postgres}" if args.postgres else ""),
          file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
