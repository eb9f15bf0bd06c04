"""``make bench``: every benchmark, as ratios against floors measured in the same run."""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import date

from tests.benchmarks.harness import RESULTS, Result, machine, recorded_ratios, regressions, table

SUITES = (
    "bench_engine",
    "bench_native",
    "bench_chart",
    "bench_workbook",
    "bench_coverage",
    "bench_schedule",
    "bench_mspdi",
    "bench_mspdi_import",
    "bench_present",
    "bench_decks",
    "bench_app",
    "bench_edit",
    "bench_mega",
    "bench_diff",
    "bench_hostile",
)


def main() -> int:
    """Run the suites, print the table and any regression against RESULTS.md."""
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--record", action="store_true", help="write the figures to RESULTS.md")
    parser.add_argument("suites", nargs="*", default=list(SUITES), help="suites to run")
    args = parser.parse_args()
    results: list[Result] = []
    for suite in args.suites:
        print(f"running {suite}…", file=sys.stderr, flush=True)
        results.extend(importlib.import_module(f"tests.benchmarks.{suite}").run())
    report = table(results)
    print(report)
    problems = regressions(results, recorded_ratios())
    problems += [
        f"OVER TARGET {r.name}: ratio {r.ratio:.2f} > {r.target:g}" for r in results if not r.within_target
    ]
    for text in problems:
        print(text)
    if args.record:
        RESULTS.write_text(
            f"# Benchmark results\n\nRecorded {date.today().isoformat()} on {machine()}.\n"
            f"`make bench` reports a ratio more than 25 % worse than these.\n\n{report}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
