"""Microsoft's MSPDI schema as MPXJ compiled it, recovered with the JDK, for validating our exports."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

_SOURCE = Path(__file__).with_name("MspdiSchema.java")
# generateSchema declares the types only; the document element is Project, as in mspdi_pj12.xsd.
_ROOT = '<xs:element name="Project" type="tns:Project"/>'


@pytest.fixture(scope="session")
def mspdi_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An lxml ``XMLSchema`` of MS Project XML; skips without a JDK, MPXJ or lxml."""
    etree = pytest.importorskip("lxml.etree", reason="lxml is not installed (pip install '.[test]')")
    mpxj = pytest.importorskip("mpxj", reason="mpxj is not installed (pip install '.[interop-test]')")
    javac, java = shutil.which("javac"), shutil.which("java")
    if javac is None or java is None:
        pytest.skip("no JDK (javac): the MSPDI schema is recovered from MPXJ's compiled schema classes")
    jars = sorted((Path(mpxj.__file__).parent / "lib").glob("*.jar"))
    classpath = ":".join(str(jar) for jar in jars)
    folder = tmp_path_factory.mktemp("mspdi-schema")
    subprocess.run([javac, "-cp", classpath, "-d", str(folder), str(_SOURCE)], check=True, timeout=120)
    subprocess.run(
        [java, "-cp", f"{classpath}:{folder}", "MspdiSchema", str(folder)], check=True, timeout=120
    )
    text = (folder / "mspdi.xsd").read_text(encoding="utf-8")
    text = text.replace("<xs:schema ", '<xs:schema xmlns:tns="http://schemas.microsoft.com/project" ', 1)
    text = text.replace("</xs:schema>", f"{_ROOT}</xs:schema>")
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8")))
