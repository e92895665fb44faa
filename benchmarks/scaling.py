"""Time against input size: cleaning must stay linear (no catastrophic pattern, no quadratic pass).

    python benchmarks/scaling.py            # documents of 0.25 to 8 MB, seven shapes

Shapes: ``articles`` (development-set articles and their boilerplate joined into one document),
``one-line`` (one line of repeated prose, no line breaks), ``short-lines`` (many short
label and sentence lines) and ``labels`` (one paragraph, then labels that rules remove: related
and ad labels, share buttons, as a page's chrome repeats them) and ``structures`` (one paragraph,
then the headings and items of the article's own structures, over and over: pros and cons,
ingredients, an interview's questions and answers, a summary, facts), ``markdown`` (articles as
Markdown: links in the text, menu items, images and bold ad labels between the paragraphs) and
``wrapped`` (articles hard-wrapped at 78 characters). For each size it prints
seconds and microseconds per KB; the last column should stay flat as the size grows.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path

from devset import DEFAULT_BENCH, load_views

import cleaner


def shapes(bench: Path) -> dict[str, str]:
    records = load_views(bench)
    articles = "\n\n".join(r["views"]["ptags"] for r in records)
    return {
        "articles": articles,
        "one-line": "The council approved the budget after a long debate on Tuesday. " * 20_000,
        "short-lines": "\n".join(f"Share this:\nPrices rose {i % 97} percent, the office said." for i in range(20_000)),
        "labels": "The council approved the budget after a long debate on Tuesday, officials said.\n"
        + "Related stories\nAdvertisement\nShare this article\n" * 10_000,
        "structures": "The council approved the budget after a long debate on Tuesday, officials said.\n"
        + "Pros\nRemovable battery\nCons\nHeavy\nWhy did you leave?\nNo.\nIngredients\n2 eggs\n"
        "Key points:\nRates held\nReferee: Anthony Taylor\nStadium: Anfield\nAttendance: 52,000\n" * 5_000,
        "markdown": "\n\n".join(
            "* [Sport](https://example.com/sport)\n![](https://example.com/a.png)\n**Advertisement**\n"
            + line.replace(" said", " [said](https://example.com/s)")
            for r in records[:40]
            for line in r["views"]["ptags"].split("\n")
            if line.strip()
        ),
        "wrapped": "\n\n".join(textwrap.fill(line, 78) for r in records for line in r["views"]["ptags"].split("\n") if line.strip()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1, 4, 8], help="MB per document")
    args = parser.parse_args(argv)
    worker = cleaner.Cleaner()
    worker.clean("Warm up the pattern database.")
    print("| shape | MB | seconds | µs per KB |")
    print("|---|---:|---:|---:|")
    for name, unit in shapes(args.bench).items():
        for size in args.sizes:
            target = int(size * 1e6)
            text = (unit * (target // len(unit) + 1))[:target]
            start = time.perf_counter()
            worker.clean(text)
            seconds = time.perf_counter() - start
            print(f"| {name} | {size:g} | {seconds:.2f} | {seconds * 1e6 / (target / 1e3):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
