"""Case law, found by eyecite in the same pass: "Riverside v. Rivera, 477 U.S. 561, 570 (1986)".

Case citations come from `eyecite <https://github.com/freelawproject/eyecite>`_ (the
Free Law Project's citation finder, with the reporters database behind it), which is
an optional extra (``pip install 'citelink[cases]'``) imported only when a caller asks
for case law (``find(text, cases=True)``): it reads about 0.15 MB/s, a hundred times
slower than citelink's statute finder. Its hits are merged with the statutes' in text
order, so that:

* full citations (``477 U.S. 561``), short forms (``477 U.S. at 574``), ``supra`` and
  ``Id.`` come back in one list with the statutes;
* a short form or ``supra`` refers to the full citation eyecite resolves it to, and an
  ``Id.`` to the citation right before it: a case's ``Id. at 2`` is never taken for a
  statute's, nor a statute's ``Id.`` for a case's;
* a case citation ends a chain of statutory short forms: a bare ``§ 778a`` after it
  does not take the title of an earlier statute.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from citelink.models import Citation, fast_init
from citelink.scanner import Handler, Scan, Source

#: The kinds of citation a case citation can be.
FORMS = ("full", "short", "supra", "reference", "id")


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CaseCitation(Citation):
    """A citation of a court decision.

    ``form`` is one of :data:`FORMS`. ``volume``, ``reporter`` (eyecite's
    canonical abbreviation: "U.S.", "F. Supp. 2d") and ``page`` name the
    decision: a short form, ``supra`` or ``Id.`` takes them from its
    ``antecedent`` and is unresolved (``page`` is ``None``) without one.
    ``pin_cite`` is the pinpoint as written ("570", "574-78");
    ``plaintiff``, ``defendant``, ``year`` and ``court`` (CourtListener's
    court id, e.g. "scotus") are what eyecite read around a full citation.
    """

    kind = "case"

    form: str = "full"
    volume: str | None = None
    reporter: str | None = None
    page: str | None = None
    pin_cite: str | None = None
    plaintiff: str | None = None
    defendant: str | None = None
    year: str | None = None
    court: str | None = None

    @property
    def resolved(self) -> bool:
        return self.page is not None and self.volume is not None and self.reporter is not None

    @property
    def id(self) -> str | None:
        if not self.resolved:
            return None
        return f"case/{slugify(self.reporter or '')}/{self.volume}/{self.page}"

    @property
    def normalized(self) -> str:
        if not self.resolved:
            return self.text
        cite = f"{self.volume} {self.reporter} {self.page}"
        if self.pin_cite:
            cite += f", {self.pin_cite}"
        if self.form != "full":
            return cite
        if self.plaintiff and self.defendant:
            cite = f"{self.plaintiff} v. {self.defendant}, {cite}"
        if self.year:
            cite += f" ({self.year})"
        return cite


def slugify(value: str) -> str:
    """The reporter as CourtListener writes it in URLs: "F. Supp. 2d" -> "f-supp-2d".

    CourtListener's citation lookup slugifies the reporter the way Django's
    ``slugify`` does: ASCII only, lower case, punctuation dropped, runs of
    spaces and dashes turned into one dash.
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    kept = re.sub(r"[^\w\s-]", "", ascii_text.lower())
    return re.sub(r"[-\s]+", "-", kept).strip("-_")


# --- links --------------------------------------------------------------------


def courtlistener_url(citation: CaseCitation) -> str | None:
    """CourtListener's citation lookup, by the route its source defines
    (``c/<reporter>/<volume>/<page>/``, reporter slugified):
    https://www.courtlistener.com/c/us/477/561/. It redirects to the opinion, or
    lists the candidates when a citation is ambiguous."""
    if not citation.resolved:
        return None
    return (
        f"https://www.courtlistener.com/c/{slugify(citation.reporter or '')}/"
        f"{citation.volume}/{citation.page}/"
    )


# --- eyecite ------------------------------------------------------------------

_EYECITE: Any = None


def eyecite() -> Any:
    """The eyecite module, imported on first use (it takes a second or so)."""
    global _EYECITE
    if _EYECITE is None:
        import logging

        try:
            import eyecite as module
        except ImportError as error:  # pragma: no cover - the test extra installs it
            raise ImportError(
                "finding case law needs eyecite: pip install 'citelink[cases]'"
            ) from error
        # eyecite logs warnings about overlapping matches; they are not the
        # caller's concern, and without a handler Python would print them.
        logging.getLogger("eyecite").addHandler(logging.NullHandler())
        _EYECITE = module
    return _EYECITE


