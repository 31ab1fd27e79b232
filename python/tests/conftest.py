"""Shared helpers: the `parley` binary the package is compared with, and
the shipped examples."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def parley_binary():
    """The CLI to compare with: $PARLEY_BIN, else target/release or target/debug.
    CI sets PARLEY_BIN, so a missing binary fails there instead of skipping."""
    named = os.environ.get("PARLEY_BIN")
    if named:
        path = pathlib.Path(named)
        if not path.is_absolute():
            path = ROOT / path
        assert path.exists(), f"PARLEY_BIN={named} does not exist"
        return path
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "parley"
        if path.exists():
            return path
    pytest.skip("no parley binary built (set PARLEY_BIN)")


def cli_lines(*args, stdin=None):
    """JSON lines the CLI prints for `parley ARGS...`."""
    done = subprocess.run(
        [str(parley_binary()), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def wire_records():
    """The records of examples/wire-briefs.jsonl as dicts."""
    path = EXAMPLES / "wire-briefs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def text_records():
    """examples/*.txt as records, with the id the CLI gives a file (its stem)."""
    return [
        {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]
