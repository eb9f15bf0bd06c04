"""The DataFrame API for notebooks: shapes, columns and hand-computed figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from carveplan import analysis
from carveplan.io import native
from tests.helpers.analysis import analysis_agreement
from tests.helpers.trade import trade_agreement


def test_trajectory_frame_has_a_column_per_year() -> None:
    frame = analysis.trajectory_frame(trade_agreement(), years=range(2027, 2032))
    assert list(frame.columns[:3]) == ["line", "party", "sector"]
    a2 = frame.set_index("line").loc["A2"]
    assert [a2[y] for y in range(2027, 2032)] == [8.0, 6.0, 4.0, 2.0, 0.0]


def test_coverage_frame_gives_the_hand_computed_shares(tmp_path: Path) -> None:
    path = tmp_path / "plan.carveplan"
    native.save(trade_agreement(), path)
    frame = analysis.coverage_frame(path)  # a path works as well as an agreement
    first = frame[(frame.party == "AAA") & (frame.year == 2027)].iloc[0]
    assert (first.lines, first.free, first.cut, first.excluded) == (5, 2, 2, 1)
    assert (first.trade_free_pct, first.weighted_average, first.revenue_forgone) == (68.75, 2.0625, 110.0)
    assert set(frame.sector) == {""}
    by_sector = analysis.coverage_frame(trade_agreement(), by_sector=True)
    assert set(by_sector.sector) == {"", "energy", "telecommunications"}


def test_verdict_frame_lists_the_blockers() -> None:
    frame = analysis.verdict_frame(trade_agreement()).set_index("party")
    assert not frame.loc["AAA", "passes"]
    assert frame.loc["AAA", "blockers"] == ["A3", "A4"]
    assert frame.loc["BBB", "passes"]


def test_compare_and_divergence_frames() -> None:
    compared = analysis.compare_frame(analysis_agreement(), "late")
    l6 = compared.set_index("line").loc["L6"]
    assert (l6.delay_days, l6.change) == (731, "delayed")
    matrix = analysis.divergence_frame(analysis_agreement())
    assert matrix.pivot(index="sector", columns="party", values="final_year").loc["energy", "AAA"] == 2029


def test_importing_the_module_does_not_import_pandas() -> None:
    code = "import sys, carveplan.analysis; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
