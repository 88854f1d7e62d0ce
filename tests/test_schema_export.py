"""The published JSON Schema matches the models and accepts the bundled files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from monitor.pledgefile import json_schema
from monitor.pledgefile.reader import read_yaml

ROOT = Path(__file__).parent.parent


def load_raw(path: Path) -> object:
    tree, _text = read_yaml(path)
    return json.loads(json.dumps(tree))


def test_the_committed_schema_file_is_current() -> None:
    committed = (ROOT / "pledges.schema.json").read_text()
    assert committed == json_schema(), "run: pledge-monitor schema -o pledges.schema.json"


def test_the_schema_accepts_the_bundled_pledges_file() -> None:
    jsonschema.validate(load_raw(ROOT / "pledges.yaml"), json.loads(json_schema()))


def test_the_schema_rejects_an_unknown_key() -> None:
    data = load_raw(ROOT / "pledges.yaml")
    assert isinstance(data, dict)
    data["pledges"][0]["titel"] = "typo"
    with pytest.raises(jsonschema.ValidationError, match="titel"):
        jsonschema.validate(data, json.loads(json_schema()))
