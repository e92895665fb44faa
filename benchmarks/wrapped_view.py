"""Hard-wrapped views of the development set: each paragraph of a view broken into lines of at most
``--width`` characters with a blank line between paragraphs, as html2text (78), ``lynx -dump``
(76), mail clients (72) and ``fold`` write text.

    python benchmarks/wrapped_view.py                        # recall and fulltext views, width 78
    python benchmarks/wrapped_view.py --views ptags --width 72

The view's lines are wrapped with ``textwrap`` (long words and hyphenated words are not broken),
so the text's words and their order are the view's: the scorer, which reads words, gives the
identity row of the unwrapped view. What changes is what the cleaner sees: a paragraph as several
short lines that end no sentence.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from devset import DEFAULT_BENCH, load_scorer, load_views

import cleaner

VIEWS = ("recall", "ptags", "fulltext")


def wrapped(text: str, width: int) -> str:
    """``text`` with each line wrapped at ``width`` and a blank line between the lines it had."""
    wrapper = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    paragraphs = [wrapper.fill(line) for line in text.split("\n") if line.strip()]
    return "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and aeb/views.jsonl")
    parser.add_argument("--views", nargs="+", default=["recall", "fulltext"], choices=VIEWS)
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("--width", type=int, default=78, help="wrap width in characters (default 78, html2text's)")
    args = parser.parse_args(argv)

    score = load_scorer(args.bench)
    records = load_views(args.bench)
    golds = [record["gold"] for record in records]
    print("| view | system | F1 | precision | recall |")
    print("|---|---|---:|---:|---:|")
    for view in args.views:
        texts = [wrapped(record["views"][view], args.width) for record in records]
        rows = [("identity (floor)", texts)]
        for profile in args.profiles:
            worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
            rows.append((f"cleaner {profile}", [worker.clean(text) for text in texts]))
        for name, outputs in rows:
            result = score.evaluate(golds, outputs)
            print(
                f"| {view}, wrapped at {args.width} | {name} | {result['f1']:.3f} | {result['precision']:.3f} "
                f"| {result['recall']:.3f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
