"""What every command shares: the finder and resolver options, reading input, warnings."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from citelink.documents.files import InputError
from citelink.documents.loading import Loaded, load

if TYPE_CHECKING:  # the finder and its sources load when a command runs, not to parse options
    from citelink.finder import Finder
    from citelink.models import Citation
    from citelink.resolve import Chain, Registry

#: The finder's default reach of short forms (``citelink.finder.ANTECEDENT_PARAGRAPHS``),
#: written here so that building the parser imports no grammar (a test holds them equal).
ANTECEDENT_PARAGRAPHS = 5


def cases_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cases",
        action="store_true",
        help="also find case law, through eyecite (pip install 'citelink[cases]'; much slower)",
    )


def finder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--this-title",
        metavar="T",
        help='the U.S. Code title the document is part of ("section 1357 of this title")',
    )
    parser.add_argument(
        "--resolver",
        metavar="NAME[,NAME...]",
        help="the resolver chain that chooses each citation's url: per kind, the first"
        " that answers wins; 'default' stands for each kind's default chain"
        " (default: the configured chain, else each kind's default; see: citelink resolvers)",
    )
    parser.add_argument(
        "--antecedent-paragraphs",
        type=int,
        default=ANTECEDENT_PARAGRAPHS,
        metavar="N",
        help="how many paragraphs back a short form may find its full citation; one further"
        f" back stays unresolved (default: {ANTECEDENT_PARAGRAPHS})",
    )
    config_option(parser)


def config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="a citelink.toml or pyproject.toml with resolver settings (default: the nearest"
        " citelink.toml, or pyproject.toml with [tool.citelink], here or in a parent directory)",
    )


def input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        default="auto",
        help="the input's encoding (default: auto, UTF-8 if the file is valid UTF-8, else"
        " the encoding detected, named on stderr)",
    )
    parser.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop on undecodable input (default); replace: decode it as U+FFFD",
    )


def read_input(path: str, encoding: str = "auto", errors: str = "strict") -> str:
    """The text of ``path`` (``-``: standard input), or an :class:`InputError`; what was
    assumed (an encoding detected) is said on stderr."""
    return load_input(path, None, encoding, errors).text


def load_input(path: str, form: str | None, encoding: str, errors: str) -> Loaded:
    """``path`` read in ``form`` (default: by its name); its notes said on stderr."""
    loaded = load(path, form, encoding, errors)
    for note in loaded.notes:
        print(f"citelink: {note}", file=sys.stderr)
    return loaded


def run_registry(config: str | None) -> Registry:
    """The resolvers of this run: built-in, installed and configured."""
    from citelink.config import ConfigError
    from citelink.resolve import configured_registry

    try:
        return configured_registry(config)
    except ConfigError as error:
        raise InputError(str(error)) from None


def build_finder(
    resolver: str | None,
    config: str | None = None,
    antecedent_paragraphs: int = ANTECEDENT_PARAGRAPHS,
) -> Finder:
    """A finder with the chain named by ``--resolver`` (and ``--config``) and the reach of
    short forms given by ``--antecedent-paragraphs``."""
    from citelink.finder import Finder

    if antecedent_paragraphs < 0:
        raise InputError("--antecedent-paragraphs must be 0 or more")
    registry = run_registry(config)
    try:
        finder = Finder(
            resolvers=registry.chain(resolver_names(resolver)),
            antecedent_paragraphs=antecedent_paragraphs,
        )
    except ValueError as error:
        raise InputError(str(error)) from None
    warn_problems(registry.problems)
    return finder


def find_citations(
    finder: Finder, text: str, form: str, args: argparse.Namespace
) -> list[Citation]:
    """The citations of one document, with the finder options of the command line."""
    from citelink.documents.reader import find

    try:
        return find(text, form, finder=finder, this_title=args.this_title, cases=args.cases)
    except ImportError as error:  # --cases without eyecite installed
        raise InputError(str(error)) from None


def resolver_names(resolver: str | None) -> tuple[str, ...] | None:
    return tuple(n.strip() for n in resolver.split(",") if n.strip()) if resolver else None


def warn_problems(problems: Sequence[str]) -> None:
    for problem in problems:
        print(f"citelink: warning: {problem}", file=sys.stderr)


def warn_resolver_errors(chain: Chain) -> None:
    """One warning on stderr per resolver and problem, with how many citations it hit."""
    counts = Counter((e.resolver, e.message) for e in chain.errors)
    first: dict[tuple[str, str], str] = {}
    for e in chain.errors:
        first.setdefault((e.resolver, e.message), e.citation)
    for (name, message), count in counts.items():
        which = f"{count} citations, the first" if count > 1 else "citation"
        print(
            f"citelink: warning: resolver {name!r} {message}"
            f" ({which} {first[name, message]!r}); skipped it",
            file=sys.stderr,
        )
    unlisted = chain.error_count - len(chain.errors)
    if unlisted:
        print(f"citelink: warning: {unlisted} more resolver errors not shown", file=sys.stderr)
