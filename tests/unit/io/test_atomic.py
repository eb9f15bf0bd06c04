"""Atomic saves: a failure at any point leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from carveplan.io import atomic
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import WriteError


def _fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.carveplan"
    path.write_bytes(b"old contents\n")
    return path


def test_writes_new_contents_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "new.carveplan"
    write_atomic(path, b"first")
    write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["new.carveplan"]


@pytest.mark.parametrize("target", ["replace", "fsync"])
def test_a_failure_keeps_the_old_file(old_file: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    monkeypatch.setattr(atomic.os, target, _fail)
    with pytest.raises(WriteError, match="No space left on device; the previous file is unchanged"):
        write_atomic(old_file, b"new contents that never land")
    assert old_file.read_bytes() == b"old contents\n"
    assert [p.name for p in old_file.parent.iterdir()] == ["plan.carveplan"]


def test_a_failure_half_way_through_the_write_keeps_the_old_file(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self.stream = real_open(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> None:
            self.stream.write(data[: len(data) // 2])
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fdopen", HalfWriter)
    with pytest.raises(WriteError, match="Input/output error"):
        write_atomic(old_file, b"0123456789")
    assert old_file.read_bytes() == b"old contents\n"
    assert len(list(old_file.parent.iterdir())) == 1


def test_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="could not save"):
        write_atomic(tmp_path / "no" / "such" / "plan.carveplan", b"x")


def test_permissions_and_links_are_kept(old_file: Path, tmp_path: Path) -> None:
    old_file.chmod(0o640)
    link = tmp_path / "link.carveplan"
    link.symlink_to(old_file)
    write_atomic(link, b"via link")
    assert link.is_symlink()
    assert old_file.read_bytes() == b"via link"
    assert old_file.stat().st_mode & 0o777 == 0o640


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    write_atomic(path, (piece for piece in (b"<a>", b"text", b"</a>")))
    assert path.read_bytes() == b"<a>text</a>"


def test_a_failure_while_pieces_are_made_leaves_the_old_file(old_file: Path) -> None:
    class Cancelled(Exception):
        pass

    def pieces() -> Iterator[bytes]:
        yield b"half of the new "
        raise Cancelled

    with pytest.raises(Cancelled):
        write_atomic(old_file, pieces())
    assert old_file.read_bytes() == b"old contents\n"
    assert os.listdir(old_file.parent) == [old_file.name]


def test_a_failed_first_save_does_not_speak_of_a_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic.os, "replace", _fail)
    with pytest.raises(WriteError, match=r"No space left on device; nothing was written$"):
        write_atomic(tmp_path / "first.carveplan", b"never lands")
    assert list(tmp_path.iterdir()) == []
