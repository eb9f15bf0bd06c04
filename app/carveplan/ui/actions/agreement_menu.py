"""The Agreement menu: the staging rules and the trade data behind the Article XXIV test."""

from __future__ import annotations

from carveplan.ui.actions.spec import ActionSpec, Entry
from carveplan.ui.workbench import Workbench


def _staging_rules(bench: Workbench) -> None:
    from carveplan.ui.rules_dialog import StagingRulesDialog

    StagingRulesDialog(bench.document, bench.window).exec()


def _trade(bench: Workbench) -> None:
    """Edit trade data and the test; on OK bring the Coverage dock forward to show the result."""
    from carveplan.ui.trade_dialog import TradeDialog

    if TradeDialog(bench.document, bench.window).exec():
        bench.raise_dock("coverage")


ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "staging_rules", "&Staging Rules…", _staging_rules,
        "The agreement's staging categories, rounding and stage days (its rule set)", ("Ctrl+Shift+R",),
    ),
    ActionSpec(
        "trade", "&Trade Data…", _trade,
        "Imports between the parties (UN Comtrade, WITS) and the Article XXIV thresholds", ("Ctrl+Shift+T",),
    ),
)  # fmt: skip
