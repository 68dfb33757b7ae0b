"""Every reader refuses what it cannot read: exit 2, a message naming the file, no traceback.

A table of hand-made malformed inputs (exports, previews, profiles, exemptions, stack config,
environment, output paths) run through the CLI in-process, plus hypothesis fuzzing of the readers."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from stackguard import exemptions, profiles, pulumi_project, readers
from stackguard.cli import app
from stackguard.errors import InputError
from stackguard.inputs import parse_json

pytestmark = pytest.mark.slow
URN = "urn:pulumi:prod::p::aws:kms/key:Key::k"
GOOD_RESOURCE = {"urn": URN, "type": "aws:kms/key:Key", "inputs": {"enableKeyRotation": True}}
GOOD_EXPORT = {"version": 3, "deployment": {"resources": [GOOD_RESOURCE]}}


def export_with(**resource) -> bytes:
    return json.dumps({"version": 3, "deployment": {"resources": [{**GOOD_RESOURCE, **resource}]}}).encode()


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


EXPORTS: dict[str, bytes] = {
    "empty file": b"",
    "whitespace": b"  \n\t ",
    "not utf-8": b'{"version": 3, "deployment": {"resources": [\xff\xfe]}}',
    "latin-1 name": json.dumps(GOOD_EXPORT).replace("k\"", "k\xe9\"").encode("latin-1"),
    "utf-16": json.dumps(GOOD_EXPORT).encode("utf-16"),
    "utf-8 bom": b"\xef\xbb\xbf" + json.dumps(GOOD_EXPORT).encode(),
    "null": b"null",
    "list": b"[]",
    "number": b"42",
    "string": b'"deployment"',
    "empty object": b"{}",
    "truncated": json.dumps(GOOD_EXPORT).encode()[:-3],
    "trailing garbage": json.dumps(GOOD_EXPORT).encode() + b" }",
    "single quotes": b"{'version': 3}",
    "comment": b'// export\n{"version": 3, "deployment": {"resources": []}}',
    "version missing": json.dumps({"deployment": {"resources": []}}).encode(),
    "version 99": json.dumps({"version": 99, "deployment": {"resources": []}}).encode(),
    "version 0": json.dumps({"version": 0, "deployment": {"resources": []}}).encode(),
    "version string": json.dumps({"version": "3", "deployment": {"resources": []}}).encode(),
    "version null": json.dumps({"version": None, "deployment": {"resources": []}}).encode(),
    "version float": json.dumps({"version": 3.5, "deployment": {"resources": []}}).encode(),
    "deployment null": json.dumps({"version": 3, "deployment": None}).encode(),
    "deployment list": json.dumps({"version": 3, "deployment": []}).encode(),
    "deployment string": json.dumps({"version": 3, "deployment": "x"}).encode(),
    "resources missing": json.dumps({"version": 3, "deployment": {}}).encode(),
    "resources object": json.dumps({"version": 3, "deployment": {"resources": {}}}).encode(),
    "resources string": json.dumps({"version": 3, "deployment": {"resources": "all"}}).encode(),
    "resources null": json.dumps({"version": 3, "deployment": {"resources": None}}).encode(),
    "resource scalar": json.dumps({"version": 3, "deployment": {"resources": [1]}}).encode(),
    "resource null": json.dumps({"version": 3, "deployment": {"resources": [None]}}).encode(),
    "resource list": json.dumps({"version": 3, "deployment": {"resources": [[]]}}).encode(),
    "urn missing": json.dumps({"version": 3, "deployment": {"resources": [{"type": "aws:kms/key:Key"}]}}).encode(),
    "urn number": export_with(urn=7),
    "urn empty": export_with(urn=""),
    "urn not a urn": export_with(urn="arn:aws:kms:eu-west-1:1:key/x"),
    "urn too short": export_with(urn="urn:pulumi:prod::p"),
    "type missing": json.dumps({"version": 3, "deployment": {"resources": [{"urn": URN}]}}).encode(),
    "type number": export_with(type=1),
    "type empty": export_with(type=""),
    "type list": export_with(type=["aws:kms/key:Key"]),
    "inputs list": export_with(inputs=[]),
    "inputs string": export_with(inputs="{}"),
    "inputs number": export_with(inputs=1),
    "parent number": export_with(parent=1),
    "parent list": export_with(parent=[URN]),
    "parent object": export_with(parent={"urn": URN}),
    "dependencies object": export_with(dependencies={"a": URN}),
    "dependencies numbers": export_with(dependencies=[1, 2]),
    "dependencies string": export_with(dependencies=URN),
    "propertyDependencies list": export_with(propertyDependencies=[URN]),
    "propertyDependencies string values": export_with(propertyDependencies={"policy": URN}),
    "propertyDependencies number values": export_with(propertyDependencies={"policy": [1]}),
    "propertyDependencies string": export_with(propertyDependencies="policy"),
    "sourcePosition number": export_with(sourcePosition=12),
    "sourcePosition object": export_with(sourcePosition={"line": 12}),
    "NaN in inputs": export_with().replace(b"true", b"NaN"),
    "Infinity in inputs": export_with().replace(b"true", b"Infinity"),
    "-Infinity in inputs": export_with().replace(b"true", b"-Infinity"),
    "10**400 in inputs": export_with().replace(b"true", str(10**400).encode()),
    "10**30 in inputs": export_with().replace(b"true", str(10**30).encode()),
    "-10**25 in inputs": export_with().replace(b"true", str(-(10**25)).encode()),
    "1e400 in inputs": export_with().replace(b"true", b"1e400"),
    "lone surrogate value": export_with().replace(b"true", b'"\\ud800"'),
    "lone low surrogate value": export_with().replace(b"true", b'"a\\udfffb"'),
    "lone surrogate key": export_with().replace(b"enableKeyRotation", b"\\udc00"),
    "nesting 10000 lists": export_with().replace(b"true", nested(10000).encode()),
    "nesting 100 lists": export_with().replace(b"true", nested(100).encode()),
    "nesting 100 objects": export_with().replace(b"true", ('{"a":' * 100 + "1" + "}" * 100).encode()),
    "nesting 100000 lists": export_with().replace(b"true", nested(100000).encode()),
    "deep top level": nested(5000).encode(),
    "steps object": json.dumps({"steps": {}}).encode(),
    "steps string": json.dumps({"steps": "create"}).encode(),
    "steps null": json.dumps({"steps": None}).encode(),
    "steps scalars": json.dumps({"steps": ["create", 1, None, True]}).encode(),
    "step number": json.dumps({"steps": [1]}).encode(),
    "step without op": json.dumps({"steps": [{"newState": GOOD_RESOURCE}]}).encode(),
    "step op number": json.dumps({"steps": [{"op": 1, "newState": GOOD_RESOURCE}]}).encode(),
    "step op unknown": json.dumps({"steps": [{"op": "explode", "newState": GOOD_RESOURCE}]}).encode(),
    "create without newState": json.dumps({"steps": [{"op": "create", "urn": URN}]}).encode(),
    "update newState null": json.dumps({"steps": [{"op": "update", "newState": None}]}).encode(),
    "same newState empty": json.dumps({"steps": [{"op": "same", "newState": {}}]}).encode(),
    "create newState list": json.dumps({"steps": [{"op": "create", "newState": [GOOD_RESOURCE]}]}).encode(),
    "create newState string": json.dumps({"steps": [{"op": "create", "newState": "x"}]}).encode(),
    "replace newState without type": json.dumps({"steps": [{"op": "replace", "newState": {"urn": URN}}]}).encode(),
    "create newState bad inputs": json.dumps({"steps": [{"op": "create", "newState": {**GOOD_RESOURCE, "inputs": 5}}]}).encode(),
    "neither deployment nor steps": json.dumps({"resources": [GOOD_RESOURCE]}).encode(),
    "binary": bytes(range(256)),
    "nul bytes": b"\x00" * 64,
}

PROFILES: dict[str, bytes] = {
    "not utf-8": b'{"all": "mandatory\xff"}',
    "empty": b"",
    "list": b'["mandatory"]',
    "string": b'"mandatory"',
    "unknown rule": b'{"aws-made-up": "mandatory"}',
    "bad level": b'{"all": "strict"}',
    "level number": b'{"all": 1}',
    "level null": b'{"aws-kms-key-rotation": null}',
    "level list": b'{"aws-kms-key-rotation": ["mandatory"]}',
    "bad nested level": b'{"aws-kms-key-rotation": {"enforcementLevel": "hard"}}',
    "unknown parameter": b'{"aws-kms-key-rotation": {"enforcementLevel": "mandatory", "days": 3}}',
    "parameter wrong type": b'{"aws-kms-key-deletion-window": {"minimumDays": "seven"}}',
    "parameter NaN": b'{"aws-kms-key-deletion-window": {"minimumDays": NaN}}',
    "parameter huge": ('{"aws-kms-key-deletion-window": {"minimumDays": %d}}' % 10**400).encode(),
    "all with parameter": b'{"all": {"enforcementLevel": "mandatory", "minimumDays": 7}}',
    "truncated": b'{"all": "mandatory"',
    "deep": ('{"aws-kms-key-deletion-window": {"minimumDays": ' + nested(3000) + "}}").encode(),
    "lone surrogate": b'{"all": "\\ud800"}',
    "utf-16": '{"all": "mandatory"}'.encode("utf-16"),
    "duplicate-free but empty key": b'{"": "mandatory"}',
}

EXEMPTIONS: dict[str, bytes] = {
    "not utf-8": b"exemptions:\n  - rule: aws-kms-key-rotation\xff\n",
    "top-level list": b"- rule: aws-kms-key-rotation\n",
    "top-level scalar": b"just text\n",
    "top-level number": b"42\n",
    "exemptions scalar": b"exemptions: 5\n",
    "exemptions mapping": b"exemptions: {rule: x}\n",
    "entry scalar": b"exemptions: [x]\n",
    "unknown key": b"exemptions: []\nextra: 1\n",
    "missing reason": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [prod], owner: me, expires: 2099-01-01}\n",
    "short reason": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [prod], reason: short, owner: me, expires: 2099-01-01}\n",
    "bad date": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [prod], reason: a long enough reason, owner: me, expires: soon}\n",
    "expired": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [prod], reason: a long enough reason, owner: me, expires: 2001-01-01}\n",
    "unknown rule": b"exemptions:\n- {rule: aws-made-up-rule, resource: '*', stacks: [prod], reason: a long enough reason, owner: me, expires: 2099-01-01}\n",
    "rule number": b"exemptions:\n- {rule: 5, resource: '*', stacks: [prod], reason: a long enough reason, owner: me, expires: 2099-01-01}\n",
    "stacks empty": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [], reason: a long enough reason, owner: me, expires: 2099-01-01}\n",
    "entry extra key": b"exemptions:\n- {rule: aws-kms-key-rotation, resource: '*', stacks: [prod], reason: a long enough reason, owner: me, expires: 2099-01-01, why: x}\n",
    "billion laughs": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nexemptions: [*c]\n",
    "not yaml": b"exemptions: [\n",
    "tab indentation": b"exemptions:\n\t- rule: x\n",
    "integer key": b"1: 2\nexemptions: []\n",
    "python tag": b"exemptions: !!python/object/apply:os.system ['true']\n",
    "deep": ("exemptions: " + nested(3000) + "\n").encode(),
}

STACK_CONFIG: dict[str, bytes] = {
    "not utf-8": b"config:\n  demo:name: caf\xe9\n",
    "billion laughs": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nconfig:\n  demo:list: *b\n",
    "integer config key": b"config:\n  12: value\n",
    "secure number": b"config:\n  demo:token:\n    secure: 12345\n",
    "secure list": b"config:\n  demo:token:\n    secure: [a]\n",
    "config list": b"config:\n  - demo:name\n",
    "config scalar": b"config: everything\n",
    "top-level list": b"- config\n",
    "top-level scalar": b"config\n",
    "not yaml": b"config: {demo:name: [\n",
    "bad salt": b"encryptionsalt: nonsense\nconfig:\n  demo:token:\n    secure: v1:abc:def\n",
    "deep": ("config:\n  demo:deep: " + nested(3000) + "\n").encode(),
    "null key": b"config:\n  ~: value\n",
    "python tag": b"config:\n  demo:x: !!python/name:os.system\n",
}


def _invoke(args: list[str], env: dict[str, str] | None = None):
    runner = CliRunner()
    return runner.invoke(app, args, env={"STACKGUARD_OPA_URL": None, **(env or {})}, catch_exceptions=True)


def _assert_refused(result, source: str, label: str) -> None:
    assert result.exit_code == 2, (label, result.exit_code, result.stdout[-300:], result.stderr[-500:], result.exception)
    assert source in result.stderr, (label, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == "", f"{label}: a refused run printed a report"


@pytest.fixture(scope="module")
def good_export(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "export.json"
    path.write_text(json.dumps(GOOD_EXPORT))
    return path


@pytest.mark.parametrize("label", sorted(EXPORTS))
def test_malformed_export_or_preview_is_refused(label, tmp_path):
    path = tmp_path / "input.json"
    path.write_bytes(EXPORTS[label])
    _assert_refused(_invoke(["check", str(path), "--format", "json"]), str(path), label)


@pytest.mark.parametrize("label", sorted(PROFILES))
def test_malformed_profile_is_refused(label, tmp_path, good_export):
    path = tmp_path / "profile.json"
    path.write_bytes(PROFILES[label])
    _assert_refused(_invoke(["check", str(good_export), "--profile", str(path), "--format", "json"]), str(path), label)


@pytest.mark.parametrize("label", sorted(EXEMPTIONS))
def test_malformed_exemptions_are_refused(label, tmp_path, good_export):
    path = tmp_path / "exemptions.yaml"
    path.write_bytes(EXEMPTIONS[label])
    result = _invoke(["check", str(good_export), "--format", "json"], env={"STACKGUARD_EXEMPTIONS": str(path)})
    _assert_refused(result, str(path), label)


@pytest.mark.parametrize("label", sorted(STACK_CONFIG))
def test_malformed_stack_config_is_refused(label, tmp_path):
    (tmp_path / "Pulumi.yaml").write_text("name: demo\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("raise SystemExit('the program must not run')\n")
    config = tmp_path / "Pulumi.dev.yaml"
    config.write_bytes(STACK_CONFIG[label])
    result = _invoke(["preflight", "--project", str(tmp_path), "--stack", "dev", "--format", "json"],
                     env={"PULUMI_CONFIG_PASSPHRASE": "demo"})
    _assert_refused(result, str(config), label)


SPECIAL_PATHS = {
    "missing file": lambda tmp: tmp / "absent.json",
    "directory": lambda tmp: tmp,
    "/dev/zero": lambda tmp: Path("/dev/zero"),
    "fifo": lambda tmp: (os.mkfifo(tmp / "fifo"), tmp / "fifo")[1],
    "unreadable": lambda tmp: (tmp.joinpath("locked.json").write_text("{}"), tmp.joinpath("locked.json").chmod(0), tmp / "locked.json")[2],
}


@pytest.mark.parametrize("label", sorted(SPECIAL_PATHS))
def test_inputs_that_are_not_regular_readable_files_are_refused(label, tmp_path):
    path = SPECIAL_PATHS[label](tmp_path)
    if label == "unreadable" and os.geteuid() == 0:
        path = tmp_path / "absent-instead.json"  # root reads anything; the missing-file path is covered the same way
    _assert_refused(_invoke(["check", str(path), "--format", "json"]), str(path), label)


def test_input_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    from stackguard import inputs

    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 1024)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"version": 3, "deployment": {"resources": [GOOD_RESOURCE] * 50}}))
    result = _invoke(["check", str(path), "--format", "json"])
    _assert_refused(result, str(path), "size")
    assert "input limit" in result.stderr


ENVIRONMENT = {
    "url not http": ({"STACKGUARD_OPA_URL": "ftp://127.0.0.1:8181"}, "STACKGUARD_OPA_URL"),
    "url without scheme": ({"STACKGUARD_OPA_URL": "opa.internal:8181"}, "STACKGUARD_OPA_URL"),
    "url with path": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:8181/v1/data"}, "STACKGUARD_OPA_URL"),
    "url garbage": ({"STACKGUARD_OPA_URL": "::::"}, "STACKGUARD_OPA_URL"),
    "timeout words": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "soon"}, "STACKGUARD_OPA_TIMEOUT"),
    "timeout inf": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "inf"}, "STACKGUARD_OPA_TIMEOUT"),
    "timeout nan": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "nan"}, "STACKGUARD_OPA_TIMEOUT"),
    "timeout negative": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "-1"}, "STACKGUARD_OPA_TIMEOUT"),
    "timeout zero": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "0"}, "STACKGUARD_OPA_TIMEOUT"),
    "timeout huge": ({"STACKGUARD_OPA_URL": "http://127.0.0.1:1", "STACKGUARD_OPA_TIMEOUT": "1e9"}, "STACKGUARD_OPA_TIMEOUT"),
    "token over plain http": ({"STACKGUARD_OPA_URL": "http://opa.internal:8181", "STACKGUARD_OPA_TOKEN": "t"}, "STACKGUARD_OPA_TOKEN"),
    "missing CA bundle": ({"STACKGUARD_OPA_URL": "https://opa.internal:8181", "STACKGUARD_OPA_CA_BUNDLE": "/nonexistent/ca.pem"}, "STACKGUARD_OPA_CA_BUNDLE"),
}


@pytest.mark.parametrize("label", sorted(ENVIRONMENT))
def test_bad_engine_settings_are_input_errors(label, good_export):
    env, name = ENVIRONMENT[label]
    _assert_refused(_invoke(["check", str(good_export), "--format", "json"], env=env), name, label)


OUTPUTS = {
    "onto a directory": lambda tmp: tmp,
    "under a file": lambda tmp: (tmp.joinpath("file").write_text(""), tmp / "file" / "report.json")[1],
    "under /proc": lambda tmp: Path("/proc/stackguard/report.json"),
}


@pytest.mark.parametrize("label", sorted(OUTPUTS))
def test_unwritable_output_is_refused_and_leaves_nothing(label, tmp_path, good_export):
    target = OUTPUTS[label](tmp_path)
    before = set(tmp_path.rglob("*"))
    result = _invoke(["check", str(good_export), "--format", "json", "--output", str(target)])
    assert result.exit_code == 2 and str(target) in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert set(tmp_path.rglob("*")) == before, "a failed --output left files behind"


CASE_COUNT = len(EXPORTS) + len(PROFILES) + len(EXEMPTIONS) + len(STACK_CONFIG) + len(SPECIAL_PATHS) + 1 + len(ENVIRONMENT) + len(OUTPUTS)


def test_the_table_holds_at_least_150_malformed_inputs():
    assert CASE_COUNT >= 150, CASE_COUNT


# Fuzzing: any document either reads or is refused with an InputError naming the file; nothing else escapes.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
resource_like = st.fixed_dictionaries({}, optional={
    "urn": st.one_of(st.just(URN), st.text(max_size=20), st.integers()),
    "type": st.one_of(st.just("aws:kms/key:Key"), st.text(max_size=10), st.none()),
    "inputs": json_values, "parent": json_values, "dependencies": json_values,
    "propertyDependencies": json_values, "sourcePosition": json_values, "external": json_values,
})
exports = st.fixed_dictionaries({"deployment": st.one_of(json_values, st.fixed_dictionaries({"resources": st.lists(resource_like, max_size=3)}))},
                                optional={"version": st.one_of(st.sampled_from([1, 2, 3, 4]), json_values)})
previews = st.fixed_dictionaries({"steps": st.one_of(json_values, st.lists(st.fixed_dictionaries(
    {}, optional={"op": st.one_of(st.sampled_from(["create", "same", "delete", "update"]), json_values),
                  "newState": st.one_of(resource_like, json_values)}), max_size=3))})
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _reads_or_refuses(load, path: Path) -> None:
    try:
        load(path)
    except InputError as err:
        assert err.source == str(path)


@FUZZ
@given(document=st.one_of(exports, previews, json_values))
def test_fuzzed_exports_and_previews_read_or_are_refused(document, tmp_path):
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(document))
    _reads_or_refuses(readers.read, path)


@FUZZ
@given(data=st.binary(max_size=200))
def test_fuzzed_bytes_read_or_are_refused(data, tmp_path):
    path = tmp_path / "fuzz.bin"
    path.write_bytes(data)
    _reads_or_refuses(readers.read, path)


@FUZZ
@given(document=st.one_of(json_values, st.dictionaries(st.sampled_from(["all", "aws-kms-key-rotation", "aws-kms-key-deletion-window", "x"]), json_values)))
def test_fuzzed_profiles_load_or_are_refused(document, tmp_path, rules):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(document))
    _reads_or_refuses(lambda p: profiles.load_file(p, rules), path)


@FUZZ
@given(document=st.one_of(json_values, st.fixed_dictionaries({"exemptions": st.one_of(json_values, st.lists(st.dictionaries(
    st.sampled_from(["rule", "resource", "stacks", "reason", "owner", "expires", "x"]), json_values), max_size=2))})))
def test_fuzzed_exemptions_load_or_are_refused(document, tmp_path, rules):
    path = tmp_path / "exemptions.yaml"
    path.write_text(yaml.safe_dump(document))
    _reads_or_refuses(lambda p: exemptions.load(p, known_rules={r.id for r in rules}), path)


@FUZZ
@given(document=st.one_of(json_values, st.fixed_dictionaries({"config": st.one_of(json_values, st.dictionaries(
    st.one_of(st.text(max_size=12), st.integers()), st.one_of(json_values, st.fixed_dictionaries({"secure": json_values})), max_size=3))})))
def test_fuzzed_stack_config_loads_or_is_refused(document, tmp_path):
    (tmp_path / "Pulumi.yaml").write_text("name: demo\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("")
    path = tmp_path / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump(document))
    _reads_or_refuses(lambda p: pulumi_project.load(tmp_path).stack_config("dev"), path)


def test_a_refused_value_is_named_by_its_key_path(tmp_path):
    # Paths are spelt out only when a value is refused (they cost more than the checks themselves).
    with pytest.raises(InputError) as refused:
        parse_json(b'{"deployment": {"resources": [{"a": 1}, {"inputs": {"x": ["ok", "\\udc00"]}}]}}', tmp_path / "e.json", "an export")
    assert refused.value.key == "deployment.resources[1].inputs.x[1]"
    with pytest.raises(InputError) as refused:
        parse_json(b'[' * 70 + b']' * 70, tmp_path / "e.json", "an export")
    assert "nests deeper" in str(refused.value)


def test_an_escaped_surrogate_pair_is_text(tmp_path):
    assert parse_json(b'{"emoji": "\\ud83d\\ude00"}', tmp_path / "e.json", "an export") == {"emoji": "\U0001F600"}
