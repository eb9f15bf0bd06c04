"""Export then import gives back an equal agreement, also after a person edits the workbook."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from carveplan.io.errors import Cancelled
from carveplan.io.formats import ExportOptions, exporter_for, read_agreement
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.importer import read_workbook
from carveplan.model import (
    Agreement,
    EifMoved,
    Gate,
    Line,
    Milestone,
    MilestoneDelay,
    Offset,
    Party,
    Phase,
    Scenario,
    StagingCategory,
    StagingKind,
    Step,
    new_uid,
    parse_timing,
)
from tests.helpers.strategies import agreements

OPTIONS = ExportOptions(today=date(2026, 5, 1))


def sample() -> Agreement:
    return Agreement(
        '=HYPERLINK("http://evil")',
        date(2027, 1, 1),
        parties=(Party("VNM", "Viet Nam"), Party("EU", "European Union")),
        lines=(
            Line(
                "L1",
                "VNM",
                "energy",
                "0101",
                "-crude",
                base=Decimal("17.6"),
                category="B5",
                gates=(Gate("M-1", Offset(6)),),
            ),
            Line(
                "L2",
                "EU",
                "telecommunications",
                "851761",
                base=Decimal(8),
                phases=(Phase(parse_timing("EIF"), Decimal("4.8")), Phase(parse_timing("Y3"), Decimal(0))),
            ),
        ),
        milestones=(Milestone("M-1", "VNM", "@alignment", parse_timing("EIF+1y"), actual=date(2028, 2, 1)),),
        categories=(
            StagingCategory("NL", StagingKind.STEPS, steps=(Step(1, Decimal(25)), Step(3, Decimal(49)))),
        ),
        scenarios=(
            Scenario("late", "M-1 slips", (MilestoneDelay("M-1", 6), EifMoved(date(2028, 1, 1)))),
            Scenario("bare"),
        ),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agreement=agreements())
def test_export_then_import_is_lossless(agreement: Agreement, tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    export_workbook(agreement, path, OPTIONS)
    assert read_workbook(path) == agreement


def test_formats_table_writes_and_reads_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    exporter_for(path)(sample(), path, OPTIONS)
    assert read_agreement(path) == sample()


def _edit(path: Path, edit: object) -> None:
    book = openpyxl.load_workbook(path)
    edit(book)  # type: ignore[operator]
    book.save(path)


def test_edits_by_a_person_are_read(tmp_path: Path) -> None:
    path = tmp_path / "edited.xlsx"
    export_workbook(sample(), path, OPTIONS)

    def edit(book: openpyxl.Workbook) -> None:
        lines = book["Lines"]
        lines["I2"] = 12.5  # base of L1
        lines.append(["L3", "VNM", "critical_minerals", "00253090", "HS", "lithium", "tariff", "%", 5, "A"])
        lines.insert_rows(3)  # an empty row in the middle is skipped
        lines.move_range("A1:A10", cols=20)  # the id column moves to the far right
        book["Phases"].delete_rows(3)  # L2 loses its second phase

    _edit(path, edit)
    agreement = read_workbook(path)
    by_id = {line.id: line for line in agreement.lines}
    assert by_id["L1"].base == Decimal("12.5")
    assert by_id["L3"].code == "00253090"
    assert by_id["L2"].phases == (Phase(parse_timing("EIF"), Decimal("4.8")),)


def test_phase_order_column_wins_over_row_order(tmp_path: Path) -> None:
    path = tmp_path / "sorted.xlsx"
    export_workbook(sample(), path, OPTIONS)

    def edit(book: openpyxl.Workbook) -> None:
        sheet = book["Phases"]
        first = [c.value for c in sheet[2]]
        second = [c.value for c in sheet[3]]
        for index, value in enumerate(second, 1):
            sheet.cell(2, index, value)
        for index, value in enumerate(first, 1):
            sheet.cell(3, index, value)

    _edit(path, edit)
    assert read_workbook(path).lines[1].phases == sample().lines[1].phases


def test_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cancelled.xlsx"
    big = sample()
    lines = tuple(
        Line(f"L{i}", "VNM", "energy", f"{i:06d}", base=Decimal(5), category="B5") for i in range(2500)
    )
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    with pytest.raises(Cancelled):
        export_workbook(Agreement(big.title, big.eif, lines=lines), path, ExportOptions(progress=progress))
    assert calls
    assert calls[0][1] >= 2500
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_workbook(
        sample(), tmp_path / "p.xlsx", ExportOptions(progress=lambda d, t: seen.append((d, t)) or True)
    )
    assert seen[-1][0] == seen[-1][1]


def test_formula_text_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "inject.xlsx"
    export_workbook(sample(), path, OPTIONS)
    book = openpyxl.load_workbook(path)
    title = book["Overview"]["B2"]
    assert title.value == sample().title
    assert title.data_type == "s"
    assert book["Milestones"]["C2"].data_type == "s"


def test_the_agreement_identity_travels_in_the_overview(tmp_path: Path) -> None:
    # Renaming the agreement in the workbook must not change its calendar event ids.
    path = tmp_path / "plan.xlsx"
    agreement = replace(sample(), uid=new_uid())
    export_workbook(agreement, path, ExportOptions(today=date(2026, 11, 25)))
    book = openpyxl.load_workbook(path)
    overview = book["Overview"]
    row = next(r for r in overview.iter_rows() if r[0].value == "Title")
    row[1].value = "Renamed in Excel"
    book.save(path)
    back = read_workbook(path)
    assert (back.title, back.uid) == ("Renamed in Excel", agreement.uid)


def test_staging_rules_survive_the_workbook(tmp_path: Path) -> None:
    from dataclasses import replace

    from carveplan.engine import RULE_SETS
    from carveplan.model import FirstCut, with_rules

    agreement = replace(with_rules(sample(), RULE_SETS["EU-Viet Nam"]), first_cut=FirstCut.STAGE_DAY)
    path = tmp_path / "rules.xlsx"
    export_workbook(agreement, path, OPTIONS)
    back = read_workbook(path)
    assert back == agreement
    star = next(c for c in back.categories if c.code == "B10**")
    assert star.table[0].values[4] == Decimal(8)
