"""The resolver layer: registry, chains per kind, fallback, isolation, entry points."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pytest

import citelink
from citelink import Finder
from citelink.models import Citation, fast_init
from citelink.resolve import (
    MAX_ERRORS,
    Chain,
    Registry,
    builtin_resolvers,
    chain,
    register,
    unregister,
)
from citelink.scanner import Source
from citelink.sources import SOURCES

LII = "https://www.law.cornell.edu/uscode/text/"


@dataclass
class Fixed:
    """A resolver that always gives the same answer (or raises it)."""

    name: str
    answer: object
    kinds: frozenset[str] = frozenset({"usc"})

    def resolve(self, citation: Citation) -> str | None:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer  # type: ignore[return-value]


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class StateCitation(Citation):
    """A kind the resolver layer has never heard of."""

    kind = "pretend"
    code: str
    section: str

    @property
    def normalized(self) -> str:
        return f"{self.code} § {self.section}"

    @property
    def id(self) -> str | None:
        return f"state/{self.code}/{self.section}"


def state_site(citation: StateCitation) -> str | None:
    return f"https://state.example.gov/{citation.code}/{citation.section}"


def state_govinfo(citation: StateCitation) -> str | None:
    return None  # GovInfo holds no state law: this builder never answers


class StateSource(Source):
    kind = "pretend"
    links = MappingProxyType({"govinfo": state_govinfo, "statesite": state_site})


def state(section: str = "187") -> StateCitation:
    return StateCitation(
        text=f"Penal Code § {section}", start=0, end=1, code="pen", section=section
    )


@pytest.fixture
def with_state_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built-in sources as another engineer's branch may have them: a new kind with resolvers."""
    import citelink.resolve

    monkeypatch.setattr(citelink.resolve, "SOURCES", (*citelink.resolve.SOURCES, StateSource()))


# --- built-ins and default chains ----------------------------------------------


def test_builtin_resolvers_come_from_the_sources_links() -> None:
    builtins = builtin_resolvers()
    # the U.S. Code's come first
    assert list(builtins)[:4] == ["lii", "uscode", "govinfo", "lii-as-cited"]
    declared = {(name, s.kind) for s in SOURCES for name in s.links}
    assert {(name, kind) for name, r in builtins.items() for kind in r.kinds} == declared
    assert "law.cornell.edu" in builtins["lii"].description  # type: ignore[attr-defined]


def test_default_chain_of_the_us_code() -> None:
    assert [r.name for r in chain().order("usc")] == ["lii", "uscode", "govinfo", "lii-as-cited"]
    assert chain().order("no-such-kind") == ()


def test_other_kinds_get_every_builtin_that_handles_them(with_state_source: None) -> None:
    registry = Registry(entry_points=False)
    assert list(builtin_resolvers())[-1] == "statesite"
    default = registry.chain()
    assert [r.name for r in default.order("pretend")] == ["govinfo", "statesite"]
    assert [r.name for r in default.order("usc")] == ["lii", "uscode", "govinfo", "lii-as-cited"]
    citation = state()
    default.attach([citation])
    assert citation.url == "https://state.example.gov/pen/187"
    assert citation.urls == {"statesite": "https://state.example.gov/pen/187"}


def test_a_named_chain_applies_per_kind(with_state_source: None) -> None:
    named = Registry(entry_points=False).chain(["statesite", "govinfo", "lii"])
    assert [r.name for r in named.order("usc")] == ["govinfo", "lii"]
    assert [r.name for r in named.order("pretend")] == ["statesite", "govinfo"]
    usc, other = *Finder(resolvers=named).find("8 U.S.C. § 1373(a)"), state()
    named.attach([other])
    assert usc.url == "https://www.govinfo.gov/link/uscode/8/1373?link-type=html"
    assert list(usc.urls) == ["govinfo", "lii"]
    assert other.url == "https://state.example.gov/pen/187"


def test_default_inside_a_named_chain_is_each_kinds_default() -> None:
    registry = Registry(entry_points=False)
    registry.register(Fixed("library", None))
    mixed = registry.chain(["library", "default"])
    order = [r.name for r in mixed.order("usc")]
    assert order == ["library", "lii", "uscode", "govinfo", "lii-as-cited"]
    (c,) = Finder(resolvers=mixed).find("8 U.S.C. § 1373")
    assert c.url == LII + "8/1373"  # the library had nothing: LII, the usc default, answered


def test_unknown_resolver_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"unknown resolver nope; available: .*govinfo, lii"):
        chain(["nope"])
    with pytest.raises(ValueError, match="at least one"):
        chain([])


# --- run-time registration -----------------------------------------------------


def test_register_at_run_time() -> None:
    register(Fixed("mine", "https://law.example/8/1373"))
    try:
        (c,) = citelink.find("8 U.S.C. § 1373", resolvers=["mine", "lii"])
        assert c.url == "https://law.example/8/1373"
        assert list(c.urls) == ["mine", "lii"]
        register(Fixed("mine", "https://other.example/1373"), replace=True)
        (c,) = citelink.find("8 U.S.C. § 1373", resolvers=["mine", "lii"])
        assert c.url == "https://other.example/1373"  # the new one, not a cached chain
    finally:
        unregister("mine")
    with pytest.raises(ValueError, match="unknown resolver mine"):
        citelink.find("8 U.S.C. § 1373", resolvers=["mine"])


