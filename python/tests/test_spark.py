"""The Spark job in local mode: its events equal `parley code` on the same input.

Needs pyspark and Java; skipped without them unless PARLEY_REQUIRE_SPARK=1
(CI sets it, so a broken Spark fails there)."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

import parley
from conftest import ROOT, cli_lines
from conftest import parley_binary as cli_binary

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "spark"))

try:
    import pyspark  # noqa: F401
except ImportError:
    if os.environ.get("PARLEY_REQUIRE_SPARK") == "1":
        raise
    pytest.skip("pyspark is not installed", allow_module_level=True)

pd = pytest.importorskip("pandas")


def plain(value):
    """A cell as a plain Python value: arrays as tuples, missing as None,
    floats rounded (Parquet and JSON keep them alike, but say so plainly)."""
    import math

    import numpy as np

    if isinstance(value, np.ndarray):
        return tuple(value.tolist())
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    return value


def normalised(frame):
    """Rows as sorted tuples of plain values: the order of events across
    partitions is Spark's."""
    frame = frame[list(parley.EVENT_COLUMNS)]
    return sorted((tuple(plain(v) for v in row) for row in frame.itertuples(index=False)), key=repr)


def read_events(folder):
    """The job's output as pandas, the date partition read back as text
    (Spark writes events without a date under its default partition)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive")
    frame = ds.dataset(str(folder), format="parquet", partitioning=partitioning).to_table().to_pandas()
    frame["date"] = frame["date"].where(frame["date"] != "__HIVE_DEFAULT_PARTITION__", None)
    return frame


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers must run this interpreter, the one parley is installed in.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("parley-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    subprocess.run(
        [sys.executable, str(HERE.parent / "bench" / "make_corpus.py"), "300", str(path)],
        check=True,
    )
    return path


def test_spark_events_equal_the_cli(spark, corpus, tmp_path):
    import parley_spark

    out = tmp_path / "events"
    parley_spark.run_job(spark, str(corpus), str(out), partitions=3)
    ours = read_events(out)
    assert (out / "date=2024-07-01").is_dir()
    theirs = parley.events_frame(cli_lines("code", corpus))
    assert len(theirs) >= 100, "too few events to compare"
    assert len(ours) == len(theirs)
    assert normalised(ours) == normalised(theirs)


def test_parquet_input_gives_the_same_events(spark, corpus, tmp_path):
    import parley_spark

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()][:60]
    parquet = tmp_path / "articles.parquet"
    pd.DataFrame.from_records(records).to_parquet(parquet)
    out = tmp_path / "events"
    parley_spark.run_job(spark, str(parquet), str(out))
    assert normalised(read_events(out)) == normalised(parley.events_frame(parley.code(records)))


def test_postgres_ingest_stores_what_parley_ingest_stores(spark, corpus, tmp_path):
    """The job's --postgres ingest (two partitions side by side) stores the
    same documents, reports and merged events as `parley ingest` into SQLite."""
    import parley_spark

    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode != 0:
        if os.environ.get("PARLEY_REQUIRE_SPARK") == "1":
            pytest.fail("PostgreSQL is not running on 127.0.0.1:5432")
        pytest.skip("PostgreSQL is not running")
    base = os.environ.get("PARLEY_TEST_POSTGRES", "postgres://root@127.0.0.1:5432/test")
    schema = f"parley_py_{os.getpid()}"
    url = f"{base}{'&' if '?' in base else '?'}schema={schema}"
    lines = corpus.read_text(encoding="utf-8").splitlines(True)[:80]
    small = tmp_path / "small.jsonl"
    small.write_text("".join(lines), encoding="utf-8")
    try:
        parley_spark.run_job(spark, str(small), str(tmp_path / "events"), partitions=2, postgres=url)
        ours = parley.Store(url).counts()
    finally:
        subprocess.run(["psql", base, "-q", "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE"], check=False)
    db = tmp_path / "cli.db"
    done = subprocess.run([str(cli_binary()), "ingest", str(small), "--db", str(db)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    theirs = parley.Store(str(db)).counts()
    for key in ("documents", "sentences", "mentions", "reports", "quotes"):
        assert ours[key] == theirs[key], (key, ours, theirs)
    # Reports merge into events as each document is stored, so the merged
    # count depends on the order of storing: two partitions writing side by
    # side interleave their documents, the CLI stores them in file order.
    assert abs(ours["events"] - theirs["events"]) <= max(1, theirs["events"] // 20), (ours, theirs)
    assert ours["reports"] > 0
