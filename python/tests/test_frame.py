"""code_frame: one typed row per event, the same events as code()."""

import pytest

import parley

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def articles(wire_records, text_records):
    records = wire_records + text_records
    return pd.DataFrame(
        {
            "id": [r["id"] for r in records],
            "text": [r.get("text") for r in records],
            "html": [r.get("html") for r in records],
            "date": [r.get("date") for r in records],
        }
    )


def test_one_row_per_event_with_typed_columns(articles):
    frame = parley.code_frame(articles)
    events = parley.code(articles.to_dict("records"))
    assert len(frame) == len(events) > 0
    assert list(frame.columns)[: len(parley.EVENT_COLUMNS)] == list(parley.EVENT_COLUMNS)
    assert frame["cameo"].dtype == "string"
    assert frame["actor_code"].dtype == "string"
    assert str(frame["goldstein"].dtype) == "Float64"
    assert str(frame["trigger_start"].dtype) == "Int64"
    assert frame["cameo"].iloc[0] == events[0]["cameo"]
    # Spans still index the sentence's document.
    texts = dict(zip(articles["id"], articles["text"]))
    assert frame["doc_id"].isin(articles["id"]).all()
    assert set(frame["doc_id"]) & set(articles.loc[articles["html"].notna(), "id"]), "no HTML row coded"
    for row in frame[frame["doc_id"].map(lambda d: isinstance(texts.get(d), str))].itertuples():
        doc = texts[row.doc_id].encode()
        assert doc[row.trigger_start : row.trigger_end].decode() == row.trigger_text


def test_rows_equal_the_flattened_events(articles):
    frame = parley.code_frame(articles)
    events = parley.code(articles.to_dict("records"))
    for row, event in zip(frame.to_dict("records"), events):
        assert row["doc_id"] == event["doc_id"]
        assert row["event"] == event["event"]
        assert row["sentence_start"] == event["sentence_span"][0]
        actor = event["actor"] or {}
        assert (row["actor_code"] if pd.notna(row["actor_code"]) else None) == actor.get("code")
        assert row["evidence_actor"] is pd.NA or row["evidence_actor"] == event["evidence"]["actor"]


def test_dates_may_be_timestamps_and_missing_cells_are_dropped(articles):
    frame = articles.copy()
    frame["date"] = pd.to_datetime(frame["date"])
    assert parley.code_frame(frame).equals(parley.code_frame(articles))


def test_an_empty_result_keeps_the_schema():
    frame = parley.code_frame(pd.DataFrame({"id": ["a"], "text": ["Nothing happened."]}))
    assert len(frame) == 0
    assert list(frame.columns) == list(parley.EVENT_COLUMNS)
    assert frame["cameo"].dtype == "string"


def test_a_missing_text_column_is_named():
    with pytest.raises(KeyError, match="body"):
        parley.code_frame(pd.DataFrame({"body": ["x"]}), text="body_text")
