"""Coverage benchmark: 15,000 lines against a two-million-row Comtrade-shaped download, and peak memory."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from carveplan.engine.coverage import coverage_of
from carveplan.engine.resolve import resolve
from carveplan.engine.xxiv import verdicts
from carveplan.io.trade.read import read_trade
from carveplan.model import Agreement
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement

ROWS = 2_000_000
# The columns of a UN Comtrade "final data" download (the API's full record, less a few flags).
HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,"
    "flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,classificationCode,cmdCode,cmdDesc,aggrLevel,"
    "isLeaf,qtyUnitAbbr,qty,netWgt,cifvalue,fobvalue,primaryValue,isReported"
)
# Reporters and partners beyond the agreement's parties, as a world download has them.
OTHERS = (
    ("156", "CHN"), ("410", "KOR"), ("842", "USA"), ("276", "DEU"), ("356", "IND"), ("360", "IDN"),
    ("458", "MYS"), ("608", "PHL"), ("702", "SGP"), ("764", "THA"), ("124", "CAN"), ("554", "NZL"),
)  # fmt: skip
PARTIES = (("036", "AUS"), ("392", "JPN"), ("704", "VNM"))


def write_comtrade(path: Path, agreement: Agreement, rows: int = ROWS, seed: int = 13) -> None:
    """A Comtrade-shaped CSV: imports and exports of parties and others, under the lines' codes and more."""
    rng = random.Random(seed)
    # A party imports mostly under its own lines' codes; the rest of the world's trade is spread
    # over those and five thousand codes no line covers (reported back as unmatched).
    own = {iso: sorted({ln.code[:6] for ln in agreement.lines if ln.party == iso}) for _, iso in PARTIES}
    codes = sorted({line.code[:6] for line in agreement.lines})
    codes += [f"{rng.randint(1, 97):02d}{rng.randint(1, 99):02d}{rng.randint(10, 99)}" for _ in range(5000)]
    reporters = PARTIES + OTHERS[:6]
    partners = (*PARTIES, *OTHERS, ("0", "W00"))
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(HEADER + "\n")
        batch: list[str] = []
        for _ in range(rows):
            reporter = rng.choice(reporters)
            partner = rng.choice(partners)
            flow = "M" if rng.random() < 0.7 else "X"
            code = rng.choice(own[reporter[1]] if reporter[1] in own and rng.random() < 0.8 else codes)
            value = rng.randint(100, 50_000_000)
            weight = rng.randint(1, 2_000_000)
            batch.append(
                f"C,A,20230101,2023,52,2023,{reporter[0]},{reporter[1]},R{reporter[1]},{flow},"
                f"{'Import' if flow == 'M' else 'Export'},{partner[0]},{partner[1]},P{partner[1]},H6,"
                f"{code},Goods {code},6,True,kg,{weight},{weight},{value},,{value},True\n"
            )
            if len(batch) == 50_000:
                stream.writelines(batch)
                batch.clear()
        stream.writelines(batch)


def measure(path: Path, agreement: Agreement) -> int:
    """What a user waits for: read the download into the agreement, resolve, coverage and verdicts."""
    result = read_trade(path, agreement)
    # The reader has matched the flows to the lines already; coverage takes that match as it is.
    cover = coverage_of(resolve(replace(agreement, trade=result.table)), match=result.match)
    return len(verdicts(cover)) + len(cover.rows)


def floor(path: Path, agreement: Agreement) -> int:
    """The least a tool can do: pandas reads the file as it is and joins it once to the lines by code."""
    import pandas as pd

    frame = pd.read_csv(path)
    lines = pd.DataFrame({"hs6": [int(line.code[:6]) for line in agreement.lines]})
    return len(frame.merge(lines, left_on="cmdCode", right_on="hs6"))


def run() -> list[Result]:
    """Time coverage against its floor in the same run; peak memory of each in a fresh process."""
    agreement = national_agreement(1)
    lines = len(agreement.lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "comtrade.csv"
        write_comtrade(path, agreement)
        seconds = best_of(lambda: measure(path, agreement), repeat=2)
        floor_seconds = best_of(lambda: floor(path, agreement), repeat=2)
        memory = _peak("measure", path)
        floor_memory = _peak("floor", path)
    floor_name = "bare pandas.read_csv of the file + one merge"
    return [
        Result(f"coverage: {lines} lines, {ROWS:,}-row Comtrade file", seconds, floor_name, floor_seconds, 2),
        Result(
            "coverage: peak memory", memory, "peak of the bare read_csv + merge", floor_memory, unit="MiB"
        ),
    ]


_PEAK = """
import sys
from pathlib import Path
from tests.benchmarks.bench_coverage import floor, measure
from tests.benchmarks.harness import peak_mib
from tests.benchmarks.national import national_agreement
agreement = national_agreement(1)
(measure if sys.argv[1] == "measure" else floor)(Path(sys.argv[2]), agreement)
print(peak_mib())
"""


def _peak(mode: str, path: Path) -> float:
    """Peak resident MiB of a fresh process running the measure or the floor."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, mode, str(path)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1])
