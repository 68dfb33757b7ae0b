"""Exemptions: reasoned, owned, expiring acknowledgements; anything else is an error."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from stackguard import exemptions
from stackguard.errors import InputError

TODAY = dt.date(2026, 11, 27)
ENTRY = {"rule": "aws-kms-key-rotation", "resource": "urn:pulumi:dev::api::aws:kms/key:Key::*", "stacks": ["dev"],
         "reason": "HSM-backed key rotated by the vendor", "owner": "crypto-team", "expires": "2027-01-31"}


def load(tmp_path, *entries, known=None):
    path = tmp_path / "exemptions.yaml"
    path.write_text(yaml.safe_dump({"exemptions": list(entries)}))
    return exemptions.load(path, known_rules=known, today=TODAY)


def test_matches_rule_urn_glob_and_stack(tmp_path):
    loaded = load(tmp_path, ENTRY)
    assert loaded.match("aws-kms-key-rotation", "urn:pulumi:dev::api::aws:kms/key:Key::data")
    assert not loaded.match("aws-kms-key-rotation", "urn:pulumi:prod::api::aws:kms/key:Key::data")
    assert not loaded.match("aws-kms-key-deletion-window", "urn:pulumi:dev::api::aws:kms/key:Key::data")
    assert not loaded.match("aws-kms-key-rotation", "urn:pulumi:dev::api::aws:kms/alias:Alias::data")


def test_missing_file_means_no_exemptions(tmp_path):
    assert exemptions.load(tmp_path / "none.yaml").entries == []


def test_shipped_file_is_valid(rules):
    exemptions.load(known_rules={r.id for r in rules})


@pytest.mark.parametrize("change, key", [
    ({"reason": "because"}, "exemptions[0].reason"),
    ({"expires": "2026-11-26"}, "exemptions[0].expires"),
    ({"expires": "next year"}, "exemptions[0].expires"),
    ({"owner": "  "}, "exemptions[0].owner"),
    ({"stacks": []}, "exemptions[0].stacks"),
    ({"rule": "KMS5"}, "exemptions[0].rule"),
    ({"until": "2027-01-01"}, "exemptions[0].until"),
])
def test_bad_entries_are_errors_naming_the_key(tmp_path, change, key):
    with pytest.raises(InputError) as err:
        load(tmp_path, {**ENTRY, **change})
    assert err.value.key == key and err.value.source.endswith("exemptions.yaml")


def test_unknown_rule_is_an_error(tmp_path):
    with pytest.raises(InputError, match="not a rule id"):
        load(tmp_path, {**ENTRY, "rule": "aws-kms-key-rotate"}, known={"aws-kms-key-rotation"})


def test_expiry_today_is_still_valid(tmp_path):
    assert load(tmp_path, {**ENTRY, "expires": TODAY.isoformat()}).entries


def test_invalid_yaml_is_an_error(tmp_path):
    path = tmp_path / "exemptions.yaml"
    path.write_text("exemptions: [\n  - rule: x\n")
    with pytest.raises(InputError, match="not valid YAML"):
        exemptions.load(path)
