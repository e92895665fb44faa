"""Shared fixtures: paths, and one default Cleaner for the whole test run."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

FIXTURES = Path(__file__).parent / "fixtures"
#: A small user rule pack (one rule), shared by the tests of packs and of the API.
HOUSE_PACK = """
[pack]
id = "house"
language = "en"
description = "house rules"

[[rule]]
id = "house.promo.podcast"
category = "newsletter"
mode = "line"
phrases = ["listen to our podcast"]
reason = "podcast promo"
remove = ["Listen to our podcast!"]
keep = ["The minister said she would listen to our podcast critics."]
"""

DOCUMENTS = sorted(p for p in (FIXTURES / "documents").iterdir() if p.is_dir())


@pytest.fixture(scope="session")
def default_cleaner() -> cleaner.Cleaner:
    return cleaner.Cleaner()


@pytest.fixture(scope="session")
def conservative_cleaner() -> cleaner.Cleaner:
    return cleaner.Cleaner(cleaner.CleanerConfig(profile="conservative"))
