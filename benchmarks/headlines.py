"""How often cleaner keeps a page's own headline, on the scraped-text views of the development set.

    python benchmarks/headlines.py                          # fulltext and ptags views, both profiles
    python benchmarks/headlines.py --views recall --bench ../shared/bench

The development set's gold text leaves the headline out, so the quality figures cannot show whether
it stays. Here a page's headline is its ``<h1>`` or its ``og:title`` (from ``<bench>/aeb/html``,
compared in lower case with runs of non-word characters as one space, 3 words or more); a page
counts when a line of the view is its headline, and the headline is kept when cleaning removes no
part of the first such line. Needs beautifulsoup4 (in the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cleaner
from devset import DEFAULT_BENCH, load_views, normalise, page_headlines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--views", nargs="+", default=["fulltext", "ptags"], choices=("recall", "ptags", "fulltext"))
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    args = parser.parse_args(argv)

    records = load_views(args.bench)
    titles = {record["id"]: page_headlines(args.bench, record["id"]) for record in records}
    print("| view | profile | pages with the headline in the text | headline kept |")
    print("|---|---|---:|---:|")
    for view in args.views:
        for profile in args.profiles:
            worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
            found = kept = 0
            for record in records:
                text = record["views"][view]
                offset = 0
                for line in text.split("\n"):
                    if normalise(line) in titles[record["id"]]:
                        break
                    offset += len(line) + 1
                else:
                    continue
                found += 1
                removals = worker.clean_and_explain(text).removals
                kept += not any(r.start <= offset < r.end or offset <= r.start < offset + len(line) for r in removals)
            share = f" ({kept / found:.0%})" if found else ""
            print(f"| {view} | {profile} | {found} | {kept}{share} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
