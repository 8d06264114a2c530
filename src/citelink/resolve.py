"""Turn citations into public URLs: resolvers, the registry and chains.

A *resolver* answers one question: given a citation, where is its text? It
returns a URL or ``None`` (it must never invent a URL for something its
target does not hold), and says which citation kinds it handles. Resolvers
come from four places, all kept in a :class:`Registry`:

* built in: assembled from the link builders each source declares
  (``Source.links``), so the URL scheme of a body of law lives beside its grammar;
* installed: third-party distributions declare them in the entry-point group
  ``citelink.resolvers`` (see :meth:`Registry.load_entry_points`);
* configured: URL templates from ``citelink.toml`` or ``[tool.citelink]``
  (:mod:`citelink.config`, :mod:`citelink.templates`);
* registered at run time with :func:`register`.

A *chain* is an ordered list of resolvers, applied per kind: for each
citation, the first resolver of the chain that handles its kind and answers
gives ``citation.url``. ``citation.links`` (``urls`` by name) asks the chain
for every answer when it is read. A resolver that raises or returns something
that is not an http(s) URL is skipped, the next one is asked, and the problem
is recorded in :attr:`Chain.errors`; the run goes on.

Without a named chain each kind has a default: the order in
:data:`DEFAULT_CHAINS` for the kinds listed there, otherwise every built-in
resolver that handles the kind, in registration order. The name ``default``
inside a named chain stands for that default ("library,default").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, runtime_checkable

from citelink.config import Config, ConfigError, load_config
from citelink.models import Citation, set_chain, set_url
from citelink.sources import SOURCES
from citelink.urls import safe_url

#: The entry-point group third-party distributions declare resolvers in.
ENTRY_POINT_GROUP = "citelink.resolvers"
#: A resolver whose ``kinds`` holds this handles every kind.
ANY_KIND = "*"
#: In a named chain, the default chain of each kind.
DEFAULT = "default"

#: The order of the built-in resolvers for the kinds that have a preferred one;
#: built-in resolvers of the kind that are not listed follow, in registration order.
DEFAULT_CHAINS: Mapping[str, tuple[str, ...]] = {
    "usc": ("lii", "uscode", "govinfo"),
}

#: What each built-in resolver links to (the names are a contract; sources add
#: their builders under these names).
BUILTIN_DESCRIPTIONS: Mapping[str, str] = {
    "lii": "Cornell Legal Information Institute (law.cornell.edu)",
    "govinfo": "GovInfo link service, the official permalinks (govinfo.gov/link)",
    "uscode": "Office of the Law Revision Counsel (uscode.house.gov)",
    "ecfr": "Electronic Code of Federal Regulations (ecfr.gov)",
    "federalregister": "FederalRegister.gov",
    "congress": "Congress.gov",
    "constitution": "Constitution Annotated (constitution.congress.gov)",
    "courtlistener": "CourtListener citation look-up (courtlistener.com)",
    "state": "Official sites of the states' and territories' laws and administrative codes",
}

#: Names usable in chains and on the command line ("--resolver a,b").
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: How many problems a chain keeps (it counts them all in ``error_count``).
MAX_ERRORS = 1000


@runtime_checkable
class Resolver(Protocol):
    """Anything with a ``name``, the ``kinds`` it handles and a ``resolve`` method."""

    @property
    def name(self) -> str:
        """The resolver's name in chains and in ``citation.urls``."""

    @property
    def kinds(self) -> frozenset[str]:
        """The citation kinds it handles ("usc", "cfr"...; ``"*"`` for all)."""

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
    """The resolvers assembled from the link builders of the built-in sources, in order."""
    builders: dict[str, dict[str, Callable[[Any], str | None]]] = {}
    for source in SOURCES:
        for name, builder in source.links.items():
            builders.setdefault(name, {})[source.kind] = builder
    return {
        name: LinkBuilders(name, kinds, BUILTIN_DESCRIPTIONS.get(name, ""), trusted=True)
        for name, kinds in builders.items()
    }


def handles(resolver: Resolver, kind: str) -> bool:
    """Whether ``resolver`` handles citations of ``kind``."""
    kinds = resolver.kinds
    return kind in kinds or ANY_KIND in kinds


class ResolverError(NamedTuple):
    """A resolver that failed on a citation: it raised, or answered with a non-URL."""

    resolver: str
    citation: str
    message: str


class _Step(NamedTuple):
    name: str
    resolve: Callable[[Any], str | None]
    #: A built-in builder, which does not raise and whose answers need only the
    #: ASCII check of :func:`_ascii_only` (tests hold them to :func:`safe_url`).
    trusted: bool


