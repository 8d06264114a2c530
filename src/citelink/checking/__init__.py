"""Checking citations before publication.

* :mod:`~citelink.checking.checker` — the :class:`Checker`: existence, status, where the
  law is now, ambiguity; and :func:`apply_fixes`.
* :mod:`~citelink.checking.findings` — :class:`Finding` and the checked :class:`Document`.
* :mod:`~citelink.checking.style` — the form of U.S. Code citations (Bluebook or GPO).
* :mod:`~citelink.checking.quoted` — quoted and official text, where no fix goes.
* :mod:`~citelink.checking.provisions` — the Constitution's and the Federal Rules' structure.
* :mod:`citelink.index` — what exists in the U.S. Code and the CFR (package data; it sits
  below the finder, which asks it too).
* :mod:`~citelink.checking.build_index` — rebuilding that index from the official XML.
* :mod:`~citelink.checking.links` — whether each citation's link answers (needs ``requests``).

    >>> from citelink.checking import check
    >>> [f.code for f in check("See 8 U.S.C. § 99999.")]
    ['usc/unknown-section']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Checker", "Finding", "apply_fixes", "at_least", "check"]


def __getattr__(name: str) -> Any:
    """The checker's names load it (and the finder) on first use, so that the index alone
    (``citelink --version``, ``citelink data``) stays cheap."""
    if name in __all__:
        from citelink.checking import checker

        return getattr(checker, name)
    raise AttributeError(f"module 'citelink.checking' has no attribute {name!r}")


if TYPE_CHECKING:
    from citelink.checking.checker import Checker, Finding, apply_fixes, at_least, check
