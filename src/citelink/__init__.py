"""citelink: find legal citations in text, normalize them, and link them to the law.

    >>> import citelink
    >>> [c.normalized for c in citelink.find("See 8 U.S. Code 8 and § 1373.")]
    ['8 U.S.C. § 8', '8 U.S.C. § 1373']

The verbs — :func:`find`, :func:`annotate`, :func:`locate`, :func:`check` —
take a document and its ``format`` (:mod:`citelink.api`), over a reusable
:class:`Finder` or :class:`Checker`. ``import citelink`` is cheap: each name
below loads its module (and compiles its grammars) the first time it is used.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: The public names and the module each one lives in.
_MODULES = {
    "find": "citelink.api",
    "annotate": "citelink.api",
    "annotate_report": "citelink.api",
    "locate": "citelink.api",
    "check": "citelink.api",
    "Finder": "citelink.finder",
    "Checker": "citelink.checking.checker",
    "Finding": "citelink.checking.checker",
    "Annotated": "citelink.annotation",
    "Citation": "citelink.models",
    "UsCodeCitation": "citelink.sources.usc",
    "CfrCitation": "citelink.sources.cfr",
    "FederalRegisterCitation": "citelink.sources.fedreg",
    "PublicLawCitation": "citelink.sources.publaw",
    "PrivateLawCitation": "citelink.sources.publaw",
    "StatutesAtLargeCitation": "citelink.sources.stat",
    "ConstitutionCitation": "citelink.sources.constitution",
    "RuleCitation": "citelink.sources.rules",
    "ActCitation": "citelink.sources.acts",
    "StateCitation": "citelink.sources.states",
    "StateRegCitation": "citelink.sources.state_regs",
    "UccCitation": "citelink.sources.ucc",
    "CaseCitation": "citelink.sources.cases",
    "Links": "citelink.annotation",
    "Placement": "citelink.markup.placement",
}

#: Names of an earlier release, kept for one more: each warns and says what replaces it.
_DEPRECATED = {
    "annotate_html": 'annotate(document, format="html")',
    "annotate_markdown": 'annotate(document, format="markdown")',
    "text_to_html": 'annotate(text, output="html")',
    "text_to_markdown": 'annotate(text, output="markdown")',
    "find_in_html": 'documents.read(document, "html").citations()',
    "find_in_markdown": 'documents.read(document, "markdown").citations()',
    "find_in_document": "find(document, format=...)",
    "locate_html": 'locate(document, format="html")',
    "locate_markdown": 'locate(document, format="markdown")',
}

__all__ = [
    "ActCitation",
    "Annotated",
    "CaseCitation",
    "CfrCitation",
    "Checker",
    "Citation",
    "ConstitutionCitation",
    "FederalRegisterCitation",
    "Finder",
    "Finding",
    "Links",
    "Placement",
    "PrivateLawCitation",
    "PublicLawCitation",
    "RuleCitation",
    "StateCitation",
    "StateRegCitation",
    "StatutesAtLargeCitation",
    "UccCitation",
    "UsCodeCitation",
    "__version__",
    "annotate",
    "annotate_report",
    "check",
    "find",
    "locate",
]


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        warnings.warn(
            f"citelink.{name} is deprecated and goes in the next release:"
            f" use citelink.{_DEPRECATED[name]}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module("citelink.annotation"), name)
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'citelink' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


if TYPE_CHECKING:
    from citelink.annotation import Annotated, Links
    from citelink.api import annotate, annotate_report, check, find, locate
    from citelink.checking.checker import Checker, Finding
    from citelink.finder import Finder
    from citelink.markup.placement import Placement
    from citelink.models import Citation
    from citelink.sources.acts import ActCitation
    from citelink.sources.cases import CaseCitation
    from citelink.sources.cfr import CfrCitation
    from citelink.sources.constitution import ConstitutionCitation
    from citelink.sources.fedreg import FederalRegisterCitation
    from citelink.sources.publaw import PrivateLawCitation, PublicLawCitation
    from citelink.sources.rules import RuleCitation
    from citelink.sources.stat import StatutesAtLargeCitation
    from citelink.sources.state_regs import StateRegCitation
    from citelink.sources.states import StateCitation
    from citelink.sources.ucc import UccCitation
    from citelink.sources.usc import UsCodeCitation
