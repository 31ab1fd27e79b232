"""parley.Store: ingest, then read events and stories back as the CLI does."""

import pytest

import parley
from conftest import EXAMPLES, cli_lines

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, wire_records, text_records):
    path = tmp_path_factory.mktemp("store") / "parley.db"
    store = parley.Store(str(path), create=True)
    done = store.ingest(wire_records + text_records)
    assert done["failed"] == 0
    assert done["inserted"] == len(wire_records) + len(text_records)
    assert done["stories"] >= 1
    return path


def test_events_equal_the_cli_with_the_same_filters(store_path):
    store = parley.Store(str(store_path))
    for filters, args in [
        ({}, []),
        ({"actor": "RUS"}, ["--actor", "RUS"]),
        ({"type": "reject", "until": "2030-01-01"}, ["--type", "reject", "--until", "2030-01-01"]),
        ({"since": "2024-01-01", "all_modalities": True}, ["--since", "2024-01-01", "--all-modalities"]),
    ]:
        ours = store.events(limit=1000, **filters)
        theirs = cli_lines("events", "--db", store_path, "--format", "json", "--limit", "1000", *args)
        assert len(ours) == len(theirs)
        if theirs:
            pd.testing.assert_frame_equal(ours, pd.DataFrame.from_records(theirs))


def test_stories_and_counts(store_path):
    store = parley.Store(str(store_path))
    stories = store.stories()
    assert len(stories) >= 1 and "id" in stories.columns
    story = store.story(int(stories["id"].iloc[0]))
    assert story is not None
    assert store.story(10**9) is None
    counts = store.counts()
    assert counts["documents"] >= 5 and counts["stories"] == len(stories)


def test_paging_with_limit_none_reads_every_event(store_path):
    store = parley.Store(str(store_path))
    first = store.events(limit=2)
    if first.attrs["next_cursor"] is not None:
        rest = store.events(limit=1000, cursor=first.attrs["next_cursor"])
        assert len(store.events(limit=None)) == len(first) + len(rest)


def test_a_missing_store_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "nothing.db"
    with pytest.raises(parley.ParleyError, match="nothing.db"):
        parley.Store(str(missing))
    assert not missing.exists()
