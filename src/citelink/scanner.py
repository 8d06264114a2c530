"""The contract between the finder and the bodies of law it knows.

A :class:`Source` owns one body of law: the *triggers* that start its
citations (a short literal such as "U.S.C" or "C.F.R"), a handler per trigger
that parses the citation around it, and the hooks the finder uses for forms
that several sources share: "section 1373 of title 8" (:meth:`Source.qualify`),
"IRC § 501" (:meth:`Source.named_before`) and short forms such as "§ 1373" or
"id. at (b)" (:attr:`Source.item`, :meth:`Source.container`, :meth:`Source.item_of`,
:meth:`Source.refer_back`). A source that relies on a separate parser (case law
through eyecite) hands the finder its hits with :meth:`Source.prescan`.

Handlers receive the per-call :class:`Scan` and record what they find with
:meth:`Scan.add`; they never scan the document beyond the citation they parse.
"""

from __future__ import annotations

import functools
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from citelink.grammar import Item, Sections, paragraph_breaks, parse_sections
from citelink.models import Citation, set_unresolved_reason

#: A trigger handler: ``(scan, trigger_start, trigger_end) -> end of the citation``,
#: or ``None`` when the text at the trigger is not a citation after all.
Handler = Callable[["Scan", int, int], "int | None"]


@dataclass(frozen=True)
class Trigger:
    """Places where a citation may start, and the handler that parses it.

    Each of ``patterns`` is a regular expression without groups that begins
    with a literal character ("U", "§", "s"...). The finder merges the
    patterns of every trigger into one expression, grouped by that first
    character, which lets Python's regex engine skip quickly over text that
    cannot start a citation.

    A ``lazy`` trigger starts only short forms ("Rule 11" after "Fed. R.
    Civ. P. 12"): the finder searches for it only in a text where one of the
    same source's other triggers matched, which spares every other text a
    pass.
    """

    patterns: tuple[str, ...]
    handler: Handler
    lazy: bool = False


@dataclass
class Scan:
    """The state of one ``find`` call: the text, the options and what was found."""

    text: str
    this_title: str | None = None
    citations: list[Citation] = field(default_factory=list)
    #: The last citation found: what "id." refers to.
    last: Citation | None = None
    #: The last citation that anchors short forms (see :attr:`Citation.anchors`).
    anchor: Citation | None = None
    #: The anchor before it, of another kind: a short form numbered the way the
    #: anchor cannot be ("§ 1357(g)" after "8 C.F.R. § 287.7") may refer to it.
    previous_anchor: Citation | None = None
    #: Where the last citation ended: a new one may not start before it.
    floor: int = 0
    #: What sources remember between citations of this call, by a key of their
    #: own (the jurisdiction of the last state citation, for "Penal Code § 187").
    memo: dict[str, Any] = field(default_factory=dict)
    #: How many paragraphs back a short form may find its full citation (``None``: any).
    reach: int | None = None
    #: Paragraph breaks between each antecedent carried from an earlier chunk of a long
    #: text (by ``id()``) and the start of this text (see :meth:`paragraphs_back`).
    carried_breaks: Mapping[int, int] = field(default_factory=dict)

    @functools.cached_property
    def paragraph_breaks(self) -> list[int]:
        """Where each paragraph of the text ends (:func:`citelink.grammar.paragraph_breaks`)."""
        return paragraph_breaks(self.text)

    def paragraphs_back(self, earlier: Citation, at: int) -> int:
        """How many paragraph breaks lie between ``earlier`` (a citation of this scan, or
        one carried from an earlier chunk) and the offset ``at``."""
        breaks = self.paragraph_breaks
        before_at = bisect_right(breaks, at)
        carried = self.carried_breaks.get(id(earlier))
        if carried is not None:
            return carried + before_at
        return before_at - bisect_right(breaks, earlier.start)

    @functools.cached_property
    def backward(self) -> str:
        """The text reversed, for looking back from a position with one anchored match:
        the text before ``i`` read backwards starts at ``len(text) - i``."""
        return self.text[::-1]

    @property
    def antecedent(self) -> Citation | None:
        """The full citation a short form such as "§ 1373" takes its title from."""
        return _full(self.anchor)

    @property
    def previous_antecedent(self) -> Citation | None:
        """The full citation of :attr:`previous_anchor`."""
        return _full(self.previous_anchor)

    def add(self, citation: Citation) -> None:
        """Record a citation (in text order); it becomes what a short form refers to.

        An unresolved citation becomes the antecedent too: a short form after
        "section 5 of this title" (no title given) must not take its title from
        an older citation, so it stays unresolved as well. A citation that
        does not anchor short forms ("the Fourth Amendment") is what "Id."
        refers to, but leaves "§ 1373" to the citation before it.
        """
        self.citations.append(citation)
        self.last = citation
        if citation.anchors:
            anchor = self.anchor
            if anchor is not None and anchor.kind != citation.kind:
                self.previous_anchor = anchor
            self.anchor = citation

    def anchor_on(self, citation: Citation) -> None:
        """Make ``citation`` what later short forms refer to, without reporting it:
        "Title 49 of the United States Code" anchors "Section 106" after it."""
        anchor = self.anchor
        if anchor is not None and anchor.kind != citation.kind:
            self.previous_anchor = anchor
        self.anchor = citation

    def cite(
        self,
        source: Source,
        container: object,
        sections: Sections,
        start: int,
        end: int,
        *,
        short: bool = False,
        antecedent: Citation | None = None,
        reason: str | None = None,
    ) -> int:
        """Record one citation per item of ``sections``; return ``end``.

        The first citation's span starts at ``start`` (so it includes the
        title or section mark before the number) and the last one's ends at
        ``end`` (so it includes "of title 8" or "et seq."). The others span
        just their own number. ``container`` is what the items share, as
        :meth:`Source.container` describes it. ``reason`` says why an
        unresolved short form is unresolved (:data:`citelink.models.UNRESOLVED_REASONS`).
        """
        items = sections.items
        text = self.text
        if len(items) == 1:  # the common case, kept short
            citation = source.build(
                container,
                items[0],
                text[start:end],
                start,
                end,
                None,
                sections.et_seq,
                sections.note,
                short,
                antecedent,
            )
            if reason is not None:
                set_unresolved_reason(citation, reason)
            self.add(citation)
            return end
        group = (start, end)
        last = len(items) - 1
        for i, item in enumerate(items):
            s = start if i == 0 else item.start
            e = end if i == last else item.end
            et_seq = sections.et_seq and i == last
            citation = source.build(
                container, item, text[s:e], s, e, group, et_seq, False, short, antecedent
            )
            if reason is not None:
                set_unresolved_reason(citation, reason)
            self.add(citation)
        return end


