"""Start-up: what a new process pays before its first cleaned document, on a cold and a warm cache.

    python benchmarks/startup.py                 # three runs of each case, medians
    python benchmarks/startup.py --repeat 5

Each case is a new Python process (``python -c``) that imports cleaner and cleans one document;
the time is the whole process's wall time, the memory its peak RSS. "cold" gives the process an
empty folder as its pattern cache (``CLEANER_CACHE_DIR``), as on a machine where cleaner never
ran: it compiles the Hyperscan automata it needs; "warm" runs again with the cache that run left.

Cases: ``english`` (the seed article: the automata of the English and common rules),
``unknown`` (a text in no language the packs know: every rule's automata), ``all languages``
(one short text in each language that has a pack, then one of unknown language: every automaton
a multilingual corpus needs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "cli" / "seed-article.txt"

CASES = {
    "english": "cleaner.clean(open(sys.argv[1], encoding='utf-8').read())",
    "unknown": "cleaner.clean('Lorem ipsum dolor sit amet, consectetur adipiscing elit.')",
    "all languages": (
        "from cleaner.rules import pack_languages\n"
        "for language in sorted(pack_languages()):\n"
        "    cleaner.clean('Lorem ipsum dolor sit amet.', cleaner.CleanerConfig(languages=(language,)))\n"
        "cleaner.clean('Lorem ipsum dolor sit amet, consectetur adipiscing elit.')"
    ),
}

PROGRAM = """
import resource, sys, time
start = time.perf_counter()
import cleaner
{body}
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(body: str, cache: Path) -> tuple[float, float]:
    """Seconds from the import to the end, and peak RSS in MiB, of one new process."""
    environment = {**os.environ, "CLEANER_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM.format(body=body), str(SEED)],
        capture_output=True, text=True, check=True, env=environment,
    )  # fmt: skip
    seconds, kilobytes = done.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; the medians are reported")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    rows = []
    for name, body in CASES.items():
        cold, warm = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder:
                cold.append(run(body, Path(folder)))
                warm.append(run(body, Path(folder)))
        rows.append(
            {
                "case": name,
                "cold_s": statistics.median(s for s, _ in cold),
                "warm_s": statistics.median(s for s, _ in warm),
                "cold_rss_mib": statistics.median(m for _, m in cold),
                "warm_rss_mib": statistics.median(m for _, m in warm),
            }
        )
    print("| case | cold cache (s) | warm cache (s) | peak RSS cold / warm (MiB) |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['case']} | {row['cold_s']:.2f} | {row['warm_s']:.2f} "
            f"| {row['cold_rss_mib']:.0f} / {row['warm_rss_mib']:.0f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
