"""LibreOffice in tests: a headless conversion with a private profile, skipped where it cannot run."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def convert(source: Path, to: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Convert ``source`` with headless LibreOffice into ``folder`` (``to``: ``pdf``, ``ods`` …).

    Skips the test when LibreOffice is not installed. The profile lives in ``folder``, so a
    LibreOffice the user has open is not disturbed.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", to, "--outdir", str(folder), str(source)]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def deck_pdf(deck: Path) -> Path:
    """The PDF LibreOffice Impress makes of ``deck`` (.pptx), beside it; skips where Impress is missing."""
    done = convert(deck, "pdf", deck.parent)
    if "could not be loaded" in done.stderr:
        pytest.skip("this LibreOffice has no Impress to open .pptx files")
    pdf = deck.with_suffix(".pdf")
    assert pdf.exists(), done.stderr
    return pdf