@pytest.mark.parametrize(
    ("resolver", "message"),
    [
        (Fixed("lii", None), "already registered"),
        (Fixed("default", None), "reserved"),
        (Fixed("two words", None), "name must be"),
        (Fixed("ok", None, kinds="usc"), "kinds must be"),  # type: ignore[arg-type]
    ],
)
def test_register_rejects_what_would_break_chains(resolver: Fixed, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        Registry(entry_points=False).register(resolver)


# --- isolation of broken resolvers --------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        RuntimeError("boom"),
        "javascript:alert(1)",
        "ftp://law.example/1373",
        "/uscode/text/8/1373",
        "https://law.example/8 1373",
        "https://user@evil.example/",
        42,
        "x" * 100_000,
    ],
)
def test_a_broken_resolver_is_skipped_and_reported(answer: object) -> None:
    lii = builtin_resolvers()["lii"]
    broken = Chain([Fixed("broken", answer), lii])
    first, second = Finder(resolvers=broken).find("8 U.S.C. § 1373 and § 1644")
    assert first.url == LII + "8/1373" and second.url == LII + "8/1644"
    assert [(e.resolver, e.citation) for e in broken.errors] == [
        ("broken", "8 U.S.C. § 1373"),
        ("broken", "§ 1644"),
    ]
    assert first.urls == {"lii": LII + "8/1373"}
    assert len(broken.errors) == 2  # reading urls did not report the same failure again
    assert all(len(e.message) < 200 for e in broken.errors)


def test_failures_after_the_chosen_resolver_are_reported_when_urls_are_read() -> None:
    lii = builtin_resolvers()["lii"]
    later = Chain([lii, Fixed("later", RuntimeError("down"))])
    (c,) = Finder(resolvers=later).find("8 U.S.C. § 1373")
    assert c.url == LII + "8/1373" and later.errors == []
    assert c.urls == {"lii": LII + "8/1373"}
    assert [e.resolver for e in later.errors] == ["later"]


def test_a_resolver_whose_kinds_raise_is_skipped() -> None:
    class BadKinds:
        name = "bad"

        @property
        def kinds(self) -> frozenset[str]:
            raise RuntimeError("no kinds today")

        def resolve(self, citation: Citation) -> str | None:
            return None

    lii = builtin_resolvers()["lii"]
    bad = Chain([BadKinds(), lii])
    (c,) = Finder(resolvers=bad).find("8 U.S.C. § 1373")
    assert c.url == LII + "8/1373"
    assert [e.resolver for e in bad.errors] == ["bad"]


def test_errors_are_kept_up_to_a_limit_and_counted() -> None:
    broken = Chain([Fixed("broken", RuntimeError("boom"))])
    citations = Finder(resolvers=broken).find("8 U.S.C. § 1373. " * (MAX_ERRORS + 5))
    assert all(c.url is None for c in citations)
    assert len(broken.errors) == MAX_ERRORS and broken.error_count == MAX_ERRORS + 5


# --- results ------------------------------------------------------------------


def test_links_are_computed_on_demand_by_the_chain_that_chose_url() -> None:
    (c,) = Finder().find("8 U.S.C. § 1373(a)")
    assert c.chain is not None
    assert c.links == (
        ("lii", LII + "8/1373#a"),
        (
            "uscode",
            "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title8-section1373"
            "&num=0&edition=prelim#substructure-location_a",
        ),
        ("govinfo", "https://www.govinfo.gov/link/uscode/8/1373?link-type=html"),
    )
    assert c.url == c.links[0][1]
    copy = pickle.loads(pickle.dumps(c))
    assert copy == c and copy.links == c.links


def test_resolve_false_leaves_urls_empty() -> None:
    (c,) = Finder(resolve=False).find("8 U.S.C. § 1373")
    assert c.url is None and c.links == () and c.urls == {}


# --- installed resolvers (entry points of a real distribution) -----------------


@pytest.fixture
def installed(plugin_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(plugin_site))


def test_an_installed_distribution_adds_a_resolver(installed: None) -> None:
    registry = Registry()
    library = registry.get("example")
    assert library.kinds == {"usc"}
    assert registry.problems == []  # only the named entry point was loaded
    first, appendix = Finder(resolvers=registry.chain(["example", "lii", "govinfo"])).find(
        "8 U.S.C. § 1373; 50 U.S.C. App. § 2401"
    )
    assert first.url == "https://law.example.org/usc/8/1373"
    assert (
        appendix.url
        == "https://www.govinfo.gov/link/uscode/50/2401?type=uscappendix&link-type=html"
    )


def test_every_installed_resolver_is_listed_with_its_origin(installed: None) -> None:
    registry = Registry()
    entries = registry.entries()
    assert list(entries)[:4] == ["lii", "uscode", "govinfo", "lii-as-cited"]
    assert {"example", "broken", "junk"} <= set(entries)
    assert entries["example"].origin == "entry point citelink-example-resolver 0.1.0"
    assert entries["lii"].origin == "built-in"
    (problem,) = registry.problems
    assert "'missing'" in problem and "no_such_resolver" in problem


def test_installed_broken_resolvers_are_isolated(installed: None) -> None:
    registry = Registry()
    isolating = registry.chain(["broken", "junk", "example"])
    (c,) = Finder(resolvers=isolating).find("8 U.S.C. § 1373")
    assert c.url == "https://law.example.org/usc/8/1373"
    assert [e.resolver for e in isolating.errors] == ["broken", "junk"]
    with pytest.raises(ValueError, match="unknown resolver missing"):
        registry.chain(["missing"])


def test_the_default_chain_loads_no_entry_points(installed: None) -> None:
    registry = Registry()
    registry.chain()
    assert "example" not in registry._entries and registry.problems == []