def _full(citation: Citation | None) -> Citation | None:
    """The full citation a short form refers to (a full citation itself)."""
    if citation is not None and citation.short:
        return citation.antecedent
    return citation


class Source:
    """One body of law. Subclasses set ``kind`` and ``triggers`` and override the hooks.

    A citation of a source is a *container* (what the sections of a list
    share: a title of the U.S. Code, a state's code...) plus an :class:`Item`
    (a section and its pin). :meth:`build` makes one from the two; short
    forms take the container of their antecedent (:meth:`container`).
    """

    kind: str = ""
    triggers: Sequence[Trigger] = ()
    #: The grammar of one section in this source's short forms, with named
    #: groups ``section`` and ``pins``; ``None`` if it has no short forms.
    item: re.Pattern[str] | None = None
    #: Where :meth:`named_before` may claim a mark: a regular expression without
    #: capturing groups that matches the text before the mark read backwards from it
    #: (:attr:`Scan.backward`; "IRC § 501" is tried on "CRI "). The finder joins these
    #: and asks the sources only at marks where one matches; ``None``: at every mark.
    before_mark: str | None = None
    #: Whether :meth:`named_before` and :meth:`qualify` see every section mark. A
    #: source numbered like the U.S. Code always does; one with its own numbering
    #: (:attr:`item`) sees only the numbers the Code's grammar refuses ("§ 287.7"),
    #: unless it sets this (a state's "Cal. Penal Code § 187" is numbered like the Code).
    every_mark: bool = False
    #: URL builders by resolver name ("lii", "govinfo"...): the built-in resolvers.
    links: Mapping[str, Callable[[Any], str | None]] = MappingProxyType({})

    def __reduce_ex__(self, protocol: Any) -> str | tuple[Any, ...]:
        """A source made when its module is imported (``SOURCE``) pickles as a reference
        to it: another process uses its own copy."""
        module = sys.modules.get(type(self).__module__)
        for name, value in vars(module).items() if module is not None else ():
            if value is self:
                return name
        return super().__reduce_ex__(protocol)

    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        """Claim a section list whose code is named just before its mark.

        "IRC § 501(c)(3)", "Cal. Penal Code § 187", "Treas. Reg. § 1.41-2": the
        mark starts at ``start``; a source whose name for the code ends there
        (look back at most a few dozen characters, and never before
        ``scan.floor``) records the citations and returns where they end.
        ``sections`` was parsed with the U.S. Code's grammar or, where that
        refuses the number ("776.012", "14:30"), with a lenient one that takes
        any run of digits, letters, dots, colons, slashes and dashes; a source
        with a grammar of its own parses the number again. Sources that never
        claim this leave it alone: the finder only asks those that override it.
        """
        return None

    def sections(
        self, text: str, at: int, plural: bool, antecedent: Citation | None = None
    ) -> Sections | None:
        """Parse a section or a list of sections in this source's numbering at ``at``.

        The finder calls it for short forms ("§ 8365.2–3(f)" after a C.F.R.
        citation; ``antecedent`` is then the citation it refers back to) and
        for section numbers the U.S. Code never uses. The default matches
        :attr:`item`; a source whose numbers contain dashes that are not
        ranges, or whose numbering depends on the code cited (the states'),
        overrides it.
        """
        if self.item is None:
            return None
        first = self.item.match(text, at)
        return parse_sections(text, first, self.item, plural) if first is not None else None

    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        """Claim "section 1373 of title 8"-style text.

        ``sections`` was parsed at a section mark starting at ``start``; if the
        words after it (at ``sections.end``) name this source, record the
        citations and return where they end.
        """
        return None

    def build(
        self,
        container: object,
        item: Item,
        text: str,
        start: int,
        end: int,
        group: tuple[int, int] | None,
        et_seq: bool,
        note: bool,
        short: bool,
        antecedent: Citation | None,
        /,
    ) -> Citation:
        """Make the citation of ``item`` in ``container`` (``None``: unresolved).

        The other arguments are the :class:`~citelink.models.Citation` fields
        of the same names, and the ``et_seq`` and ``note`` flags. They are
        positional because the finder calls this once per citation.
        """
        raise NotImplementedError(f"{type(self).__name__} has no section citations")

    def container(self, antecedent: Citation) -> object:
        """What a short form after ``antecedent`` shares with it (its title...)."""
        raise NotImplementedError(f"{type(self).__name__} has no short forms")

    def item_of(self, antecedent: Citation) -> Item:
        """The section and pin of ``antecedent``, for "Id." and "Id. at (b)".

        The default reads the citation's ``section`` (``None`` for a whole law or part:
        an empty section) and ``pin``; a source whose citations name their sections
        otherwise overrides it.
        """
        if not hasattr(antecedent, "section"):
            raise NotImplementedError(f"{type(self).__name__} has no short forms")
        section: str | None = getattr(antecedent, "section", None)
        pin: tuple[str, ...] = getattr(antecedent, "pin", ())
        return Item(section or "", pin, antecedent.start, antecedent.end)

    def continues(self, antecedent: Citation, sections: Sections) -> bool:
        """Whether a bare section mark ("§ 237(c)") may be a short form of ``antecedent``.

        True by default. A source that knows its sections (the INA's table)
        says False for one it does not have ("§ 1153" after "INA § 203"): the
        finder then reports the mark unresolved rather than guess.
        """
        return True

    def antecedent_of(
        self, scan: Scan, antecedent: Citation, sections: Sections
    ) -> tuple[Citation, bool]:
        """The full citation a short form of this source's own numbering refers to, and
        whether its number names that citation (then no reach limits it).

        ``antecedent`` is the latest anchor; a source whose numbers tell which of its
        earlier citations is meant (a C.F.R. section names its part: "§ 679.42" after "50
        CFR part 679") may return that one. The default returns ``(antecedent, False)``.
        """
        return antecedent, False

    def refer_back(self, scan: Scan, start: int) -> int | None:
        """Claim the "Id." at ``start`` when ``scan.last`` is a citation of this source.

        For sources whose "Id." forms are not a section and pin ("Id. at cl.
        2" after the Constitution, "Id. at (b)(1)" after a rule). Sources that
        leave it alone get the finder's shared handling through :attr:`item`.
        """
        return None

    def prescan(self, scan: Scan) -> Iterable[tuple[int, int, Handler]]:
        """Trigger hits that a separate parser found, as ``(start, end, handler)``.

        Only sources that rely on another library (case law through eyecite)
        override this; the finder calls them when the caller asks for them
        (``find(text, cases=True)``) and merges their hits with its own, in
        text order.
        """
        return ()
