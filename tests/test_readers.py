"""Reading `pulumi stack export` and `pulumi preview --json` files."""
from __future__ import annotations

from pathlib import Path

import pytest

from stackguard import readers
from stackguard.errors import InputError
from stackguard.rego_input import plain
from stackguard.invokes import UNKNOWN_STRING as UNKNOWN
from stackguard.vocabulary import SECRET_MARKER, SECRET_SIG, SIG_KEY

URN = "urn:pulumi:prod::payments::aws:kms/key:Key::data"
PROVIDER = "urn:pulumi:prod::payments::pulumi:providers:aws::default_7_51_1::04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def test_export_resources_with_graph_and_provider(write_json):
    path = write_json("export.json", {"version": 3, "deployment": {"resources": [
        {"urn": URN, "type": "aws:kms/key:Key", "custom": True, "inputs": {"enableKeyRotation": True},
         "parent": "urn:pulumi:prod::payments::pulumi:pulumi:Stack::payments-prod", "protect": True,
         "dependencies": ["urn:a"], "propertyDependencies": {"policy": ["urn:a"]}, "provider": PROVIDER},
    ]}})
    [resource] = readers.read(path)
    assert resource.name == "data" and resource.type == "aws:kms/key:Key" and resource.protect
    assert resource.properties == {"enableKeyRotation": True}
    assert resource.dependencies == ["urn:a"] and resource.property_dependencies == {"policy": ["urn:a"]}
    assert resource.provider == {"urn": PROVIDER.rsplit("::", 1)[0], "type": "pulumi:providers:aws", "name": "default_7_51_1"}


def test_read_resources_are_skipped(write_json):
    path = write_json("export.json", {"version": 3, "deployment": {"resources": [
        {"urn": URN, "type": "aws:kms/key:Key", "external": True, "outputs": {}}]}})
    assert readers.read(path) == []


def test_encrypted_secrets_are_masked_before_leaving_the_reader(write_json):
    secret = {SIG_KEY: SECRET_SIG, "ciphertext": "v1:abc:def"}
    path = write_json("export.json", {"version": 3, "deployment": {"resources": [
        {"urn": URN, "type": "aws:ssm/parameter:Parameter", "inputs": {"value": secret, "tags": {"k": secret}}}]}})
    [resource] = readers.read(path)
    assert "v1:abc:def" not in str(resource.properties)
    assert plain(resource.properties) == {"value": SECRET_MARKER, "tags": {"k": SECRET_MARKER}}


REAL = Path(__file__).parent / "fixtures" / "real-cli"  # written by the real Pulumi CLI (README.md there)


def names(resources) -> list[str]:
    return [r.name for r in resources]


def test_a_real_preview_of_a_new_stack_gives_every_resource_with_unknown_outputs():
    resources = readers.read(REAL / "preview-create.json")
    assert names(resources) == ["recorded-prod", "data-key", "uploads", "partner-token", "jobs"]
    queue = next(r for r in resources if r.name == "jobs")
    assert plain(queue.properties)["kmsMasterKeyId"] == UNKNOWN  # the key's ARN is known only once it exists


def test_a_real_update_preview_uses_new_state_lists_sames_and_skips_deletes():
    resources = readers.read(REAL / "preview-update-sames.json")
    assert names(resources) == ["recorded-prod", "data-key", "uploads", "partner-token"]
    assert plain(next(r for r in resources if r.name == "data-key").properties)["enableKeyRotation"] is True


def test_a_real_update_preview_without_its_unchanged_resources_is_refused():
    with pytest.raises(InputError) as err:
        readers.read(REAL / "preview-update.json")
    assert err.value.key == "changeSummary.same" and "--show-sames" in err.value.problem


def test_a_real_export_masks_the_secret_and_names_the_provider():
    resources = readers.read(REAL / "export.json")
    assert names(resources) == ["recorded-prod", "default_7_51_1", "data-key", "uploads", "partner-token", "jobs"]
    parameter = next(r for r in resources if r.name == "partner-token")
    assert plain(parameter.properties)["value"] == SECRET_MARKER
    assert "ciphertext" not in str(parameter.properties)
    assert parameter.provider["type"] == "pulumi:providers:aws"


@pytest.mark.parametrize("document, key", [
    ({"version": 3, "deployment": {"resources": {}}}, "deployment.resources"),
    ({"version": 3, "deployment": {"resources": [{"urn": URN}]}}, "deployment.resources[0].type"),
    ({"version": 3, "deployment": {"resources": [{"urn": URN, "type": "t", "inputs": []}]}}, "deployment.resources[0].inputs"),
    ({"version": 99, "deployment": {"resources": []}}, "version"),
    ({"steps": {}}, "steps"),
    ({"steps": [{"op": "create", "newState": "x"}]}, "steps[0].newState"),
    ({"steps": [{"op": "create"}]}, "steps[0].newState"),
    ({"steps": ["create", 1, None, True]}, "steps[0]"),
    ({"steps": [{"op": "explode", "newState": {}}]}, "steps[0].op"),
    ({"steps": [], "diagnostics": {}}, "diagnostics"),
    ({"resources": []}, "(top level)"),
    ([], "(top level)"),
])
def test_malformed_documents_name_the_key(write_json, document, key):
    path = write_json("bad.json", document)
    with pytest.raises(InputError) as err:
        readers.read(path)
    assert err.value.key == key and err.value.source == str(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        readers.read(tmp_path / "absent.json")


def test_plain_turns_integral_doubles_into_integers():
    assert plain({"fromPort": 443.0, "ratio": 0.5, "ports": [22.0]}) == {"fromPort": 443, "ratio": 0.5, "ports": [22]}


def test_source_position_of_an_export_gives_file_and_line(write_json):
    path = write_json("export.json", {"version": 3, "deployment": {"resources": [
        {"urn": URN, "type": "aws:kms/key:Key", "inputs": {}, "sourcePosition": "project:///infra/__main__.py#42,7"}]}})
    [resource] = readers.read(path)
    assert (resource.source.file, resource.source.line) == ("infra/__main__.py", 42)
