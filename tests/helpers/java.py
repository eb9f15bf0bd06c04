"""The Java virtual machine for checks with MPXJ, started once per test session (JPype cannot restart it)."""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest


@pytest.fixture(scope="session")
def mspdi_reader() -> Any:
    """MPXJ's MSPDI reader class; skips when Java, JPype or MPXJ is missing."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime: the independent MS Project XML check reads files with MPXJ on Java")
    jpype = pytest.importorskip("jpype", reason="JPype1 is not installed (pip install '.[interop-test]')")
    pytest.importorskip("mpxj", reason="mpxj is not installed (pip install '.[interop-test]')")
    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.mspdi import MSPDIReader  # type: ignore[import-not-found]

    return MSPDIReader
