"""One URL-safety rule: what citelink may emit as a link."""

from __future__ import annotations

import pytest

from citelink.urls import SAFE_PREFIX, safe_url


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