class _PerKind(dict[str, Any]):
    """A cache filled on first use of each kind."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, kind: str) -> Any:
        value = self[kind] = self.make(kind)
        return value


@dataclass(eq=False)
class Chain:
    """An ordered list of resolvers; per kind, the first that handles it and answers wins.

    ``by_kind`` gives some kinds an order of their own (the default chains
    do); any other kind uses the resolvers of ``resolvers`` that handle it.
    """

    resolvers: Sequence[Resolver]
    by_kind: Mapping[str, Sequence[Resolver]] = field(default_factory=dict)
    #: Problems with resolvers met so far (the first :data:`MAX_ERRORS`).
    errors: list[ResolverError] = field(default_factory=list)
    #: How many problems there were in all.
    error_count: int = 0

    def __post_init__(self) -> None:
        self._steps: _PerKind = _PerKind(self._steps_of)
        self._first: _PerKind = _PerKind(self._first_url_of)

    def __getstate__(self) -> dict[str, Any]:
        # The caches hold closures; a copy builds its own.
        state = dict(self.__dict__)
        del state["_steps"], state["_first"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def order(self, kind: str) -> tuple[Resolver, ...]:
        """The resolvers asked for a citation of ``kind``, in order."""
        candidates = self.by_kind.get(kind, self.resolvers)
        found = []
        for resolver in candidates:
            try:
                if handles(resolver, kind):
                    found.append(resolver)
            except Exception as error:  # a broken ``kinds`` must not stop the run
                self._report(_name_of(resolver), "", f"kinds raised {error!r}")
        return tuple(found)

    def attach(self, citations: Iterable[Citation]) -> None:
        """Give citations that the finder just made their ``url`` (and this chain)."""
        first = self._first
        for citation in citations:
            set_url(citation, first[citation.kind](citation))
            set_chain(citation, self)

    def links_of(self, citation: Citation) -> tuple[tuple[str, str], ...]:
        """Every ``(resolver name, url)`` the chain knows for ``citation``, in chain order."""
        found = []
        # The resolvers up to the one that chose the url of a citation this
        # chain attached have run already, and their problems were reported.
        quiet = citation.chain is self
        for name, resolve, trusted in self._steps[citation.kind]:
            url = resolve(citation) if trusted else self._checked(name, resolve, citation, quiet)
            if url is not None:
                found.append((name, url))
                quiet = quiet and url != citation.url
        return tuple(found)

    def _steps_of(self, kind: str) -> tuple[_Step, ...]:
        return tuple(
            _Step(r.name, _ascii_only(r.builders[kind]), True)
            if isinstance(r, LinkBuilders) and r.trusted and kind in r.builders
            else _Step(_name_of(r), r.resolve, False)
            for r in self.order(kind)
        )

    def _first_url_of(self, kind: str) -> Callable[[Citation], str | None]:
        """One function that gives the chosen URL of a citation of ``kind``."""
        steps: tuple[_Step, ...] = self._steps[kind]
        if not steps:
            return _nothing
        if all(step.trusted for step in steps):
            builders = tuple(step.resolve for step in steps)
            if len(builders) == 1:
                return builders[0]

            def first_trusted(citation: Citation) -> str | None:
                for build in builders:
                    url = build(citation)
                    if url is not None:
                        return url
                return None

            return first_trusted

        def first_checked(citation: Citation) -> str | None:
            for name, resolve, trusted in steps:
                url = resolve(citation) if trusted else self._checked(name, resolve, citation)
                if url is not None:
                    return url
            return None

        return first_checked

    def _checked(
        self,
        name: str,
        resolve: Callable[[Any], object],
        citation: Citation,
        quiet: bool = False,
    ) -> str | None:
        """Ask a resolver that may misbehave; ``None`` (and a report) if it does."""
        try:
            url = resolve(citation)
        except Exception as error:  # a third-party resolver must not stop the run
            if not quiet:
                self._report(name, citation.text, f"raised {_brief(error)}")
            return None
        safe = safe_url(url)
        if url is None or safe is not None:
            return safe
        if not quiet:
            self._report(name, citation.text, f"returned {_brief(url)}, not an http(s) URL")
        return None

    def _report(self, name: str, text: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(ResolverError(name, text, message))


def _ascii_only(build: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    """``build``, refusing a URL that is not ASCII.

    A built-in builder writes a citation's numbers into an ASCII template; a
    number the text wrote in other digits ("§ １３７３", "§ ١٣٧٣") must not
    become a link.
    """

    def built(citation: Any) -> str | None:
        url = build(citation)
        return url if url is None or url.isascii() else None

    return built


def _nothing(citation: Citation) -> None:
    return None


def _brief(value: object) -> str:
    """``repr(value)``, cut short: a report must stay one readable line."""
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _name_of(resolver: object) -> str:
    name = getattr(resolver, "name", None)
    return name if isinstance(name, str) else type(resolver).__name__


@dataclass(frozen=True)
class Registered:
    """A resolver in a registry, and where it came from."""

    resolver: Resolver
    #: "built-in", "entry point <distribution> <version>", "config <path>" or "run time".
    origin: str


BUILTIN = "built-in"


class Registry:
    """The resolvers citelink knows, by name, and the chains made of them.

    A new registry holds the built-in resolvers; installed ones (the
    ``citelink.resolvers`` entry points) are loaded when a chain names one or
    when all are listed; :meth:`configure` adds configured templates and the
    configured default chain; :meth:`register` adds any resolver.
    """

    def __init__(self, *, entry_points: bool = True) -> None:
        builtins = builtin_resolvers()
        self._entries: dict[str, Registered] = {
            name: Registered(resolver, BUILTIN) for name, resolver in builtins.items()
        }
        self._builtin_names = tuple(builtins)
        self._defaults: tuple[str, ...] | None = None
        self._use_entry_points = entry_points
        self._tried_entry_points: set[str] = set()
        self._loaded_all = not entry_points
        #: Entry points and configuration entries that could not be used, one message each.
        self.problems: list[str] = []
        #: Changes whenever a resolver is added, replaced or removed, or the defaults change.
        self.generation = 0

    # --- contents -------------------------------------------------------------

    def register(
        self, resolver: Resolver, *, replace: bool = False, origin: str = "run time"
    ) -> None:
        """Add ``resolver`` under its name (``replace=True`` to take over a name in use)."""
        _check_resolver(resolver)
        name = resolver.name
        if name == DEFAULT:
            raise ValueError(f"{DEFAULT!r} is reserved: it names the default chain")
        taken = self._entries.get(name)
        if taken is not None and not replace:
            raise ValueError(f"a resolver named {name!r} is already registered ({taken.origin})")
        self._entries[name] = Registered(resolver, origin)
        self.generation += 1

    def unregister(self, name: str) -> None:
        """Remove the resolver called ``name`` (a ``KeyError`` if there is none)."""
        del self._entries[name]
        self.generation += 1

    def get(self, name: str) -> Resolver:
        """The resolver called ``name``, loading its entry point if it is installed."""
        entry = self._entries.get(name)
        if entry is None and self._use_entry_points and name not in self._tried_entry_points:
            self._load_entry_points(name)
            entry = self._entries.get(name)
        if entry is None:
            available = ", ".join(sorted(self.entries()))
            raise ValueError(f"unknown resolver {name}; available: {available}")
        return entry.resolver

    def entries(self) -> dict[str, Registered]:
        """Every resolver by name, installed ones included, in registration order."""
        self.load_entry_points()
        return dict(self._entries)

    def load_entry_points(self) -> None:
        """Load every installed resolver (entry-point group ``citelink.resolvers``).

        An entry point names a resolver, or a class or function that makes one
        when called without arguments; its name must be the resolver's. One
        that cannot be loaded, makes no valid resolver or takes a name in use
        is skipped, with a message in :attr:`problems`.
        """
        if not self._loaded_all:
            self._load_entry_points(None)
            self._loaded_all = True

    def _load_entry_points(self, only: str | None) -> None:
        import importlib.metadata  # only when a chain or a listing needs installed resolvers

        for point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if point.name in self._tried_entry_points or (only is not None and point.name != only):
                continue
            self._tried_entry_points.add(point.name)
            dist = point.dist
            where = f"{dist.name} {dist.version}" if dist is not None else point.value
            try:
                resolver = _make_resolver(point.load())
                if resolver.name != point.name:
                    raise ValueError(f"it makes a resolver named {resolver.name!r}")
                self.register(resolver, origin=f"entry point {where}")
            except Exception as error:  # a broken plugin must not stop the run
                self.problems.append(
                    f"resolver entry point {point.name!r} ({where}) skipped: {error}"
                )

    def configure(self, config: Config) -> None:
        """Add the URL-template resolvers of ``config`` and use its default chain.

        A :class:`~citelink.config.ConfigError` if a template takes a name in
        use or the default chain names a resolver that does not exist.
        """
        try:
            for template in config.templates:
                self.register(template, origin=f"config {config.path}")
            if config.resolvers is not None:
                self.chain(config.resolvers)  # fail now, naming the file
                self._defaults = config.resolvers
                self.generation += 1
        except ValueError as error:
            raise ConfigError(f"{config.path}: {error}") from None

    # --- chains ---------------------------------------------------------------

    def chain(self, names: Sequence[str] | None = None) -> Chain:
        """The chain of the named resolvers, in order (``None``: the default chain).

        The name ``default`` stands for each kind's default chain.
        """
        if names is None:
            names = self._defaults if self._defaults is not None else (DEFAULT,)
        names = list(dict.fromkeys(names))
        if not names:
            raise ValueError("a resolver chain needs at least one resolver")
        resolvers: list[Resolver] = []
        for name in names:
            if name == DEFAULT:
                resolvers += self._default_resolvers()
            else:
                resolvers.append(self.get(name))
        resolvers = list({id(r): r for r in resolvers}.values())
        by_kind: dict[str, list[Resolver]] = {}
        if DEFAULT in names:
            for kind in DEFAULT_CHAINS:
                ordered: list[Resolver] = []
                for name in names:
                    ordered += self.default_order(kind) if name == DEFAULT else [self.get(name)]
                by_kind[kind] = list({id(r): r for r in ordered}.values())
        return Chain(resolvers, by_kind)

    def default_order(self, kind: str) -> list[Resolver]:
        """The default chain of ``kind``: its preferred order, then the other built-ins."""
        builtins = self._default_resolvers()
        by_name = {r.name: r for r in builtins}
        preferred = [by_name[n] for n in DEFAULT_CHAINS.get(kind, ()) if n in by_name]
        rest = [r for r in builtins if r not in preferred and handles(r, kind)]
        return [r for r in preferred if handles(r, kind)] + rest

    def _default_resolvers(self) -> list[Resolver]:
        """The resolvers under the built-in names, in registration order."""
        return [self._entries[n].resolver for n in self._builtin_names if n in self._entries]


def _make_resolver(loaded: object) -> Resolver:
    """The resolver an entry point names: the object itself, or what calling it makes."""
    if isinstance(loaded, type) or not hasattr(loaded, "resolve"):
        if not callable(loaded):
            raise TypeError(f"{loaded!r} is neither a resolver nor makes one")
        loaded = loaded()
    _check_resolver(loaded)
    return loaded  # type: ignore[return-value]


def _check_resolver(resolver: object) -> None:
    """A ``TypeError`` or ``ValueError`` unless ``resolver`` looks like a :class:`Resolver`."""
    name = getattr(resolver, "name", None)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"a resolver's name must be letters, digits, '.', '_' or '-' (got {name!r})"
        )
    kinds = getattr(resolver, "kinds", None)
    if (
        isinstance(kinds, str)
        or not isinstance(kinds, Iterable)
        or not all(isinstance(kind, str) for kind in kinds)
    ):
        raise TypeError(f"resolver {name!r}: kinds must be a set of strings (got {kinds!r})")
    if not callable(getattr(resolver, "resolve", None)):
        raise TypeError(f"resolver {name!r} has no resolve method")


#: The registry that :func:`chain`, :func:`register` and :func:`citelink.find` use.
REGISTRY = Registry()


def register(resolver: Resolver, *, replace: bool = False) -> None:
    """Make ``resolver`` available to chains by its name, in this process."""
    REGISTRY.register(resolver, replace=replace)


def unregister(name: str) -> None:
    """Forget the resolver called ``name``."""
    REGISTRY.unregister(name)


def resolvers() -> dict[str, Resolver]:
    """Every resolver available by name: built-in, installed, configured, registered."""
    return {name: entry.resolver for name, entry in REGISTRY.entries().items()}


def chain(names: Sequence[str] | None = None) -> Chain:
    """A chain of the named resolvers (default: each kind's default chain)."""
    return REGISTRY.chain(names)


def configure(path: str | os.PathLike[str] | None = None) -> Config | None:
    """Apply a configuration file to the resolvers :func:`citelink.find` uses.

    ``path`` names a ``citelink.toml`` or ``pyproject.toml``; without it the
    nearest one of the current directory or its parents is used (see
    :func:`citelink.config.load_config`). Returns what was applied, if anything.
    """
    config = load_config(path)
    if config is not None:
        REGISTRY.configure(config)
    return config


def configured_registry(path: str | os.PathLike[str] | None = None) -> Registry:
    """A new registry with the configuration at ``path`` applied (default: the nearest one).

    Raises :class:`~citelink.config.ConfigError` for a configuration that
    cannot be used.
    """
    registry = Registry()
    config = load_config(path)
    if config is not None:
        registry.configure(config)
    return registry
