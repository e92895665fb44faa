"""Rule packs: boilerplate vocabulary kept as data (TOML files), loaded and validated here.

Built-in packs live in ``cleaner/rules/packs/<language>/<name>.toml`` (``common`` holds the
language-neutral ones) and are addressed as ``<language>/<name>``, e.g. ``en/ads``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import RulePackError
from .schema import BUILTIN_SOURCE, CATEGORIES, MODES, Rule, RulePack, parse_pack

__all__ = [
    "CATEGORIES", "MODES", "Rule", "RulePack", "available_rule_packs", "builtin_packs", "load_rule_pack", "pack_languages",
]  # fmt: skip

_PACKS = resources.files(__package__) / "packs"


def available_rule_packs() -> list[str]:
    """Names of the built-in packs, e.g. ``['common/copyright', 'de/ads', 'en/ads', ...]``."""
    names = []
    for folder in _PACKS.iterdir():
        if folder.is_dir():
            names.extend(f"{folder.name}/{item.name[:-5]}" for item in folder.iterdir() if item.name.endswith(".toml"))
    return sorted(names)


@cache
def pack_languages() -> frozenset[str]:
    """The languages that built-in packs exist for (``common`` aside)."""
    return frozenset(folder.name for folder in _PACKS.iterdir() if folder.is_dir() and folder.name != "common")


def load_rule_pack(name_or_path: str | Path) -> RulePack:
    """Load a built-in pack by name (``en/ads``) or a user pack from a TOML file path."""
    text_name = str(name_or_path)
    if text_name in available_rule_packs():
        return _builtin(text_name)
    path = Path(name_or_path)
    if not path.is_file():
        raise RulePackError(
            text_name, "no such file and no built-in pack of that name; see cleaner.available_rule_packs()"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(text_name, f"cannot read: {exc}") from None
    return parse_pack(text, str(path))


@cache
def _builtin(name: str) -> RulePack:
    folder, stem = name.split("/")
    text = (_PACKS / folder / f"{stem}.toml").read_text(encoding="utf-8")
    return parse_pack(text, f"{BUILTIN_SOURCE}{name}.toml")


def builtin_packs(languages: frozenset[str] | None = None) -> list[RulePack]:
    """The built-in packs for ``languages`` (all when ``None``), ``common`` always included."""
    packs = []
    for name in available_rule_packs():
        folder = name.split("/")[0]
        if languages is None or folder == "common" or folder in languages:
            packs.append(_builtin(name))
    return packs
