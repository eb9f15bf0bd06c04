"""Where bundled files live: the resources and sample agreements beside the package or inside it."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def resources_dir() -> Path:
    """The ``resources`` folder: in a source checkout the top-level one, in a build the bundled copy."""
    return _first_existing(_PACKAGE.parent.parent / "resources", _PACKAGE / "_data" / "resources")


def schedules_dir() -> Path:
    """The folder of sample agreements."""
    return _first_existing(_PACKAGE.parent.parent / "schedules", _PACKAGE / "_data" / "schedules")


def resource_path(name: str) -> Path:
    """A file in :func:`resources_dir`."""
    return resources_dir() / name


def sample_path() -> Path:
    """The bundled sample agreement ``make run`` opens."""
    return schedules_dir() / "sample.carveplan"
