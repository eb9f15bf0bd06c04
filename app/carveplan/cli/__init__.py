"""The ``carveplan`` command line: one module per command on the skeleton of ``command``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from carveplan import __version__

# The one list of command words: command name -> module under carveplan.cli, whose add_parser(subparsers)
# registers it (command.register). The launcher reads it to tell a command from a file and to name them.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "show": "show",
    "trajectory": "trajectory",
    "export": "export",
    "import": "importer",
    "compare": "compare",
    "divergence": "divergence",
    "categories": "categories",
    "trade": "trade",
    "coverage": "coverage",
    "diff": "diff",
    "rounds": "rounds",
}

HELP_WORD = "help"  # `carveplan help` prints the same help as `carveplan --help`


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="carveplan",
        description="Plan phased sector carve-outs of a trade agreement. "
        "Without a command, opens the desktop application (carveplan [FILE]).",
    )
    parser.add_argument("--version", action="version", version=f"CarvePlan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module in COMMANDS.items():
        importlib.import_module(f"carveplan.cli.{module}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns its :class:`~carveplan.cli.command.Exit` status."""
    # Loaded here, not at the top: the launcher imports this package for COMMANDS before opening a window.
    from carveplan.cli.command import Exit, execute

    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if words == [HELP_WORD]:
        parser.print_help()
        return Exit.OK
    args = parser.parse_args(words)
    if args.command is None:
        parser.print_help()
        return Exit.OK
    return execute(args)
