"""The Linux desktop integration installs for one user: menu entry, icons and the file type."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.helpers import run

CHECKOUT = Path(__file__).resolve().parents[2]
LINUX = CHECKOUT / "packaging" / "linux"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


@pytest.fixture(scope="module")
def data_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``$XDG_DATA_HOME`` after installing for a launcher at a path with a space in it."""
    home = tmp_path_factory.mktemp("home")
    launcher = home / "Car ve" / "carveplan"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    env["XDG_CONFIG_HOME"] = str(home / "config")
    run(["bash", LINUX / "install-desktop.sh", launcher], cwd=home, env=env)
    return home / "share"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    """The ``[Desktop Entry]`` group of a .desktop file."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_entry_starts_the_given_launcher(data_home: Path) -> None:
    entry = desktop_entry(data_home / "applications" / "carveplan.desktop")
    assert entry["Exec"] == f'"{data_home.parent / "Car ve" / "carveplan"}" %f'


def test_entry_opens_the_carveplan_type(data_home: Path) -> None:
    mime = ET.parse(LINUX / "carveplan-mime.xml").find("m:mime-type", MIME_NS)
    assert mime is not None
    assert desktop_entry(LINUX / "carveplan.desktop")["MimeType"] == f"{mime.get('type')};"


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_icon_sizes(data_home: Path, size: int) -> None:
    icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "carveplan.png"
    assert icon.read_bytes() == (CHECKOUT / "resources" / "icons" / f"carveplan-{size}.png").read_bytes()


def test_scalable_icon(data_home: Path) -> None:
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / "carveplan.svg").is_file()


def test_file_type_is_registered(data_home: Path) -> None:
    assert (data_home / "mime" / "packages" / "carveplan-mime.xml").is_file()
