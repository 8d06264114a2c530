"""The fuzz harness: hostile shapes are linear, and nothing any input or server does is a crash.

Two parts, both run by the normal ``pytest`` in a bounded time (hypothesis
``max_examples``, small inputs):

* **Linear work.** Each shape of the fuzz corpus (``'§§ 1-' * n``,
  ``'<a>' * n + '<b/>' * n``, ``'- ' * n``...) is given to each operation at
  two sizes, and the work is counted — the lines of citelink's code executed,
  not the time — so the test is exact on a busy machine: ten times the input
  may cost at most :data:`SLACK` times ten the work. Work inside one C call (a
  regex, a string method) is not counted: ``benchmarks/hostile.py`` times those.
* **No crash.** Hypothesis builds documents out of hostile pieces (markup,
  citations, odd Unicode), bytes in any encoding, URLs, file names, and HTTP
  answers a local server sends raw (bad status lines, odd headers, broken
  bodies); each operation must answer or raise its one documented error.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citelink
from citelink.annotation import annotate_html, annotate_markdown
from citelink.checking.checker import check
from citelink.checking.links import LinkChecker
from citelink.documents import find as find_in
from citelink.documents.files import InputError, decode, display_path
from citelink.urls import safe_url

ROOT = os.path.dirname(citelink.__file__)
#: How much more than ten times the work ten times the input may cost.
SLACK = 1.25
#: The small size (characters); the large one is ten times it.
SMALL = 1000

OPERATIONS: dict[str, Callable[[str], object]] = {
    "find": citelink.find,
    "check": check,
    "find-html": lambda text: find_in(text, "html"),
    "annotate-html": annotate_html,
    "find-md": lambda text: find_in(text, "markdown"),
    "annotate-md": annotate_markdown,
}

#: The shapes, as one repeated unit or two halves (a run of each, one after the other).
SHAPES: list[str | tuple[str, str]] = [
    "§§ 1-",
    "§ ",
    "((((",
    "1 U.S.C. ",
    "8 U.S.C. 1373\n",
    "Id. ",
    "id. at ",
    "section 1 of title ",
    "- ",
    "1. ",
    "> ",
    "<",
    "<a>",
    ("<a>", "<b/>"),
    ("<a>", "</a>"),
    ("<a>", "<!---->"),
    ("<code>", "</code>"),
    ("<a><div>", "</div>"),
    "<b><i>",
    "</b>",
    "<p>",
    "<table>x",
    "<script><!--<script>",
    "<noscript>",
    ("- ", "8 U.S.C. 1373\n"),
    "[8 U.S.C. 1373](",
    "[x](",
    "*_",
    "`",
    "&#",
    "<!--",
]

#: Shapes whose work is known to grow faster than the input, in the markup readers (the
#: other half of issue 23); remove an entry when its reader is linear.


def shaped(shape: str | tuple[str, str], size: int) -> str:
    if isinstance(shape, tuple):
        head, tail = shape
        return head * (size // 2 // len(head)) + tail * (size // 2 // len(tail))
    return shape * (size // len(shape))


def work(operation: Callable[[str], object], text: str) -> int:
    """The lines of citelink's code that ``operation(text)`` executes."""
    count = 0

    def in_citelink(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        count += 1
        return in_citelink

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return in_citelink if frame.f_code.co_filename.startswith(ROOT) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        operation(text)
    finally:
        sys.settrace(previous)
    return count


def _cases() -> Iterator[Any]:
    for shape in SHAPES:
        for name in OPERATIONS:
            yield pytest.param(name, shape, id=f"{name}-{shape!r}")


@pytest.mark.skipif(sys.gettrace() is not None, reason="a tracer (coverage) is running")
@pytest.mark.parametrize(("name", "shape"), list(_cases()))
def test_ten_times_the_input_is_at_most_ten_times_the_work(
    name: str, shape: str | tuple[str, str]
) -> None:
    operation = OPERATIONS[name]
    operation(shaped(shape, SMALL))  # caches and first-use imports are not the input's work
    small = work(operation, shaped(shape, SMALL))
    large = work(operation, shaped(shape, 10 * SMALL))
    assert large <= 10 * SLACK * small + 500, f"{large / small:.1f}x the work"


# --- no crash ------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "8 U.S.C. § 1373(a)(1)",
        "42 U.S.C. §§ 1981–1983",
        "40 C.F.R. § 60.1",
        "Id. at (b)",
        "§§ 1-",
        "Pub. L. 104–208",
        "U.S. Const. art. I, § 8",
        "<a>",
        "</a>",
        '<a href="x">',
        "<b/>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<noscript>",
        "<table>",
        "<wbr>",
        "<![CDATA[",
        "&sect;",
        "&#",
        "&#x110000;",
        "- ",
        "1. ",
        "> ",
        "    ",
        "```",
        "`",
        "*",
        "_",
        "[",
        "](",
        ")",
        "\\",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "\u00a0",
        "\u200b",
        "\u202e",
        "\ufeff",
        "\uff11",
        "\u0663",
        "\x85",
        "\x00",
        "\ud800",
    ]
)
documents = st.lists(_PIECES | st.text(max_size=4), max_size=30).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_no_document_is_a_crash(text: str) -> None:
    for found in (citelink.find(text), find_in(text, "html"), find_in(text, "markdown")):
        for citation in found:
            assert 0 <= citation.start < citation.end <= len(text)
            assert citation.url is None or safe_url(citation.url) == citation.url
    annotate_html(text)
    annotate_markdown(text)
    check(text)


