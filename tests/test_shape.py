"""The package keeps its shape: modules under 400 lines, no import cycles, late imports explained,
no private names across modules, no word lists in code (scripts/check_shape.py says what each means)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_keeps_its_shape() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_shape.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
