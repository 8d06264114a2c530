"""Annotated pages in a real browser (headless Chromium): they read the same, with real links.

Each page, original and annotated, is loaded from a server on 127.0.0.1 into
an iframe of one test page, sandboxed (no scripts run: what a scripting-off
parser such as lxml sees, and what a page's own scripts cannot change). The
test page's script compares them in the browser's DOM and writes what it found
into its own; Chromium's ``--dump-dom`` returns that. For every page:

- the rendered text (``document.body.innerText``) is identical;
- every inserted link is an ``<a>`` in the DOM with an http(s) ``href``, and
  none is nested in another link;
- the browser's DOM has as many inserted links as the source has.

Skips, with a message, where no Chromium is installed (``.ci/run`` installs
Debian's ``chromium``).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from citelink.annotation import Links, annotate_html

from .conftest import SHARED

OURS = Links(css_class="x-citelink")

#: Pages written for this test: the shapes that broke annotation on real sites, and
#: the HTML parser's odd corners (foster parenting, the script states, noscript...).
ADVERSARIAL = {
    "logo-link": '<a href="/"><img src="logo.png" alt="Home"></a><p>See 8 U.S.C. 1373.</p>',
    "button-image": '<button>Share<img src="x.svg" alt=""></button><p>See 8 U.S.C. 1373.</p>',
    "code-break": "<code>x<br>y</code><p>See 8 U.S.C. 1373 and 42 U.S.C. 1983.</p>",
    "link-closed-by-link": '<a href="/1">one<a href="/2">two</a> then 8 U.S.C. 1373.',
    "unclosed-paragraphs": "<p>See 8 U.S.C. 1373<p>and 8 U.S.C. § 1101(a)<p>end",
    "inline-markup": "<p><i>8 U.S.C.</i> &sect;&nbsp;1373(a) and <b>42 U.S.C.</b> 1983</p>",
    "word-break": "<p>See 8 U.S.C.<wbr> 1373 and 42<wbr>U.S.C. 1983.</p>",
    "table-text": "<table>8 U.S.C. 1373<tr><td>42 U.S.C. 1983</td></tr></table>",
    "noscript": "<noscript><p>8 U.S.C. 1373</p></noscript><p>42 U.S.C. 1983</p>",
    "script-escape": "<script><!--<script></script>8 U.S.C. 1373</script><p>42 U.S.C. 1983</p>",
    "form-controls": "<select><option>8 U.S.C. 1373</select><textarea>8 U.S.C. 1101</textarea>"
    "<p>42 U.S.C. 1983</p>",
    "svg": "<svg><text>8 U.S.C. 1373</text></svg><p>42 U.S.C. 1983</p>",
    "mis-nested": "<p><b>See 8 U.S.C. <i>§</b> 1373</i> now.</p>",
    "headings-and-lists": "<h2>8 U.S.C. 1373</h2><ul><li>42 U.S.C. 1983<li>§ 1985</ul>",
    "cr-endings": "<p>See 8 U.S.C.\r1373\r\rand 42 U.S.C.\r\n1983</p>",
    "template": "<template><p>8 U.S.C. 1373</p></template><p>42 U.S.C. 1983</p>",
}

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
{frames}
<script>
window.addEventListener("load", () => {{
  const results = {{}};
  for (const name of {names}) {{
    const before = document.getElementById("a-" + name).contentDocument;
    const after = document.getElementById("b-" + name).contentDocument;
    const links = [...after.querySelectorAll("a.x-citelink")];
    results[name] = {{
      same_text: !!before.body && before.body.innerText === after.body.innerText,
      links: links.length,
      bad_href: links.filter(a => !/^https?:$/.test(new URL(a.href).protocol)).length,
      nested: links.filter(a => a.parentElement && a.parentElement.closest("a")).length,
      holding: links.filter(a => a.querySelector("a")).length,
    }};
  }}
  document.getElementById("out").textContent = JSON.stringify(results);
}});
</script></body></html>
"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    found = _chromium()
    if found is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _in_browser(browser: str, site: tuple[Path, str], pages: dict[str, str]) -> dict[str, dict]:  # type: ignore[type-arg]
    """Write each page and its annotation, load them in Chromium, return what it saw,
    with ``inserted``: how many links the annotated source has."""
    root, base = site
    inserted = {}
    frames = []
    for name, page in pages.items():
        annotated = annotate_html(page, links=OURS)
        inserted[name] = annotated.count('class="x-citelink"')
        (root / f"{name}.html").write_text(page, encoding="utf-8", newline="")
        (root / f"{name}.linked.html").write_text(annotated, encoding="utf-8", newline="")
        for prefix, path in (("a", f"{name}.html"), ("b", f"{name}.linked.html")):
            frames.append(f'<iframe id="{prefix}-{name}" sandbox="allow-same-origin" src="{path}">')
            frames.append("</iframe>")
    (root / "check.html").write_text(
        _PAGE.format(frames="\n".join(frames), names=json.dumps(list(pages))), encoding="utf-8"
    )
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--virtual-time-budget=20000",
        "--dump-dom",
        f"{base}/check.html",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    found = re.search(r'<pre id="out">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found is not None and found.group(1) != "pending", done.stderr[-2000:]
    results: dict[str, dict] = json.loads(found.group(1))  # type: ignore[type-arg]
    for name, result in results.items():
        result["inserted"] = inserted[name]
    return results


def _assert_sound(results: dict[str, dict]) -> None:  # type: ignore[type-arg]
    for name, result in results.items():
        assert result["same_text"], f"{name}: the rendered text changed"
        assert result["bad_href"] == 0, f"{name}: a link that is not http(s)"
        assert result["nested"] == 0 and result["holding"] == 0, f"{name}: a link inside a link"
        assert result["links"] == result["inserted"], f"{name}: the browser moved or lost links"


def test_adversarial_pages_read_the_same_in_a_browser(browser: str, site: tuple[Path, str]) -> None:
    results = _in_browser(browser, site, ADVERSARIAL)
    _assert_sound(results)
    # The shapes that silenced whole pages now get their links.
    for name in ("logo-link", "button-image", "code-break", "link-closed-by-link"):
        assert results[name]["links"] >= 1, name


@pytest.mark.skipif(not (SHARED / "realworld").is_dir(), reason="../shared/realworld is absent")
def test_real_pages_read_the_same_in_a_browser(browser: str, site: tuple[Path, str]) -> None:
    pages = {
        path.stem: path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((SHARED / "realworld").glob("*.html"))
    }
    results = _in_browser(browser, site, pages)
    _assert_sound(results)
    assert sum(result["links"] for result in results.values()) > 100