_ENCODINGS = st.sampled_from(
    ["utf-8", "utf-16", "utf-16-le", "utf-32", "ascii", "latin-1", "cp1252", "utf-7", "idna"]
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), _ENCODINGS, st.sampled_from(["strict", "replace"]))
def test_bytes_decode_or_are_one_clear_error(data: bytes, encoding: str, errors: str) -> None:
    try:
        text = decode(data, "doc.txt", encoding, errors)
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("doc.txt: ")
    else:
        assert isinstance(text, str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_file_name_is_shown_printable(name: str) -> None:
    shown = display_path(name)
    shown.encode("utf-8")
    assert shown.isprintable()
    assert display_path(shown) == shown


_URL_PIECES = st.sampled_from(
    ["https://", "http://", "host", ".", "/", "?", "#", "%", "20", "@", ":", "8080", "[::1]"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_URL_PIECES | st.text(max_size=2), max_size=12).map("".join))
def test_a_safe_url_is_plain_ascii(url: str) -> None:
    safe = safe_url(url)
    if safe is not None:
        assert safe.isascii() and safe.isprintable()
        assert not any(char in safe for char in " \"'<>\\`{}|^")


class RawServer:
    """A server on 127.0.0.1 that sends each connection the bytes it is told to, then closes."""

    def __init__(self) -> None:
        self.answer = b""
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/page"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    connection.recv(65536)
                    connection.sendall(self.answer)
                except OSError:
                    pass

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must go straight there, whatever the environment says."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def raw_server() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


_HEADER_VALUES = st.sampled_from(
    [
        "\u00b2",
        "-1",
        "9" * 400,
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "Thu, 99 Foo 99999 99:99:99 GMT",
        "http://[::1",
        "/x\x00y",
        "//",
        "gzip",
        "chunked",
        "challenge",
        "text/html; charset=no-such",
        "",
    ]
)
_HEADER_NAMES = st.sampled_from(
    [
        "Retry-After",
        "Location",
        "Content-Encoding",
        "Transfer-Encoding",
        "Content-Length",
        "Content-Type",
        "cf-mitigated",
        "X",
    ]
)
_STATUS_LINES = st.sampled_from(
    [
        b"HTTP/1.1 200 OK",
        b"HTTP/1.1 301 Moved",
        b"HTTP/1.1 404 Not Found",
        b"HTTP/1.1 429 Slow",
        b"HTTP/1.1 503 Busy",
        b"HTTP/1.1 999 Odd",
        b"HTTP/1.1 abc",
        b"HTTP/9.9 200 OK",
        b"ICY 200 OK",
        b"",
        b"\x00\xff",
    ]
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    _STATUS_LINES,
    st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), max_size=4),
    st.binary(max_size=64) | st.sampled_from([b"<title>404 U.S. 71</title>", b"\x1f\x8b\x08"]),
)
def test_no_answer_a_server_sends_is_a_crash(
    no_proxies: None,
    raw_server: RawServer,
    status: bytes,
    headers: list[tuple[str, str]],
    body: bytes,
) -> None:
    head = b"\r\n".join([status, *(f"{n}: {v}".encode("latin-1", "replace") for n, v in headers)])
    raw_server.answer = head + b"\r\n\r\n" + body
    with LinkChecker(rate=0, timeout=1, deadline=2, retries=1, backoff=0, max_wait=0) as links:
        result = links.check([raw_server.url])[raw_server.url]
    assert result.status in ("ok", "dead", "unverifiable", "error")
    assert "\n" not in result.detail
