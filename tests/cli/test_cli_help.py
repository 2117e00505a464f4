"""Every command documents itself with at least one example, and bad usage is one line, exit 2."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.main import get_command

from dyads.cli import app

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_the_cli_has_the_contract_commands() -> None:
    assert {"analyze", "extract", "ingest", "serve", "dyad", "timeline", "compare", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_with_an_example(name: str) -> None:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    text = command.help or ""
    assert text.strip(), f"{name} has no help text"
    assert "Example" in text, f"{name}: help text gives no example"


def test_unknown_option_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dyads", "analyze", "--no-such-option"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
