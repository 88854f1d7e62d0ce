"""The Makefile: `make run` installs only what running needs; the chores add the dev extras."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def planned(target: str, venv: Path) -> str:
    """The commands make would run for ``target`` in a fresh venv (a dry run: nothing runs)."""
    done = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_the_package_without_the_development_extras(tmp_path: Path) -> None:
    run = planned("run", tmp_path / "venv")
    assert "pip install --quiet -e .\n" in run
    assert "[dev" not in run and "postgres]" not in run
    test = planned("test", tmp_path / "venv")
    assert "pip install --quiet -e '.[dev,postgres]'" in test
    # one venv for both: each target only adds its own stamp
    assert f"touch {tmp_path / 'venv' / '.run-stamp'}" in run
    assert f"touch {tmp_path / 'venv' / '.dev-stamp'}" in test
