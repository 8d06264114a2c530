"""The result types: one immutable record per citation found.

Every body of law subclasses :class:`Citation` in its own module under
``citelink.sources`` and adds the fields that identify a citation of that kind
(a title and section for the U.S. Code, a volume and page for the Statutes at
Large, ...). The base class holds what every citation has: where it is in the
text, how it relates to the citations around it, and where it links to.
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING, dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

_C = TypeVar("_C", bound=type)


class Linker(Protocol):
    """What a citation asks for its links: the resolver chain that chose its ``url``
    (:class:`citelink.resolve.Chain`), seen from below."""

    def links_of(self, citation: Citation, /) -> tuple[tuple[str, str], ...]:
        """Every ``(resolver name, url)`` known for ``citation``, in order."""
        ...


def fast_init(cls: _C) -> _C:
    """Give a frozen, slotted dataclass a faster ``__init__`` and pickling.

    A frozen dataclass assigns every field through ``object.__setattr__``;
    on CPython 3.11 that costs about 3 µs for a citation, and a finder builds
    tens of thousands of citations per megabyte. The new ``__init__`` turns
    the instance into a *writable twin* of its class (a subclass with the
    same slots that does not forbid assignment), assigns the fields as plain
    attributes, and turns it back: about a third of the cost. The instance
    is frozen again before ``__init__`` returns. Pickling goes the same way
    (``__reduce__`` sends the field values as one tuple): the dataclass
    default costs more than finding the citation did, which matters when
    worker processes send citations back. Apply it above ``@dataclass``.
    """
    twin = type(
        f"_Writable{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
        },
    )
    scope: dict[str, Any] = {
        "_become": object.__setattr__,
        "_new": object.__new__,
        "_twin": twin,
        "_cls": cls,
    }
    names = []
    params = []
    for f in dataclasses.fields(cls):
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: use a default, not a default_factory")
        names.append(f.name)
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    fields = ", ".join(f"self.{name}" for name in names)
    exec(
        f"def __init__(self, *, {', '.join(params)}):\n"
        "    _become(self, '__class__', _twin)\n"
        f"    {fields} = {', '.join(names)}\n"
        "    self.__class__ = _cls\n"
        "def _restore(values):\n"
        "    self = _new(_twin)\n"
        f"    {fields}, = values\n"
        "    self.__class__ = _cls\n"
        "    return self\n"
        "def __reduce__(self):\n"
        f"    return (_cls._restore, (({fields},),))\n",
        scope,
    )
    for name in ("__init__", "_restore", "__reduce__"):
        scope[name].__qualname__ = f"{cls.__qualname__}.{name}"
        scope[name].__module__ = cls.__module__
    cls.__init__ = scope["__init__"]  # type: ignore[misc]
    cls._restore = staticmethod(scope["_restore"])  # type: ignore[attr-defined]
    cls.__reduce__ = scope["__reduce__"]  # type: ignore[method-assign]
    return cls


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A citation found in a text.

    ``text`` is exactly ``source_text[start:end]``. ``short`` marks a short
    form ("§ 1373", "id. at (b)") whose missing parts came from
    ``antecedent``, the earlier full citation it refers back to (``None``
    when there was none: such a citation is *unresolved* and has no ``id``).
    Citations of one list or range ("§§ 1981–1983") share ``group``, the span
    of the whole list. ``url`` is the link the resolver ``chain`` chose
    when the citation was found; ``links`` and ``urls`` ask the same chain for
    every link it knows, when they are read.
    """

    kind: ClassVar[str] = "citation"

    text: str
    start: int
    end: int
    short: bool = False
    antecedent: Citation | None = None
    group: tuple[int, int] | None = None
    url: str | None = None
    chain: Linker | None = field(default=None, repr=False, compare=False)
    #: Why a short form is unresolved (``None`` for any other citation): one of
    #: :data:`UNRESOLVED_REASONS`.
    unresolved_reason: str | None = None

    @property
    def normalized(self) -> str:
        """The canonical (Bluebook) form of the citation."""
        raise NotImplementedError

    @property
    def id(self) -> str | None:
        """A stable identifier such as ``usc/8/1373/a``; ``None`` when unresolved."""
        raise NotImplementedError

    @property
    def resolved(self) -> bool:
        """Whether the citation names a definite provision (it has an ``id``)."""
        return self.id is not None

    @property
    def anchors(self) -> bool:
        """Whether a later bare section mark ("§ 1373") may refer back to this citation.

        True by default. Citations that a section mark cannot continue (a
        constitutional provision, a page of the Statutes at Large, a rule)
        say False, and the mark refers to the citation before them instead.
        """
        return True

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """Every ``(resolver name, url)`` the chain knows for this citation, in chain order.

        Computed when read (most callers only want ``url``), by the chain that
        chose ``url``; empty for a citation found without resolving.
        """
        chain = self.chain
        return () if chain is None else chain.links_of(self)

    @property
    def urls(self) -> dict[str, str]:
        """Every URL the resolver chain knows for this citation, by resolver name."""
        return dict(self.links)

    def fields(self) -> dict[str, Any]:
        """The kind-specific fields (``title``, ``section``, ``pin``...) as plain values."""
        names = _OWN_FIELDS.get(type(self))
        if names is None:
            base = {f.name for f in dataclasses.fields(Citation)}
            names = tuple(f.name for f in dataclasses.fields(self) if f.name not in base)
            _OWN_FIELDS[type(self)] = names
        fields = {}
        for name in names:
            value = getattr(self, name)
            fields[name] = [*value] if type(value) is tuple else value
        return fields

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: the CLI's ``--format json`` record."""
        record: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "normalized": self.normalized,
            "id": self.id,
            "url": self.url,
            "urls": self.urls,
        }
        record.update(self.fields())
        record["short"] = self.short
        if self.short and not self.resolved:
            record["unresolved_reason"] = self.unresolved_reason
        if self.antecedent is not None:
            record["antecedent"] = {
                "start": self.antecedent.start,
                "end": self.antecedent.end,
                "id": self.antecedent.id,
            }
        if self.group is not None:
            record["group"] = list(self.group)
        return record


#: Why a short form is left unresolved (:attr:`Citation.unresolved_reason`).
UNRESOLVED_REASONS = {
    "no-antecedent": "no full citation before it to take its code from",
    "far-antecedent": "its full citation is further back than the finder's reach"
    " (antecedent_paragraphs)",
    "other-container": "an act, order, rule, document or other body not cited in full is"
    " named between its full citation and it: the section is more likely that one's",
    "unknown-section": "its full citation's code has no such section (no live one, for the"
    " U.S. Code)",
}

#: The kind-specific field names of each citation class, found once.
_OWN_FIELDS: dict[type, tuple[str, ...]] = {}

#: Set a new citation's ``url`` and ``chain``, before anyone else has seen it: the
#: resolver chain does this for the finder, once per citation, so it skips the
#: frozen class's ``__setattr__``.
set_url = vars(Citation)["url"].__set__
set_chain = vars(Citation)["chain"].__set__
#: Set a new short form's ``unresolved_reason``, as the finder makes it.
set_unresolved_reason = vars(Citation)["unresolved_reason"].__set__
