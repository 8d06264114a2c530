"""Which URLs citelink lets out: one strict rule for the whole package.

Every URL that reaches a citation's ``url``/``urls`` or an inserted link passes
:func:`safe_url`: an absolute ``http``/``https`` URL whose host is written out
(letters, digits, dots and hyphens, or a bracketed IPv6 address), with no user
part, and nothing but RFC 3986's characters after it (others percent-encoded).
So no space, control, bidi, zero-width or non-ASCII character, no backslash and
no quote can ride along into a page, a terminal or a JSON consumer.

>>> safe_url("https://www.law.cornell.edu/uscode/text/8/1373#a")
'https://www.law.cornell.edu/uscode/text/8/1373#a'
>>> [safe_url(u) for u in ("https://user@host/x", "https://host/a b", "javascript:alert(1)")]
[None, None, None]
"""

from __future__ import annotations

import re

#: The longest URL let out.
MAX_LENGTH = 4096

_HOST = r"(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])"
_REST = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*"
# ASCII matching: without it "(?i:https?)" would take "httpſ" (ſ, long s, folds to s).
_SAFE = re.compile(rf"(?i:https?)://{_HOST}(?::[0-9]{{1,5}})?(?:[/?#]{_REST})?", re.ASCII)
#: The start of a URL template: scheme and host written out, then "/", "?" or "#".
SAFE_PREFIX = re.compile(rf"(?i:https?)://{_HOST}(?::[0-9]{{1,5}})?[/?#]", re.ASCII)


def safe_url(url: object) -> str | None:
    """``url`` if citelink may emit it (see the module's rule), else ``None``."""
    if isinstance(url, str) and len(url) <= MAX_LENGTH and _SAFE.fullmatch(url):
        return url
    return None
