"""The README's package map names every subpackage of the application, each on one line, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
ROOT = CHECKOUT / "app" / "carveplan"
README = CHECKOUT / "README.md"
# An entry of the map: indented two spaces per level, a folder (``io/``) or a module (``main.py``), then text.
ENTRY = re.compile(r"^(?P<indent>(?:  )+)(?P<name>[a-z_]+(?:/|\.py))\s")


def _map() -> list[str]:
    """The map's lines: the code block of the Layout section, from ``app/carveplan/`` on."""
    layout = README.read_text(encoding="utf-8").split("## Layout", 1)[1]
    block = layout.split("```", 2)[1]
    lines = block.splitlines()
    start = lines.index("app/carveplan/")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    return lines[start + 1 : end]


def _entries(lines: list[str]) -> dict[str, int]:
    """Each path named in the map (``io/native``, ``main.py``) and how many lines name it."""
    found: dict[str, int] = {}
    parents: list[str] = []
    for line in lines:
        match = ENTRY.match(line)
        if match is None:
            continue  # a continued description; _map_lines_are_entries refuses those
        depth = len(match["indent"]) // 2 - 1
        name = match["name"].rstrip("/")
        parents[depth:] = [name]
        path = "/".join(parents)
        found[path] = found.get(path, 0) + 1
    return found


def _subpackages() -> set[str]:
    return {p.parent.relative_to(ROOT).as_posix() for p in ROOT.rglob("__init__.py") if p.parent != ROOT}


def test_every_line_of_the_map_is_one_entry() -> None:
    assert [line for line in _map() if not ENTRY.match(line)] == []


def test_the_map_names_every_subpackage_once_and_nothing_that_is_not_there() -> None:
    entries = _entries(_map())
    assert {path for path, count in entries.items() if count > 1} == set()
    folders = {path for path in entries if not path.endswith(".py")}
    assert folders == _subpackages()
    assert all((ROOT / path).is_file() for path in entries if path.endswith(".py"))


def test_a_missing_subpackage_is_noticed() -> None:
    lines = [line for line in _map() if not line.lstrip().startswith("checks/")]
    assert "engine/checks" not in _entries(lines)
    assert "engine/checks" in _subpackages()
