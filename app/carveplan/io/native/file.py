"""The native ``.carveplan`` file: UTF-8 JSON with a format tag and a version, written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from carveplan.engine.collector import collector_paused
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import ReadError, WriteError
from carveplan.io.native import migrate as migrations
from carveplan.io.native.encode import encode
from carveplan.io.native.fast import decode_agreement
from carveplan.io.native.json_text import parse_json
from carveplan.io.native.json_write import indented_json
from carveplan.model import Agreement, Location, Problem, error

FORMAT = "carveplan"
SUFFIX = ".carveplan"


def dumps(agreement: Agreement) -> str:
    """The file text for an agreement: stable key order, indent 2 and a final newline, so files diff cleanly.

    Args:
        agreement: the agreement to write.

    Returns:
        The JSON text.
    """
    # The first save fixes the agreement's identity, so renaming it later keeps its calendar's event ids.
    # A dict or list per record, none in a cycle: collections would only walk them (a third of a save).
    with collector_paused():
        record = encode(agreement.with_identity())
        document = {"format": FORMAT, "version": migrations.CURRENT_VERSION, "agreement": record}
        return indented_json(document) + "\n"


def loads(text: str, file: str = "") -> Agreement:
    """Read an agreement from file text, upgrading files of older versions.

    Args:
        text: the JSON text.
        file: the file name, used in problem locations.

    Returns:
        The agreement.

    Raises:
        ReadError: with every problem found, each naming the field (``lines[3].phases[0].start``).
    """
    document, repeated = parse_json(text, file)
    if repeated:
        raise ReadError(repeated)
    version = _check_header(document, file)
    try:
        document = migrations.migrate(document, version)
    except migrations.MigrationError as err:
        raise ReadError.single(file, str(err)) from None
    agreement, problems = decode_agreement(document.get("agreement"), file)
    if agreement is None:
        raise ReadError(problems or [_problem(file, "agreement", "no agreement in the file")])
    return agreement


def load(path: str | Path) -> Agreement:
    """Read an agreement from a ``.carveplan`` file.

    Args:
        path: the file.

    Returns:
        The agreement.

    Raises:
        ReadError: when the file cannot be opened, is not UTF-8, or its content has problems.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ReadError.single(name, f"cannot open the file: {err.strerror or err}") from None
    except MemoryError:
        raise ReadError.single(name, "the file is too large to read into memory") from None
    try:
        text = data.decode("utf-8-sig")  # tolerate the byte-order mark some Windows editors add
    except UnicodeDecodeError as err:
        message = f"not UTF-8 text (byte {err.start + 1} cannot be read); is this a CarvePlan file?"
        raise ReadError.single(name, message) from None
    return loads(text, name)


def save(agreement: Agreement, path: str | Path, verify: bool = False) -> None:
    """Write an agreement to a ``.carveplan`` file atomically.

    Args:
        agreement: the agreement.
        path: the file; it is replaced whole or, on failure, left as it was.
        verify: read the text back first and write nothing unless it opens (for agreements built
            from other programs' files, whose values no editor has checked).

    Raises:
        WriteError: when the file cannot be written.
        ReadError: with ``verify``, when the file would not open again; nothing is written.
    """
    try:
        text = dumps(agreement)
        if verify:
            loads(text, Path(path).name)
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        # Only lone surrogates (pasted from broken sources) cannot be written as UTF-8.
        message = f"could not save {path}: some text cannot be stored as UTF-8 ({err.reason})"
        raise WriteError(message) from err
    write_atomic(path, data)


def _check_header(document: Any, file: str) -> int:
    """The file's version, after checking it is a CarvePlan file this program can read."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        message = 'not a CarvePlan file: expected a JSON object with "format": "carveplan"'
        raise ReadError.single(file, message)
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        found = json.dumps(version, default=str)
        raise ReadError([_problem(file, "version", f"expected a version number of 1 or more, found {found}")])
    newest = migrations.CURRENT_VERSION
    if version > newest:
        message = (
            f"made by a newer CarvePlan (version {version}); this one reads up to version {newest}"
            " — update CarvePlan"
        )
        raise ReadError([_problem(file, "version", message, "newer-version")])
    return version


def _problem(file: str, field: str, message: str, code: str = "unreadable") -> Problem:
    return error(Location(file=file, field=field), message, code)
