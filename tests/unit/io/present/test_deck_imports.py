"""A PDF deck is vector pages written straight to PDF: writing one loads no plotting library.

(The slide deck measures its texts with matplotlib's font files and FreeType, so it loads that.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
from datetime import date
from pathlib import Path
from carveplan.io.formats import ExportOptions
from carveplan.io.present.chart import export_pdf
from tests.benchmarks.national import national_agreement
agreement = national_agreement(1, per_party=15)
options = ExportOptions(today=date(2027, 6, 1))
export_pdf(agreement, Path(sys.argv[1]) / "deck.pdf", options)
print(sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib"))
"""


@pytest.mark.slow
def test_writing_a_pdf_deck_loads_no_matplotlib(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "deck.pdf").stat().st_size > 1000
