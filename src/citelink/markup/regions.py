"""Parts of an HTML document selected by an XPath expression (``//article``), as source spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter

from citelink.markup.layout import Layout

_MARK = "data-citelink-at"


def xpath_regions(layout: Layout, xpath: str) -> list[tuple[int, int]]:
    """The source spans of the elements that ``xpath`` selects, merged and sorted.

    The source is parsed with lxml once more, with each start tag marked
    with its position, so that the selected elements map back to our
    tokens. An element that lxml implied (no start tag in the source) counts
    only if it is the document's ``html`` or ``body``: then it is everything.
    """
    from lxml import etree  # only this feature needs the parse

    source = layout.source
    marked: list[str] = []
    position = 0
    for k, start in enumerate(layout.tok_starts):
        name = layout.tok_names[k]
        if name and source[start + 1 : start + 2] != "/":
            at = start + 1 + len(name)
            marked += (source[position:at], f' {_MARK}="{k}"')
            position = at
    marked.append(source[position:])
    parser = etree.HTMLParser(encoding="utf-8")
    root = etree.fromstring("".join(marked).encode("utf-8"), parser)
    if root is None:
        return []
    try:
        selected = root.xpath(xpath)
    except etree.XPathError as error:
        raise ValueError(f"bad XPath expression {xpath!r}: {error}") from None
    if not isinstance(selected, list):
        raise ValueError(f"XPath expression {xpath!r} does not select elements")
    regions: list[tuple[int, int]] = []
    for element in selected:
        if not isinstance(element, etree._Element):
            continue
        mark = element.get(_MARK)
        if mark is None:
            if element.tag in ("html", "body"):
                regions.append((0, len(source)))
            continue
        k = int(mark)
        partner = layout.tok_partners[k]
        if partner >= 0:
            end = layout.tok_ends[partner]
        else:
            end = len(source)
            for following in element.iterfind(f"following::*[@{_MARK}]"):
                end = layout.tok_starts[int(following.get(_MARK, ""))]
                break
        regions.append((layout.tok_starts[k], end))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside_regions(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(regions, start, key=_first) - 1
    return i >= 0 and end <= regions[i][1]


_first = itemgetter(0)
