"""Shared fixtures: paths, and one default Cleaner for the whole test run."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted(p for p in (FIXTURES / "documents").iterdir() if p.is_dir())


@pytest.fixture(scope="session")
def default_cleaner() -> cleaner.Cleaner:
    return cleaner.Cleaner()


@pytest.fixture(scope="session")
def conservative_cleaner() -> cleaner.Cleaner:
    return cleaner.Cleaner(cleaner.CleanerConfig(profile="conservative"))
