"""The form of U.S. Code citations: the Bluebook's ("8 U.S.C. § 1373") or the GPO's
("8 U.S.C. 1373"), one "§" for one section and "§§" for several, an en dash in ranges,
"note" for "nt"; each finding carries the replacement of its span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from citelink.checking.findings import Document, Finding, one_line
from citelink.grammar import WS, WS1
from citelink.models import Citation

_MARK = r"§§|§|[Ss]ections?\b|SECTIONS?\b|[Ss]ecs?\.|[Ss]ecs?\b"
#: "8 U.S.C. § ", "8 U.S. Code ", "8 USC ", "50 U.S.C. App. § ": what comes before the section.
_ABBREVIATED_HEAD = re.compile(
    rf"(?P<title>\d{{1,3}}){WS}"
    rf"(?P<name>U\.?{WS}S\.?{WS}C(?:ode\b|\.?(?:{WS}?[ASU]\b\.?)?)|usc\b\.?|United{WS1}States{WS1}Code\b)"
    rf"(?P<app>{WS1}[Aa]pp(?:\.|endix\b))?(?P<comma>{WS},)?{WS}(?:(?P<mark>{_MARK}){WS})?(?=\d)"
)
#: "U.S.C. Title 18, Section 922(g)".
_NAME_FIRST_HEAD = re.compile(
    rf"U\.?{WS}S\.?{WS}C\.?{WS},?{WS}(?:[Tt]itle|TITLE){WS1}\d{{1,3}}{WS},?{WS}"
    rf"(?P<mark>{_MARK}){WS}(?=\d)"
)
#: A bare short form: "§ 1373", "§§1981-1983".
_SHORT_HEAD = re.compile(rf"(?P<mark>§§?){WS}(?=\d)")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_EN_DASH = "\u2013"


def style_findings(
    document: Document, unit: Sequence[Citation], style: str = "bluebook"
) -> list[Finding]:
    """One style finding for a unit whose form is not the Bluebook form (or, with ``style``
    "gpo", the Government Publishing Office's: "8 U.S.C. 1373"), with the fix."""
    text = document.text
    start, end = unit[0].start, unit[-1].end
    sections = {getattr(c, "section", None) for c in unit}
    mark = "§§" if len(sections) > 1 else "§"
    if mark == "§" and "§§" in text[start:end] and _et_seq(text, unit[-1]):
        mark = "§§"  # "§ 101 et seq." and "§§ 101 et seq." are both written: either is fine
    if style == "gpo":
        mark = ""  # no section sign after the Code's name; one written is left alone
    problems: list[tuple[str, str]] = []
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text

    head = _head(text, start, end, unit[0], mark, problems)
    if head is not None:
        edits.append(head)
    note = _note_edit(text, unit[-1])
    if note is not None:
        edits.append(note)
        end = max(end, note[1])
        problems.append(("style/note", 'write "note" for the abbreviation "nt"'))
    for citation, after in pairwise(unit):
        if getattr(citation, "range_end", None) is None:
            continue
        joint = text[citation.end : after.start]
        if not joint.strip() or joint.strip()[0] not in _DASHES or len(joint.strip()) != 1:
            continue  # "to", "through": words are fine
        hyphenated = "-" in str(getattr(citation, "section", "")) or "-" in str(
            getattr(after, "section", "")
        )
        wanted = " to " if hyphenated else _EN_DASH
        if joint != wanted:
            edits.append((citation.end, after.start, wanted))
            problems.append(
                ("style/range-dash", 'write "to" between hyphenated sections')
                if hyphenated
                else ("style/range-dash", "join a range with an en dash (–), without spaces")
            )
    if not edits:
        return []
    if mark and list_goes_on(text, end):
        # "21 U.S.C. 136 and 136a" read as one section and more: the form of the whole list
        # is not known, so no fix is offered.
        message = (
            f'"{one_line(text[start:end])}" begins a list the checker does not read whole: write'
            ' it in Bluebook form by hand ("§§" before several sections)'
        )
        return [document.finding("style", problems[0][0], message, start, end, unit[0])]
    pieces, at = [], start
    for s, e, replacement in edits:
        pieces += [text[at:s], replacement]
        at = e
    pieces.append(text[at:end])
    suggestion = "".join(pieces)
    code = problems[0][0]
    reasons = "; ".join(dict.fromkeys(reason for _, reason in problems))
    message = f'write "{one_line(suggestion)}" for "{one_line(text[start:end])}" ({reasons})'
    return [document.finding("style", code, message, start, end, unit[0], suggestion)]


def _head(
    text: str,
    start: int,
    end: int,
    first: Citation,
    mark: str,
    problems: list[tuple[str, str]],
) -> tuple[int, int, str] | None:
    """The edit that gives the citation's head its Bluebook form, if it needs one."""
    found = _ABBREVIATED_HEAD.match(text, start, end)
    if found is not None:
        title = getattr(first, "title", None) or found.group("title")
        name = _canonical_name(found.group("name"))
        app = " app." if found.group("app") else ""
        written_mark = found.group("mark") or ""
        if not mark and written_mark.startswith("§"):
            mark = written_mark  # GPO style: a section sign written is not wrong
        wanted = f"{title} {name}{app} {mark} " if mark else f"{title} {name}{app} "
        written = found.group()
        if _spaced(written) != wanted:
            problems += _head_problems(found, name, app, mark)
            return (start, found.end(), wanted)
        return None
    found = _NAME_FIRST_HEAD.match(text, start, end)
    if found is not None:
        title = getattr(first, "title", None)
        if title is None:
            return None
        problems.append(("style/form", 'cite the title first: "18 U.S.C. § 922"'))
        return (start, found.end(), f"{title} U.S.C. {mark or '§'} ")
    found = _SHORT_HEAD.match(text, start, end)
    if not mark and found is not None:
        mark = found.group("mark")  # a short form keeps its sign in GPO style
    if found is not None and _spaced(found.group()) != f"{mark} ":
        problems += _mark_problems(found.group("mark"), mark) or [_SPACING]
        return (start, found.end(), f"{mark} ")
    return None


def _canonical_name(written: str) -> str:
    letters = re.sub(r"[^A-Za-z]", "", written).upper()
    if letters in ("USCA", "USCS"):
        return f"U.S.C.{letters[-1]}."
    return "U.S.C."


def _head_problems(found: re.Match[str], name: str, app: str, mark: str) -> list[tuple[str, str]]:
    problems = []
    if _spaced(found.group("name")) != name:
        problems.append(("style/code-name", f'abbreviate the Code as "{name}"'))
    if found.group("app") and _spaced(found.group("app")).strip() != app.strip():
        problems.append(("style/code-name", 'write "app." for the appendix'))
    if found.group("comma"):
        problems.append(("style/form", "no comma before the section"))
    problems += _mark_problems(found.group("mark"), mark)
    return problems or [_SPACING]


def _mark_problems(written: str | None, mark: str) -> list[tuple[str, str]]:
    if not mark:
        return [] if not written else [("style/section-sign", f'no "{written}" before the section')]
    if written is None:
        return [("style/section-sign", f'put "{mark}" before the section number')]
    if not written.startswith("§"):
        return [("style/section-sign", f'write "{mark}" for "{written}"')]
    if written != mark:
        several = "several sections" if mark == "§§" else "one section"
        return [("style/section-sign", f'write "{mark}" for {several}')]
    return []


_SPACING = ("style/spacing", 'one space between the parts, as in "8 U.S.C. § 1373"')

#: "et seq." after a citation, as the finder's grammar reads it or with a stray period ("et. seq.").
_ET_SEQ_AFTER = re.compile(rf"{WS},?{WS}et\.?{WS}seq\b")
_NOTE_ABBREVIATION = re.compile(r"(?<=\d)nt\b|(?<=\d[A-Za-z])nt\b")


#: More section numbers after a citation: ", 7701", " and 136a", "–1983".
_LIST_GOES_ON = re.compile(rf"{WS}(?:,{WS}(?:and{WS1}|or{WS1})?|and{WS1}|or{WS1}|[-\u2013]{WS})\d")


_NUMBER = re.compile(r"\d[\w.\u2013-]*")
#: What makes a number after "and" the title of another citation: "and 42 U.S.C. § 1983".
_CODE_AFTER = re.compile(rf"{WS}(?:U\.?{WS}S\.?|C\.?{WS}F\.?{WS}R|Stat\b|Fed\.|FR\b|CFR\b)")


def list_goes_on(text: str, end: int) -> bool:
    """Whether more section numbers follow a citation that the finder did not join to it
    (and not another citation: "8 USC 1373 and 42 U.S.C. § 1983")."""
    found = _LIST_GOES_ON.match(text, end, min(len(text), end + 16))
    if found is None:
        return False
    number = _NUMBER.match(text, found.end() - 1)
    after = number.end() if number is not None else found.end()
    return _CODE_AFTER.match(text, after) is None


def _et_seq(text: str, last: Citation) -> bool:
    """Whether the citation is followed by "et seq." (the grammar may not have taken "et. seq.")."""
    return bool(getattr(last, "et_seq", False)) or bool(
        _ET_SEQ_AFTER.match(text, last.end, min(len(text), last.end + 20))
    )


def note_base(section: str) -> str | None:
    """The section of "651nt" ("651"): the Code has no designation ending in "nt"."""
    if len(section) > 2 and section[-2:].lower() == "nt" and section[-3].isalnum():
        return section[:-2]
    return None


def _note_edit(text: str, last: Citation) -> tuple[int, int, str] | None:
    """The edit that writes "651nt" as "651 note" (the finder reads it as the note already, or
    an older grammar as a section "651nt")."""
    section = str(getattr(last, "section", "") or "")
    if not (getattr(last, "note", False) or note_base(section) is not None):
        return None
    found = _NOTE_ABBREVIATION.search(text, last.start, last.end)
    if found is None:
        return None
    return (found.start(), found.end(), " note")


def _spaced(text: str) -> str:
    """``text`` with each run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text)
