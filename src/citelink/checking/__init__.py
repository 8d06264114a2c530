"""Checking citations before publication.

* :mod:`~citelink.checking.checker` — the :class:`Checker`, its findings and fixes.
* :mod:`~citelink.checking.index` — what exists in the U.S. Code and the CFR (package data).
* :mod:`~citelink.checking.build_index` — rebuilding that index from the official XML.
* :mod:`~citelink.checking.links` — whether each citation's link answers (needs ``requests``).

    >>> from citelink.checking import check
    >>> [f.code for f in check("See 8 U.S.C. § 99999.")]
    ['usc/unknown-section']
"""

from citelink.checking.checker import Checker, Finding, apply_fixes, at_least, check

__all__ = ["Checker", "Finding", "apply_fixes", "at_least", "check"]
