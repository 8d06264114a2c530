"""The bodies of law citelink knows, one module each.

To add one, write a module with a :class:`citelink.scanner.Source` subclass
(its citation type, triggers and handlers) and its link builders, and list its
``SOURCE`` here.
"""

from __future__ import annotations

from citelink.scanner import Source
from citelink.sources import (
    acts,
    cases,
    cfr,
    congress,
    constitution,
    fedreg,
    irs,
    presidential,
    publaw,
    rules,
    stat,
    state_regs,
    states,
    ucc,
    usc,
)

#: Every built-in source, in the order their "section ... of ..." qualifiers are tried
#: (and, for triggers that begin alike, their triggers).
SOURCES: tuple[Source, ...] = (
    usc.SOURCE,
    publaw.SOURCE,
    publaw.PRIVATE,
    acts.SOURCE,
    cfr.SOURCE,
    fedreg.SOURCE,
    presidential.SOURCE,
    presidential.PROCLAMATIONS,
    congress.SOURCE,
    congress.REPORTS,
    congress.CRS,
    irs.SOURCE,
    stat.SOURCE,
    constitution.SOURCE,
    rules.SOURCE,
    ucc.SOURCE,
    states.SOURCE,
    state_regs.SOURCE,
    cases.SOURCE,
)

#: The source that owns unresolved short forms ("§ 1373" with nothing before it).
DEFAULT_SHORT_FORM_SOURCE: Source = usc.SOURCE
