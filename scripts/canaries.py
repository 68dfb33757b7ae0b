"""Generate the canaries every batch query carries beside the fixed one: for each resource rule of
the catalog, one resource from the detection corpus (tests/detection/cases/<service>/<rule>/
insecure-*.json, a single resource) that the rule flags with the rule's default parameters.

Output: policies/stackguard/canaries.json, a list of {"rule", "document"} where document is the
resource as the gate hands it to OPA (rego_input.from_stack_resource). Only canaries that the real
engine flags for their rule, with no parameters, are written.

Run after adding detection cases or rules: `.venv/bin/python scripts/canaries.py`.
tests/test_canaries.py fails when a canary is no longer flagged for its rule.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "detection" / "cases"
OUTPUT = ROOT / "policies" / "stackguard" / "canaries.json"


def candidates(resource_rules: set[str]) -> dict[str, dict]:
    from stackguard import readers, rego_input

    chosen: dict[str, dict] = {}
    for case in sorted(CASES.glob("*/*/insecure-*.json")):
        rule = f"aws-{case.parent.parent.name}-{case.parent.name.replace('_', '-')}"
        if rule in chosen or rule not in resource_rules:
            continue
        resources = [r for r in readers.read(case) if r.type != "pulumi:pulumi:Stack" and not r.type.startswith("pulumi:providers:")]
        if len(resources) == 1:
            document = rego_input.from_stack_resource(resources[0])
            chosen[rule] = {**document, "urn": f"urn:pulumi:canary::stackguard::{document['type']}::{rule}", "parent": None,
                            "dependencies": [], "propertyDependencies": {}, "options": {**document["options"], "parent": None}}
    return chosen


def main() -> int:
    from stackguard import catalog
    from stackguard.gate import EngineSession

    rules = catalog.load()
    found = candidates({r.id for r in rules if r.kind == "resource"})
    with EngineSession(rules) as session:
        engine = session.engine()
        flagged = {f.urn for f in engine.batch_findings(list(found.values()), {}) if found.get(f.rule, {}).get("urn") == f.urn}
    canaries = [{"rule": rule, "document": document} for rule, document in sorted(found.items()) if document["urn"] in flagged]
    OUTPUT.write_text(json.dumps(canaries, indent=1, sort_keys=True) + "\n")
    sys.stdout.write(f"wrote {len(canaries)} canaries ({len(found) - len(canaries)} candidates not flagged alone) to {OUTPUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
