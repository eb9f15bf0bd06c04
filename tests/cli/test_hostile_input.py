"""Hostile and absurd input: every file gets a located error (or a correct result) and nothing is written.

The corpus is in ``tests/data/bad/hostile`` (see ``tests/data/make_hostile_files.py``). The inputs whose
danger is memory run in a child process limited to 1 GiB of address space: a reader that laid out
``A1`` to ``XFD20000`` as a grid would die there instead of passing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from carveplan.io.native import load
from carveplan.main import main
from tests.data.make_hostile_files import CASES, HOSTILE, big_files, files

ROOT = Path(__file__).resolve().parents[2]
GIB = 1 << 30


def _run(case_name: str, path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    case = CASES[case_name]
    status = main([part.format(file=path, out=out) for part in case.command])
    printed = capsys.readouterr()
    said = printed.out + printed.err
    assert status == case.status, said
    assert case.says in said, said
    return said


def test_corpus_is_up_to_date() -> None:
    on_disk = {p.name: p.read_bytes() for p in HOSTILE.iterdir()}
    made = files()
    assert set(on_disk) == set(made) == set(CASES)
    # Zip entries carry a time stamp: compare only what is not a workbook byte for byte.
    assert {n: d for n, d in on_disk.items() if not n.endswith(".xlsx")} == {
        n: d for n, d in made.items() if not n.endswith(".xlsx")
    }
    assert all(len(data) < 16_000 for data in made.values())


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_gets_its_answer(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.carveplan"
    said = _run(name, HOSTILE / name, out, capsys)
    case = CASES[name]
    if case.where:
        assert f"{name} {case.where}" in said or f"{HOSTILE / name} {case.where}" in said, said
    if case.status == 0 and "-o" in case.command:
        load(out)  # what import writes opens again
    else:
        assert not out.exists()


def test_an_imported_schedule_keeps_its_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.carveplan"
    _run("shift-jis.csv", HOSTILE / "shift-jis.csv", out, capsys)
    assert [line.description for line in load(out).lines] == ["原油（石油）"]
    _run("mixed-encoding.csv", HOSTILE / "mixed-encoding.csv", out, capsys)
    descriptions = [line.description for line in load(out).lines]
    assert descriptions == [
        "Pétrole brut",
        "Gaz naturel liquéfié",
        "Gaz à l’état gazeux",
        "Énergie électrique",
    ]


def _child(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``carveplan ARGS`` in a child process with at most 1 GiB of address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))

    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'app'}{os.pathsep}{ROOT}"}
    return subprocess.run(
        [sys.executable, "-m", "carveplan", *args],
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard, not a speed test: speed is in the benchmarks
        preexec_fn=limit,
        env=env,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("name", ["far-cells.xlsx", "far-column.xlsx", "prefixed-far.xlsx"])
def test_far_cells_are_refused_within_a_gigabyte(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.carveplan"
    done = _child(
        ["import", str(HOSTILE / name), "-o", str(out), "--party", "VNM", "--eif", "2027-01-01"], tmp_path
    )
    assert done.returncode == 2, done.stderr
    assert CASES[name].says in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.slow
def test_large_hostile_inputs_within_a_gigabyte(tmp_path: Path) -> None:
    for name, data in big_files().items():
        (tmp_path / name).write_bytes(data)
    long_cell = _child(
        ["import", "long-cell.csv", "-o", "a.carveplan", "--party", "VNM", "--eif", "2027-01-01"], tmp_path
    )
    assert long_cell.returncode == 2
    assert "long-cell.csv row 2 column B: a cell of 140,000 characters" in long_cell.stderr
    nested = _child(["validate", "nested.carveplan"], tmp_path)
    assert nested.returncode == 2
    assert "nested.carveplan row " in nested.stderr
    assert "nested more than 64 deep" in nested.stderr
    for plan, lines, milestones in (("tasks-100000.xml", 33_333, 1), ("chain-20000.xml", 1, 20_000)):
        done = _child(["import", plan, "-o", f"{plan}.carveplan"], tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"read {lines} lines and {milestones} milestones" in done.stdout
        shown = _child(["validate", f"{plan}.carveplan"], tmp_path)
        assert shown.returncode in (0, 1), shown.stderr
        assert "Traceback" not in shown.stderr


def test_files_without_read_permission_get_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    denied = {tmp_path / "schedule.csv", tmp_path / "schedule.xlsx", tmp_path / "plan.xml"}
    for path in denied:
        path.write_bytes(b"x")
        path.chmod(0)
    _deny(monkeypatch, denied)  # root reads anything: refuse as the system would for a user
    out = tmp_path / "out.carveplan"
    for path in sorted(denied):
        status = main(["import", str(path), "-o", str(out), "--party", "VNM", "--eif", "2027-01-01"])
        err = capsys.readouterr().err
        assert status == 2
        assert path.name in err
        assert "Permission denied" in err
        assert "Traceback" not in err
    assert not out.exists()


def _deny(monkeypatch: pytest.MonkeyPatch, denied: set[Path]) -> None:
    if os.geteuid() != 0:
        return
    real_open, real_read = Path.open, Path.read_bytes

    def refuse(path: Path) -> None:
        if path in denied:
            raise PermissionError(13, "Permission denied", str(path))

    def opened(self: Path, *args: object, **kwargs: object) -> object:
        refuse(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    def read(self: Path) -> bytes:
        refuse(self)
        return real_read(self)

    monkeypatch.setattr(Path, "open", opened)
    monkeypatch.setattr(Path, "read_bytes", read)


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".xml"])
def test_a_chain_resolving_past_every_calendar_still_exports(suffix: str, tmp_path: Path) -> None:
    from datetime import date

    from carveplan.io.native import save
    from carveplan.model import Agreement, Milestone, Party, parse_timing

    # Each milestone due 99 years after the one before: the 82nd falls in the year 10,000.
    milestones = [Milestone("M-1", "VNM", "Step", parse_timing("EIF+99y"))]
    milestones += [
        Milestone(f"M-{i}", "VNM", "Step", parse_timing(f"M:M-{i - 1}+99y"), depends_on=(f"M-{i - 1}",))
        for i in range(2, 120)
    ]
    path, out = tmp_path / "far.carveplan", tmp_path / f"far{suffix}"
    save(
        Agreement("Far", date(2027, 1, 1), parties=(Party("VNM", "Viet Nam"),), milestones=tuple(milestones)),
        path,
    )
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert out.stat().st_size > 0
