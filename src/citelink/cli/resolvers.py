"""``citelink resolvers``: the resolvers available and each kind's chain."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from citelink.cli.options import (
    config_option,
    run_registry,
    warn_problems,
)

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    pass


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "resolvers",
        help="list the resolvers available and the kinds each handles",
        description="List the resolvers available (built-in, installed, configured), the kinds"
        " each handles, and the default chain of each kind.",
    )
    listing.add_argument("--format", choices=("json", "text"), default="text")
    config_option(listing)
    listing.set_defaults(run=_resolvers)


def _resolvers(args: argparse.Namespace) -> int:
    registry = run_registry(args.config)
    entries = registry.entries()
    warn_problems(registry.problems)
    records: list[dict[str, Any]] = [
        {
            "name": name,
            "kinds": sorted(entry.resolver.kinds),
            "description": str(getattr(entry.resolver, "description", "") or ""),
            "origin": entry.origin,
        }
        for name, entry in entries.items()
    ]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = [
        (r["name"], ", ".join(r["kinds"]), r["description"] or "-", r["origin"]) for r in records
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[3]]))
    chain = registry.chain()
    kinds = sorted({k for entry in entries.values() for k in entry.resolver.kinds} - {"*"})
    print("\nchosen when no --resolver is given (per kind, the first that answers):")
    for kind in kinds:
        print(f"  {kind}: {', '.join(r.name for r in chain.order(kind)) or '-'}")
    return 0
