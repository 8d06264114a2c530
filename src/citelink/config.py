"""Configuration files: ``citelink.toml``, or ``[tool.citelink]`` in ``pyproject.toml``.

The resolver settings (in a ``citelink.toml`` the same keys sit at the top
level, without ``tool.citelink``)::

    [tool.citelink]
    resolvers = ["library", "default"]     # the chain used when none is named

    [tool.citelink.templates.library]      # a resolver named "library"
    description = "Our law library"
    usc = "https://library.example.org/usc/{title}/{section}#{pin:_}"
    cfr = { url = "https://library.example.org/cfr/{title}/{section}", unless = ["part"] }
    "*" = "https://library.example.org/find?id={id}"   # every other kind

Each key of a template table other than ``description`` is a citation kind
(or ``"*"``); its value is a URL template (:mod:`citelink.templates`), or a
table with the template as ``url`` and the fields that make it decline as
``unless``. ``default`` in ``resolvers`` stands for each kind's built-in
default chain. Other keys of ``[tool.citelink]`` belong to other features
and are left alone here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citelink.templates import Template, TemplateError, UrlTemplate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

CONFIG_FILE = "citelink.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(ValueError):
    """A configuration file that cannot be read or used; the message names the file."""


@dataclass(frozen=True)
class Config:
    """The resolver settings of one configuration file."""

    path: Path
    #: The chain used when none is named (``None``: each kind's default chain).
    resolvers: tuple[str, ...] | None = None
    #: Resolvers made of URL templates, in the file's order.
    templates: tuple[Template, ...] = ()


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``citelink.toml``, or ``pyproject.toml`` with a ``[tool.citelink]`` table.

    Looks in ``start`` (default: the current directory) and then in each of
    its parents; in one directory ``citelink.toml`` comes first.
    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    for directory in (here, *here.parents):
        own = directory / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_citelink_table(pyproject):
            return pyproject
    return None


def load_config(path: str | os.PathLike[str] | None = None) -> Config | None:
    """Read ``path`` (default: :func:`find_config`); ``None`` if there is no file to read.

    A file that is missing (when named), unreadable or invalid raises
    :class:`ConfigError`.
    """
    if path is None:
        found = find_config()
        if found is None:
            return None
        path = found
    path = Path(path)
    table = _read(path)
    if path.name == PYPROJECT:
        table = table.get("tool", {}).get("citelink", {})
    try:
        return _parse(path, table)
    except (TemplateError, TypeError, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            table: dict[str, Any] = tomllib.load(file)
            return table
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


def _has_citelink_table(pyproject: Path) -> bool:
    try:
        table = _read(pyproject)
    except ConfigError:
        return True  # report the broken file rather than skip past it
    return isinstance(table.get("tool"), dict) and "citelink" in table["tool"]


def _parse(path: Path, table: object) -> Config:
    if not isinstance(table, Mapping):
        raise TypeError("[tool.citelink] must be a table")
    resolvers = table.get("resolvers")
    if resolvers is not None and (
        not isinstance(resolvers, list) or not all(isinstance(n, str) for n in resolvers)
    ):
        raise TypeError('resolvers must be a list of names, e.g. ["library", "default"]')
    templates = table.get("templates", {})
    if not isinstance(templates, Mapping):
        raise TypeError("templates must be a table of resolvers: [templates.NAME]")
    return Config(
        path=path,
        resolvers=tuple(resolvers) if resolvers is not None else None,
        templates=tuple(_template(name, spec) for name, spec in templates.items()),
    )


def _template(name: str, spec: object) -> Template:
    if not isinstance(spec, Mapping):
        raise TypeError(f"templates.{name} must be a table of kind = URL template")
    description = spec.get("description", "")
    if not isinstance(description, str):
        raise TypeError(f"templates.{name}.description must be a string")
    urls: dict[str, UrlTemplate] = {}
    for kind, value in spec.items():
        if kind == "description":
            continue
        if isinstance(value, str):
            urls[kind] = UrlTemplate.parse(value)
        elif isinstance(value, Mapping) and isinstance(value.get("url"), str):
            unless = value.get("unless", [])
            extra = set(value) - {"url", "unless"}
            if extra or not isinstance(unless, list) or not all(isinstance(u, str) for u in unless):
                raise TypeError(
                    f"templates.{name}.{kind} takes url (a string) and unless (a list of fields)"
                )
            urls[kind] = UrlTemplate.parse(value["url"], unless)
        else:
            raise TypeError(f"templates.{name}.{kind} must be a URL template or a table with url")
    if not urls:
        raise ValueError(f"templates.{name} has no URL template")
    return Template(name, urls, description)
