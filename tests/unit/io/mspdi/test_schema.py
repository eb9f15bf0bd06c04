"""The MS Project XML export is valid against Microsoft's MSPDI schema, with and without a scenario."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import mspdi_bytes
from tests.helpers.mspdi_schema import mspdi_schema
from tests.helpers.plans import DELAY, MISSED, partnership

__all__ = ["mspdi_schema"]  # the fixture, imported so pytest finds it


@pytest.mark.parametrize("scenario", [None, DELAY, MISSED])
def test_export_is_valid_mspdi(mspdi_schema: Any, scenario: str | None) -> None:
    from lxml import etree

    data = mspdi_bytes(partnership(), ExportOptions(scenario=scenario, today=date(2026, 11, 25)), name="plan")
    document = etree.fromstring(data)
    assert mspdi_schema.validate(document), "\n".join(str(e) for e in mspdi_schema.error_log)
