"""Boxes inserted between an article's paragraphs: what they cost the article, and what of them stays.

    python benchmarks/inserted_boxes.py                  # every box, both profiles
    python benchmarks/inserted_boxes.py --boxes guardian-sign-up --profiles default -v

Sites put boxes inside their articles: a newsletter sign-up box between two paragraphs, an ad
label, a box of related stories. A box near the article's end is the hard case: the paragraphs
below it weigh less than the box's lines cost the main text, and a box's label can read as the
article's end. Each English page of the development set (``<bench>/aeb/views.jsonl``, its gold
text, one paragraph per line, four lines or more) gets one box at a time, at each of the six
gaps before its last six lines, and a page's usual tail below (a topics box and its buttons).
Reported, per box and profile: the article lines that the cleaner keeps without the box and
loses with it, and the box's lines that stay. The boxes are written in the wordings of real
sites.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cleaner
from devset import DEFAULT_BENCH, load_views

BOXES = {
    # The Guardian's newsletter promotion as its pages' text carries it.
    "guardian-sign-up": [
        "Skip past newsletter promotion",
        "Sign up to Down to Earth",
        "Free weekly newsletter",
        "The planet's most important stories. Get all the week's environment news - the good, the bad and the essential",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside "
        "parties. For more information see our Privacy Policy. We use Google reCaptcha to protect our website and "
        "the Google Privacy Policy and Terms of Service apply.",
        "after newsletter promotion",
    ],
    # A sign-up form: heading, blurb, field, button, consent.
    "sign-up-form": [
        "Get our free newsletter",
        "The day's top stories, delivered to your inbox every morning.",
        "Enter your email address",
        "Sign up",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
    ],
    # A label and a pitch that no rule knows.
    "sign-up-label": ["Newsletter", "Sign up for our daily briefing"],
    "ad-label": ["Advertisement"],
    "photo-caption": ["Rescue workers search the rubble on Tuesday. Photograph: John Smith/Getty Images"],
    "embedded-post": [
        "Water levels are still rising. Please stay away from the river banks. pic.twitter.com/x1Ab2Cd3Ef",
        "— City Fire Department (@CityFireDept) November 19, 2019",
    ],
    "video-player": ["Watch: Drone footage shows the scale of the damage", "Video duration 02:15", "Now playing"],
    "most-read": [
        "Most read",
        "1. Man charged after crash on ring road",
        "2. Council cuts three bus routes",
        "3. Heatwave warning issued for the weekend",
    ],
    "related-box": [
        "Related",
        "Council approves new budget after marathon session",
        "Police appeal for witnesses after late-night crash",
    ],
}
TAIL = ["Explore more on these topics", "Politics", "World news", "Share", "Reuse this content"]
#: lines; the box goes at each gap that leaves at most this many article lines below it.
LINES_BELOW = 6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--boxes", nargs="+", default=list(BOXES), choices=list(BOXES))
    parser.add_argument("--profiles", nargs="+", default=list(cleaner.PROFILES), choices=cleaner.PROFILES)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the article lines lost, most often first")
    args = parser.parse_args(argv)

    articles = []
    detector = cleaner.Cleaner(cleaner.CleanerConfig())
    for record in load_views(args.bench):
        lines = [line for line in record["gold"].split("\n") if line.strip()]
        if len(lines) >= 4 and detector.clean_and_explain("\n".join(lines)).language == "en":
            articles.append(lines)
    print(f"{len(articles)} English articles of the development set, a box at each of their last {LINES_BELOW} gaps")
    print("| box | profile | insertions | article lines lost | box lines kept |")
    print("|---|---|---:|---:|---:|")
    for profile in args.profiles:
        worker = cleaner.Cleaner(cleaner.CleanerConfig(profile=profile))
        kept_alone = [set(worker.clean("\n".join(lines + TAIL)).split("\n")) for lines in articles]
        for name in args.boxes:
            box = BOXES[name]
            insertions = lost = article = stayed = 0
            lost_lines: Counter[str] = Counter()
            for lines, alone in zip(articles, kept_alone):
                for cut in range(max(1, len(lines) - LINES_BELOW), len(lines)):
                    kept = set(worker.clean("\n".join(lines[:cut] + box + lines[cut:] + TAIL)).split("\n"))
                    insertions += 1
                    wanted = [line for line in lines if line in alone]
                    article += len(wanted)
                    missing = [line for line in wanted if line not in kept]
                    lost += len(missing)
                    lost_lines.update(missing)
                    stayed += sum(1 for line in box if line in kept)
            print(
                f"| {name} | {profile} | {insertions} | {lost} of {article} ({lost / max(article, 1):.2%}) "
                f"| {stayed} of {insertions * len(box)} |"
            )
            if args.verbose:
                for line, count in lost_lines.most_common(20):
                    print(f"    {count:3d}  {line[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
