"""citelink: find legal citations in text, normalize them, and link them to the law.

    >>> import citelink
    >>> [c.normalized for c in citelink.find("See 8 U.S. Code 8 and § 1373.")]
    ['8 U.S.C. § 8', '8 U.S.C. § 1373']

``import citelink`` is cheap: each name below loads its module (and compiles
its grammars) the first time it is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: The public names and the module each one lives in.
_MODULES = {
    "find": "citelink.finder",
    "Finder": "citelink.finder",
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
    "annotate": "citelink.annotation",
    "annotate_html": "citelink.annotation",
    "annotate_markdown": "citelink.annotation",
    "text_to_html": "citelink.annotation",
    "text_to_markdown": "citelink.annotation",
    "find_in_html": "citelink.annotation",
    "find_in_markdown": "citelink.annotation",
    "find_in_document": "citelink.annotation",
    "locate_html": "citelink.annotation",
    "locate_markdown": "citelink.annotation",
    "Links": "citelink.annotation",
    "Placement": "citelink.markup.placement",
}

__all__ = [
    "ActCitation",
    "CaseCitation",
    "CfrCitation",
    "Citation",
    "ConstitutionCitation",
    "FederalRegisterCitation",
    "Finder",
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
    "annotate_html",
    "annotate_markdown",
    "find",
    "find_in_document",
    "find_in_html",
    "find_in_markdown",
    "locate_html",
    "locate_markdown",
    "text_to_html",
    "text_to_markdown",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'citelink' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


if TYPE_CHECKING:
    from citelink.annotation import (
        Links,
        annotate,
        annotate_html,
        annotate_markdown,
        find_in_document,
        find_in_html,
        find_in_markdown,
        locate_html,
        locate_markdown,
        text_to_html,
        text_to_markdown,
    )
    from citelink.finder import Finder, find
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
