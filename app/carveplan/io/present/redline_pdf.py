"""The redline as a PDF for a meeting: a page per sector with its summary and the lines that moved."""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from carveplan.engine.diff import AgreementDiff, Change, LineDiff
from carveplan.engine.diff_summary import DiffSummary, summarize
from carveplan.engine.diff_values import text
from carveplan.io.atomic import write_atomic
from carveplan.io.reports.diff_rows import change_label

A4_LANDSCAPE = (11.69, 8.27)
ROWS_PER_PAGE = 26
HEADERS = ("Party", "Code", "Change", "Category", "Base", "Final date", "Months", "Was")
WIDTHS = (0.06, 0.11, 0.15, 0.12, 0.07, 0.11, 0.07, 0.31)
COLOURS = {
    Change.ADDED: "#E2EFDA",
    Change.WITHDRAWN: "#EDEDED",
    Change.CHANGED: "#FFF2CC",
    Change.SPLIT: "#DDEBF7",
    Change.MERGED: "#DDEBF7",
}


def write_redline_pdf(result: AgreementDiff, path: Path, old_name: str = "", new_name: str = "") -> None:
    """Write one page per sector (more when a sector has many changed lines).

    Args:
        result: the comparison.
        path: the .pdf file (replaced whole, or left as it was on failure).
        old_name: how to name the old version (default: its title).
        new_name: how to name the new version.

    Raises:
        WriteError: when the file cannot be written.
    """
    old = old_name or result.old.agreement.title
    new = new_name or result.new.agreement.title
    summaries = summarize(result)
    buffer = io.BytesIO()
    with PdfPages(buffer, metadata={"Title": f"What moved: {old} to {new}", "Creator": "CarvePlan"}) as pdf:
        for sector, name in _sectors(summaries):
            entries = [e for e in result.changed if e.line.sector == sector]
            sums = [s for s in summaries if s.sector == sector]
            chunks = [entries[i : i + ROWS_PER_PAGE] for i in range(0, len(entries), ROWS_PER_PAGE)] or [[]]
            for number, chunk in enumerate(chunks, start=1):
                fig = Figure(figsize=A4_LANDSCAPE)
                more = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
                _page(fig, f"{name}{more} — what moved from {old} to {new}", sums, chunk)
                pdf.savefig(fig)
    write_atomic(path, buffer.getvalue())


def _sectors(summaries: tuple[DiffSummary, ...]) -> list[tuple[str, str]]:
    """Sectors in the order the summaries list them (the agreement's order)."""
    seen: dict[str, str] = {}
    for summary in sorted(summaries, key=lambda s: summaries.index(s)):
        seen.setdefault(summary.sector, summary.name)
    return list(seen.items())


def _page(fig: Figure, title: str, sums: list[DiffSummary], entries: list[LineDiff]) -> None:
    fig.text(0.04, 0.95, title, fontsize=14, weight="bold", va="top")
    y = 0.90
    for s in sums:
        text = (
            f"{s.party}: {s.lines} lines · {s.added} added · {s.withdrawn} withdrawn · {s.changed} changed · "
            f"{s.split} split · {s.merged} merged · {s.earlier} earlier · {s.later} later · "
            f"mean {s.mean_months:+.1f} months · {s.newly_excluded} newly excluded"
        )
        fig.text(0.04, y, text, fontsize=9, va="top")
        y -= 0.03
    if not entries:
        fig.text(0.04, y - 0.02, "No line of this sector changed.", fontsize=11, va="top", style="italic")
        return
    ax = fig.add_axes((0.04, 0.04, 0.92, y - 0.06))
    ax.set_axis_off()
    rows = [_row(e) for e in entries]
    table = ax.table(
        cellText=rows,
        colLabels=HEADERS,
        colWidths=WIDTHS,
        cellColours=[[COLOURS.get(e.change, "white")] * len(HEADERS) for e in entries],
        loc="upper left",
        cellLoc="left",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(7.5)
    table.scale(1, 1.25)
    for column in range(len(HEADERS)):
        table[0, column].set_text_props(weight="bold")
    for row, entry in enumerate(entries, start=1):
        if entry.change is Change.WITHDRAWN:
            for column in range(len(HEADERS)):
                table[row, column].set_text_props(color="#707070")


def _row(entry: LineDiff) -> list[str]:
    line = entry.line
    final = entry.field("final date")
    was = "; ".join(f"{f.field} {f.old or '(none)'}" for f in entry.fields if f.field != "code")
    return [
        entry.party,
        entry.code,
        change_label(entry),
        _arrow(entry, "category", line.category),
        _arrow(entry, "base", text(line.base)),
        final.new if final else "",
        "" if entry.months is None else f"{entry.months:+d}",
        _clip(was, 52),
    ]


def _arrow(entry: LineDiff, field: str, current: str) -> str:
    change = entry.field(field)
    return f"{change.old or '—'} → {change.new or '—'}" if change else current


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
