"""Quality on the development set: cleaner on the scraped-text views of AEB, scored with its metric.

    python benchmarks/quality.py                       # all views, all profiles
    python benchmarks/quality.py --bench ../shared/bench --views recall ptags --profiles default

Reads ``<bench>/aeb/views.jsonl`` and scores with ``<bench>/score.py`` (the reference scorer).
Prints a markdown table: identity (the view passed through unchanged) and each profile.

The gold text leaves the page's headline out, and cleaner keeps it on purpose (a precision cost
the project accepts). ``--without-headline`` adds, per profile, a row scored with the lines of the
output that are the page's own headline (its ``<h1>`` or ``og:title``, see ``headlines.py``) left
out, which shows that cost apart from the rest; it needs beautifulsoup4 (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cleaner
from devset import DEFAULT_BENCH, load_scorer, load_views, normalise, page_headlines

VIEWS = ("recall", "ptags", "fulltext")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and aeb/views.jsonl")
    parser.add_argument("--views", nargs="+", default=list(VIEWS), choices=VIEWS)
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("--dump", type=Path, help="write {profile: {view: {id: text}}} here for inspection")
    parser.add_argument(
        "--without-headline", action="store_true", help="add rows scored without the page's own headline line"
    )
    args = parser.parse_args(argv)

    score = load_scorer(args.bench)
    records = load_views(args.bench)
    golds = [record["gold"] for record in records]
    dump: dict = {}
    print("| view | system | F1 | precision | recall |")
    print("|---|---|---:|---:|---:|")
    for view in args.views:
        texts = [record["views"][view] for record in records]
        rows = [("identity (floor)", texts)]
        for profile in args.profiles:
            worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
            outputs = [worker.clean(text) for text in texts]
            rows.append((f"cleaner {profile}", outputs))
            if args.without_headline:
                rows.append((f"cleaner {profile}, headline left out", without_headline(args.bench, records, outputs)))
            dump.setdefault(profile, {})[view] = {r["id"]: o for r, o in zip(records, outputs)}
        for name, outputs in rows:
            result = score.evaluate(golds, outputs)
            print(f"| {view} | {name} | {result['f1']:.3f} | {result['precision']:.3f} | {result['recall']:.3f} |")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return 0


_HEADLINES: dict[str, set[str]] = {}


def without_headline(bench: Path, records: list[dict], outputs: list[str]) -> list[str]:
    """The outputs without their lines that are the page's own headline."""
    result = []
    for record, output in zip(records, outputs):
        if record["id"] not in _HEADLINES:
            _HEADLINES[record["id"]] = page_headlines(bench, record["id"])
        titles = _HEADLINES[record["id"]]
        result.append("\n".join(line for line in output.split("\n") if normalise(line) not in titles))
    return result


if __name__ == "__main__":
    sys.exit(main())
