"""The detection corpus: stack exports built from AWS's documented examples, judged by `stackguard check`.

Layout (shared by every author of cases): cases/<service>/<rule file stem>/insecure-<slug>.json must
get at least one finding of the rule aws-<service>-<stem>; secure-<slug>.json must get none of it
(other rules may fire on both). Every case file is a `pulumi stack export` document with an
"origin" URL naming the documentation or public source it is built from. All files go through
ONE `stackguard check --profile prod --format json` run (each file is its own stack), and each
file is judged by its resources' URNs.

Set STACKGUARD_DETECTION_RESULTS=<path> to also write the caught/flagged figures there as JSON;
they are printed in any case (visible with `pytest -s`).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from stackguard.catalog import load

pytestmark = pytest.mark.slow

CASES = Path(__file__).parent / "cases"
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))
CASE_NAME = re.compile(r"^(insecure|secure)-[a-z0-9]+(-[a-z0-9]+)*\.json$")


@dataclass(frozen=True)
class Case:
    path: Path
    service: str
    stem: str
    kind: str  # "insecure" or "secure"

    @property
    def rule(self) -> str:
        return f"aws-{self.service}-{self.stem.replace('_', '-')}"

    @property
    def slug(self) -> str:
        return self.path.stem.split("-", 1)[1]

    @property
    def label(self) -> str:
        return f"{self.service}/{self.stem}/{self.path.name}"

    def document(self) -> dict:
        return json.loads(self.path.read_text())

    def urns(self) -> set[str]:
        return {r["urn"] for r in self.document()["deployment"]["resources"]}


def discover() -> list[Case]:
    return [Case(p, p.parent.parent.name, p.parent.name, p.name.split("-", 1)[0])
            for p in sorted(CASES.glob("*/*/*.json"))]


ALL_CASES = discover()


@pytest.fixture(scope="module")
def findings() -> dict[str, set[str]]:
    """Rule id -> URNs it reported, from one `stackguard check` over the whole corpus."""
    result = subprocess.run([STACKGUARD, "check", *(str(c.path) for c in ALL_CASES), "--profile", "prod",
                             "--format", "json"], capture_output=True, text=True, timeout=900)
    assert result.returncode in (0, 1), result.stderr[-3000:]
    found: dict[str, set[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        found.setdefault(f["rule"], set()).add(f["urn"])
    return found


def test_corpus_files_follow_the_convention():
    assert ALL_CASES, "no detection cases found"
    seen: dict[str, str] = {}
    for case in ALL_CASES:
        assert CASE_NAME.match(case.path.name), f"{case.label}: name must be insecure-<slug>.json or secure-<slug>.json"
        doc = case.document()
        assert doc.get("version") == 3, f"{case.label}: version must be 3"
        assert str(doc.get("origin", "")).startswith("https://"), f"{case.label}: origin must be the URL it is built from"
        resources = doc["deployment"]["resources"]
        assert len(resources) >= 2, f"{case.label}: needs the stack resource and at least one resource"
        for r in resources:
            urn = r["urn"]
            assert urn.startswith("urn:pulumi:detect::"), f"{case.label}: {urn} must be in stack 'detect'"
            names = {f"{case.service}-{case.stem}-{case.slug}", f"{case.service}-{case.stem.replace('_', '-')}-{case.slug}"}
            assert any(n in urn.rsplit("::", 1)[1] for n in names), \
                f"{case.label}: resource name of {urn} must contain {case.service}-{case.stem}-{case.slug}"
            assert urn not in seen, f"{case.label}: URN {urn} is also used by {seen.get(urn)}"
            seen[urn] = case.label


def test_every_rule_has_an_insecure_and_a_secure_case():
    kinds: dict[str, set[str]] = {}
    for case in ALL_CASES:
        kinds.setdefault(case.rule, set()).add(case.kind)
    rule_ids = {r.id for r in load()}
    unknown = sorted(set(kinds) - rule_ids)
    assert not unknown, f"case folders that name no rule: {unknown}"
    missing = sorted(f"{rule} ({', '.join(sorted({'insecure', 'secure'} - kinds.get(rule, set())))})"
                     for rule in rule_ids if kinds.get(rule, set()) != {"insecure", "secure"})
    assert not missing, f"{len(missing)} rules lack detection cases: " + "; ".join(missing)


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda c: c.label)
def test_case_is_judged_as_labelled(case, findings):
    hits = findings.get(case.rule, set()) & case.urns()
    if case.kind == "insecure":
        assert hits, f"{case.rule} did not flag {case.label} ({case.document()['origin']})"
    else:
        assert not hits, f"{case.rule} flagged the secure case {case.label}: {sorted(hits)}"


def test_detection_figures(findings):
    insecure = [c for c in ALL_CASES if c.kind == "insecure"]
    secure = [c for c in ALL_CASES if c.kind == "secure"]
    caught = sum(1 for c in insecure if findings.get(c.rule, set()) & c.urns())
    flagged = sum(1 for c in secure if findings.get(c.rule, set()) & c.urns())
    figures = {
        "insecure_cases": len(insecure), "insecure_caught": caught,
        "insecure_caught_percent": round(100 * caught / len(insecure), 1),
        "secure_cases": len(secure), "secure_flagged": flagged,
        "secure_flagged_percent": round(100 * flagged / len(secure), 1),
        "rules_with_cases": len({c.rule for c in ALL_CASES}),
    }
    print(f"\ndetection corpus: {figures}")
    if os.environ.get("STACKGUARD_DETECTION_RESULTS"):
        Path(os.environ["STACKGUARD_DETECTION_RESULTS"]).write_text(json.dumps(figures, indent=2) + "\n")
    assert figures["insecure_caught_percent"] >= 97 and figures["secure_flagged_percent"] <= 2
