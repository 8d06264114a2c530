"""URL templates: placeholders, escaping, declining, and only http(s) URLs out."""

from __future__ import annotations

import pytest

import citelink
from citelink import Finder
from citelink.resolve import Chain
from citelink.sources.usc import UsCodeCitation
from citelink.templates import Template, TemplateError, UrlTemplate


def usc(**fields: object) -> UsCodeCitation:
    values: dict[str, object] = {"text": "x", "start": 0, "end": 1, "title": "8", "section": "1373"}
    values.update(fields)
    return UsCodeCitation(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("template", "citation", "url"),
    [
        ("https://lib.example/usc/{title}/{section}", usc(), "https://lib.example/usc/8/1373"),
        (
            "https://lib.example/usc/{title}/{section}#{pin:_}",
            usc(pin=("a", "1", "A")),
            "https://lib.example/usc/8/1373#a_1_A",
        ),
        (
            "https://lib.example/usc/{title}/{section}#{pin:_}",
            usc(),
            "https://lib.example/usc/8/1373",
        ),
        ("https://lib.example/{id}", usc(pin=("a",)), "https://lib.example/usc/8/1373/a"),
        ("https://lib.example/cite?id={id:.}", usc(), "https://lib.example/cite?id=usc.8.1373"),
        (
            "https://lib.example/find?q={normalized}&k={kind}",
            usc(pin=("a",)),
            "https://lib.example/find?q=8%20U.S.C.%20%C2%A7%201373%28a%29&k=usc",
        ),
        (
            "https://lib.example/usc?app={appendix}",
            usc(appendix=True),
            "https://lib.example/usc?app=true",
        ),
        # a value cannot leave its place in the URL: / ? # & are escaped
        (
            "https://lib.example/usc/{section}",
            usc(section="1/../x?y#z&w"),
            "https://lib.example/usc/1%2F..%2Fx%3Fy%23z%26w",
        ),
        ("https://lib.example:8443/usc/{section}", usc(), "https://lib.example:8443/usc/1373"),
    ],
)
def test_templates_fill_in_escaped_values(
    template: str, citation: UsCodeCitation, url: str
) -> None:
    assert UrlTemplate.parse(template).format(citation) == url


def test_templates_decline_what_they_cannot_address() -> None:
    template = UrlTemplate.parse("https://lib.example/usc/{title}/{section}", unless=["appendix"])
    assert template.format(usc(title=None)) is None  # unresolved
    assert template.format(usc(appendix=True)) is None  # listed in unless
    assert template.format(usc(range_end="1375")) == "https://lib.example/usc/8/1373"
    assert UrlTemplate.parse("https://lib.example/{range_end}").format(usc()) is None  # no value


def test_a_field_the_kind_lacks_is_an_error() -> None:
    template = UrlTemplate.parse("https://lib.example/{volume}/{page}")
    with pytest.raises(LookupError, match=r"no field 'volume'.*section"):
        template.format(usc())


@pytest.mark.parametrize(
    "template",
    [
        "javascript:alert(1)//{title}",
        "ftp://lib.example/{title}",
        "//lib.example/{title}",
        "{scheme}://lib.example/{title}",
        "https://{host}/usc/{title}",
        "https://lib.example{path}",
        "https://evil.example@{title}/",
        "https://lib.example/usc/{title!r}",
        "https://lib.example/usc/{title.upper}",
        "https://lib.example/usc/{pin:<}",
        "https://lib.example/usc/{title",
        "https://lib.example/usc/ {title}",
    ],
)
def test_only_http_urls_to_a_literal_host(template: str) -> None:
    with pytest.raises(TemplateError):
        UrlTemplate.parse(template)


def test_a_template_resolver_in_a_chain() -> None:
    library = Template(
        "library",
        {
            "usc": UrlTemplate.parse("https://lib.example/usc/{title}/{section}", ["appendix"]),
            "*": UrlTemplate.parse("https://lib.example/find/{id}"),
        },
    )
    assert library.kinds == {"usc", "*"}
    lii = citelink.resolve.builtin_resolvers()["lii"]
    found = Finder(resolvers=Chain([library, lii])).find("8 U.S.C. § 1373; 50 U.S.C. App. § 2401")
    assert [c.url for c in found] == ["https://lib.example/usc/8/1373", None]
