"""Profiles: Pulumi's --policy-pack-config format, validated strictly against the catalog."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from stackguard import profiles
from stackguard.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_profiles_load(rules):
    for name in ("dev", "staging", "prod"):
        profile = profiles.load(name, rules)
        assert profile.name == name


def test_prod_blocks_by_default_and_only_hygiene_is_advisory(rules):
    # Prod is mandatory unless a rule is named advisory (logging, versioning, deletion
    # protection: hygiene, not exposure); no critical rule may be advisory there, and dev is
    # never stricter than prod.
    prod, dev = profiles.load("prod", rules), profiles.load("dev", rules)
    assert prod.default == "mandatory"
    advisory = {r.id for r in rules if prod.level(r.id) == "advisory"}
    assert {r.id for r in rules if r.severity == "critical"}.isdisjoint(advisory)
    assert all(dev.level(rule) == "advisory" for rule in advisory)
    assert {"aws-s3-bucket-versioning", "aws-ec2-vpc-flow-logs"} <= advisory
    assert prod.level("aws-msk-cluster-public-access") == "mandatory"


def test_dev_is_weaker_than_prod_but_still_mandatory_by_default(rules):
    dev = profiles.load("dev", rules)
    assert dev.default == "mandatory"
    assert dev.level("aws-apigateway-stage-xray") == "advisory"
    assert dev.level("aws-kms-key-rotation") == "mandatory"


def test_policy_config_always_carries_a_level(rules):
    # pulumi_policy decodes a PolicyConfig without a level as ADVISORY: never send one.
    config = profiles.parse({"aws-kms-key-deletion-window": {"minimumDays": 14}}, "p.json", "p", rules).policy_config(rules)
    assert set(config) == {"all", *(r.id for r in rules)}
    assert all("enforcementLevel" in c for c in config.values())
    assert config["aws-kms-key-deletion-window"] == {"enforcementLevel": "mandatory", "minimumDays": 14}


def test_remediate_is_reported_as_mandatory(rules):
    profile = profiles.parse({"all": "remediate"}, "p.json", "p", rules)
    assert profile.effective_level("aws-kms-key-rotation") == "mandatory"


@pytest.mark.parametrize("document, key, hint", [
    ({"aws-kms-key-rotaton": "mandatory"}, "aws-kms-key-rotaton", "not a rule id"),
    ({"all": "strict"}, "all", "advisory, mandatory, remediate, disabled"),
    ({"aws-kms-key-rotation": {"enforcementLevel": "blocking"}}, "aws-kms-key-rotation.enforcementLevel", "must be one of"),
    ({"aws-kms-key-deletion-window": {"enforcementLevel": "mandatory", "minimumDays": "thirty"}}, "aws-kms-key-deletion-window.minimumDays", "minimumDays"),
    ({"aws-kms-key-rotation": {"enforcementLevel": "mandatory", "days": 3}}, "aws-kms-key-rotation", "acknowledgedRisk"),
    ({"all": {"enforcementLevel": "mandatory", "minimumDays": 3}}, "all", "allowed in 'all': enforcementLevel, acknowledgementOwner"),
    ({"all": {"exemptionMaxDays": 0}}, "all.exemptionMaxDays", "minimum of 1"),
    ({"all": {"unmatchedExemptions": "ignore"}}, "all.unmatchedExemptions", "is not one of ['fail', 'warn']"),
    ({"aws-kms-key-rotation": {"nonNegotiable": "yes"}}, "aws-kms-key-rotation.nonNegotiable", "is not of type 'boolean'"),
    ({"aws-kms-key-rotation": 3}, "aws-kms-key-rotation", "must be an enforcement level"),
    (["mandatory"], "(top level)", "JSON object"),
])
def test_bad_profiles_name_the_key(rules, document, key, hint):
    with pytest.raises(InputError) as err:
        profiles.parse(document, "policies/profiles/x.json", "x", rules)
    assert err.value.key == key and err.value.source == "policies/profiles/x.json"
    assert hint in err.value.problem


def test_unknown_profile_lists_the_available_ones(rules):
    with pytest.raises(InputError, match="allowed: dev, prod, staging"):
        profiles.load("qa", rules)


def test_invalid_json_names_the_position(rules, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"all": }')
    with pytest.raises(InputError, match="line 1 column 9"):
        profiles.load_file(broken, rules)


def test_profiles_are_valid_pulumi_policy_pack_config():
    # The same files go to `pulumi up --policy-pack-config`: plain JSON objects of level strings or objects.
    for path in (ROOT / "policies" / "profiles").glob("*.json"):
        document = json.loads(path.read_text())
        for value in document.values():
            assert isinstance(value, str) or "enforcementLevel" in value
