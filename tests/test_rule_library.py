"""The rule library as a whole: OPA's own checks, path = identity, complete metadata, tests beside every rule."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from stackguard import toolchain
from stackguard.catalog import rule_id_for

ROOT = Path(__file__).resolve().parents[1]
REGO = ROOT / "policies" / "rego"
RULE_FILES = sorted(p for p in (REGO / "aws").rglob("*.rego") if not p.name.endswith("_test.rego"))


def opa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(toolchain.opa_binary()), *args], capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_opa_test_passes():
    result = opa("test", str(REGO))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    passed = int(re.search(r"PASS: (\d+)/(\d+)", result.stdout).group(1))
    assert passed >= 3 * len(RULE_FILES)


def test_opa_strict_check_and_format_are_clean():
    assert opa("check", "--strict", str(REGO)).returncode == 0
    fmt = opa("fmt", "--fail", "--list", str(REGO))
    assert fmt.returncode == 0, f"not opa-formatted: {fmt.stdout}"


def test_at_least_45_rules(rules):
    assert len(rules) >= 45
    assert len(RULE_FILES) == len(rules), "every rule file publishes exactly one rule"


def test_every_rule_id_is_its_path(rules):
    for rule in rules:
        path = Path(rule.file).relative_to(REGO).with_suffix("")
        service, name = path.parts[1], path.parts[2]
        assert rule.id == rule_id_for(["data", "aws", service, name, "deny"])


def test_every_concern_is_covered(rules):
    assert {r.concern for r in rules} == {"https", "encryption", "iam", "logging", "auth", "network"}


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: str(p.relative_to(REGO)))
def test_rule_has_tests_that_flag_pass_and_cover_unknowns(rule_file):
    test_file = rule_file.with_name(rule_file.stem + "_test.rego")
    assert test_file.exists(), f"{rule_file.name} has no {test_file.name} beside it"
    text = test_file.read_text()
    tests = re.findall(r"^test_\w+", text, flags=re.M)
    assert len(tests) >= 3
    assert re.search(r"== [1-9]|count\([^)]*\) > 0|some \w+ in \w+\.(stack_)?deny", text), "no test that expects a finding"
    assert re.search(r"== 0|not \w+\.(stack_)?deny", text), "no test that expects a pass"
    assert "unknown" in text.lower() or "04da6b54" in text or "dd056dcd" in text, "no unknown-value test"


def test_rule_files_hold_one_rule_each():
    for rule_file in RULE_FILES:
        heads = set(re.findall(r"^(deny|stack_deny) contains", rule_file.read_text(), flags=re.M))
        assert len(heads) == 1, f"{rule_file} must define exactly one of deny/stack_deny"
