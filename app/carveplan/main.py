"""The ``carveplan`` launcher: subcommands go to the command line, anything else opens the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from carveplan.cli import COMMANDS, HELP_WORD

# Words that make the launcher hand over to the command line instead of opening a window.
_CLI_WORDS = frozenset({*COMMANDS, HELP_WORD})


def wants_cli(args: Sequence[str]) -> bool:
    """Whether ``args`` ask for the command line rather than the window."""
    return bool(args) and (args[0] in _CLI_WORDS or args[0].startswith("-"))


def unknown_word(args: Sequence[str]) -> str | None:
    """The message for a first word that is neither a command nor an existing file, else ``None``."""
    if not args or wants_cli(args) or Path(args[0]).exists():
        return None
    commands = ", ".join(sorted(COMMANDS))
    return (
        f"carveplan: {args[0]!r} is neither a command nor a file.\n"
        f"  commands: {commands}\n"
        "  open a file in the window: carveplan FILE\n"
        "  more: carveplan --help, carveplan COMMAND --help\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run CarvePlan with ``argv`` (default: the process arguments); returns the exit status."""
    # numpy's BLAS starts a thread for every core that spins after each call: a tenth of a second of
    # processor time at start-up, and a core taken from the window. The chart's arrays hold a few
    # thousand numbers, for which one thread is as fast (set before anything imports numpy).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = list(sys.argv[1:] if argv is None else argv)
    mistake = unknown_word(args)
    if mistake is not None:
        sys.stderr.write(mistake)
        return 2
    if wants_cli(args):
        from carveplan.cli import main as cli_main

        try:
            status = cli_main(args)
            sys.stdout.flush()  # a reader that left early (| head) fails here, not at exit
        except BrokenPipeError:
            # Point stdout at nothing so the interpreter's own flush at exit stays quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        return status
    from carveplan.ui.app import run

    return run(args)
