"""Events as a pandas DataFrame: one row per event, nested fields flattened.

A party (``actor``, ``recipient``, ``speaker``) becomes ``actor_code``,
``actor_name``, ``actor_text``, ``actor_start``, ``actor_end``...; every
``span`` pair becomes ``_start``/``_end`` byte offsets; ``evidence`` fields
become ``evidence_actor``, ``evidence_date_start``... Codes (CAMEO, actor
codes) stay strings. Columns have fixed types, so that frames from
different batches (a Spark partition with no events included) concatenate
and write to Parquet with one schema. A field a newer parley adds that is
not listed here still comes through, with the type pandas infers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pandas

_PARTY = ["text", "start", "end", "code", "country", "sector", "name"]
_STR, _INT, _FLOAT = "string", "Int64", "Float64"

#: Column name to pandas dtype, in order.
EVENT_COLUMNS: Dict[str, str] = {
    "doc_id": _STR,
    "sentence_index": _INT,
    "sentence": _STR,
    "sentence_start": _INT,
    "sentence_end": _INT,
    "event": _STR,
    "mode": _STR,
    "context": "object",
    "cameo": _STR,
    "goldstein": _FLOAT,
    "quad_class": _INT,
    "plover_score": _FLOAT,
    **{f"actor_{k}": (_INT if k in ("start", "end") else _STR) for k in _PARTY},
    **{f"recipient_{k}": (_INT if k in ("start", "end") else _STR) for k in _PARTY},
    "trigger_text": _STR,
    "trigger_start": _INT,
    "trigger_end": _INT,
    "date": _STR,
    "date_precision": _STR,
    "date_text": _STR,
    "location_text": _STR,
    "location_start": _INT,
    "location_end": _INT,
    "location_country": _STR,
    "location_name": _STR,
    **{f"speaker_{k}": (_INT if k in ("start", "end") else _STR) for k in _PARTY},
    "quote": _STR,
    "modality": _STR,
    "confidence": _FLOAT,
    "rule": _STR,
    "evidence_actor": _STR,
    "evidence_recipient": _STR,
    "evidence_speaker": _STR,
    "evidence_date": _STR,
    "evidence_date_start": _INT,
    "evidence_date_end": _INT,
    "evidence_location": _STR,
    "evidence_modality": _STR,
    "evidence_quote_start": _INT,
    "evidence_quote_end": _INT,
}

# Nested objects that may be null as a whole: their columns are then empty.
_GROUPS = {"actor", "recipient", "speaker", "location", "trigger", "evidence"}


def flatten(event: Dict[str, Any]) -> Dict[str, Any]:
    """One event dict as one flat row (see the module's description)."""
    out: Dict[str, Any] = {}
    _flatten("", event, out)
    return out


def _flatten(prefix: str, value: Any, out: Dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}_{key}" if prefix else key, item, out)
    elif prefix.endswith("span") and (value is None or isinstance(value, list)):
        base = prefix[: -len("span")].rstrip("_")
        start, end = value if value is not None and len(value) == 2 else (None, None)
        out[f"{base}_start"] = start
        out[f"{base}_end"] = end
    elif value is None and prefix in _GROUPS:
        return
    else:
        out[prefix] = value


def events_frame(events: Iterable[Dict[str, Any]]) -> "pandas.DataFrame":
    """A DataFrame of event dicts (what :func:`parley.code` returns), one
    row per event, typed columns (see ``EVENT_COLUMNS``)."""
    import pandas as pd

    rows = [flatten(e) for e in events]
    columns: Dict[str, List[Any]] = {name: [] for name in EVENT_COLUMNS}
    extra: List[str] = []
    for row in rows:
        for name in row:
            if name not in columns:
                columns[name] = [None] * 0
                extra.append(name)
    for name, values in columns.items():
        values.extend(row.get(name) for row in rows)
    data = {}
    for name, values in columns.items():
        dtype = EVENT_COLUMNS.get(name)
        if dtype is None or dtype == "object":
            data[name] = pd.Series(values, dtype="object")
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


def code_frame(
    df: "pandas.DataFrame",
    text: str = "text",
    date: str = "date",
    id: str = "id",
    *,
    html: Optional[str] = "html",
    all: bool = False,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> "pandas.DataFrame":
    """Codes every row of ``df`` (text in column ``text``, or, where that
    is missing, HTML in column ``html``, as the CLI's JSON Lines reader does;
    publication date in ``date`` and document id in ``id`` where those
    columns exist, else the row's index) and returns one row
    per event with typed columns: see :func:`events_frame`. ``doc_id``
    joins back to the ``id`` column. ``source``, ``url`` and ``title``
    columns are passed on to the reader as the CLI's JSON Lines would be.
    """
    from . import _report, run

    has_html = html is not None and html in df.columns
    if text not in df.columns and not has_html:
        raise KeyError(f"no text column {text!r} in the frame (columns: {list(df.columns)})")
    n = len(df)
    ids = df[id].tolist() if id in df.columns else [str(i) for i in df.index]
    fields = {"id": [str(i) for i in ids]}
    if text in df.columns:
        fields["text"] = df[text].tolist()
    if has_html:
        fields["html"] = df[html].tolist()
    if date in df.columns:
        fields["date"] = df[date].tolist()
    for meta in ("source", "url", "title"):
        if meta in df.columns:
            fields[meta] = df[meta].tolist()
    names = list(fields)
    records = [{name: fields[name][i] for name in names} for i in range(n)]
    result = run(records, "events", all=all, threads=threads)
    _report(result.failures, errors)
    return events_frame(result.records)
