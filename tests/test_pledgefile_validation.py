"""pledges.yaml validation: every problem listed, each with its file, line and field.

Each tests/data/pledges/bad_*.yaml states what it expects in '# Expect: LINE: FIELD: TEXT'
header lines; the test reads them, so adding a case is adding a file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.pledgefile import load_config

DATA = Path(__file__).parent / "data" / "pledges"
ROOT = Path(__file__).parent.parent
EXPECT = re.compile(r"^# Expect: (\d+): ([^:]*): (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, str, str]]:
    return [(int(line), field, text) for line, field, text in EXPECT.findall(path.read_text())]


@pytest.mark.parametrize("path", sorted(DATA.glob("bad_*.yaml")), ids=lambda p: p.stem)
def test_each_bad_file_reports_every_expected_problem_at_its_line(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no '# Expect:' line"
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problems = caught.value.problems
    for line, field, text in expected:
        assert any(
            p.line == line and p.field == field and text in p.message and p.file == str(path)
            for p in problems
        ), f"expected {line}: {field}: {text!r} in:\n{caught.value}"
    assert len(problems) == len(expected), f"unexpected extra problems:\n{caught.value}"


def test_the_error_message_names_file_line_and_field() -> None:
    path = DATA / "bad_unknown_feed.yaml"
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"{path}:16: pledges.watcher.feeds[1]: no feed with id 'wires'" in str(caught.value)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_a_file_that_is_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_config(path)


def test_a_good_file_loads_with_defaults_applied() -> None:
    config = load_config(DATA / "good_minimal.yaml")
    pledge = config.pledges[0]
    assert pledge.made_by == ["Someone"]  # a single name is taken as a list of one
    assert pledge.due is None
    assert config.feeds_of(pledge) == ["wire"]
    assert config.pledge_lines == {"minimal": 8}
    # a relative feed path is relative to the file, not to the working directory
    assert config.feeds[0].url == str((DATA / "feeds" / "wire.xml").resolve())


def test_the_bundled_pledges_file_is_valid_and_tracks_every_seed_pledge() -> None:
    config = load_config(ROOT / "pledges.yaml")
    ids = {p.id for p in config.pledges}
    assert {
        "korea-task-force-launch",
        "travel-advisory-phnom-penh",
        "expedite-major-projects",
        "deport-awaiting-koreans",
        "presidential-visit-cambodia",
        "thirtieth-anniversary-events",
    } <= ids
    task_force = config.pledge("korea-task-force-launch")
    assert task_force is not None
    assert str(task_force.made_on) == "2025-10-27" and str(task_force.due) == "2025-11-30"
    assert all(f.url.startswith("https://") for f in config.feeds)


def test_the_demo_file_takes_the_pledges_and_replaces_the_feeds() -> None:
    demo = load_config(ROOT / "demo" / "pledges.yaml")
    production = load_config(ROOT / "pledges.yaml")
    assert demo.pledges == production.pledges
    assert {f.id for f in demo.feeds} == {"sample-wire", "sample-gazette", "sample-tongsin"}
    assert all(Path(f.url).is_file() for f in demo.feeds)


def test_an_extends_file_may_only_replace_feeds(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text((DATA / "good_minimal.yaml").read_text())
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("extends: base.yaml\npledges: []\n")
    with pytest.raises(ConfigError) as caught:
        load_config(overlay)
    assert f"{overlay}:2: pledges: unknown key in an 'extends' file" in str(caught.value)


def test_a_pledge_naming_a_feed_missing_from_the_overlay_is_reported_in_the_base_file(
    tmp_path: Path,
) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(
        (DATA / "good_minimal.yaml")
        .read_text()
        .replace("    source: A speech\n", "    source: A speech\n    feeds: [wire]\n")
    )
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "extends: base.yaml\nfeeds:\n  - id: other\n    title: Other\n    url: x.xml\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(overlay)
    assert caught.value.problems[0].file == str(base)
    assert caught.value.problems[0].line == 13


def test_the_bad_file_cases_are_present() -> None:
    """An empty case list would silently skip the test above."""
    assert len(list(DATA.glob("bad_*.yaml"))) >= 8
