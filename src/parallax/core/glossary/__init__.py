"""Glossaries: the term model, the glossary file, safe storage and matching in both languages.

Public API::

    Term, new_term, STATUSES                       # term.py
    Glossary, GlossaryStore, GlossaryPlaces        # store.py, places.py
    GlossaryInfo, glossary_infos                  # listing.py
    GlossaryError, GlossaryConflictError, RowProblem
    glossary_dir, validate_name, starter_path      # dirs.py
    Matcher, Match, check_pair, PairCheck          # matcher.py, check.py
"""

from parallax.core.glossary.check import PairCheck, check_pair
from parallax.core.glossary.dirs import (
    DEFAULT_WRITABLE,
    GlossaryNameError,
    glossary_dir,
    starter_path,
    validate_name,
    writable_glossary_name,
)
from parallax.core.glossary.editing import GlossaryConflictError, GlossaryError
from parallax.core.glossary.fileformat import RowProblem
from parallax.core.glossary.listing import GlossaryInfo, glossary_infos
from parallax.core.glossary.matcher import Match, Matcher
from parallax.core.glossary.places import GlossaryPlaces
from parallax.core.glossary.store import Glossary, GlossaryStore
from parallax.core.glossary.term import STATUSES, Term, TermError, new_term

__all__ = [
    "DEFAULT_WRITABLE",
    "STATUSES",
    "Glossary",
    "GlossaryConflictError",
    "GlossaryError",
    "GlossaryInfo",
    "GlossaryNameError",
    "GlossaryPlaces",
    "GlossaryStore",
    "Match",
    "Matcher",
    "PairCheck",
    "RowProblem",
    "Term",
    "TermError",
    "check_pair",
    "glossary_infos",
    "glossary_dir",
    "new_term",
    "starter_path",
    "validate_name",
    "writable_glossary_name",
]
