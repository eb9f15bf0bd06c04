"""The skeleton every command shares: its registration with the common options, its run, its exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any, TypeVar

from carveplan.cli.common import (
    UserError,
    add_file_argument,
    add_json_argument,
    add_scenario_argument,
    check_scenario,
    open_agreement,
    print_report,
)
from carveplan.io.errors import ReadError, WriteError
from carveplan.model import Agreement

Run = Callable[[argparse.Namespace], int]
Result = TypeVar("Result")


class Exit(IntEnum):
    """What a command's exit status means."""

    OK = 0
    PROBLEMS = 1  # it ran and found what it exists to find: errors, a party failing the test
    UNREADABLE = 2  # the input could not be read, or the arguments were wrong


def register(
    sub: Any,
    name: str,
    run: Run,
    *,
    help: str,
    description: str,
    epilog: str | None = None,
    file: bool = True,
    scenario: bool = False,
    json: bool = False,
) -> argparse.ArgumentParser:
    """Add a command to the subparsers, with the options most commands share.

    Args:
        sub: the subparsers of the ``carveplan`` parser.
        name: the command word.
        run: what the command does with its parsed arguments; returns an :class:`Exit` status.
        help: one line for ``carveplan --help``.
        description: the paragraph of ``carveplan NAME --help``.
        epilog: text after the options in ``carveplan NAME --help``.
        file: take the agreement file as the first argument (``args.file``).
        scenario: take ``--scenario NAME`` (``args.scenario``, default the baseline).
        json: take ``--json`` (``args.json``).

    Returns:
        The command's parser, for the options it alone has.
    """
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description, epilog=epilog)
    if file:
        add_file_argument(parser)
    if scenario:
        add_scenario_argument(parser)
    if json:
        add_json_argument(parser)
    parser.set_defaults(run=run)
    return parser


def open_input(args: argparse.Namespace) -> tuple[Agreement, str | None]:
    """The agreement ``FILE`` names, and the scenario ``--scenario`` names once checked against it."""
    agreement = open_agreement(args.file)
    return agreement, check_scenario(agreement, getattr(args, "scenario", None))


def report(
    build: Callable[[Agreement, str | None, argparse.Namespace], Result],
    data: Callable[[Result], object],
    text: Callable[[Result], Iterable[str]],
    passes: Callable[[Result], bool] | None = None,
) -> Run:
    """The run of a command that builds one result from ``FILE [--scenario NAME]`` and prints it.

    Args:
        build: the result from the agreement, the checked scenario and the other arguments.
        data: the result as JSON data (``--json``).
        text: the result as lines of text.
        passes: whether the result is a pass; a failure exits with :attr:`Exit.PROBLEMS`.

    Returns:
        The command's run.
    """

    def run(args: argparse.Namespace) -> int:
        agreement, scenario = open_input(args)
        result = build(agreement, scenario, args)
        print_report(args.json, lambda: data(result), lambda: text(result))
        return Exit.OK if passes is None or passes(result) else Exit.PROBLEMS

    return run


def execute(args: argparse.Namespace) -> int:
    """Run the parsed command: its own status, or a one-line message and :attr:`Exit.UNREADABLE`."""
    try:
        return int(args.run(args))
    except ReadError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return Exit.UNREADABLE
    except (UserError, WriteError) as err:
        print(f"carveplan: {err}", file=sys.stderr)
        return Exit.UNREADABLE
    except BrokenPipeError:  # e.g. `carveplan trajectory FILE | head`
        return Exit.OK
    except OSError as err:  # no permission, a folder where a file was expected, a full disk
        where = f"{err.filename}: " if err.filename else ""
        print(f"carveplan: {where}{err.strerror or err}", file=sys.stderr)
        return Exit.UNREADABLE
    except (RecursionError, OverflowError, MemoryError) as err:
        # Readers bound their input; this is the net under every command, never a traceback.
        print(f"carveplan: the input is too large or too deeply nested to process ({err!r})", file=sys.stderr)
        return Exit.UNREADABLE
