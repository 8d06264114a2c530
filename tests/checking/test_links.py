"""The link checker against real local servers on 127.0.0.1: nothing leaves the machine."""

from __future__ import annotations

import socket
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citelink.checking.links import (
    USER_AGENT,
    LinkCache,
    LinkCacheError,
    LinkChecker,
    LinkResult,
    _HostGate,
    _retry_after,
)
from tests.linkserver import LinkServer, SilentServer


class FakeClock:
    """A clock that only moves when someone sleeps on it; it remembers each sleep."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.time = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(round(seconds, 6))
            self.time += seconds


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must go straight there, whatever the environment says."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with LinkServer() as running:
        yield running


def checker(**options: Any) -> LinkChecker:
    options.setdefault("rate", 0)
    options.setdefault("timeout", 5)
    return LinkChecker(**options)


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/ok", "ok", "HTTP 200"),
        ("/redirect-ok", "ok", "HTTP 200"),
        ("/pdf", "ok", "HTTP 200"),
        ("/missing", "dead", "HTTP 404"),
        ("/gone", "dead", "HTTP 410"),
        ("/moved", "dead", "redirected to a 'not found' page"),
        ("/soft404", "dead", "Page Not Found"),
        ("/challenge", "unverifiable", "bot challenge (HTTP 403)"),
        ("/forbidden", "unverifiable", "access refused (HTTP 403)"),
        ("/blocked", "unverifiable", "block page"),
        ("/loop", "error", "redirect loop"),
        ("/challenge-503", "unverifiable", "bot challenge (HTTP 503)"),
        # A number is not "not found": 26 U.S.C. § 404, 20 C.F.R. § 404.1520, 404 U.S. 71.
        ("/to-26-404", "ok", "HTTP 200"),
        ("/to-cfr-404", "ok", "HTTP 200"),
        ("/reed", "ok", "HTTP 200"),
        ("/to-404", "dead", "redirected to a 'not found' page"),
        ("/to-errors", "dead", "redirected to a 'not found' page"),
        ("/error-title", "dead", "Error 404 - Not Found"),
    ],
)
def test_classification(server: LinkServer, path: str, status: str, words: str) -> None:
    with checker() as links:
        result = links.check([server.url(path)])[server.url(path)]
    assert (result.status, result.url) == (status, server.url(path))
    assert words in result.detail


def test_a_redirect_records_where_it_led(server: LinkServer) -> None:
    with checker() as links:
        result = links.check([server.url("/moved")])[server.url("/moved")]
    assert result.final_url == server.url("/documentNotFound.xhtml")
    assert result.code == 200


def test_retry_after_is_honoured_on_429(server: LinkServer) -> None:
    clock = FakeClock()
    with checker(clock=clock, sleep=clock.sleep) as links:
        result = links.check([server.url("/throttled")])[server.url("/throttled")]
    assert result.status == "ok"
    assert clock.sleeps == [2.0]
    assert server.hits["/throttled"] == 2


def test_retry_after_on_503_then_give_up(server: LinkServer) -> None:
    clock = FakeClock()
    with checker(clock=clock, sleep=clock.sleep, retries=2) as links:
        result = links.check([server.url("/busy")])[server.url("/busy")]
    assert (result.status, result.detail) == ("error", "HTTP 503")
    assert clock.sleeps == [1.0, 1.0]
    assert server.hits["/busy"] == 3


def test_a_wait_longer_than_max_wait_is_not_waited(server: LinkServer) -> None:
    clock = FakeClock()
    with checker(clock=clock, sleep=clock.sleep, max_wait=60) as links:
        result = links.check([server.url("/very-busy")])[server.url("/very-busy")]
    assert result.status == "error" and "asked to wait 86400 s" in result.detail
    assert clock.sleeps == [] and server.hits["/very-busy"] == 1


def test_backoff_after_a_server_error(server: LinkServer) -> None:
    clock = FakeClock()
    with checker(clock=clock, sleep=clock.sleep, backoff=0.25) as links:
        result = links.check([server.url("/flaky")])[server.url("/flaky")]
    assert result.status == "ok"
    assert clock.sleeps == [0.25]


def test_a_slow_server_times_out_as_an_error_not_dead(server: LinkServer) -> None:
    with checker(timeout=0.2, retries=0) as links:
        result = links.check([server.url("/slow")])[server.url("/slow")]
    assert result.status == "error" and "timed out" in result.detail


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_trickle_is_cut_at_the_deadline(server: LinkServer, path: str) -> None:
    # Each byte comes well within the read timeout; only the deadline ends the request.
    with checker(timeout=2, deadline=0.5) as links:
        result = links.check([server.url(path)])[server.url(path)]
    assert (result.status, result.detail) == ("error", "no complete answer within 0.5 s")
    assert server.hits[path] == 1  # a trickle is not retried


def test_a_deadline_leaves_the_next_request_alone(server: LinkServer) -> None:
    urls = [server.url("/trickle-body"), server.url("/ok"), server.url("/page/1")]
    with checker(timeout=2, deadline=0.5, per_host=1) as links:
        results = links.check(urls)
    assert [r.status for r in results.values()] == ["error", "ok", "ok"]


def test_a_host_that_never_answers_is_given_up_on() -> None:
    with SilentServer() as silent:
        urls = [silent.url(f"/page/{i}") for i in range(8)]
        clock = FakeClock()
        with checker(
            timeout=0.2, retries=2, per_host=1, host_failures=3, clock=clock, sleep=clock.sleep
        ) as links:
            results = links.check(urls)
        assert {r.status for r in results.values()} == {"error"}
        skipped = [r for r in results.values() if r.detail.startswith("not checked")]
        assert len(skipped) == 7
        assert "failed 3 times in a row (last: timed out after 0.2 s)" in skipped[0].detail
        assert silent.connections == 3  # one URL, retried twice; none of the other seven


def test_an_answer_resets_the_count_of_failures(server: LinkServer) -> None:
    gate = _HostGate(0, FakeClock(), FakeClock().sleep, give_up=2)
    for failed in ("timed out", None, "timed out", None, "timed out"):
        gate.answered(failed)
    assert gate.given_up is None
    gate.answered("connection failed (Connection refused)")
    assert gate.given_up == "failed 2 times in a row (last: connection failed (Connection refused))"


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "1e3", "-5", "9" * 5000, "soon"])
def test_an_odd_retry_after_is_no_crash(value: str) -> None:
    assert _retry_after(value, 0.0) in (0.0, float("inf"))


def test_a_superscript_retry_after_from_a_server(server: LinkServer) -> None:
    clock = FakeClock()
    with checker(clock=clock, sleep=clock.sleep, retries=1, backoff=0.25) as links:
        result = links.check([server.url("/odd-retry-after")])[server.url("/odd-retry-after")]
    assert (result.status, result.detail) == ("error", "HTTP 503")
    assert clock.sleeps == [0.25]  # the usual backoff: "²" is no number of seconds


def test_a_refused_connection_is_an_error(server: LinkServer) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # bound, never listening: connections are refused
        clock = FakeClock()
        url = f"http://127.0.0.1:{port}/x"
        with checker(clock=clock, sleep=clock.sleep, retries=1) as links:
            result = links.check([url])[url]
    assert result.status == "error" and "connection failed" in result.detail
    assert clock.sleeps == [0.5]  # retried once, after the backoff


def test_a_dns_failure_is_unverifiable(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "no-such-host.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    url = "http://no-such-host.test/page"
    with checker() as links:
        result = links.check([url])[url]
    assert result.status == "unverifiable"
    assert "does not resolve" in result.detail


def test_urls_that_are_not_http_are_errors_without_a_request() -> None:
    with checker() as links:
        results = links.check(["ftp://example.test/x", "not a url"])
    assert {r.status for r in results.values()} == {"error"}


def test_each_url_is_fetched_once_without_its_fragment(server: LinkServer) -> None:
    urls = [server.url("/ok#a_1"), server.url("/ok#b"), server.url("/ok")]
    with checker() as links:
        results = links.check(urls)
    assert list(results) == urls
    assert {r.status for r in results.values()} == {"ok"}
    assert server.hits["/ok"] == 1


def test_the_user_agent_says_who_is_asking(server: LinkServer) -> None:
    with checker() as links:
        links.check([server.url("/ok")])
    assert server.user_agents == {USER_AGENT}
    assert USER_AGENT.startswith("citelink/")


@pytest.mark.parametrize("per_host", [1, 3])
def test_requests_in_flight_to_a_host_are_capped(per_host: int) -> None:
    with LinkServer(delay=0.05) as server:
        urls = [server.url(f"/page/{i}") for i in range(8)]
        with checker(per_host=per_host, workers=8) as links:
            results = links.check(urls)
        assert {r.status for r in results.values()} == {"ok"}
        assert 1 <= server.most_in_flight <= per_host


def test_requests_to_a_host_are_spaced_by_the_rate(server: LinkServer) -> None:
    clock = FakeClock()
    urls = [server.url(f"/page/{i}") for i in range(4)]
    with checker(per_host=1, rate=2, clock=clock, sleep=clock.sleep) as links:
        links.check(urls)
    assert clock.sleeps == [0.5, 0.5, 0.5]


def test_the_host_gate() -> None:
    clock = FakeClock()
    gate = _HostGate(0.25, clock, clock.sleep)
    for _ in range(3):
        gate.wait()
    assert clock.sleeps == [0.25, 0.25]
    gate.pause(10)
    gate.wait()
    assert clock.sleeps[2] == pytest.approx(10, abs=0.3)


def test_the_cache_saves_requests_until_its_results_expire(
    server: LinkServer, tmp_path: Path
) -> None:
    clock = FakeClock()
    cache = tmp_path / "links.sqlite3"
    urls = [server.url("/ok"), server.url("/missing"), server.url("/challenge")]
    with checker(cache=cache, ttl=3600, now=clock) as links:
        first = links.check(urls)
    assert not any(r.cached for r in first.values())
    with checker(cache=cache, ttl=3600, now=clock) as links:
        second = links.check(urls)
    assert all(r.cached for r in second.values())
    assert [r.status for r in second.values()] == ["ok", "dead", "unverifiable"]
    assert server.hits["/ok"] == 1
    clock.time += 3601
    with checker(cache=cache, ttl=3600, now=clock) as links:
        third = links.check(urls)
    assert not any(r.cached for r in third.values())
    assert server.hits["/ok"] == 2


def test_errors_are_not_cached(server: LinkServer, tmp_path: Path) -> None:
    cache = tmp_path / "links.sqlite3"
    for _ in range(2):
        with checker(cache=cache) as links:
            result = links.check([server.url("/loop")])[server.url("/loop")]
        assert (result.status, result.cached) == ("error", False)


def test_a_cache_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "links.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(LinkCacheError, match=r"links\.sqlite3"):
        LinkCache(bad, ttl=60)


def test_a_corrupt_cache_is_reported_and_the_check_goes_on(
    server: LinkServer, tmp_path: Path
) -> None:
    bad = tmp_path / "links.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    warnings: list[str] = []
    with checker(cache=bad, warn=warnings.append) as links:
        result = links.check([server.url("/ok")])[server.url("/ok")]
    assert result.status == "ok"
    assert len(warnings) == 1 and "links.sqlite3" in warnings[0]
    assert "without the cache" in warnings[0]
    assert bad.read_bytes() == b"this is not SQLite" * 100  # the user's file is left alone


def test_a_cache_that_fails_later_is_dropped_once(server: LinkServer, tmp_path: Path) -> None:
    warnings: list[str] = []
    with checker(cache=tmp_path / "links.sqlite3", warn=warnings.append) as links:
        assert links.cache is not None
        links.cache.close()  # as if the disk went away
        first = links.check([server.url("/ok")])
        second = links.check([server.url("/page/1")])
    assert [r.status for r in (*first.values(), *second.values())] == ["ok", "ok"]
    assert len(warnings) == 1


def test_a_cache_with_damaged_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite3"
    cache = LinkCache(path, ttl=60)
    cache.put(LinkResult(f"https://example.test/{i}", "ok", "HTTP 200" * 20) for i in range(2000))
    cache.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[3 * 4096 : 5 * 4096] = b"\xa5" * (2 * 4096)  # two pages in the middle, header intact
    path.write_bytes(bytes(data))
    with pytest.raises(LinkCacheError, match=r"links\.sqlite3: (damaged|.*malformed)"):
        LinkCache(path, ttl=60)


def test_a_cache_row_that_is_no_result_is_not_taken_for_one(tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite3"
    LinkCache(path, ttl=60).close()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?)",
            [
                ("https://a.test/", "bogus", "HTTP 200", 200, None, 1e12),
                ("https://b.test/", "ok", b"bytes", 200, None, 1e12),
                ("https://c.test/", "ok", "HTTP 200", "two hundred", None, 1e12),
                ("https://d.test/", "dead", "HTTP 404", 404, None, 1e12),
            ],
        )
    db.close()
    cache = LinkCache(path, ttl=60, now=lambda: 1e12)
    assert list(
        cache.get(["https://a.test/", "https://b.test/", "https://c.test/", "https://d.test/"])
    ) == ["https://d.test/"]
    cache.close()


def test_bad_settings_are_refused() -> None:
    for bad in ({"per_host": 0}, {"deadline": 0}, {"host_failures": -1}):
        with pytest.raises(ValueError):
            LinkChecker(**bad)  # type: ignore[arg-type]


def test_results_are_plain_records() -> None:
    result = LinkResult("https://example.test/", "dead", "HTTP 404", 404)
    assert (result.status, result.cached, result.final_url) == ("dead", False, None)
