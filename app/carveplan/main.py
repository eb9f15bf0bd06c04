"""The ``carveplan`` launcher: subcommands go to the command line, anything else opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Words that make the launcher hand over to the command line instead of opening a window.
_CLI_WORDS = frozenset(
    {
        "validate",
        "show",
        "trajectory",
        "export",
        "import",
        "compare",
        "divergence",
        "trade",
        "coverage",
        "categories",
        "diff",
        "rounds",
        "help",
    }
)


def wants_cli(args: Sequence[str]) -> bool:
    """Whether ``args`` ask for the command line rather than the window."""
    return bool(args) and (args[0] in _CLI_WORDS or args[0].startswith("-"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run CarvePlan with ``argv`` (default: the process arguments); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(args):
        from carveplan.cli import main as cli_main

        return cli_main(args)
    from carveplan.ui.app import run

    return run(args)
