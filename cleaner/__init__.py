"""cleaner: strip boilerplate from scraped news text, explaining every removal.

>>> import cleaner
>>> cleaner.clean("Rain is expected across the region on Friday, the weather service said.\\nShare this:\\n")
'Rain is expected across the region on Friday, the weather service said.\\n'
"""

from .api import clean, clean_and_explain, clean_html, clean_html_and_explain
from .config import PROFILES, CleanerConfig
from .errors import (
    CleanerError,
    ConfigError,
    InputError,
    MissingDependencyError,
    RulePackError,
    TimeLimitError,
)
from .html import HtmlCleaned, MarkupRemoval
from .model import CleanedText, Evidence, Removal
from .pipeline import Cleaner
from .reassemble import apply_removals
from .rules import Rule, RulePack, available_rule_packs, load_rule_pack

__version__ = "0.1.0"

__all__ = [
    "CleanedText",
    "Cleaner",
    "CleanerConfig",
    "CleanerError",
    "ConfigError",
    "Evidence",
    "HtmlCleaned",
    "InputError",
    "MarkupRemoval",
    "MissingDependencyError",
    "PROFILES",
    "Removal",
    "Rule",
    "RulePack",
    "RulePackError",
    "TimeLimitError",
    "__version__",
    "apply_removals",
    "available_rule_packs",
    "clean",
    "clean_and_explain",
    "clean_html",
    "clean_html_and_explain",
    "load_rule_pack",
]
