"""cleaner on documents written to the layouts of real news sites, line by line against their expected text.

    python benchmarks/layouts.py                      # every set, both profiles
    python benchmarks/layouts.py --sets held-out -v   # and list the lines that went wrong

``benchmarks/layouts/<set>/<name>.txt`` is a document as a scraper delivers it (navigation, bylines,
share buttons, ads, teasers, sign-up boxes, comment chrome around the article, in seven languages),
``<name>.expected.txt`` the same document as a perfect cleaner returns it: the article's lines,
headline and standfirst included. The documents are written, not scraped: they follow the layouts
and the wordings of real sites (see ``benchmarks/layouts/README.md``). Lines are compared as
multisets of stripped non-blank lines: an article line lost is a line of the expected text missing
from the output; a boilerplate line kept is an output line the expected text lacks; the headline
is lost when the expected text's first line is missing from the output.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cleaner

LAYOUTS = Path(__file__).resolve().parent / "layouts"


def lines_of(text: str) -> Counter:
    return Counter(line.strip() for line in text.split("\n") if line.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=LAYOUTS, help="folder of sets (default: benchmarks/layouts)")
    parser.add_argument("--sets", nargs="+", help="sets to run (default: every folder under --root)")
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the lines lost and kept")
    args = parser.parse_args(argv)

    sets = args.sets or sorted(path.name for path in args.root.iterdir() if path.is_dir())
    print("| set | documents | profile | article lines lost | boilerplate lines kept | headlines lost |")
    print("|---|---:|---|---:|---:|---:|")
    for name in sets:
        expected_files = sorted((args.root / name).glob("*.expected.txt"))
        if not expected_files:
            sys.exit(f"error: no *.expected.txt in {args.root / name}")
        for profile in args.profiles:
            worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
            article = boilerplate = lost = kept = headlines = 0
            for expected_file in expected_files:
                source = expected_file.with_name(expected_file.name.replace(".expected.txt", ".txt"))
                document = source.read_text(encoding="utf-8")
                expected = expected_file.read_text(encoding="utf-8")
                wanted, got, given = lines_of(expected), lines_of(worker.clean(document)), lines_of(document)
                missing, extra = wanted - got, got - wanted
                article += sum(wanted.values())
                boilerplate += sum((given - wanted).values())
                lost += sum(missing.values())
                kept += sum(extra.values())
                first = next(line.strip() for line in expected.split("\n") if line.strip())
                headlines += first not in got
                if args.verbose:
                    for line in missing:
                        print(f"  lost  {profile:12s} {source.name}: {line[:100]}")
                    for line in extra:
                        print(f"  kept  {profile:12s} {source.name}: {line[:100]}")
            print(
                f"| {name} | {len(expected_files)} | {profile} | {lost} of {article} | {kept} of {boilerplate} "
                f"| {headlines} of {len(expected_files)} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
