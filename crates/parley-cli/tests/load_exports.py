"""Loads parley's exports the way an analyst would, and checks their types.

Usage: load_exports.py DIR, where DIR holds events.csv, events.parquet,
events.tsv (GDELT) and all.csv (every modality), written by `parley export`.
The CSV is read exactly as the README says (pandas with dtype=str for the
code columns, DuckDB with types=...): if these lines change, change the
README too. Exits 0 when every check passes; prints what failed otherwise.
"""

import sys
from pathlib import Path

import duckdb
import pandas as pd

d = Path(sys.argv[1])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


CODES = ["cameo"]
ALL_MODALITIES = {"asserted", "negated", "hypothetical", "conditional", "questioned"}

# pandas, CSV: as in the README.
csv = pd.read_csv(d / "events.csv", dtype={"cameo": str})
check(len(csv) > 0, "csv: no rows")
check(csv["cameo"].map(type).eq(str).all(), f"csv: cameo not text: {csv['cameo'].head().tolist()}")
check(csv["cameo"].str.fullmatch(r"\d{2,4}").all(), f"csv: cameo lost digits: {csv['cameo'].tolist()}")
check(csv["cameo"].str.startswith("0").any(), "csv: no code with a leading 0 to check (examples changed?)")
check(set(csv["modality"]) == {"asserted"}, f"csv: default export holds {set(csv['modality'])}")
for col, kind in [("goldstein", "f"), ("confidence", "f"), ("quad_class", "i"), ("num_sources", "i"), ("id", "i")]:
    check(csv[col].dtype.kind == kind, f"csv: {col} is {csv[col].dtype}")
check(csv["is_root"].dtype == bool, f"csv: is_root is {csv['is_root'].dtype}")
check((csv["goldstein"] * 10).round(6).mod(1).eq(0).all(), f"csv: goldstein not 1 decimal: {csv['goldstein'].tolist()}")
check(csv["goldstein"].astype(str).str.len().le(5).all(), f"csv: goldstein noise: {csv['goldstein'].tolist()}")
check((csv["num_sources"] >= 1).all(), "csv: num_sources below 1")
for col in ["actor_country", "actor_sector", "recipient_country", "recipient_sector", "date_added"]:
    check(col in csv.columns, f"csv: no {col} column")
check(csv["actor_country"].dropna().str.fullmatch(r"[A-Z]{3}").all(), "csv: actor_country not ISO alpha-3")
check(pd.to_datetime(csv["date_added"], utc=True).notna().all(), "csv: date_added does not parse")

every = pd.read_csv(d / "all.csv", dtype={"cameo": str})
check(len(every) >= len(csv), "csv --all-modalities: fewer rows")
check(set(every["modality"]) <= ALL_MODALITIES, f"csv: unknown modality {set(every['modality'])}")
check(list(every.columns) == list(csv.columns), "csv: the two exports' columns differ")

# pandas, Parquet: no options needed.
pq = pd.read_parquet(d / "events.parquet")
check(list(pq.columns) == list(csv.columns), "parquet: columns differ from csv")
check(pq["cameo"].tolist() == csv["cameo"].tolist(), "parquet: cameo differs from csv")
check(pq["is_root"].dtype == bool, f"parquet: is_root is {pq['is_root'].dtype}")
check(pq["goldstein"].tolist() == csv["goldstein"].tolist(), "parquet: goldstein differs from csv")

# DuckDB: CSV as in the README, Parquet as is.
con = duckdb.connect()
rows = con.execute(
    "SELECT cameo, typeof(cameo), typeof(goldstein), typeof(is_root), modality "
    f"FROM read_csv('{d / 'events.csv'}', types={{'cameo': 'VARCHAR'}})"
).fetchall()
check(len(rows) == len(csv), "duckdb csv: row count")
check(all(r[1] == "VARCHAR" for r in rows), f"duckdb csv: cameo types {set(r[1] for r in rows)}")
check([r[0] for r in rows] == csv["cameo"].tolist(), "duckdb csv: cameo values differ")
check(all(r[2] == "DOUBLE" and r[3] == "BOOLEAN" for r in rows), f"duckdb csv: types {rows[:1]}")
prow = con.execute(f"SELECT typeof(cameo), count(*) FROM '{d / 'events.parquet'}' GROUP BY 1").fetchall()
check(prow == [("VARCHAR", len(csv))], f"duckdb parquet: {prow}")

# GDELT: 61 tab-separated columns, codes as text when read as GDELT users do.
gdelt = pd.read_csv(d / "events.tsv", sep="\t", header=None, dtype={26: str, 27: str, 28: str})
check(gdelt.shape == (len(csv), 61), f"gdelt: shape {gdelt.shape}")
check(gdelt[26].tolist() == csv["cameo"].tolist(), "gdelt: EventCode differs from csv cameo")
check(set(gdelt[25]) <= {0, 1} and gdelt[25].sum() >= 1, f"gdelt: IsRootEvent {set(gdelt[25])}")
check((gdelt[32] >= 1).all(), "gdelt: NumSources below 1")
check(gdelt[59].astype(str).str.fullmatch(r"\d{14}").all(), "gdelt: DATEADDED not YYYYMMDDHHMMSS")
# The examples are dated 2024-2025; they were stored today.
check((gdelt[59].astype(str).str[:8] != gdelt[1].astype(str)).all(), "gdelt: DATEADDED is the event date")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"exports load: {len(csv)} asserted events, {len(every)} in all")
