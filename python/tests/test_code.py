"""parley.code and friends against the CLI, on the shipped examples."""

import json
import threading
import time

import pytest

import parley
from conftest import EXAMPLES, cli_lines

SUMMIT = "Russia rejected Ukraine's invitation to a peace summit on Thursday."


def test_the_readme_example_codes_one_reject_event():
    events = parley.code([SUMMIT], date="2024-07-11")
    assert len(events) == 1
    event = events[0]
    assert event["event"] == "REJECT"
    assert event["actor"]["code"] == "RUS"
    assert event["recipient"]["code"] == "UKR"
    assert event["date"] == "2024-07-11"
    # Spans index the text as the CLI's do.
    start, end = event["trigger"]["span"]
    assert SUMMIT[start:end] == event["trigger"]["text"]


def test_events_equal_the_cli_on_jsonl_records(wire_records):
    ours = parley.code(wire_records)
    theirs = cli_lines("code", EXAMPLES / "wire-briefs.jsonl")
    assert ours == theirs
    assert len(ours) >= 3


def test_all_modalities_equal_cli_all(wire_records):
    assert parley.code(wire_records, all=True) == cli_lines(
        "code", "--all", EXAMPLES / "wire-briefs.jsonl"
    )


def test_text_documents_equal_the_cli_on_files(text_records):
    ours = parley.code(text_records)
    theirs = cli_lines("code", *sorted(EXAMPLES.glob("*.txt")))
    assert ours == theirs
    assert {e["doc_id"] for e in ours} <= {r["id"] for r in text_records}


def test_html_records_are_read_as_the_cli_reads_them():
    path = EXAMPLES / "protest-tbilisi.html"
    record = {"id": path.stem, "html": path.read_text(encoding="utf-8")}
    assert parley.code([record]) == cli_lines("code", path)


def test_sentences_actors_parse_mirror_the_cli(wire_records):
    stdin = "".join(json.dumps(r) + "\n" for r in wire_records)
    assert parley.sentences(wire_records) == cli_lines("sentences", "--json", stdin=stdin)
    assert parley.actors(wire_records) == cli_lines("actors", stdin=stdin)
    conllu = parley.parse(wire_records)
    assert len(conllu) == len(wire_records)
    assert all("\t" in doc for doc in conllu)


def test_threads_do_not_change_the_result(text_records, wire_records):
    records = text_records + wire_records
    assert parley.code(records, threads=1) == parley.code(records, threads=2)


def test_a_bad_record_raises_naming_it_and_the_others_still_code(wire_records):
    bad = [wire_records[0], {"id": "broken", "body": "no text field"}, 42]
    with pytest.raises(parley.ParleyError) as raised:
        parley.code(bad[:2])
    message = str(raised.value)
    assert "record 1" in message and "broken" in message and "text" in message
    with pytest.raises(parley.ParleyError, match="record 2"):
        parley.code(bad)
    with pytest.warns(RuntimeWarning, match="broken"):
        events = parley.code(bad[:2], errors="warn")
    assert events == parley.code(bad[:1])
    result = parley.run(bad[:2])
    assert [(i, rid) for i, rid, _ in result.failures] == [(1, "broken")]


def test_a_bad_date_is_an_error_for_that_record():
    with pytest.raises(parley.ParleyError, match="record 0"):
        parley.code([SUMMIT], date="11 July")


def test_a_single_string_is_one_document():
    assert parley.code(SUMMIT, date="2024-07-11") == parley.code([SUMMIT], date="2024-07-11")


def test_coding_releases_the_gil():
    """While a batch codes on another thread, this thread keeps running: the
    longest pause between its steps is a fraction of the coding time."""
    docs = [SUMMIT + " " + "Ukraine's army said the talks would go on. " * 20] * 150
    done = {}

    def work():
        started = time.perf_counter()
        parley.code(docs, date="2024-07-11", threads=1)
        done["seconds"] = time.perf_counter() - started

    parley.code([SUMMIT])  # build the pipeline first: loading is not coding
    worker = threading.Thread(target=work)
    last, longest = time.perf_counter(), 0.0
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        time.sleep(0.001)
    worker.join()
    assert done["seconds"] > 0.05, "too little work to tell"
    assert longest < done["seconds"] / 2, (longest, done["seconds"])
