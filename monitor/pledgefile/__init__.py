"""pledges.yaml: schema, loading with line-numbered errors, and JSON Schema export."""

import json

from monitor.pledgefile.loader import Config, load_config
from monitor.pledgefile.schema import (
    STANCES,
    EvidenceRules,
    Feed,
    Pledge,
    PledgeFile,
    RuleSet,
    Stance,
    Verdict,
    parse_grace,
)


def json_schema() -> str:
    """The JSON Schema of pledges.yaml, for editors' autocompletion and checks."""
    schema = PledgeFile.model_json_schema()
    schema["title"] = "pledge-monitor pledges file"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "STANCES",
    "Config",
    "EvidenceRules",
    "Feed",
    "Pledge",
    "PledgeFile",
    "RuleSet",
    "Stance",
    "Verdict",
    "json_schema",
    "load_config",
    "parse_grace",
]
