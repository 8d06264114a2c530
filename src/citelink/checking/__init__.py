"""Checking citations before publication.

* :mod:`~citelink.checking.checker` — the :class:`Checker`: existence, status, where the
  law is now, ambiguity; and :func:`apply_fixes`.
* :mod:`~citelink.checking.findings` — :class:`Finding` and the checked :class:`Document`.
* :mod:`~citelink.checking.style` — the form of U.S. Code citations (Bluebook or GPO).
* :mod:`~citelink.checking.quoted` — quoted and official text, where no fix goes.
* :mod:`~citelink.checking.provisions` — the Constitution's and the Federal Rules' structure.
* :mod:`~citelink.checking.index` — what exists in the U.S. Code and the CFR (package data).
* :mod:`~citelink.checking.build_index` — rebuilding that index from the official XML.
* :mod:`~citelink.checking.links` — whether each citation's link answers (needs ``requests``).

    >>> from citelink.checking import check
    >>> [f.code for f in check("See 8 U.S.C. § 99999.")]
    ['usc/unknown-section']
"""

from citelink.checking.checker import Checker, Finding, apply_fixes, at_least, check

__all__ = ["Checker", "Finding", "apply_fixes", "at_least", "check"]
