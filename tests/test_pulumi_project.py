"""Reading a Pulumi project and its stack config without the Pulumi CLI, passphrase secrets included."""
from __future__ import annotations

import base64
import os

import pytest
import yaml
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from stackguard import pulumi_project
from stackguard.errors import InputError

PASSPHRASE = "correct horse battery staple"


def seal(key: bytes, plaintext: str) -> str:
    """Encrypt as Pulumi's passphrase provider does: v1:<nonce>:<AES-256-GCM ciphertext>."""
    nonce = os.urandom(12)
    return f"v1:{base64.b64encode(nonce).decode()}:{base64.b64encode(AESGCM(key).encrypt(nonce, plaintext.encode(), None)).decode()}"


@pytest.fixture(scope="module")
def sealed():
    salt = os.urandom(8)
    key = pulumi_project.derive_key(PASSPHRASE, salt)
    return {"encryptionsalt": f"v1:{base64.b64encode(salt).decode()}:{seal(key, 'pulumi')}", "value": seal(key, "t0p-s3cret")}


def project(tmp_path, config: dict, encryptionsalt: str | None = None, runtime="python"):
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump({"name": "demo", "runtime": runtime, "main": "app/", "stackConfigDir": "app"}))
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__main__.py").write_text("")
    document = {"config": config}
    if encryptionsalt:
        document["encryptionsalt"] = encryptionsalt
    (tmp_path / "app" / "Pulumi.dev.yaml").write_text(yaml.safe_dump(document))
    return pulumi_project.load(tmp_path)


def test_config_values_are_strings_with_namespaces(tmp_path):
    loaded = project(tmp_path, {"aws:region": "eu-west-1", "size": 3, "tags": {"a": 1}, "on": True})
    config = loaded.stack_config("dev")
    assert loaded.stacks() == ["dev"] and loaded.program_dir == (tmp_path / "app").resolve()
    assert config.values == {"aws:region": "eu-west-1", "demo:size": "3", "demo:tags": '{"a": 1}', "demo:on": "true"}
    assert config.secret_keys == []


def test_secure_value_is_decrypted_with_the_passphrase(tmp_path, sealed, monkeypatch):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
    config = project(tmp_path, {"demo:token": {"secure": sealed["value"]}}, sealed["encryptionsalt"]).stack_config("dev")
    assert config.values["demo:token"] == "t0p-s3cret" and config.secret_keys == ["demo:token"]


def test_without_passphrase_a_secure_value_stays_an_unknown_secret(tmp_path, sealed, monkeypatch):
    monkeypatch.delenv("PULUMI_CONFIG_PASSPHRASE", raising=False)
    config = project(tmp_path, {"demo:token": {"secure": sealed["value"]}}, sealed["encryptionsalt"]).stack_config("dev")
    assert config.values["demo:token"] == pulumi_project.UNKNOWN_SECRET and config.secret_keys == ["demo:token"]


def test_wrong_passphrase_names_the_salt_and_not_the_passphrase(tmp_path, sealed, monkeypatch):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "wrong-passphrase")
    loaded = project(tmp_path, {"demo:token": {"secure": sealed["value"]}}, sealed["encryptionsalt"])
    with pytest.raises(InputError) as err:
        loaded.stack_config("dev")
    assert err.value.key == "encryptionsalt" and "wrong-passphrase" not in str(err.value)


def test_tampered_value_is_an_error(tmp_path, sealed, monkeypatch):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
    loaded = project(tmp_path, {"demo:token": {"secure": sealed["value"][:-4] + "AAAA"}}, sealed["encryptionsalt"])
    with pytest.raises(InputError) as err:
        loaded.stack_config("dev")
    assert err.value.key == "demo:token"


def test_stack_without_config_file_has_an_empty_config(tmp_path):
    config = project(tmp_path, {}).stack_config("prod")
    assert not config.exists and config.values == {} and config.file.name == "Pulumi.prod.yaml"


@pytest.mark.parametrize("name", ["", "org/proj/dev", "dev stack", "x" * 101, "../dev"])
def test_stack_name_is_validated_as_pulumi_does(tmp_path, name):
    with pytest.raises(InputError) as err:
        project(tmp_path, {}).stack_config(name)
    assert err.value.source == "--stack" and "letters, digits" in err.value.problem


def test_runtime_options_are_read(tmp_path):
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(
        {"name": "demo", "runtime": {"name": "python", "options": {"toolchain": "uv", "virtualenv": "env"}}}))
    (tmp_path / "__main__.py").write_text("")
    loaded = pulumi_project.load(tmp_path)
    assert loaded.runtime_options == {"toolchain": "uv", "virtualenv": "env"}
    assert loaded.file == (tmp_path / "Pulumi.yaml").resolve()


def test_only_python_programs(tmp_path):
    with pytest.raises(InputError) as err:
        project(tmp_path, {}, runtime="nodejs")
    assert err.value.key == "runtime"


def test_missing_pulumi_yaml(tmp_path):
    with pytest.raises(InputError, match="Pulumi.yaml is missing"):
        pulumi_project.load(tmp_path)
