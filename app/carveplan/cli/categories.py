"""``carveplan categories [NAME]``: the built-in staging rule sets and what each category means."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from carveplan.engine import RULE_SETS
from carveplan.model import StagingCategory, StagingKind, StagingRules


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "categories",
        help="list the staging rule sets, or one set's category definitions",
        description="Without NAME, the built-in rule sets of real agreements. With NAME (a built-in "
        "set or a .json rule set file), its rounding, stage day and every category's definition; "
        "-o writes it as a .json file to edit and give to `import --categories`.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="a rule set name or .json file")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE.json", help="write the set to a file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the sets or one set."""
    from carveplan.io.native.rules import find_rules, save_rules

    if args.name is None:
        width = max(len(name) for name in RULE_SETS)
        for name, rules in RULE_SETS.items():
            print(
                f"{name:<{width}}  {len(rules.categories):>3} categories  {rules.description.split(':')[0]}"
            )
        return 0
    rules = find_rules(args.name)
    if args.output is not None:
        save_rules(rules, args.output)
        print(f"wrote {args.output}")
        return 0
    for text in describe_rules(rules):
        print(text)
    return 0


def describe_rules(rules: StagingRules) -> list[str]:
    """The rule set as lines of text: its source, rounding, days, then one line per category."""
    rounding = rules.rounding
    head = [
        rules.name or "(unnamed rule set)",
        rules.description,
        f"rounding: {rounding.direction.value.replace('_', '-')} to {rounding.step}; first cut at "
        f"{'EIF' if rules.first_cut.value == 'eif' else 'the first stage day'}; later cuts on "
        f"{rules.stage_day} (MM-DD)",
        "",
    ]
    width = max((len(c.code) for c in rules.categories), default=4)
    return head + [f"  {c.code:<{width}}  {definition(c)}" for c in rules.categories]


def definition(category: StagingCategory) -> str:
    """What a category does, in one line: its kind's numbers, then its description."""
    match category.kind:
        case StagingKind.LINEAR:
            shape = f"linear, {category.stages} stages"
        case StagingKind.BACK_LOADED:
            shape = f"held {category.hold} years, then {category.stages} stages"
        case StagingKind.TABLE:
            shape = f"table of {len(category.table)} rows"
        case StagingKind.STEPS | StagingKind.CALENDAR_STEPS:
            shape = ", ".join(f"{s.year}: {s.value}" for s in category.steps)
        case _:
            shape = category.kind.value.replace("_", " ")
    return f"{shape} — {category.description}" if category.description else shape
