"""Upgrading raw documents one version at a time."""

from __future__ import annotations

import pytest

from carveplan.io.native.migrate import CURRENT_VERSION, Document, MigrationError, migrate


def _add(key: str) -> object:
    def step(document: Document) -> Document:
        document["agreement"][key] = document["version"]
        return document

    return step


def test_steps_run_in_order_and_stamp_each_version() -> None:
    steps = {1: _add("from1"), 2: _add("from2")}
    document = migrate({"version": 1, "agreement": {}}, 1, steps, current=3)  # type: ignore[dict-item]
    assert document == {"version": 3, "agreement": {"from1": 1, "from2": 2}}


def test_a_current_file_is_left_alone() -> None:
    document: Document = {"version": CURRENT_VERSION, "agreement": {"title": "T"}}
    assert migrate(dict(document), CURRENT_VERSION) == document


def test_a_missing_step_is_an_error() -> None:
    with pytest.raises(MigrationError, match="version 2"):
        migrate({"version": 1, "agreement": {}}, 1, {1: _add("x")}, current=3)  # type: ignore[dict-item]
