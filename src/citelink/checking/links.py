"""Check that links are alive, politely, with a persistent cache.

>>> checker = LinkChecker()                                     # doctest: +SKIP
>>> checker.check(["https://www.law.cornell.edu/uscode/text/8/1373"])  # doctest: +SKIP
{'https://www.law.cornell.edu/uscode/text/8/1373': LinkResult(status='ok', ...)}

Each URL is classified:

* ``ok`` — the page is there (2xx);
* ``dead`` — 404 or 410, or a redirect to a "document not found" page served
  with 200 (uscode.house.gov answers a missing section that way), or a page
  whose title says it was not found. A number is not "not found": a redirect
  to ``/uscode/text/26/404`` or a page titled "404 U.S. 71 | Reed v. Reed" is
  alive;
* ``unverifiable`` — the site would not let a program look: 401/403 (bot
  challenges), a challenge or block page (served with 200, 403, 429 or 503),
  rate limiting that outlasts our patience, a host name that does not resolve.
  Never reported dead;
* ``error`` — the check itself failed: timeout, refused connection, no complete
  answer within the ``deadline``, redirect loop, 5xx after retries, or a host
  given up on after ``host_failures`` failures in a row.

Requests go through :mod:`requests` sessions with pooled keep-alive
connections, a clear User-Agent, timeouts, a total deadline per request (a
server that trickles its headers or body a byte at a time has its connection
cut), retries with exponential backoff,
``Retry-After`` honoured on 429 and 503, at most ``per_host`` requests at a
time to one host and at most ``rate`` per second. Results (all but errors)
are kept in a SQLite cache for ``ttl`` seconds, so a nightly run re-checks
only what changed; a cache that cannot be read or written is reported (once)
and the check goes on without it. :mod:`requests` is imported on the first
network request.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import socket
import sqlite3
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from http.client import HTTPException
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urldefrag, urlsplit

from citelink import __version__

if TYPE_CHECKING:
    import requests
    import requests.adapters

Status = Literal["ok", "dead", "unverifiable", "error"]

USER_AGENT = f"citelink/{__version__} (citation link checker; +https://pypi.org/project/citelink/)"
#: Statuses that retrying may change.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_READ_LIMIT = 1 << 20  # read at most 1 MiB of a page (then drop the connection)
_SNIFF = 1 << 16  # look for "not found" and block pages in the first 64 KiB

_TITLE = re.compile(rb"<title[^>]{0,200}>(?P<title>[^<]{0,300})<", re.IGNORECASE)
#: A title that says "not found": "404", "404 Not Found", "Error 404 | Site", "Page not found".
#: A title that merely starts with the number ("404 U.S. 71 | Reed v. Reed") does not.
_NOT_FOUND_TITLE = re.compile(
    r"^\W{0,3}(?:(?:(?:http\s+)?error\s*)?404(?:\s*error)?\s*(?:$|[-|:\u2013\u2014(]|not\s+found\b)"
    r"|(?:(?:page|document|file|resource)\s+)?not\s+found\b)",
    re.IGNORECASE,
)
#: Where sites send a reader after a missing document ("/documentNotFound.xhtml").
_NOT_FOUND_URL = re.compile(r"not[-_]?found|[?&]aspxerrorpath=", re.IGNORECASE)
#: A path segment "404" ("/404", "/404.html"), a sign of an error page where it is not a number.
_NOT_FOUND_SEGMENT = re.compile(r"404(?:\.[A-Za-z]{1,5})?", re.ASCII)
#: Titles of bot-challenge and block pages (Cloudflare, Akamai, Imperva, PerimeterX, F5...).
_BLOCK_TITLE = re.compile(
    r"^\s*(?:just a moment|attention required|access denied|pardon our interruption"
    r"|are you a robot|request rejected|security check|human verification|one more step"
    r"|checking your browser|please wait while we verify)",
    re.IGNORECASE,
)
_BLOCK_BODY = re.compile(
    rb"/cdn-cgi/challenge-platform|cf-chl-|_Incapsula_Resource|px-captcha"
    rb"|The requested URL was rejected\. Please consult with your administrator"
)


@dataclass(frozen=True)
class LinkResult:
    """What checking one URL found."""

    url: str
    status: Status
    #: Why, in words: "HTTP 404", "timed out", "bot challenge (HTTP 403)"...
    detail: str
    #: The final HTTP status code, if there was a response.
    code: int | None = None
    #: Where redirects led, if anywhere else.
    final_url: str | None = None
    #: When the check was made (seconds since the epoch).
    checked_at: float = 0.0
    #: Whether the result came from the cache.
    cached: bool = False


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/citelink/links.sqlite3`` (``~/.cache/...`` without the variable)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "citelink" / "links.sqlite3"


class LinkCacheError(Exception):
    """The cache file cannot be used (not a SQLite database, not writable...)."""


class LinkCache:
    """Results of earlier checks in a SQLite file, fresh for ``ttl`` seconds.

    A file with damaged pages is refused when opened (SQLite's ``quick_check``),
    and a row that is not a result (a status citelink does not use, a detail
    that is not text) is not taken for one.
    """

    def __init__(self, path: str | Path, ttl: float, now: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.ttl = ttl
        self._now = now
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS links (url TEXT PRIMARY KEY, status TEXT NOT NULL,"
                " detail TEXT NOT NULL, code INTEGER, final_url TEXT, checked_at REAL NOT NULL)"
            )
            self._db.commit()
            (verdict,) = self._db.execute("PRAGMA quick_check(1)").fetchone()
        except (OSError, sqlite3.Error) as error:
            raise LinkCacheError(f"link cache {self.path}: {error}") from None
        if verdict != "ok":
            self._db.close()
            raise LinkCacheError(f"link cache {self.path}: damaged ({verdict})")

    def get(self, urls: Sequence[str]) -> dict[str, LinkResult]:
        """The fresh results the cache holds for ``urls``."""
        oldest = self._now() - self.ttl
        found: dict[str, LinkResult] = {}
        try:
            for at in range(0, len(urls), 500):
                chunk = urls[at : at + 500]
                rows = self._db.execute(
                    "SELECT url, status, detail, code, final_url, checked_at FROM links"
                    f" WHERE url IN ({','.join('?' * len(chunk))}) AND checked_at >= ?",
                    (*chunk, oldest),
                )
                for url, status, detail, code, final_url, checked_at in rows:
                    if _is_result(status, detail, code, final_url, checked_at):
                        found[url] = LinkResult(
                            url, status, detail, code, final_url, checked_at, cached=True
                        )
        except sqlite3.Error as error:
            raise LinkCacheError(f"link cache {self.path}: {error}") from None
        return found

    def put(self, results: Iterable[LinkResult]) -> None:
        """Remember ``results`` (errors are not remembered: they are worth retrying)."""
        rows = [
            (r.url, r.status, r.detail, r.code, r.final_url, r.checked_at)
            for r in results
            if r.status != "error"
        ]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as error:
            raise LinkCacheError(f"link cache {self.path}: {error}") from None

    def close(self) -> None:
        self._db.close()


def _is_result(status: object, detail: object, code: object, final: object, at: object) -> bool:
    """Whether a cache row's values are those of a :class:`LinkResult`."""
    return (
        status in ("ok", "dead", "unverifiable")
        and isinstance(detail, str)
        and (code is None or type(code) is int)
        and (final is None or isinstance(final, str))
        and isinstance(at, float)
    )


class _HostGate:
    """Spaces the requests to one host at least ``interval`` apart; pauses on request.

    It also counts the host's failures in a row (no answer at all): at ``give_up``
    of them (0: never) the host is given up on, and :attr:`given_up` says why.
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        give_up: int = 0,
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._give_up = give_up
        self._lock = threading.Lock()
        self._next = 0.0
        self._paused_until = 0.0
        self._failures = 0
        #: Why the host was given up on ("failed 3 times in a row (last: timed out...)").
        self.given_up: str | None = None

    def answered(self, failed: str | None) -> None:
        """Count one request: ``failed`` says how it failed, ``None`` if the host answered."""
        with self._lock:
            if failed is None:
                self._failures = 0
                return
            self._failures += 1
            if self._give_up and self._failures >= self._give_up and self.given_up is None:
                self.given_up = f"failed {self._failures} times in a row (last: {failed})"

    def wait(self) -> None:
        """Block until this host may be sent another request."""
        while True:
            with self._lock:
                now = self._clock()
                if self._paused_until > now:
                    delay, ready = self._paused_until - now, False
                else:
                    start = max(now, self._next)
                    self._next = start + self._interval
                    delay, ready = start - now, True
            if delay > 0:
                self._sleep(delay)
            if ready:
                return

    def pause(self, seconds: float) -> None:
        """Send this host nothing for ``seconds`` (it asked us to wait, or it is struggling)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + seconds)


