#!/usr/bin/env python3
"""code_frame against `parley code` on the same corpus and machine.

    python python/bench/bench_frame.py --docs 10000 --threads 2 --runs 3

Builds the corpus with make_corpus.py if it is missing, then alternates
runs of `parley code --threads N corpus.jsonl > /dev/null` (wall time of
the whole process: reading, model loading, coding, printing JSON) and
`parley.code_frame(df, threads=N)` in this process (coding and building
the DataFrame; the frame of articles is read before the clock starts, the
pipeline is built by a warm-up call), and prints the best and the median
of each and their ratio. Alternating keeps a busy machine's noise from
falling on one side only.
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time

import pandas as pd

import parley

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parley", default=str(ROOT / "target" / "release" / "parley"))
    args = parser.parse_args()

    corpus = ROOT / "target" / "bench" / f"corpus-{args.docs}.jsonl"
    if not corpus.exists():
        subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("make_corpus.py")),
                        str(args.docs), str(corpus)], check=True)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    frame = pd.DataFrame.from_records(records)
    megabytes = corpus.stat().st_size / 1e6
    parley.code(["Warm-up."])  # builds the pipeline once, as a long-lived process would

    cli, py, events = [], [], None
    for run in range(args.runs):
        started = time.perf_counter()
        done = subprocess.run([args.parley, "code", "--threads", str(args.threads), str(corpus)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cli.append(time.perf_counter() - started)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        started = time.perf_counter()
        result = parley.code_frame(frame, threads=args.threads)
        py.append(time.perf_counter() - started)
        events = len(result)
        print(f"run {run + 1}: parley code {cli[-1]:.2f}s, code_frame {py[-1]:.2f}s "
              f"({done.stderr.strip().splitlines()[-1]})", file=sys.stderr)

    print(f"corpus: {args.docs} documents, {megabytes:.1f} MB, {events} events; threads {args.threads}")
    print(f"parley code: best {min(cli):.2f}s, median {statistics.median(cli):.2f}s "
          f"({args.docs / min(cli):.0f} docs/s)")
    print(f"code_frame:  best {min(py):.2f}s, median {statistics.median(py):.2f}s "
          f"({args.docs / min(py):.0f} docs/s)")
    print(f"ratio code_frame / parley code: best {min(py) / min(cli):.2f}, "
          f"median {statistics.median(py) / statistics.median(cli):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
