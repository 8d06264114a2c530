"""The contract between the finder and the bodies of law it knows.

A :class:`Source` owns one body of law: the *triggers* that start its
citations (a short literal such as "U.S.C" or "C.F.R"), a handler per trigger
that parses the citation around it, and the hooks the finder uses for forms
that several sources share: "section 1373 of title 8" (:meth:`Source.qualify`)
and short forms such as "§ 1373" or "id. at (b)" (:meth:`Source.derive`).

Handlers receive the per-call :class:`Scan` and record what they find with
:meth:`Scan.add`; they never scan the document beyond the citation they parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from citelink.grammar import Item, Sections, split_range
from citelink.models import Citation

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
    """

    patterns: tuple[str, ...]
    handler: Handler


@dataclass
class Scan:
    """The state of one ``find`` call: the text, the options and what was found."""

    text: str
    this_title: str | None = None
    citations: list[Citation] = field(default_factory=list)
    #: The last citation found: what "id." refers to.
    last: Citation | None = None
    #: Where the last citation ended: a new one may not start before it.
    floor: int = 0
    #: What sources remember between citations of this call, by a key of their
    #: own (the jurisdiction of the last state citation, for "Penal Code § 187").
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def antecedent(self) -> Citation | None:
        """The full citation a short form such as "§ 1373" takes its title from."""
        last = self.last
        if last is not None and last.short:
            return last.antecedent
        return last

    def add(self, citation: Citation) -> None:
        """Record a citation (in text order); it becomes what a short form refers to.

        An unresolved citation becomes the antecedent too: a short form after
        "section 5 of this title" (no title given) must not take its title from
        an older citation, so it stays unresolved as well.
        """
        self.citations.append(citation)
        self.last = citation

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
    ) -> int:
        """Record one citation per item of ``sections``; return ``end``.

        The first citation's span starts at ``start`` (so it includes the
        title or section mark before the number) and the last one's ends at
        ``end`` (so it includes "of title 8" or "et seq."). The others span
        just their own number. ``container`` is what the items share, as
        :meth:`Source.container` describes it.
        """
        items = sections.items
        text = self.text
        if len(items) == 1:  # the common case, kept short
            self.add(
                source.build(
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
            )
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
            self.add(citation)
        return end


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
    #: URL builders by resolver name ("lii", "govinfo"...): the built-in resolvers.
    links: Mapping[str, Callable[[Any], str | None]] = MappingProxyType({})

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

    def item_after(self, antecedent: Citation) -> re.Pattern[str] | None:
        """The grammar of one section in a short form after ``antecedent``.

        By default :attr:`item`; a source whose bodies of law number their
        sections differently (the states' codes) answers per antecedent.
        """
        return self.item

    def split_section(self, token: str) -> tuple[str, str | None]:
        """Split a section token of :meth:`item_after`'s grammar into ``(section, range_end)``.

        By default the U.S. Code's rule (:func:`~citelink.grammar.split_range`):
        "1981-1983" is a range, "2000e-2" a section.
        """
        return split_range(token)

    def container(self, antecedent: Citation) -> object:
        """What a short form after ``antecedent`` shares with it (its title...)."""
        raise NotImplementedError(f"{type(self).__name__} has no short forms")

    def item_of(self, antecedent: Citation) -> Item:
        """The section and pin of ``antecedent``, for "Id." and "Id. at (b)"."""
        raise NotImplementedError(f"{type(self).__name__} has no short forms")