@dataclass
class _Call:
    """What one ``find`` call learns from eyecite: the full citation of each short form,
    and the citation made for each full one."""

    full_of: dict[int, Any]
    made: dict[int, CaseCitation]
    #: The citing case of each full citation written in its parenthetical
    #: ("587 U.S. 761 (2019) (quoting 507 U.S. 658 (1993))"), by ``id``.
    citing: dict[int, CaseCitation] = field(default_factory=dict)
    #: The case an "Id." left unresolved for its pin would have referred to, by ``id``:
    #: the next "Id." refers to it still.
    passed_over: dict[int, CaseCitation] = field(default_factory=dict)
    #: The last full citation made.
    last_full: CaseCitation | None = None


#: Spaces eyecite does not take for spaces (no-break, thin, ...), a tab or a lone line
#: break; a blank line (the end of a paragraph, cell or heading) is kept.
_ODD_SPACE = re.compile(r"(?<!\n)\r?\n(?!\r?\n)|[\t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def eyecite_text(text: str) -> str:
    """``text`` as the statute finder reads it, for eyecite: "593 U.S.\u00a0155" and
    "3\nF.4th 542" read with a plain space. Each odd space becomes one space, so
    eyecite's spans are spans of ``text`` as it is."""
    return _ODD_SPACE.sub(lambda m: " " * len(m.group()), text)


# --- the source ---------------------------------------------------------------


class CaseLaw(Source):
    """Case law through eyecite; the finder asks for it with ``cases=True``."""

    kind = "case"
    links = MappingProxyType({"courtlistener": courtlistener_url})

    def prescan(self, scan: Scan) -> Iterable[tuple[int, int, Handler]]:
        module = eyecite()
        models = module.models
        found = [
            c
            for c in module.get_citations(eyecite_text(scan.text))
            if isinstance(
                c,
                models.FullCaseCitation
                | models.ShortCaseCitation
                | models.SupraCitation
                | models.ReferenceCitation
                | models.IdCitation,
            )
        ]
        call = _Call(full_of={}, made={})
        resolvable = [c for c in found if not isinstance(c, models.IdCitation)]
        for resource, group in module.resolve_citations(resolvable).items():
            full = getattr(resource, "citation", None)
            for citation in group:
                call.full_of[id(citation)] = full
        hits: list[tuple[int, int, Handler]] = []
        for citation in found:
            start, end = citation.span()
            if isinstance(citation, models.FullCaseCitation):
                handler = self._full(call, citation)
            elif isinstance(citation, models.IdCitation):
                handler = self._id(call, citation)
            else:
                handler = self._short(call, citation)
            hits.append((start, end, handler))
        return hits

    def _full(self, call: _Call, found: Any) -> Handler:
        def record(scan: Scan, start: int, end: int) -> int:
            meta = found.metadata
            stop = _pin_end(found, end)
            named = _whole_name(scan.text, found, start)
            citation = CaseCitation(
                text=scan.text[start:stop],
                start=start,
                end=stop,
                form="full",
                volume=found.groups.get("volume"),
                reporter=found.corrected_reporter(),
                page=found.groups.get("page"),
                pin_cite=_pin(meta.pin_cite),
                plaintiff=_name(meta.plaintiff) if named else None,
                defendant=_name(meta.defendant) if named else None,
                year=_closing_year(scan.text, stop),
                court=meta.court,
            )
            call.made[id(found)] = citation
            before = call.last_full
            if before is not None and _depth(scan.text, before.end, start) > 0:
                call.citing[id(citation)] = call.citing.get(id(before), before)
            call.last_full = citation
            scan.add(citation)
            return stop

        return record

    def _short(self, call: _Call, found: Any) -> Handler:
        form = _form_of(found)

        def record(scan: Scan, start: int, end: int) -> int:
            full = call.full_of.get(id(found))
            antecedent = call.made.get(id(full)) if full is not None else None
            scan.add(_refer(scan, start, end, form, found.metadata.pin_cite, antecedent))
            return end

        return record

    def _id(self, call: _Call, found: Any) -> Callable[[Scan, int, int], int | None]:
        def record(scan: Scan, start: int, end: int) -> int | None:
            last = scan.last
            if not isinstance(last, CaseCitation):
                return None  # "Id." after a statute is the statute's
            antecedent = last.antecedent if last.short else last
            antecedent = call.passed_over.get(id(last), antecedent)
            if not isinstance(antecedent, CaseCitation) or not antecedent.resolved:
                return None
            citing = call.citing.get(id(antecedent))
            if citing is not None and _depth(scan.text, last.end, start) < 0:
                antecedent = citing  # the parenthetical closed: "Id." is the citing case's
            pin = found.metadata.pin_cite
            if "*" not in scan.text[start:end] and _before_first_page(_pin(pin), antecedent):
                # a pin before the first page is not of this case: unresolved
                unresolved = _refer(scan, start, end, "id", pin, None)
                call.passed_over[id(unresolved)] = antecedent
                scan.add(unresolved)
                return end
            scan.add(_refer(scan, start, end, "id", pin, antecedent))
            return end

        return record


def _depth(text: str, start: int, end: int) -> int:
    """How many parentheses are open at ``end`` that were not at ``start``."""
    between = text[start:end]
    return between.count("(") - between.count(")")


def _before_first_page(pin: str | None, case: CaseCitation) -> bool:
    """Whether a pin cite ("at 200") falls before the page a decision starts on (210);
    a database's document number (2023 WL 5490179, "at *11") is not a page."""
    pin_page = re.match(r"\d+", pin or "")
    page = case.page or ""
    if not pin_page or not page.isdigit() or re.search(r"WL|LEXIS", case.reporter or ""):
        return False
    return int(pin_page.group()) < int(page)


def _refer(
    scan: Scan, start: int, end: int, form: str, pin: str | None, full: CaseCitation | None
) -> CaseCitation:
    """A short form, ``supra`` or ``Id.`` that refers back to ``full`` (if known)."""
    return CaseCitation(
        text=scan.text[start:end],
        start=start,
        end=end,
        short=True,
        antecedent=full,
        form=form,
        volume=full.volume if full is not None else None,
        reporter=full.reporter if full is not None else None,
        page=full.page if full is not None else None,
        pin_cite=_pin(pin),
        plaintiff=full.plaintiff if full is not None else None,
        defendant=full.defendant if full is not None else None,
        year=full.year if full is not None else None,
        court=full.court if full is not None else None,
    )


def _form_of(found: Any) -> str:
    name = type(found).__name__
    return {"ShortCaseCitation": "short", "SupraCitation": "supra"}.get(name, "reference")


def _pin(pin: str | None) -> str | None:
    """ "at 574-78" -> "574-78"."""
    if not pin:
        return None
    pin = pin.strip().strip(",").strip()
    return pin[3:].strip() if pin.startswith("at ") else pin or None


#: What may stand between a citation and the parenthetical that closes it: its
#: pins and parallel citations ("113, 115, 93 S. Ct. 705, 710"), then "(... 1973)".
_CLOSING = re.compile(
    r"(?:,\s*(?:\d{1,5}\s+[A-Z][\w.&' ]{0,40}?\s+\d{1,6}|[*\d][\d*\-\u2013]{0,12}|nn?\.\s*\d{1,4})"
    r"|\s+nn?\.\s*\d{1,4}){0,8}"
    r"\s*\(([^()]{0,80})\)"
)
#: A capitalised word and a joining word just before where eyecite's name starts: the
#: name goes on before it ("Jews for | Jesus v. Brodsky").
_CUT_NAME = re.compile(r"[A-Z][\w'.&-]*\s+(?:for|of|the|and|&|de|del|la|in|on)\s+$")


def _closing_year(text: str, stop: int) -> str | None:
    """The year in the parenthetical that closes the citation ("(4th Cir. 2021)"), if any;
    eyecite's own may come from a parenthetical further on ("Id. ... (Jan. 30, 2017)")."""
    match = _CLOSING.match(text, stop, min(len(text), stop + 300))
    years = re.findall(r"\b1[6-9]\d\d\b|\b20\d\d\b", match.group(1)) if match else []
    return years[-1] if years else None


def _whole_name(text: str, found: Any, start: int) -> bool:
    """Whether eyecite's case name is whole and within the citation's block: not read
    across a blank line, nor cut short ("Jesus v. Brodsky" of "Jews for Jesus")."""
    try:
        name_start = found.full_span()[0]
    except (AttributeError, TypeError):  # pragma: no cover - older eyecite
        return True
    if not isinstance(name_start, int) or not 0 <= name_start <= start:
        return True
    if "\n\n" in text[name_start:start]:
        return False
    return _CUT_NAME.search(text, max(0, name_start - 60), name_start) is None


def _name(name: str | None) -> str | None:
    """A party's name with its whitespace collapsed."""
    return " ".join(name.split()) or None if name else None


def _pin_end(found: Any, end: int) -> int:
    """The end of a full citation with its pin cite ("477 U.S. 561, 570")."""
    try:
        _, with_pin = found.span_with_pincite()
    except (AttributeError, TypeError):  # pragma: no cover - older eyecite
        return end
    return with_pin if isinstance(with_pin, int) and end <= with_pin <= end + 40 else end


SOURCE = CaseLaw()
