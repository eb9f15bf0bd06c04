"""``carveplan categories [NAME]``: the built-in staging rule sets and what each category means."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.engine import RULE_SETS
from carveplan.engine.rulesets import describe_rules


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "categories",
        run,
        help="list the staging rule sets, or one set's category definitions",
        description="Without NAME, the built-in rule sets of real agreements. With NAME (a built-in "
        "set or a .json rule set file), its rounding, stage day and every category's definition; "
        "-o writes it as a .json file to edit and give to `import --categories`.",
        file=False,
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="a rule set name or .json file")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE.json", help="write the set to a file")


def run(args: argparse.Namespace) -> int:
    """Print the sets or one set."""
    from carveplan.io.native.rules import find_rules, save_rules

    if args.name is None:
        width = max(len(name) for name in RULE_SETS)
        for name, rules in RULE_SETS.items():
            print(
                f"{name:<{width}}  {len(rules.categories):>3} categories  {rules.description.split(':')[0]}"
            )
        return Exit.OK
    rules = find_rules(args.name)
    if args.output is not None:
        save_rules(rules, args.output)
        print(f"wrote {args.output}")
        return Exit.OK
    for text in describe_rules(rules):
        print(text)
    return Exit.OK
