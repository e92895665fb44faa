"""Text-path speed, in-process on one core: cleaner against splitting and rejoining the same lines.

    python benchmarks/speed.py                       # corpus from ../shared/bench (recall + ptags views)
    python benchmarks/speed.py --bench PATH --repeat 5 --profile conservative --engine re

``clean`` skips the one-line reasons of the line model's removals, which ``clean_and_explain``
builds. The corpus is every page's ``recall`` and ``ptags`` view of ``<bench>/aeb/views.jsonl`` (about
4-5 KB per article), repeated ``--copies`` times. The floor is the cost of ``text.split("\\n")``
and ``"\\n".join(...)`` on the same documents in the same run. Figures are medians over
``--repeat`` runs, after one warm-up run (the warm-up builds the pattern database).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import cleaner
from devset import DEFAULT_BENCH, load_views

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--copies", type=int, default=5, help="times the corpus is repeated (default 5)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs; the median is reported")
    parser.add_argument("--profile", default="default", choices=cleaner.PROFILES)
    parser.add_argument("--engine", choices=("hyperscan", "re"), default=None)
    args = parser.parse_args(argv)

    records = load_views(args.bench)
    documents = [r["views"][view] for r in records for view in ("recall", "ptags")] * args.copies
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=args.profile, engine=args.engine))
    for document in documents[:50]:
        worker.clean(document)

    def timed(function) -> float:
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for document in documents:
                function(document)
            runs.append(time.perf_counter() - start)
        return statistics.median(runs)

    floor = timed(lambda d: "\n".join(d.split("\n")))
    clean = timed(worker.clean)
    explained = timed(worker.clean_and_explain)
    print(f"corpus: {len(documents)} documents, {megabytes:.1f} MB, {megabytes * 1e6 / len(documents):.0f} bytes each")
    print(f"engine: {worker.matcher.engine}, profile: {args.profile}")
    print("| pass | MB/s | documents/s |")
    print("|---|---:|---:|")
    print(f"| split + join (floor) | {megabytes / floor:,.0f} | {len(documents) / floor:,.0f} |")
    print(f"| cleaner, `clean` | {megabytes / clean:,.1f} | {len(documents) / clean:,.0f} |")
    print(f"| cleaner, `clean_and_explain` | {megabytes / explained:,.1f} | {len(documents) / explained:,.0f} |")
    print(f"cleaner takes {clean / floor:,.0f}x the time of split + join")
    return 0


if __name__ == "__main__":
    sys.exit(main())
