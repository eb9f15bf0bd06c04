"""``carveplan validate FILE``: the agreement's problems, one per line."""

from __future__ import annotations

import argparse
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.cli.common import open_agreement
from carveplan.engine import validate
from carveplan.model import Severity
from carveplan.model.words import plural


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "validate",
        run,
        help="check an agreement and list its problems",
        description="List problems as 'SEVERITY location: message'. "
        "Exit 0 when there are no errors, 1 when there are, 2 when the file cannot be read.",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    """Validate and print."""
    agreement = open_agreement(args.file)
    problems = validate(agreement)
    shown = [p for p in problems if not args.quiet or p.severity is Severity.ERROR]
    for problem in shown:
        print(problem)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    counts = [plural(errors, "error"), plural(warnings, "warning"), plural(len(agreement.lines), "line")]
    print(f"{args.file.name}: {', '.join(counts)}")
    return Exit.PROBLEMS if errors else Exit.OK
