"""The command words are declared once: the parser, the launcher and its error message all follow the list."""

from __future__ import annotations

import pytest

from carveplan.cli import COMMANDS, build_parser
from carveplan.main import main, unknown_word, wants_cli


def test_every_declared_command_is_parsed_helped_and_sent_to_the_command_line() -> None:
    helped = build_parser().format_help()
    for word in COMMANDS:
        assert wants_cli([word, "x"])
        assert word in helped


def test_the_unknown_word_error_names_exactly_the_declared_commands() -> None:
    message = unknown_word(["shwo"])
    assert message is not None
    listed = next(line for line in message.splitlines() if "commands:" in line)
    assert listed.split("commands:")[1].strip().split(", ") == sorted(COMMANDS)


def test_help_as_a_word_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: carveplan")
    assert all(word in out for word in COMMANDS)
