"""The development set shared by the benchmark scripts: where it is, its scorer, its text views.

The default location is ``../shared/bench`` beside the repository root; every script takes
``--bench PATH`` for another copy (the folder holding ``score.py`` and ``aeb/``).
"""

from __future__ import annotations

import importlib.util
import json
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
