"""Configuration files: where they are found, what they hold, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from citelink import Finder
from citelink.config import ConfigError, find_config, load_config
from citelink.resolve import Registry

LIBRARY = """
resolvers = ["library", "default"]

[templates.library]
description = "Our law library"
usc = { url = "https://library.example.org/usc/{title}/{section}#{pin:_}", unless = ["appendix"] }
"*" = "https://library.example.org/find?id={id}"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_citelink_toml_holds_templates_and_the_default_chain(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "citelink.toml", LIBRARY))
    assert config is not None
    assert config.resolvers == ("library", "default")
    (library,) = config.templates
    assert (library.name, library.description, library.kinds) == (
        "library",
        "Our law library",
        {"usc", "*"},
    )
    registry = Registry(entry_points=False)
    registry.configure(config)
    assert registry.entries()["library"].origin == f"config {tmp_path / 'citelink.toml'}"
    main, appendix = Finder(resolvers=registry.chain()).find(
        "8 U.S.C. § 1373(a)(1); 50 U.S.C. App. § 2401"
    )
    assert main.url == "https://library.example.org/usc/8/1373#a_1"
    assert list(main.urls) == ["library", "lii", "uscode", "govinfo"]
    # the library declines the appendix, and the default chain of the kind takes over
    assert (
        appendix.url
        == "https://www.govinfo.gov/link/uscode/50/2401?type=uscappendix&link-type=html"
    )


def test_pyproject_tool_table(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.citelink]\nresolvers = ["govinfo"]\n'
    config = load_config(write(tmp_path / "pyproject.toml", text))
    assert config is not None and config.resolvers == ("govinfo",) and config.templates == ()


def test_the_nearest_file_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", '[tool.citelink]\nresolvers = ["lii"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "no citelink table"\n')
    assert find_config(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "citelink.toml", "")
    assert find_config(deep) == tmp_path / "a" / "citelink.toml"
    monkeypatch.chdir(deep)
    found = load_config()
    assert found is not None and found.path == tmp_path / "a" / "citelink.toml"


def test_no_file_no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config() is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("resolvers = [", "not valid TOML"),
        ('resolvers = "lii"', "list of names"),
        ('templates = "x"', "table of resolvers"),
        ("[templates.lib]\n", "no URL template"),
        ('[templates.lib]\nusc = "javascript:alert(1)"\n', "must begin with http"),
        ('[templates.lib]\nusc = { link = "https://x.example/" }\n', "table with url"),
        ('[templates.lib]\nusc = { url = "https://x.example/", if = 1 }\n', "takes url"),
        ('[templates.lib]\ndescription = 3\nusc = "https://x.example/"\n', "description"),
    ],
)
def test_invalid_files_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "citelink.toml", text)
    with pytest.raises(ConfigError, match=message) as error:
        load_config(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[templates.lii]\nusc = "https://x.example/{section}"\n', "already registered"),
        ('[templates."two words"]\nusc = "https://x.example/{section}"\n', "name must be"),
        ('resolvers = ["nope"]\n', "unknown resolver nope"),
    ],
)
def test_unusable_settings_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    config = load_config(write(tmp_path / "citelink.toml", text))
    assert config is not None
    with pytest.raises(ConfigError, match=message):
        Registry(entry_points=False).configure(config)


def test_a_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "citelink.toml")
