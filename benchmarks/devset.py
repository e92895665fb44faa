"""The development set shared by the benchmark scripts: where it is, its scorer, its text views.

The default location is ``../shared/bench`` beside the repository root; every script takes
``--bench PATH`` for another copy (the folder holding ``score.py`` and ``aeb/``).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def load_scorer(bench: Path) -> ModuleType:
    """The reference scorer ``<bench>/score.py`` as a module (``evaluate``, ``tokenize`` ...)."""
    spec = importlib.util.spec_from_file_location("aeb_score", bench / "score.py")
    if spec is None or spec.loader is None or not (bench / "score.py").is_file():
        sys.exit(f"error: no scorer at {bench / 'score.py'} (pass --bench)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_views(bench: Path) -> list[dict]:
    """The records of ``<bench>/aeb/views.jsonl``: id, url, gold and the scraped-text views."""
    path = bench / "aeb" / "views.jsonl"
    if not path.is_file():
        sys.exit(f"error: no development set at {path} (pass --bench)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_NON_WORD = re.compile(r"\W+")


def normalise(text: str) -> str:
    """Lower case, runs of non-word characters as one space: how headlines are compared."""
    return _NON_WORD.sub(" ", text).strip().lower()


def page_headlines(bench: Path, page_id: str) -> set[str]:
    """A page's own headline: its ``<h1>`` texts and ``og:title`` from ``<bench>/aeb/html``,
    normalised, of 3 words or more. Needs beautifulsoup4 (in the ``bench`` extra)."""
    from bs4 import BeautifulSoup

    html = gzip.decompress((bench / "aeb" / "html" / f"{page_id}.html.gz").read_bytes())
    soup = BeautifulSoup(html.decode("utf-8", "replace"), "lxml")
    titles = [h1.get_text(" ", strip=True) for h1 in soup.find_all("h1")]
    titles += [meta.get("content", "") for meta in soup.find_all("meta", attrs={"property": "og:title"})]
    return {title for title in map(normalise, titles) if len(title.split()) >= 3}
