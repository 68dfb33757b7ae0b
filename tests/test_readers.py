"""Reading `pulumi stack export` and `pulumi preview --json` files."""
from __future__ import annotations

import pytest

from stackguard import readers
from stackguard.errors import InputError
from stackguard.rego_input import plain
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


def test_preview_uses_new_state_and_skips_deletes(write_json):
    path = write_json("preview.json", {"steps": [
        {"op": "create", "urn": URN, "newState": {"urn": URN, "type": "aws:kms/key:Key", "inputs": {}}},
        {"op": "delete", "urn": URN + "2", "oldState": {"urn": URN + "2", "type": "aws:kms/key:Key"}},
    ]})
    assert [r.urn for r in readers.read(path)] == [URN]


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
