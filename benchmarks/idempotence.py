"""Idempotence on the development set: how many documents a second cleaning still changes.

    python benchmarks/idempotence.py                   # every view of every page, both profiles
    python benchmarks/idempotence.py --bench ../shared/bench --profiles default --show
    python benchmarks/idempotence.py --wrapped 78      # the views hard-wrapped at 78 characters
    python benchmarks/idempotence.py --markdown        # the pages as whole-page Markdown

Cleans each scraped-text view of ``<bench>/aeb/views.jsonl``, cleans the output again and counts
the documents whose second output differs from the first. ``--show`` lists them with what the
second cleaning removed. ``--wrapped WIDTH`` wraps the views first (see ``wrapped_view.py``);
``--markdown`` takes the Markdown view instead (see ``markdown_view.py``; needs the ``html``
extra).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from devset import DEFAULT_BENCH, load_views
from markdown_view import markdown_views
from wrapped_view import wrapped

import cleaner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with aeb/views.jsonl")
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("--show", action="store_true", help="list the documents that still change")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--wrapped", type=int, metavar="WIDTH", help="wrap the views at WIDTH characters first")
    shape.add_argument("--markdown", action="store_true", help="the pages as whole-page Markdown instead")
    args = parser.parse_args(argv)

    records = load_views(args.bench)
    if args.wrapped:
        records = [
            {**record, "views": {view: wrapped(text, args.wrapped) for view, text in record["views"].items()}}
            for record in records
        ]
    elif args.markdown:
        pages = markdown_views(args.bench)
        records = [{**record, "views": {"markdown": pages[record["id"]]}} for record in records]
    print("| profile | documents | changed by a second cleaning |")
    print("|---|---:|---:|")
    for profile in args.profiles:
        worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
        total = changed = 0
        for record in records:
            for view, text in record["views"].items():
                total += 1
                once = worker.clean(text)
                again = worker.clean_and_explain(once)
                if again.text != once:
                    changed += 1
                    if args.show:
                        removed = "; ".join(f"{r.evidence.code}: {r.text.strip()[:60]!r}" for r in again.removals)
                        print(f"  {profile} {record['id'][:12]} {view}: {removed}", file=sys.stderr)
        print(f"| {profile} | {total} | {changed} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
