"""The Markdown reader's inline structure (CommonMark): code spans, autolinks, inline
HTML, escapes, entities, links and images, emphasis."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from html.entities import html5 as _HTML5_ENTITIES

from citelink.markup.entities import html_entity
from citelink.markup.html import (
    ALWAYS_SKIP,
    ASCII_LETTERS,
    BREAKING,
    DEFAULT_SKIP,
    MATCH_DEPTH,
    SKIP_FLAGS,
    VOID,
    ElementStack,
)
from citelink.markup.layout import (
    BARRIER,
    CLOSE,
    IN_CODE,
    IN_LINK,
    IN_SKIPPED,
    NEUTRAL,
    OPEN,
    Layout,
)

# Inline atoms, found left to right.
_ESCAPE, _CODE, _AUTOLINK, _HTML, _ENTITY, _OPENER, _DELIMITER, _TEMPLATE = range(8)
_SPECIAL = re.compile(r"[\\`<&\[\]*_~]|!\[|\{[{%]")
#: Where a site generator's template tag ends: Liquid and Jinja ``{% ... %}``,
#: ``{{ ... }}`` (Hugo's shortcodes ``{{< ... >}}`` too). Their text is data.
_TEMPLATE_ENDS = {"{%": "%}", "{{": "}}"}
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_URI_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*>")
_EMAIL_AUTOLINK = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>"
)
_INLINE_LINK = re.compile(
    r"\([ \t]*\n?[ \t]*(?:<(?:[^<>\n\\]|\\.)*>|(?:[^\x00-\x20()\\]|\\.)*"
    r"(?:\((?:[^\x00-\x20()\\]|\\.)*\)(?:[^\x00-\x20()\\]|\\.)*)*)"
    r"(?:[ \t]*\n?[ \t]*(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"
    r"[ \t]*\n?[ \t]*\)"
)
_REFERENCE = re.compile(r"\[(?:[^\[\]\\]|\\.){0,999}\]")
#: Inline HTML other than tags: how each opens and closes (CommonMark).
_HTML_SPECIALS = (
    ("<!--", "-->"),
    ("<![CDATA[", "]]>"),
    ("<?", "?>"),
    *((f"<!{letter}", ">") for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
)
# CommonMark's inline HTML tag, stricter than HTML's: "<a <a <a" is no tag.
_MD_SPACE = "[ \t\n]"
_INLINE_TAG = re.compile(
    rf"</(?P<end>[A-Za-z][A-Za-z0-9-]*){_MD_SPACE}*>"
    rf"|<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:{_MD_SPACE}+[A-Za-z_:][A-Za-z0-9_.:-]*"
    rf"(?:{_MD_SPACE}*={_MD_SPACE}*(?:[^ \t\n\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
    rf"{_MD_SPACE}*/?>"
)
_MARKDOWN_SKIP = DEFAULT_SKIP | ALWAYS_SKIP
_UNICODE_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _is_punctuation(char: str) -> bool:
    return char in _UNICODE_PUNCTUATION or unicodedata.category(char)[:1] in ("P", "S")


def flanking(before: str, run: str, after: str) -> tuple[bool, bool]:
    """Whether a delimiter run between ``before`` and ``after`` may open and close emphasis.

    ``before``/``after`` are the characters around the run ("" at an edge),
    by CommonMark's left- and right-flanking rules.
    """
    space_after = not after or after.isspace()
    space_before = not before or before.isspace()
    punct_after = bool(after) and _is_punctuation(after)
    punct_before = bool(before) and _is_punctuation(before)
    left = not space_after and (not punct_after or space_before or punct_before)
    right = not space_before and (not punct_before or space_after or punct_after)
    if run[0] == "_":
        return left and (not right or punct_before), right and (not left or punct_after)
    return left, right


_BACKTICK_RUNS: dict[int, re.Pattern[str]] = {}


def _backticks(text: str, start: int, length: int) -> int | None:
    """Where the next run of exactly ``length`` backticks after ``start`` begins."""
    pattern = _BACKTICK_RUNS.get(length)
    if pattern is None:
        pattern = _BACKTICK_RUNS[length] = re.compile(f"(?<!`)`{{{length}}}(?!`)")
    found = pattern.search(text, start)
    return found.start() if found is not None else None


class Inline:
    """The inline reading of one paragraph or heading (its lines joined by newlines)."""

    def __init__(
        self,
        layout: Layout,
        lines: list[tuple[int, int, int]],
        labels: set[str],
        skipping: ElementStack,
    ) -> None:
        source = layout.source
        self.layout = layout
        self.lines = lines
        self.labels = labels
        self.skipping = skipping
        self.offsets: list[int] = []
        parts = []
        offset = 0
        for start, end, _ in lines:
            self.offsets.append(offset)
            parts.append(source[start:end])
            offset += end - start + 1
        self.text = "\n".join(parts)
        self.next_line = 1  # the next line whose prefix token is still to be added

    def to_source(self, offset: int) -> int:
        i = bisect_right(self.offsets, offset) - 1
        return self.lines[i][0] + offset - self.offsets[i]

    def read(self) -> None:
        atoms, links = self._atoms()
        partners = self._pair_delimiters(atoms, links)
        self._emit(atoms, links, partners)

    # -- finding the constructs --

    def _atoms(self) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, int, int, bool]]]:
        """Code spans, autolinks, HTML, escapes, entities, delimiters; and links.

        A link is ``(start, text end, end, is image)``: its text is
        ``[start + 1 (2 for an image), text end)``.
        """
        text = self.text
        size = len(text)
        atoms: list[tuple[int, int, int, str]] = []
        links: list[tuple[int, int, int, bool]] = []
        openers: list[tuple[int, bool]] = []  # (position, is image) of "[" and "!["
        no_closer: set[int] = set()  # backtick lengths with no closer after this point
        no_template_end: set[str] = set()  # template tags with no end after this point
        no_gt_after = size + 1
        next_gt = -1
        position = 0
        while True:
            found = _SPECIAL.search(text, position)
            if found is None:
                break
            at = found.start()
            char = text[at]
            if char == "\\":
                following = text[at + 1 : at + 2]
                if following and following in _ASCII_PUNCTUATION:
                    atoms.append((at, at + 2, _ESCAPE, following))
                    position = at + 2
                else:
                    position = at + 1
            elif char == "`":
                run_end = at + 1
                while run_end < size and text[run_end] == "`":
                    run_end += 1
                length = run_end - at
                close = None if length in no_closer else _backticks(text, run_end, length)
                if close is None:
                    no_closer.add(length)
                    position = run_end
                else:
                    atoms.append((at, close + length, _CODE, text[at:run_end]))
                    position = close + length
            elif char == "<":
                if next_gt < at:  # where the next ">" is, found once per ">"
                    next_gt = text.find(">", at)
                    if next_gt < 0:  # none: never look again
                        next_gt, no_gt_after = size, min(no_gt_after, at)
                end, kind, name = self._angle(text, at, no_gt_after)
                if end < 0:
                    if end == -2:
                        no_gt_after = min(no_gt_after, at)
                    position = at + 1
                else:
                    atoms.append((at, end, kind, name))
                    position = end
            elif char == "&":
                entity = _MD_ENTITY.match(text, at)
                if entity is not None and (
                    entity.group()[1] == "#" or entity.group()[1:] in _HTML5_ENTITIES
                ):
                    atoms.append((at, entity.end(), _ENTITY, entity.group()))
                    position = entity.end()
                else:
                    position = at + 1
            elif char == "{":
                opening = text[at : at + 2]
                close = (
                    -1 if opening in no_template_end else text.find(_TEMPLATE_ENDS[opening], at + 2)
                )
                if close < 0:
                    no_template_end.add(opening)
                    position = at + 1
                else:
                    atoms.append((at, close + 2, _TEMPLATE, opening))
                    position = close + 2
            elif char in "[!":
                openers.append((at, char == "!"))
                atoms.append((at, at + (2 if char == "!" else 1), _OPENER, char))
                position = at + (2 if char == "!" else 1)
            elif char == "]":
                position = at + 1
                if not openers:
                    continue
                opener, image = openers.pop()
                link_end = self._link_end(text, opener, image, at)
                if link_end is None:
                    continue
                links.append((opener, at, link_end, image))
                if not image:  # links do not contain links (images may)
                    openers = [o for o in openers if o[1]]
                position = link_end
            else:  # a run of *, _ or ~
                run_end = at + 1
                while run_end < size and text[run_end] == char:
                    run_end += 1
                atoms.append((at, run_end, _DELIMITER, text[at:run_end]))
                position = run_end
        return atoms, links

    def _angle(self, text: str, at: int, no_gt_after: int) -> tuple[int, int, str]:
        """An autolink or inline HTML at ``at``: ``(end, kind, tag name)``; end < 0 if none.

        -2 means that no ">" follows, so nothing later can be one either.
        """
        if at >= no_gt_after:
            return -2, 0, ""
        for autolink in (_URI_AUTOLINK, _EMAIL_AUTOLINK):
            found = autolink.match(text, at)
            if found is not None:
                return found.end(), _AUTOLINK, ""
        following = text[at + 1 : at + 2]
        if following in ("!", "?"):
            if text.startswith("<!-->", at) or text.startswith("<!--->", at):
                return text.index(">", at + 4) + 1, _HTML, ""
            for opening, closing in _HTML_SPECIALS:
                if text.startswith(opening, at):
                    close = text.find(closing, at + len(opening))
                    if close < 0:
                        return -1, 0, ""
                    return close + len(closing), _HTML, ""
            return -1, 0, ""
        if following in ASCII_LETTERS or (
            following == "/" and text[at + 2 : at + 3] in ASCII_LETTERS
        ):
            tag = _INLINE_TAG.match(text, at)
            if tag is not None:
                return tag.end(), _HTML, (tag.group("name") or tag.group("end")).lower()
        return -1, 0, ""

    def _link_end(self, text: str, opener: int, image: bool, close: int) -> int | None:
        """Where the link or image whose text ends at ``close`` ("]") ends, if it is one."""
        after = close + 1
        if text.startswith("(", after):
            inline = _INLINE_LINK.match(text, after)
            if inline is not None:
                return inline.end()
        if close - opener > 1000:  # longer than any link label
            return None
        label = text[opener + (2 if image else 1) : close]
        if text.startswith("[", after):
            reference = _REFERENCE.match(text, after)
            if reference is not None:
                named = reference.group()[1:-1]
                if normalize_label(named or label) in self.labels:
                    return reference.end()
        if normalize_label(label) in self.labels:
            return after
        return None

    def _pair_delimiters(
        self, atoms: list[tuple[int, int, int, str]], links: list[tuple[int, int, int, bool]]
    ) -> dict[int, int]:
        """Pairs of emphasis delimiter runs (atom index to atom index, both ways).

        A run that may both open and close closes when an opener of its kind
        is waiting. Runs inside a link's text and runs of different lengths
        are left unpaired, which keeps links away from them.
        """
        text = self.text
        inside = _Spans([(start, end) for start, _, end, _ in links])
        partners: dict[int, int] = {}
        waiting: list[int] = []
        for i, (start, end, kind, run) in enumerate(atoms):
            if kind != _DELIMITER or inside.covers(start):
                continue
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            can_open, can_close = flanking(before, run, after)
            if can_close:
                for w in range(len(waiting) - 1, max(len(waiting) - MATCH_DEPTH, 0) - 1, -1):
                    if atoms[waiting[w]][3][0] == run[0]:
                        if atoms[waiting[w]][3] == run:
                            partners[waiting[w]] = i
                            partners[i] = waiting[w]
                        del waiting[w:]
                        can_open = False
                        break
            if can_open:
                waiting.append(i)
        return partners

    # -- adding runs and tokens --

    def _prefixes_before(self, offset: int) -> None:
        """Add the prefix tokens of the lines that start at or before ``offset``."""
        lines = self.lines
        while self.next_line < len(lines) and self.offsets[self.next_line] <= offset:
            start, _, line_start = lines[self.next_line]
            if line_start < start:  # named "\n": a line's start, for emphasis rules
                self.layout.add_token(line_start, start, NEUTRAL, "\n")
            self.next_line += 1

    def _token(self, start: int, end: int, role: int, name: str = "") -> int:
        self._prefixes_before(start)
        return self.layout.add_token(self.to_source(start), self.to_source(end), role, name)

    def _text(self, start: int, end: int, flags: int) -> None:
        """Add content ``[start, end)`` as read, split where lines join."""
        offsets = self.offsets
        i = bisect_right(offsets, start) - 1
        while start < end:
            line_end = offsets[i + 1] if i + 1 < len(offsets) else end
            stop = min(end, line_end)
            source_start = self.lines[i][0] + start - offsets[i]
            self.layout.add_text(source_start, source_start + stop - start, flags)
            start = stop
            i += 1

    def _close_link(self, position: int, pending: tuple[int, int, int]) -> int:
        """Add the rest of a link's text and its closing syntax; returns where it ends."""
        text_end, end, opening = pending
        self._text(position, text_end, IN_LINK)
        closing = self._token(text_end, end, CLOSE, "a")
        self.layout.pair(opening, closing)
        return end

    def _html(self, start: int, end: int, name: str, open_tags: list[tuple[str, int]]) -> None:
        """An inline HTML tag, comment or declaration."""
        if not name:
            self._token(start, end, NEUTRAL)
            return
        closing = self.text[start + 1] == "/"
        if name in BREAKING:
            self._token(start, end, BARRIER, name)
            self.layout.add_break(self.to_source(start))
        elif name in VOID:
            self._token(start, end, NEUTRAL, name)
        elif closing:
            token = self._token(start, end, CLOSE, name)
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    self.layout.pair(open_tags[i][1], token)
                    del open_tags[i:]
                    break
        else:
            open_tags.append((name, self._token(start, end, OPEN, name)))
        if name in _MARKDOWN_SKIP and name not in VOID:
            skipping = self.skipping
            if closing:
                if name in skipping:
                    skipping.pop_through(name)
            elif self.text[end - 2] != "/":
                skipping.push(name)

    def _emit(
        self,
        atoms: list[tuple[int, int, int, str]],
        links: list[tuple[int, int, int, bool]],
        partners: dict[int, int],
    ) -> None:
        layout, text = self.layout, self.text
        start, _, line_start = self.lines[0]
        if line_start < start:
            layout.add_token(line_start, start, BARRIER)
        link_at = {start: (text_end, end, image) for start, text_end, end, image in links}
        link_text = _Spans([(start, text_end) for start, text_end, _, _ in links])
        tokens: dict[int, int] = {}  # atom index -> token index, for pairing
        open_tags: list[tuple[str, int]] = []
        pending: tuple[int, int, int] | None = None  # the open link: text end, end, token
        position = 0
        for i, (start, end, kind, value) in enumerate(atoms):
            if pending is not None and start >= pending[0]:
                position = self._close_link(position, pending)
                pending = None
            if start < position:
                continue  # inside an image, or a link's destination
            nolink = self._skipped_flags() or (IN_LINK if link_text.covers(start) else 0)
            self._text(position, start, nolink)
            position = end
            if kind == _OPENER and start in link_at:
                text_end, link_end, image = link_at[start]
                if image:
                    self._token(start, link_end, BARRIER)
                    position = link_end
                else:
                    pending = (text_end, link_end, self._token(start, end, OPEN, "a"))
            elif kind in (_ESCAPE, _ENTITY):
                self._prefixes_before(start)
                decoded = html_entity(value, 0, len(value)) if kind == _ENTITY else (value, 0)
                assert decoded is not None
                layout.add_decoded(decoded[0], self.to_source(start), self.to_source(end), nolink)
            elif kind == _CODE:
                marks = len(value)
                self._token(start, start + marks, NEUTRAL)
                self._text(start + marks, end - marks, IN_CODE)
                self._token(end - marks, end, NEUTRAL)
            elif kind in (_AUTOLINK, _TEMPLATE):
                self._token(start, end, BARRIER)
            elif kind == _HTML:
                self._html(start, end, value, open_tags)
            elif kind == _DELIMITER:
                self._delimiter(i, start, end, value, partners, tokens, nolink, link_text)
            else:  # a bracket that opens no link: text
                self._text(start, end, nolink)
        if pending is not None:
            position = self._close_link(position, pending)
        self._text(position, len(text), self._skipped_flags())
        self._prefixes_before(len(text))

    def _skipped_flags(self) -> int:
        """The flags of text inside the inline HTML elements being skipped (0: none)."""
        skipping = self.skipping
        return SKIP_FLAGS.get(skipping.innermost, IN_SKIPPED) if skipping else 0

    def _delimiter(
        self,
        i: int,
        start: int,
        end: int,
        run: str,
        partners: dict[int, int],
        tokens: dict[int, int],
        nolink: int,
        link_text: _Spans,
    ) -> None:
        """An emphasis delimiter run: a token (paired if it is), or text if it is literal."""
        text = self.text
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        can_open, can_close = flanking(before, run, after)
        if not (can_open or can_close):
            self._text(start, end, nolink)
        elif link_text.covers(start):
            self._token(start, end, NEUTRAL, run)
        else:
            partner = partners.get(i)
            if partner is None:
                role = OPEN if can_open else CLOSE
            else:
                role = OPEN if partner > i else CLOSE
            tokens[i] = self._token(start, end, role, run)
            if partner is not None and partner < i:
                self.layout.pair(tokens[partner], tokens[i])


class _Spans:
    """Sorted, merged spans, and a test of whether a position falls inside one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]
