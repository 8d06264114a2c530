"""A local web server on 127.0.0.1 that answers the way real sites do, for link-checker tests.

Each path shows one behaviour: ``/ok``, ``/missing`` (404), ``/gone`` (410),
``/challenge`` (403 bot challenge), ``/forbidden`` (plain 403), ``/blocked``
(a block page served as 200), ``/throttled`` (429 with ``Retry-After: 2``
the first time), ``/busy`` (always 503 with ``Retry-After: 1``),
``/flaky`` (500 the first time), ``/slow`` (answers after 2 s), ``/loop``
(a redirect loop), ``/moved`` (a redirect to a "document not found" page served
as 200), ``/soft404`` (a 200 page titled "Page Not Found"), ``/redirect-ok``,
``/pdf``, ``/page/N`` (a small page, optionally after ``delay`` seconds).
Misbehaviours: ``/trickle-headers`` and ``/trickle-body`` (a byte every 50 ms,
never done), ``/odd-retry-after`` (503 with ``Retry-After: ²``),
``/challenge-503`` (a Cloudflare challenge served with 503); pages that merely
carry the number 404: ``/to-26-404`` (a redirect to ``/uscode/text/26/404``),
``/to-cfr-404`` (to ``/cfr/text/20/404.1520``), ``/reed`` (titled "404 U.S. 71
| Reed v. Reed"); and real "not found" pages: ``/to-404`` (a redirect to
``/404``), ``/to-errors`` (to ``/errors/404.html``), ``/error-title`` (a 200
page titled "Error 404 - Not Found").
The server counts requests per path, records User-Agents and the largest
number of requests in flight at once. :class:`SilentServer` accepts
connections and never answers.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PAGE = b"<html><head><title>8 U.S. Code \xc2\xa7 1373</title></head><body>text</body></html>"
#: How long a trickle goes on at most (seconds): far longer than any deadline a test sets.
TRICKLE = 30.0


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.delay = delay
        self.hits: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout test) is no error of the server's: stay quiet."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> LinkServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    # Headers and body go out in two writes: without this, Nagle's algorithm and the
    # client's delayed ACK hold every keep-alive response back by about 40 ms.
    disable_nagle_algorithm = True
    server: LinkServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        server = self.server
        with server.lock:
            server.hits[self.path] += 1
            hits = server.hits[self.path]
            server.user_agents.add(self.headers.get("User-Agent", ""))
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        try:
            self._answer(hits)
        finally:
            with server.lock:
                server.in_flight -= 1

    def _answer(self, hits: int) -> None:
        path = self.path
        if path == "/ok" or path.startswith("/page/"):
            if self.server.delay:
                time.sleep(self.server.delay)
            self._send(200, PAGE)
        elif path == "/missing":
            self._send(404, b"<title>404 Not Found</title>")
        elif path == "/gone":
            self._send(410, b"<title>Gone</title>")
        elif path == "/challenge":
            body = b"<title>Just a moment...</title><script src='/cdn-cgi/challenge-platform/x'>"
            self._send(403, body, {"cf-mitigated": "challenge"})
        elif path == "/forbidden":
            self._send(403, b"<title>Forbidden</title>")
        elif path == "/blocked":
            self._send(200, b"<html><head><title>Access Denied</title></head>Reference #18</html>")
        elif path == "/throttled":
            if hits == 1:
                self._send(429, b"slow down", {"Retry-After": "2"})
            else:
                self._send(200, PAGE)
        elif path == "/busy":
            self._send(503, b"try later", {"Retry-After": "1"})
        elif path == "/very-busy":
            self._send(503, b"try much later", {"Retry-After": "86400"})
        elif path == "/flaky":
            self._send(500 if hits == 1 else 200, PAGE)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE)
        elif path == "/loop":
            self._send(302, b"", {"Location": "/loop"})
        elif path == "/moved":
            self._send(302, b"", {"Location": "/documentNotFound.xhtml"})
        elif path == "/documentNotFound.xhtml":
            self._send(200, b"<html><head><title>Document Not Found</title></head></html>")
        elif path == "/soft404":
            self._send(200, b"<html><head><title>Page Not Found | Site</title></head></html>")
        elif path == "/redirect-ok":
            self._send(301, b"", {"Location": "/ok"})
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7", {"Content-Type": "application/pdf"})
        elif path == "/trickle-headers":
            self._trickle(b"HTTP/1.1 200 OK\r\n", b"X")
        elif path == "/trickle-body":
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
            self._trickle(head, b"x")
        elif path == "/odd-retry-after":
            self._send(503, b"busy", {"Retry-After": "\u00b2"})
        elif path == "/challenge-503":
            body = b"<title>Just a moment...</title><script src='/cdn-cgi/challenge-platform/x'>"
            self._send(503, body, {"cf-mitigated": "challenge"})
        elif path == "/to-26-404":
            self._send(301, b"", {"Location": "/uscode/text/26/404"})
        elif path == "/to-cfr-404":
            self._send(301, b"", {"Location": "/cfr/text/20/404.1520"})
        elif path in ("/uscode/text/26/404", "/cfr/text/20/404.1520"):
            self._send(200, PAGE)
        elif path == "/reed":
            self._send(200, b"<html><head><title>404 U.S. 71 | Reed v. Reed</title></head></html>")
        elif path == "/to-404":
            self._send(302, b"", {"Location": "/404"})
        elif path == "/404":
            self._send(200, b"<html><head><title>Oops | Site</title></head></html>")
        elif path == "/to-errors":
            self._send(302, b"", {"Location": "/errors/404.html"})
        elif path == "/errors/404.html":
            self._send(200, b"<html><head><title>Sorry | Site</title></head></html>")
        elif path == "/error-title":
            self._send(200, b"<html><head><title>Error 404 - Not Found</title></head></html>")
        else:
            self._send(404, b"no such test page")

    def _trickle(self, head: bytes, byte: bytes) -> None:
        """Write ``head``, then ``byte`` every 50 ms until the client leaves (or for TRICKLE s)."""
        self.close_connection = True
        self.wfile.write(head)
        end = time.monotonic() + TRICKLE
        try:
            while time.monotonic() < end:
                self.wfile.write(byte)
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:  # the client cut the connection: what a deadline does
            pass

    def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SilentServer:
    """A host that accepts connections and never answers; it counts the connections."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self._socket.settimeout(0.05)
        self.connections = 0
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}{path}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            self._held.append(connection)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        for connection in self._held:
            connection.close()
        self._socket.close()
