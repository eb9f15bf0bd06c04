"""Native file benchmark: opening the national-scale ``.carveplan`` file against parsing its JSON alone."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path

from carveplan.io import native
from carveplan.io.native import decode as native_decode
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement


def _json_only(path: Path) -> object:
    # The least any reader does: the bytes, the text and the JSON parse that load itself does.
    text = path.read_bytes().decode("utf-8-sig")
    return json.loads(text, parse_float=Decimal, parse_constant=Decimal)


def _careful(path: Path) -> object:
    # The same file through the careful decoder alone, as every file was read before the fast path.
    document: dict[str, object] = _json_only(path)  # type: ignore[assignment]
    agreement, problems = native_decode.decode_agreement(document["agreement"], str(path))
    assert agreement is not None
    assert not problems
    return agreement


def run() -> list[Result]:
    """Time ``native.load`` (and the careful decoder) against ``json.loads`` of the same file."""
    agreement = national_agreement(1)
    lines = len(agreement.lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.carveplan"
        native.save(agreement, path)
        assert native.load(path) == agreement  # the measure reads the whole file back, not less
        seconds = best_of(lambda: native.load(path))
        careful = best_of(lambda: _careful(path))
        floor = best_of(lambda: _json_only(path))
    floor_name = "json.loads of the same file"
    return [
        Result(f"native: open national file, {lines} lines", seconds, floor_name, floor, 6),
        Result(f"native: careful decoder only, {lines} lines", careful, floor_name, floor),
    ]
