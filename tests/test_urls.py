"""One URL-safety rule: what citelink may emit as a link."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citelink import Finder
from citelink.models import Citation
from citelink.resolve import Registry
from citelink.urls import SAFE_PREFIX, safe_url

#: Digits that are not ASCII: fullwidth, Arabic-Indic, Devanagari, mathematical bold.
OTHER_DIGITS = [
    "\uff11\uff13\uff17\uff13",
    "\u0661\u0663\u0667\u0663",
    "\u0967\u0969",
    "\U0001d7cf",
]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.law.cornell.edu/uscode/text/8/1373#a",
        "http://127.0.0.1:8080/x?q=8%20U.S.C.%201373&b=1",
        "HTTPS://EXAMPLE.ORG",
        "https://[::1]:9000/path",
        "https://www.courtlistener.com/c/U.S./556/662/",
    ],
)
def test_ordinary_urls_pass(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://user@host/x",  # a user part hides the real host
        "https://host\\evil.example/x",  # a backslash in the host
        "https://host/a\u2028b",  # a line separator
        "https://host/a\u202eb",  # a bidi override
        "https://host/a\u200bb",  # a zero-width space
        "https://host/a\x85b",  # a C1 control
        "https://host/a\ud800b",  # a lone surrogate
        "https://host/\uff11\uff13\uff17\uff13",  # fullwidth digits
        "https://host/\u0661\u0663",  # Arabic-Indic digits
        "https://host:\uff18\uff10/x",  # a fullwidth port
        "http\u017f://host/x",  # a long s, which folds to "s" when matching ignores case
        "https://host/\u212a",  # the Kelvin sign, which folds to "k"
        "https://host/a\u2066b",  # a bidi isolate
        "https://host/a\ufeffb",  # a zero-width no-break space
        "https://host/a\x9bb",  # a C1 control (CSI)
        "https://host/a\udfffb",  # a lone low surrogate
        "https://host/a\x00b",
        "https://host/a\nb",
        "https://host/a b",
        'https://host/a"onmouseover="x',
        "https://host/<script>",
        "https://host/%zz",
        "javascript:alert(1)",
        "//host/x",
        "ftp://host/x",
        "https://",
        "https://host/" + "a" * 5000,
        None,
        42,
    ],
)
def test_unsafe_urls_are_refused(url: object) -> None:
    assert safe_url(url) is None


def test_the_template_prefix_is_the_same_rule() -> None:
    assert SAFE_PREFIX.match("https://example.org/{title}")
    assert not SAFE_PREFIX.match("https://user@example.org/{title}")
    assert not SAFE_PREFIX.match("https://{host}/x")


@pytest.mark.parametrize("digits", OTHER_DIGITS)
@pytest.mark.parametrize(
    "shape",
    ["8 U.S.C. § {}", "{} U.S.C. § 1373", "42 U.S.C. § 1983(a)({})", "40 C.F.R. § 60.{}"],
)
def test_other_digits_never_reach_a_url(shape: str, digits: str) -> None:
    for citation in Finder().find(f"See {shape.format(digits)}."):
        for url in (citation.url, *citation.urls.values()):
            assert url is None or (safe_url(url) == url and url.isascii())


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        ["8 U.S.C. § 1373(a)", "40 C.F.R. § 60.1", "Pub. L. 104-208", "82 Fed. Reg. 8799"]
    ),
    st.lists(st.sampled_from(["0", "1", "\uff11", "\u0663", "\u200b", "\u202e", "a"]), max_size=4),
    st.integers(0, 20),
)
def test_every_built_in_url_keeps_the_one_rule(seed: str, insert: list[str], at: int) -> None:
    text = seed[:at] + "".join(insert) + seed[at:]
    for citation in Finder().find(text):
        for url in (citation.url, *citation.urls.values()):
            assert url is None or safe_url(url) == url


@dataclass
class Plugin:
    """A third-party resolver that answers with whatever it was given."""

    name: str
    answer: object
    kinds: frozenset[str] = frozenset({"usc"})

    def resolve(self, citation: Citation) -> object:
        return self.answer


@pytest.mark.parametrize(
    "answer",
    [
        "https://law.example/8/1373\u202e",  # a bidi override
        "https://law.example/8/\u200b1373",  # a zero-width space
        "https://law.example/8/1373\x85",  # a C1 control (NEL)
        "https://law.example/8/1373\ud800",  # a lone surrogate
        "https://law.example/8/\uff11\uff13\uff17\uff13",  # fullwidth digits
    ],
)
def test_a_plugins_unsafe_url_is_refused_and_reported(answer: str) -> None:
    registry = Registry(entry_points=False)
    registry.register(Plugin("plugin", answer))
    chain = registry.chain(["plugin"])
    (citation,) = Finder(resolvers=chain).find("8 U.S.C. § 1373")
    assert citation.url is None and citation.urls == {}
    (error,) = chain.errors
    assert error.resolver == "plugin" and "not an http(s) URL" in error.message
