"""Where bundled files live: the resources and sample agreements inside the package or beside it."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(folder: str) -> Path:
    """``carveplan/_data/<folder>`` in a wheel or application bundle, else ``<folder>`` of the checkout.

    The bundled copy wins: an installed package's grandparent is an arbitrary folder that may
    happen to hold a ``resources`` of its own.
    """
    bundled = _PACKAGE / "_data" / folder
    return bundled if bundled.is_dir() else _PACKAGE.parent.parent / folder


def resources_dir() -> Path:
    """The ``resources`` folder (icons, nomenclatures)."""
    return _locate("resources")


def schedules_dir() -> Path:
    """The folder of sample agreements."""
    return _locate("schedules")


def resource_path(name: str) -> Path:
    """A file in :func:`resources_dir`."""
    return resources_dir() / name


def sample_path() -> Path:
    """The bundled sample agreement ``make run`` opens."""
    return schedules_dir() / "sample.carveplan"
