"""Build hook: copy the top-level resources and sample agreements into the package as ``carveplan/_data``.

Everything else about the build is in ``pyproject.toml``. The files live outside ``app/carveplan`` so
that a checkout keeps one copy of them; a wheel has no "outside", so ``build_py`` copies them in and
``carveplan.resources`` looks there when the checkout's folders are absent.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

# folder at the top of the checkout -> file patterns bundled from it (schedules/ also holds the
# script that generates the sample, which is not data).
BUNDLED = {"resources": ("**/*",), "schedules": ("*.carveplan",)}


def bundled_files() -> list[tuple[Path, Path]]:
    """Each bundled file as (source, path relative to ``carveplan/_data``)."""
    pairs = []
    for folder, patterns in BUNDLED.items():
        base = ROOT / folder
        for pattern in patterns:
            for source in sorted(base.glob(pattern)):
                if source.is_file():
                    pairs.append((source, Path(folder) / source.relative_to(base)))
    return pairs


class BuildWithData(build_py):
    """``build_py`` that also copies the bundled files into the built package."""

    def run(self) -> None:
        super().run()
        # An editable install runs from the checkout, where the top-level folders are found directly.
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "carveplan" / "_data"
        for source, relative in bundled_files():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)


setup(cmdclass={"build_py": BuildWithData})
