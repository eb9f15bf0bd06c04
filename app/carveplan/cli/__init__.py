"""The ``carveplan`` command line: one module per command, each with ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from carveplan import __version__

# The one list of command words: command name -> module under carveplan.cli, each with add_parser(subparsers)
# and run(args). The launcher reads it to tell a command from a file, and names the commands from it.
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

EXIT_OK, EXIT_UNREADABLE = 0, 2


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
    """Run a command; returns the exit status (0 fine, 1 problems found, 2 unreadable input)."""
    # Loaded here, not at the top: the launcher imports this package for COMMANDS before opening a window.
    from carveplan.cli.common import UserError
    from carveplan.io.errors import ReadError, WriteError

    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if words == [HELP_WORD]:
        parser.print_help()
        return EXIT_OK
    args = parser.parse_args(words)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        status: int = args.run(args)
    except ReadError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_UNREADABLE
    except (UserError, WriteError) as err:
        print(f"carveplan: {err}", file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:  # e.g. `carveplan trajectory FILE | head`
        return EXIT_OK
    except OSError as err:  # no permission, a folder where a file was expected, a full disk
        where = f"{err.filename}: " if err.filename else ""
        print(f"carveplan: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_UNREADABLE
    except (RecursionError, OverflowError, MemoryError) as err:
        # Readers bound their input; this is the net under every command, never a traceback.
        print(f"carveplan: the input is too large or too deeply nested to process ({err!r})", file=sys.stderr)
        return EXIT_UNREADABLE
    return status
