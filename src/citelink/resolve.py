"""Turn citations into public URLs: resolvers, the registry and chains.

A *resolver* answers one question: given a citation, where is its text? It
returns a URL or ``None`` (it must never invent a URL for something its
target does not hold). The built-in resolvers are assembled from the link
builders each source declares (``Source.links``), so the URL scheme of a body
of law lives beside its grammar.

A *chain* is an ordered list of resolvers. For each citation the first
resolver that answers gives ``citation.url``; every answer is kept in
``citation.links`` (``citation.urls`` by name). A resolver that raises or
returns something that is not an http(s) URL is skipped, and the problem is
recorded in :attr:`Chain.errors`; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from citelink.models import Citation, attach_links
from citelink.sources import SOURCES


@runtime_checkable
class Resolver(Protocol):
    """Anything with a ``name``, the ``kinds`` it handles and a ``resolve`` method."""

    @property
    def name(self) -> str:
        """The resolver's name in chains and in ``citation.urls``."""

    @property
    def kinds(self) -> frozenset[str]:
        """The citation kinds it handles ("usc", "cfr"...)."""

    def resolve(self, citation: Citation) -> str | None:
        """The URL of ``citation``'s text, or ``None`` if this resolver has none."""


@dataclass(frozen=True)
class LinkBuilders:
    """A resolver made of one URL builder per citation kind."""

    name: str
    builders: Mapping[str, Callable[[Any], str | None]]
    description: str = ""
    #: Built-in builders only make https URLs (their tests say so), so the
    #: chain does not check their answers.
    trusted: bool = False

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.builders)

    def resolve(self, citation: Citation) -> str | None:
        builder = self.builders.get(citation.kind)
        return builder(citation) if builder is not None else None


def builtin_resolvers() -> dict[str, Resolver]:
    """The resolvers assembled from the link builders of the built-in sources."""
    builders: dict[str, dict[str, Callable[[Any], str | None]]] = {}
    for source in SOURCES:
        for name, builder in source.links.items():
            builders.setdefault(name, {})[source.kind] = builder
    return {name: LinkBuilders(name, kinds, trusted=True) for name, kinds in builders.items()}


#: The chain used when the caller names none: Cornell LII for the U.S. Code, the
#: official sites for state law.
DEFAULT_CHAIN: tuple[str, ...] = ("lii", "state")


@dataclass
class Chain:
    """An ordered list of resolvers; the first that answers for a citation wins."""

    resolvers: Sequence[Resolver]
    #: Problems with resolvers met so far: ``(resolver name, citation text, message)``.
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_kind: dict[str, tuple[tuple[str, Callable[[Any], str | None], bool], ...]] = {}

    def _for_kind(self, kind: str) -> tuple[tuple[str, Callable[[Any], str | None], bool], ...]:
        """``(name, function, trusted)`` for each resolver of ``kind``, computed once.

        A built-in resolver's function is its URL builder for the kind, and
        its answers need no checking; others are called through ``resolve``.
        """
        found = self._by_kind.get(kind)
        if found is None:
            found = tuple(
                (r.name, r.builders[kind], True)
                if isinstance(r, LinkBuilders) and r.trusted
                else (r.name, r.resolve, False)
                for r in self.resolvers
                if kind in r.kinds
            )
            self._by_kind[kind] = found
        return found

    def links(self, citation: Citation) -> tuple[tuple[str, str], ...]:
        """Every ``(resolver name, url)`` the chain knows for ``citation``, in chain order."""
        found = []
        for name, resolve, trusted in self._for_kind(citation.kind):
            try:
                url = resolve(citation)
            except Exception as error:  # a third-party resolver must not stop the run
                self.errors.append((name, citation.text, f"raised {error!r}"))
                continue
            if url is None:
                continue
            if not trusted and not (
                isinstance(url, str) and url.startswith(("https://", "http://"))
            ):
                self.errors.append((name, citation.text, f"returned {url!r}"))
                continue
            found.append((name, url))
        return tuple(found)

    def attach(self, citations: Iterable[Citation]) -> None:
        """Fill in ``url`` and ``links`` of citations that the finder just made."""
        for citation in citations:
            links = self.links(citation)
            attach_links(citation, links[0][1] if links else None, links)


def chain(names: Sequence[str] | None = None) -> Chain:
    """A chain of the named resolvers (default: :data:`DEFAULT_CHAIN`)."""
    available = builtin_resolvers()
    names = DEFAULT_CHAIN if names is None else names
    unknown = [name for name in names if name not in available]
    if unknown:
        raise ValueError(
            f"unknown resolver {', '.join(unknown)}; available: {', '.join(sorted(available))}"
        )
    return Chain([available[name] for name in names])
