"""A parley store (SQLite file or PostgreSQL URL) read into DataFrames."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    import pandas


def _frame(rows: List[Dict[str, Any]]) -> "pandas.DataFrame":
    import pandas as pd

    return pd.DataFrame.from_records(rows) if rows else pd.DataFrame()


class Store:
    """A store written by ``parley ingest`` (or :meth:`ingest`): a SQLite
    file, or a ``postgres://`` URL. A path that does not exist is an error
    unless ``create=True``.

    >>> store = Store("parley.db")                                  # doctest: +SKIP
    >>> store.events(actor="RUS", type="REJECT", since="2024-07-01")  # doctest: +SKIP
    """

    def __init__(self, path_or_url: str, *, create: bool = False) -> None:
        self.target = str(path_or_url)
        self._native = _native.NativeStore(self.target, create=create)

    def __repr__(self) -> str:
        return f"parley.Store({self.target!r})"

    def events(
        self,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        story: Optional[int] = None,
        modality: Optional[str] = None,
        all_modalities: bool = False,
        limit: Optional[int] = 100,
        cursor: Optional[str] = None,
    ) -> "pandas.DataFrame":
        """Merged events with the filters of ``parley events``: actor and
        recipient code prefixes, PLOVER type, date range, story, modality
        (``asserted`` by default; ``all_modalities=True`` for every one).
        ``limit=None`` reads every page. The frame's ``attrs["next_cursor"]``
        continues after a limited page."""
        if all_modalities:
            modality = "any"
        rows: List[Dict[str, Any]] = []
        page_size = 10_000 if limit is None else limit
        while True:
            page, cursor = self._native.events(
                actor=actor,
                recipient=recipient,
                event_type=type,
                since=since,
                until=until,
                story=story,
                modality=modality,
                cursor=cursor,
                limit=page_size,
            )
            rows.extend(page)
            if limit is not None or cursor is None:
                break
        frame = _frame(rows)
        frame.attrs["next_cursor"] = cursor
        return frame

    def stories(self) -> "pandas.DataFrame":
        """Every story, one row each."""
        return _frame(self._native.stories())

    def story(self, id: int) -> Optional[Dict[str, Any]]:
        """One story in full (timeline, actors, quotes, outlets) as a dict, or None."""
        return self._native.story(id)

    def quotes(self, speaker: Optional[str] = None) -> "pandas.DataFrame":
        """Quotes, of one speaker (actor code or name) when given."""
        return _frame(self._native.quotes(speaker))

    def counts(self) -> Dict[str, int]:
        """How many documents, sentences, mentions, reports, events, stories, quotes."""
        return self._native.counts()

    def ingest(
        self,
        texts_or_records: Any,
        date: Optional[str] = None,
        *,
        threads: Optional[int] = None,
        errors: str = "raise",
        rebuild: bool = False,
    ) -> Dict[str, Any]:
        """Codes and stores records as ``parley ingest`` does: each document
        is merged into the events it reports and placed in a story as it is
        stored (``rebuild=True`` regroups the whole store afterwards, as
        ``parley rebuild`` does). Returns counts of what it did and the coded
        events (``"events"``, as :func:`parley.code` returns them)."""
        from . import _failures, _report, to_records

        lines, ids = to_records(texts_or_records, date)
        outcomes, events, _indices, failed = self._native.ingest(lines, threads=threads)
        failures = _failures(failed, ids)
        _report(failures, errors)
        if rebuild:
            self._native.rebuild_stories()
        stories = self._native.counts()["stories"]
        inserted = [o for _, o in outcomes if o.get("outcome") == "inserted"]
        return {
            "inserted": len(inserted),
            "unchanged": len(outcomes) - len(inserted),
            "failed": len(failures),
            "reports": sum(o.get("events", 0) for o in inserted),
            "stories": stories,
            "events": events,
            "failures": failures,
        }

    def rebuild_stories(self) -> int:
        """Merges events and groups stories again from scratch (``parley
        rebuild``): the same result as storing the documents one by one."""
        return self._native.rebuild_stories()
