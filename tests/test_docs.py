"""The README is the operator's manual: it must stay true to the code."""

from __future__ import annotations

import re
from pathlib import Path

import click

from monitor.cli import cli
from monitor.settings import setting_names

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()


def test_the_quickstart_is_exactly_two_commands() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", quickstart, re.DOTALL)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["make run", "make test"]


def test_ci_runs_the_same_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_setting_is_documented() -> None:
    missing = [name for name in setting_names() if name not in README]
    assert not missing, f"README does not mention {missing}"


def test_every_cli_command_is_documented() -> None:
    def names(group: click.Group, prefix: str = "") -> list[str]:
        found = []
        for name, command in group.commands.items():
            found.append(f"{prefix}{name}")
            if isinstance(command, click.Group):
                found += names(command, f"{prefix}{name} ")
        return found

    missing = [n for n in names(cli) if f"pledge-monitor {n}" not in README]
    assert not missing, f"README does not mention {missing}"