class LinkChecker:
    """Checks URLs concurrently and politely; see the module's description.

    ``timeout`` is the connect and read timeout of one request (seconds) and
    ``deadline`` the most one request may take in all, headers and body (a
    server that trickles is cut off); ``retries`` how many times a timeout, a
    connection error, 429 or 5xx is retried, after ``backoff`` × 2ⁿ seconds or
    the ``Retry-After`` the server asked for (up to ``max_wait``; a longer wait
    gives up). After ``host_failures`` requests in a row to one host got no
    answer (0: never give up), the host's other URLs are not requested. ``per_host`` caps
    the requests in flight to one host and ``rate`` the requests per second
    to one host (0: no limit); ``workers`` caps them all. ``cache`` is a
    SQLite file (``None``: no cache) whose results stay fresh for ``ttl``
    seconds; a cache that fails is reported to ``warn`` (default:
    :func:`warnings.warn`) and not used again. ``clock``, ``sleep`` and ``now``
    are for tests.
    """

    def __init__(
        self,
        *,
        cache: str | Path | None = None,
        ttl: float = 7 * 24 * 3600,
        timeout: float = 10.0,
        deadline: float = 30.0,
        retries: int = 2,
        backoff: float = 0.5,
        max_wait: float = 60.0,
        per_host: int = 4,
        rate: float = 5.0,
        workers: int = 16,
        host_failures: int = 3,
        user_agent: str = USER_AGENT,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.time,
    ) -> None:
        if (
            per_host < 1
            or workers < 1
            or min(retries, rate, host_failures) < 0
            or min(timeout, deadline) <= 0
        ):
            raise ValueError(
                "per_host and workers must be ≥ 1, retries, rate and host_failures ≥ 0,"
                " timeout and deadline > 0"
            )
        self._warn = warn or _warn
        self.cache: LinkCache | None = None
        if cache is not None:
            try:
                self.cache = LinkCache(cache, ttl, now)
            except LinkCacheError as error:
                self._cache_failed(error)
        self.timeout = timeout
        self.deadline = deadline
        self.host_failures = host_failures
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.per_host = per_host
        self.rate = rate
        self.workers = workers
        self.user_agent = user_agent
        self._clock = clock
        self._sleep = sleep
        self._now = now
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()
        self._local = threading.local()
        self._deadlines: set[_Deadline] = set()
        self._deadlines_lock = threading.Lock()
        self._sessions: list[requests.Session] = []

    def check(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """A result for each of ``urls`` (by the URL as given).

        URLs are checked once each, without their ``#fragment``; results come
        from the cache when it has them fresh.
        """
        keys = {url: urldefrag(url).url for url in urls}
        results: dict[str, LinkResult] = {}
        todo: list[str] = []
        for key in dict.fromkeys(keys.values()):
            parts = urlsplit(key)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                results[key] = LinkResult(
                    key, "error", "not an http(s) URL", checked_at=self._now()
                )
            else:
                todo.append(key)
        if self.cache is not None and todo:
            try:
                results.update(self.cache.get(todo))
            except LinkCacheError as error:
                self._cache_failed(error)
            todo = [key for key in todo if key not in results]
        if todo:
            fresh = self._fetch_all(todo)
            if self.cache is not None:
                try:
                    self.cache.put(fresh)
                except LinkCacheError as error:
                    self._cache_failed(error)
            results.update((r.url, r) for r in fresh)
        return {url: results[key] for url, key in keys.items()}

    def close(self) -> None:
        """Close the network sessions and the cache."""
        for session in self._sessions:
            session.close()
        self._sessions.clear()
        if self.cache is not None:
            self.cache.close()

    def _cache_failed(self, error: LinkCacheError) -> None:
        """Say the cache failed, once, and check without it from now on."""
        if self.cache is not None:
            self.cache.close()
        self.cache = None
        self._warn(f"{error}; checking links without the cache")

    def __enter__(self) -> LinkChecker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- fetching --------------------------------------------------------------------

    def _fetch_all(self, urls: Sequence[str]) -> list[LinkResult]:
        """Check ``urls``: ``per_host`` lanes per host, each taking that host's URLs in turn."""
        queues: dict[str, deque[str]] = {}
        for url in urls:
            queues.setdefault(_host(url), deque()).append(url)
        results: list[LinkResult] = []

        def lane(queue: deque[str]) -> None:
            while True:
                try:
                    url = queue.popleft()
                except IndexError:
                    return
                results.append(self._check_one(url))  # list.append is atomic

        # Lanes of different hosts alternate, so one big host does not take every worker.
        lanes = [queue for i in range(self.per_host) for queue in queues.values() if i < len(queue)]
        with ThreadPoolExecutor(max_workers=min(self.workers, len(lanes))) as pool:
            try:
                for done in [pool.submit(lane, q) for q in lanes]:
                    done.result()
            except BaseException:  # Ctrl-C: stop the lanes now rather than after every URL
                for queue in lanes:
                    queue.clear()
                with self._deadlines_lock:
                    for deadline in self._deadlines:
                        deadline.expire()
                raise
        return results

    def _gate(self, url: str) -> _HostGate:
        host = _host(url)
        with self._gates_lock:
            gate = self._gates.get(host)
            if gate is None:
                interval = 1.0 / self.rate if self.rate else 0.0
                gate = self._gates[host] = _HostGate(
                    interval, self._clock, self._sleep, self.host_failures
                )
        return gate

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = requests.Session()
            adapter = _adapter_class()(
                pool_connections=16, pool_maxsize=self.per_host, max_retries=0
            )
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = self.user_agent
            session.headers["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8"
            session.max_redirects = 10
            self._local.session = session
            self._sessions.append(session)
        return session

    def _check_one(self, url: str) -> LinkResult:
        gate = self._gate(url)
        attempt = 0
        while True:
            gate.wait()
            if gate.given_up is not None:
                return LinkResult(
                    url,
                    "error",
                    f"not checked: {_host(url)} {gate.given_up}",
                    checked_at=self._now(),
                )
            result, wait = self._attempt(url)
            gate.answered(result.detail if _no_answer(result) else None)
            if wait is None or attempt >= self.retries or gate.given_up is not None:
                return result
            if wait > self.max_wait:
                return replace(result, detail=f"{result.detail}; asked to wait {wait:.0f} s")
            gate.pause(wait if wait > 0 else self.backoff * 2**attempt)
            attempt += 1

    def _attempt(self, url: str) -> tuple[LinkResult, float | None]:
        """One request: its result and, if worth retrying, the wait the server asked for (or 0)."""
        import requests
        import urllib3

        checked_at = self._now()

        def result(
            status: Status, detail: str, code: int | None = None, final: str | None = None
        ) -> LinkResult:
            return LinkResult(url, status, detail, code, final, checked_at)

        deadline = _Deadline(self.deadline)
        late = f"no complete answer within {self.deadline:g} s"
        with self._deadlines_lock:
            self._deadlines.add(deadline)
        try:
            with deadline, self._session().get(url, timeout=self.timeout, stream=True) as response:
                head = _read(response) if _is_text(response) else b""
            if deadline.expired:  # the cut may pass for the end of the headers or the body
                return result("error", late), None
            return self._answered(url, response, head, result)
        except requests.exceptions.TooManyRedirects:
            return result("error", "redirect loop"), None
        except requests.exceptions.InvalidURL as error:
            return result("error", f"invalid URL ({error})"), None
        except requests.exceptions.RequestException as error:
            if deadline.expired:
                return result("error", late), None
            if _caused_by_dns(error):
                return result("unverifiable", "the host name does not resolve"), None
            if _timed_out(error):
                return result("error", f"timed out after {self.timeout:g} s"), 0.0
            return result("error", f"connection failed ({_reason(error)})"), 0.0
        except (OSError, ValueError, HTTPException, urllib3.exceptions.HTTPError) as error:
            # What requests lets through from a broken answer (a bad header, a bad
            # Location...): the check failed, the run goes on.
            return result("error", f"broken answer ({type(error).__name__})"), None
        finally:
            with self._deadlines_lock:
                self._deadlines.discard(deadline)

    def _answered(
        self,
        url: str,
        response: requests.Response,
        head: bytes,
        result: Callable[[Status, str, int | None, str | None], LinkResult],
    ) -> tuple[LinkResult, float | None]:
        """What an answer says, and if worth retrying, the wait the server asked for (or 0)."""
        code = response.status_code
        final = response.url if response.url != url else None
        if code in _RETRY_STATUSES:
            if _blocked(response, head, _title(head)):
                return result("unverifiable", f"bot challenge (HTTP {code})", code, final), None
            wait = _retry_after(response.headers.get("Retry-After"), self._now())
            if code == 429:
                return result("unverifiable", "rate limited (HTTP 429)", code, final), wait
            return result("error", f"HTTP {code}", code, final), wait
        status, detail = _classify(url, response, head)
        return result(status, detail, code, final), None


def _no_answer(result: LinkResult) -> bool:
    """Whether a request got no answer at all: a sign the host is down or stalling."""
    return result.code is None and result.detail.startswith(
        ("timed out", "connection failed", "no complete answer", "broken answer")
    )


class _Deadline:
    """Cuts the connection of the request in this thread when ``seconds`` have passed.

    Socket timeouts bound each read, not the request: a server that sends a byte
    every few seconds would hold a check forever. The connection classes of
    :func:`_adapter_class` tell the running deadline which connection they are;
    when it expires it shuts that socket down, which ends the request with an
    error, whatever it was waiting for.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._connection: Any = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _RUNNING.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _RUNNING.deadline = None
        with self._lock:
            self._connection = None  # back in the pool: no late cut

    def attach(self, connection: Any) -> None:
        """``connection`` is the one this request is using (cut it at once if time is up)."""
        with self._lock:
            self._connection = connection
            if self.expired:
                _cut(connection)

    def expire(self) -> None:
        """Time is up (or the run was interrupted): cut the connection."""
        with self._lock:
            self.expired = True
            if self._connection is not None:
                _cut(self._connection)


_RUNNING = threading.local()


def _cut(connection: Any) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            # socket.socket's own shutdown, also for a TLS socket: end the reads now.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _attach_running(connection: Any) -> None:
    deadline: _Deadline | None = getattr(_RUNNING, "deadline", None)
    if deadline is not None:
        deadline.attach(connection)


@functools.cache
def _watched(pool_class: type[Any]) -> type[Any]:
    """``pool_class`` with connections that tell the running :class:`_Deadline` who they are."""
    base: type[Any] = pool_class.ConnectionCls

    class Connection(base):  # type: ignore[misc]
        def connect(self) -> None:
            _attach_running(self)
            super().connect()
            _attach_running(self)

        def request(self, *args: Any, **kwargs: Any) -> None:
            _attach_running(self)
            super().request(*args, **kwargs)

    return type(pool_class.__name__, (pool_class,), {"ConnectionCls": Connection})


@functools.cache
def _adapter_class() -> type[requests.adapters.HTTPAdapter]:
    """A :mod:`requests` adapter whose connections a :class:`_Deadline` can cut."""
    from requests.adapters import HTTPAdapter

    def watch(manager: Any) -> Any:
        manager.pool_classes_by_scheme = {
            scheme: _watched(pool) for scheme, pool in manager.pool_classes_by_scheme.items()
        }
        return manager

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            watch(self.poolmanager)

        def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
            if proxy not in self.proxy_manager:
                watch(super().proxy_manager_for(proxy, **kwargs))
            return self.proxy_manager[proxy]

    return Adapter


def _title(head: bytes) -> str:
    match = _TITLE.search(head)
    return match.group("title").decode("utf-8", "replace").strip() if match else ""


def _blocked(response: requests.Response, head: bytes, title: str) -> bool:
    """Whether the response is a bot challenge or a block page, whatever its status."""
    return (
        response.headers.get("cf-mitigated", "").lower() == "challenge"
        or bool(_BLOCK_TITLE.match(title))
        or bool(_BLOCK_BODY.search(head))
    )


def _classify(url: str, response: requests.Response, head: bytes) -> tuple[Status, str]:
    code = response.status_code
    title = _title(head)
    blocked = _blocked(response, head, title)
    if code in (404, 410):
        return "dead", f"HTTP {code}"
    if code in (401, 403, 407, 451):
        why = "bot challenge" if blocked else "access refused"
        return "unverifiable", f"{why} (HTTP {code})"
    if 200 <= code < 300:
        if blocked:
            return "unverifiable", f"a bot-challenge or block page (HTTP {code}: {title!r})"
        redirected = bool(response.history)
        if redirected and _lands_on_not_found(url, response.url):
            return "dead", f"redirected to a 'not found' page ({response.url})"
        if _NOT_FOUND_TITLE.match(title):
            where = f"redirected to {response.url}: " if redirected else ""
            return "dead", f"{where}the page says {title!r}"
        return "ok", f"HTTP {code}"
    return "error", f"HTTP {code}"


def _lands_on_not_found(asked: str, landed: str) -> bool:
    """Whether a redirect from ``asked`` led to an error page, by the URL it landed on.

    "notFound" in the URL (where the asked URL had none), or a last path segment
    "404" that is the whole path or follows one naming an error ("/errors/404.html");
    a "404" after a title or volume ("/uscode/text/26/404") is a section number.
    """
    before, after = urlsplit(asked), urlsplit(landed)
    if _NOT_FOUND_URL.search(f"{after.path}?{after.query}") and not _NOT_FOUND_URL.search(
        f"{before.path}?{before.query}"
    ):
        return True
    segments = [segment for segment in after.path.split("/") if segment]
    if not segments or not _NOT_FOUND_SEGMENT.fullmatch(segments[-1]):
        return False
    return len(segments) == 1 or "error" in segments[-2].lower()


def _read(response: requests.Response) -> bytes:
    """The first :data:`_SNIFF` bytes of the body; reads the rest (up to a limit) for reuse."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=16384):
        chunks.append(chunk)
        size += len(chunk)
        if size >= _READ_LIMIT:
            break
    return b"".join(chunks)[:_SNIFF]


def _is_text(response: requests.Response) -> bool:
    kind = response.headers.get("Content-Type", "text/html").lower()
    return kind.startswith(("text/", "application/xhtml"))


def _retry_after(value: str | None, now: float) -> float:
    """Seconds to wait per a ``Retry-After`` header (delta-seconds or an HTTP date); 0 if none."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isascii() and value.isdigit():  # not "²" or "٣": int() would take those, or fail
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0


def _warn(message: str) -> None:
    warnings.warn(message, stacklevel=3)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _chain(error: BaseException) -> Iterable[Any]:
    """The exceptions behind ``error``: causes, contexts and the ``reason`` urllib3 keeps."""
    seen: set[int] = set()
    todo: list[Any] = [error]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [getattr(current, "__cause__", None), getattr(current, "__context__", None)]
        todo.append(getattr(current, "reason", None))
        todo += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]


def _caused_by_dns(error: BaseException) -> bool:
    return any(
        isinstance(e, socket.gaierror) or type(e).__name__ == "NameResolutionError"
        for e in _chain(error)
    )


def _timed_out(error: BaseException) -> bool:
    import requests

    return any(
        isinstance(e, (requests.exceptions.Timeout, TimeoutError, socket.timeout))
        or type(e).__name__ in ("ReadTimeoutError", "ConnectTimeoutError")
        for e in _chain(error)
    )


def _reason(error: BaseException) -> str:
    """The operating system's words for a connection failure ("Connection refused")."""
    for cause in _chain(error):
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
    return type(error).__name__
