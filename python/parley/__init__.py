"""parley from Python: political event data from news text.

Who did what to whom, when and where: PLOVER type and mode, CAMEO code,
Goldstein score, actor and recipient codes, date, place, speaker, with the
byte spans and the rules behind each. This package is a thin layer over the
Rust crates of the ``parley`` command: the same readers, the same standard
pipeline, the model and dictionaries embedded exactly as in the binary, so
``parley.code(records)`` returns what ``parley code`` prints for the same
JSON Lines records, as dicts.

Coding releases the GIL and runs a list of documents on the pipeline's own
worker threads (one per core unless ``threads`` says otherwise). The
pipeline is built once per process, on first use, and shared.

Records are strings (the text of one document each) or dicts in the JSON
Lines shape the CLI reads: ``{"id", "text" or "html", "date", "source",
"url", "title"}``. A string's id is its index in the list; a dict without
``id`` gets its index too. ``date`` (``YYYY-MM-DD``) is the publication date
for records that carry none.

Errors: a record that cannot be read or coded raises :class:`ParleyError`
naming its index and id, after the other records have run
(``errors="raise"``, the default); ``errors="warn"`` warns and goes on,
``errors="ignore"`` goes on quietly.
"""

from __future__ import annotations

import json
import math
import warnings
from typing import TYPE_CHECKING, Any, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _native
from ._native import ParleyError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "ParleyError",
    "Result",
    "Store",
    "actors",
    "code",
    "code_frame",
    "events_frame",
    "parse",
    "run",
    "sentences",
    "to_records",
    "__version__",
]

__version__: str = _native.__version__

Record = Union[str, Mapping[str, Any]]
Records = Union[Record, Iterable[Record]]


class Result(NamedTuple):
    """What :func:`run` returns."""

    #: Output records in input order (event, mention or sentence dicts, or
    #: CoNLL-U strings for ``task="parse"``).
    records: List[Any]
    #: For each output record, the index of the input record it came from.
    indices: List[int]
    #: ``(index, id, message)`` for each input record that failed.
    failures: List[Tuple[int, str, str]]


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA/NaT: a cell with nothing in it."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd  # noqa: PLC0415 - only when pandas values come in

        return bool(pd.isna(value)) if not isinstance(value, (list, dict, tuple)) else False
    except ImportError:
        return False


def _jsonable(value: Any) -> Any:
    """Dates and timestamps become ``YYYY-MM-DD...`` strings; the reader keeps the date."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def to_records(records: Records, date: Optional[str] = None) -> Tuple[List[str], List[str]]:
    """The JSON Lines records the CLI would read for these inputs, and their ids.

    A string is the text of one document, its id its index; a mapping is a
    JSON Lines record (its missing ``id`` is its index, its missing
    ``date`` is ``date``). Missing cells (None, NaN) are left out.
    """
    if isinstance(records, (str, Mapping)):
        records = [records]
    lines: List[str] = []
    ids: List[str] = []
    for index, record in enumerate(records):
        if isinstance(record, str):
            fields: dict = {"id": str(index), "text": record}
        elif isinstance(record, Mapping):
            fields = {k: v for k, v in record.items() if not _missing(v)}
            fields.setdefault("id", str(index))
        else:
            raise ParleyError(
                f"record {index}: expected a string or a mapping, got {type(record).__name__}"
            )
        if date is not None and "date" not in fields:
            fields["date"] = date
        ids.append(str(fields["id"]))
        lines.append(json.dumps(fields, ensure_ascii=False, default=_jsonable))
    return lines, ids


def _failures(raw: List[Tuple[int, str]], ids: List[str]) -> List[Tuple[int, str, str]]:
    # The reader names its input "record N" line 1; the index is said once.
    def message(index: int, text: str) -> str:
        prefix = f"record {index}:1: "
        return text[len(prefix) :] if text.startswith(prefix) else text

    return [(index, ids[index], message(index, text)) for index, text in raw]


def _report(failures: List[Tuple[int, str, str]], errors: str) -> None:
    if errors not in ("raise", "warn", "ignore"):
        raise ValueError(f"errors must be 'raise', 'warn' or 'ignore', not {errors!r}")
    if not failures or errors == "ignore":
        return
    messages = [f"record {i} (id {rid!r}): {msg}" for i, rid, msg in failures]
    if errors == "warn":
        for message in messages:
            warnings.warn(message, RuntimeWarning, stacklevel=3)
        return
    more = f" (and {len(messages) - 1} more failed)" if len(messages) > 1 else ""
    raise ParleyError(messages[0] + more)


def run(
    records: Records,
    task: str = "events",
    date: Optional[str] = None,
    *,
    all: bool = False,
    threads: Optional[int] = None,
) -> Result:
    """Runs ``task`` (``"events"``, ``"actors"``, ``"sentences"`` or
    ``"parse"``) over the records and returns everything, failures included,
    without raising for bad records."""
    lines, ids = to_records(records, date)
    outputs, indices, failed = _native.run_records(lines, task, all=all, threads=threads)
    return Result(outputs, indices, _failures(failed, ids))


def code(
    texts_or_records: Records,
    date: Optional[str] = None,
    *,
    all: bool = False,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> List[dict]:
    """Codes events: one dict per event, exactly what ``parley code`` prints
    (``parley code --all`` with ``all=True``: negated, hypothetical,
    conditional and questioned events too).

    >>> events = code(["Russia rejected Ukraine's invitation to a peace summit on Thursday."],
    ...               date="2024-07-11")
    >>> [(e["event"], e["actor"]["code"], e["recipient"]["code"], e["date"]) for e in events]
    [('REJECT', 'RUS', 'UKR', '2024-07-11')]
    """
    result = run(texts_or_records, "events", date, all=all, threads=threads)
    _report(result.failures, errors)
    return result.records


def actors(
    texts_or_records: Records,
    date: Optional[str] = None,
    *,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> List[dict]:
    """Actor mentions, one dict each, as ``parley actors`` prints them."""
    result = run(texts_or_records, "actors", date, threads=threads)
    _report(result.failures, errors)
    return result.records


def sentences(
    texts_or_records: Records,
    date: Optional[str] = None,
    *,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> List[dict]:
    """Sentences with document id, index, byte span, block kind and text,
    as ``parley sentences --json`` prints them (page furniture left out)."""
    result = run(texts_or_records, "sentences", date, threads=threads)
    _report(result.failures, errors)
    return result.records


def parse(
    texts_or_records: Records,
    date: Optional[str] = None,
    *,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> List[str]:
    """Tags and parses: one CoNLL-U string per document that worked, as
    ``parley parse`` prints it."""
    result = run(texts_or_records, "parse", date, threads=threads)
    _report(result.failures, errors)
    return result.records


from ._frame import EVENT_COLUMNS, code_frame, events_frame  # noqa: E402
from ._store import Store  # noqa: E402
