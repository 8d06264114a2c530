"""citelink: find legal citations in text, normalize them, and link them to the law.

>>> import citelink
>>> [c.normalized for c in citelink.find("See 8 U.S. Code 8 and § 1373.")]
['8 U.S.C. § 8', '8 U.S.C. § 1373']
"""

from citelink.annotate import (
    Links,
    Placement,
    annotate,
    annotate_html,
    annotate_markdown,
    find_in_html,
    find_in_markdown,
    locate_html,
    locate_markdown,
    text_to_html,
    text_to_markdown,
)
from citelink.find import Finder, find
from citelink.models import Citation
from citelink.sources.acts import ActCitation
from citelink.sources.cases import CaseCitation
from citelink.sources.cfr import CfrCitation
from citelink.sources.constitution import ConstitutionCitation
from citelink.sources.fedreg import FederalRegisterCitation
from citelink.sources.publaw import PrivateLawCitation, PublicLawCitation
from citelink.sources.rules import RuleCitation
from citelink.sources.stat import StatutesAtLargeCitation
from citelink.sources.usc import UsCodeCitation

__version__ = "0.1.0"

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
    "StatutesAtLargeCitation",
    "UsCodeCitation",
    "__version__",
    "annotate",
    "annotate_html",
    "annotate_markdown",
    "find",
    "find_in_html",
    "find_in_markdown",
    "locate_html",
    "locate_markdown",
    "text_to_html",
    "text_to_markdown",
]
