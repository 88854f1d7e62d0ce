"""The judge's accuracy on the labelled news set (eval/) never drops below the floors
recorded beside it (eval/floors.yaml). The held-out cases are scored here, never tuned on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from jobs import measure
from monitor.cli import main
from monitor.errors import ConfigError
from monitor.evalset import Split, load_set

EVAL = Path(__file__).resolve().parents[1] / "eval"
FLOORS: dict[str, Any] = YAML(typ="safe").load((EVAL / "floors.yaml").read_text())


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_the_judge_stays_above_its_floors(split: Split) -> None:
    result = measure.run(load_set(EVAL, [split]))
    floor, scores = FLOORS[split], result.scores
    assert scores.overall.precision is not None and scores.overall.recall is not None
    assert scores.overall.precision >= floor["precision"]
    assert scores.overall.recall >= floor["recall"]
    assert (scores.status_accuracy or 0) >= floor["status_accuracy"]
    assert len(scores.false_fulfilled_distractors) <= floor["distractors_fulfilled"]


def test_the_set_is_as_the_issue_asks(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_set(EVAL)
    items = [item for case in cases for item in case.items]
    assert len(items) >= 250 and len(cases) >= 4
    languages = {item.lang for item in items}
    assert {"en", "ko", "th"} <= languages
    assert {"announcement", "restatement", "syndicated", "conditional", "number", "distractor"} <= {
        item.kind for item in items
    }
    assert {case.split for case in cases} == {"dev", "heldout"}


def test_eval_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["eval", str(EVAL), "--split", "dev"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert "precision  recall     f1" in out and "stance fulfilled" in out
    assert "status accuracy: " in out and "articles/s" in out


def test_an_item_id_used_by_two_cases_is_refused(tmp_path: Path) -> None:
    """Items are one feed's guids when scored: a shared id would score one case's article
    as the other's."""
    (tmp_path / "manifest.yaml").write_text(
        "cases:\n  - {id: one, split: dev}\n  - {id: two, split: dev}\n", encoding="utf-8"
    )
    for case in ("one", "two"):
        folder = tmp_path / "cases" / case
        folder.mkdir(parents=True)
        (folder / "pledges.yaml").write_text("timezone: UTC\n", encoding="utf-8")
        (folder / "checkpoints.yaml").write_text("pledges: {}\n", encoding="utf-8")
        (folder / "items.yaml").write_text(
            "items:\n  - {id: abc-001, url: 'https://example.org/a', published: 2025-11-01,"
            " title: A, pledge: null, stance: none, kind: distractor}\n",
            encoding="utf-8",
        )
    with pytest.raises(ConfigError, match="abc-001 is also an item of one"):
        load_set(tmp_path)


def test_eval_scores_the_cases_asked_for_each_on_its_own_row(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["eval", str(EVAL), "--split", "dev", "--case", "thai-house-dissolution"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert ": 1 cases (dev)" in out and "case thai-house-dissolution " in out
    assert "case korea-mof-busan" not in out


def test_eval_names_an_unknown_case_and_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["eval", str(EVAL), "--split", "dev", "--case", "no-such-case"])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert "no case no-such-case" in err and "thai-house-dissolution" in err
