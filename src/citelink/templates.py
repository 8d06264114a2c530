"""Resolvers made of URL templates, for configuration files.

A template is a URL with placeholders in braces:
``https://library.example.org/usc/{title}/{section}#{pin:_}``. A placeholder
names a field of the citation (``title``, ``section``, ``pin``, ``volume``...,
whatever its kind has: the fields of ``citelink extract --format json``) or
one of ``kind``, ``id`` and ``normalized``. Every value is percent-escaped
where it enters the URL, so it cannot add a ``/``, ``?`` or ``#`` of its own;
a list (``pin``, or ``id`` split at its slashes) is joined with the separator
after the colon (default ``/``). A template must begin with ``http://`` or
``https://`` and its host, literally, so only http(s) URLs to that host come
out.

A template declines (no URL) a citation that is unresolved, that lacks a value
for one of its placeholders (the value is ``None``), or that has a true value
for one of the fields listed in its ``unless`` ("appendix" for a library
without the U.S. Code's appendices). A placeholder that the citation's kind
does not have at all is an error, reported by the chain like any resolver's.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from citelink.models import Citation
from citelink.urls import SAFE_PREFIX

_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SEPARATOR = re.compile(r"[A-Za-z0-9._~/,;:+=-]{0,8}")
_LITERAL = re.compile(r"[^\x00-\x20\x7f\\]*")
#: Placeholders every citation has, beside the fields of its kind.
_COMMON = frozenset({"kind", "id", "normalized"})


class TemplateError(ValueError):
    """A URL template that could make something other than an http(s) URL, or is malformed."""


@dataclass(frozen=True)
class UrlTemplate:
    """One parsed URL template: literal text and ``(field, separator)`` placeholders."""

    source: str
    parts: tuple[str | tuple[str, str], ...]
    unless: tuple[str, ...] = ()

    @classmethod
    def parse(cls, source: str, unless: Sequence[str] = ()) -> UrlTemplate:
        """Check and parse ``source``; a :class:`TemplateError` says what is wrong."""
        if not SAFE_PREFIX.match(source):
            raise TemplateError(
                f"{source!r}: a URL template must begin with http:// or https:// and a host"
                " followed by /, ? or #, all written out"
            )
        parts: list[str | tuple[str, str]] = []
        try:
            parsed = list(string.Formatter().parse(source))
        except ValueError as error:
            raise TemplateError(f"{source!r}: {error}") from None
        for literal, name, spec, conversion in parsed:
            if not _LITERAL.fullmatch(literal):
                raise TemplateError(f"{source!r}: spaces and control characters must be escaped")
            if literal:
                parts.append(literal)
            if name is None:
                continue
            if not _FIELD.fullmatch(name) or conversion is not None:
                raise TemplateError(f"{source!r}: {{{name}}} is not a field name")
            if not _SEPARATOR.fullmatch(spec or ""):
                raise TemplateError(f"{source!r}: {spec!r} is not a list separator")
            parts.append((name, spec or "/"))
        for name in unless:
            if not _FIELD.fullmatch(name):
                raise TemplateError(f"unless: {name!r} is not a field name")
        return cls(source, tuple(parts), tuple(unless))

    def format(self, citation: Citation) -> str | None:
        """The URL of ``citation``, or ``None`` if this template declines it."""
        if citation.id is None:
            return None
        for name in self.unless:
            if _value(citation, name):
                return None
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            name, separator = part
            value = _value(citation, name)
            if value is None:
                return None
            out.append(_escape(value, separator))
        url = "".join(out)
        return url[:-1] if url.endswith("#") else url


@dataclass(frozen=True)
class Template:
    """A resolver made of one URL template per citation kind (``"*"``: any other kind)."""

    name: str
    urls: Mapping[str, UrlTemplate]
    description: str = ""

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.urls)

    def resolve(self, citation: Citation) -> str | None:
        template = self.urls.get(citation.kind) or self.urls.get("*")
        return template.format(citation) if template is not None else None


def _value(citation: Citation, name: str) -> Any:
    if name == "id":
        found = citation.id
        return None if found is None else tuple(found.split("/"))
    if name in _COMMON:
        return getattr(citation, name)
    if name not in _fields_of(type(citation)):
        have = ", ".join(sorted(_fields_of(type(citation)) | _COMMON))
        raise LookupError(f"a {citation.kind} citation has no field {name!r} (it has {have})")
    return getattr(citation, name)


def _fields_of(kind: type[Citation]) -> frozenset[str]:
    """The kind-specific fields of a citation class (what ``Citation.fields`` returns)."""
    found = _FIELDS.get(kind)
    if found is None:
        base = {f.name for f in dataclasses.fields(Citation)}
        found = _FIELDS[kind] = frozenset(
            f.name for f in dataclasses.fields(kind) if f.name not in base
        )
    return found


_FIELDS: dict[type[Citation], frozenset[str]] = {}


def _escape(value: object, separator: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return separator.join(quote(str(v), safe="") for v in value)
    return quote(str(value), safe="")
