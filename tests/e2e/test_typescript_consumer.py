"""The components used from another language, for real: `pulumi package add` of components/ (Pulumi's Python
component provider), the generated TypeScript SDK, and examples/typescript-consumer under the real CLI with
the policy pack and the prod profile; the generated Go SDK compiles.

Each step's seconds go to $STACKGUARD_E2E_TIMINGS (JSON lines) when set. npm's downloads are cached in
.tools/npm-cache; Go's modules and builds in Go's own caches (GOMODCACHE, GOCACHE), which the CLI's build filled.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from tests.e2e.real_cli import DOUBLE_BIN, ROOT, Workspace, mandatory, policy_triples

pytestmark = pytest.mark.slow
EXAMPLE = ROOT / "examples" / "typescript-consumer"
PACK = ROOT / "policies" / "pack"
PROD = ROOT / "policies" / "profiles" / "prod.json"
NPM_CACHE = ROOT / ".tools" / "npm-cache"
GO_GENERATOR = Path(__file__).parent / "gosdkgen"
# The import path Pulumi's Go generator gives a schema without a repository, and the Go SDK of the CLI's version.
GO_MODULE = "example.com/pulumi-stackguard/sdk/go"
GO_PULUMI_SDK = "v3.277.0"
UNKNOWN_VALUE = "aws-pulumi-unknown-value"
STAGE = "urn:pulumi:prod::orders-api-ts::stackguard:index:RestApi$aws:apigateway/stage:Stage::orders-api-stage"
STEP_SECONDS = 900


def require(tool: str, hint: str) -> str:
    """The path of `tool`, or a skip (a failure where STACKGUARD_E2E_REQUIRED is set) that says how to get it."""
    found = shutil.which(tool)
    if found:
        return found
    reason = f"{tool} is not installed: {hint}"
    if os.environ.get("STACKGUARD_E2E_REQUIRED"):
        pytest.fail(f"STACKGUARD_E2E_REQUIRED is set but {reason}")
    pytest.skip(reason)


def record(step: str, started: float) -> None:
    target = os.environ.get("STACKGUARD_E2E_TIMINGS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"test": "typescript-consumer", "step": step, "seconds": round(time.monotonic() - started, 1)}) + "\n")


def component_plugin(folder: Path) -> Path:
    """components/ as `pulumi package add` takes it: PulumiPlugin.yaml, __main__.py, requirements.txt and the
    virtualenv `venv` Pulumi's Python component providers run in; here it sees this checkout's environment."""
    plugin = folder / "stackguard-components"
    plugin.mkdir()
    for name in ("PulumiPlugin.yaml", "__main__.py", "requirements.txt"):
        shutil.copyfile(ROOT / "components" / name, plugin / name)
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(plugin / "venv")],
                   check=True, timeout=120)
    venv_site = next((plugin / "venv" / "lib").glob("python*/site-packages"))
    here = sysconfig.get_paths()["purelib"]
    (venv_site / "stackguard-checkout.pth").write_text(f"import site; site.addsitedir({here!r})\n")
    return plugin


def install_aws_double(workspace: Workspace) -> None:
    """The AWS provider test double as the installed aws plugin of the version pulumi_aws asks for: installing a
    Python component provider installs the plugins its packages name, and the real one cannot be had here."""
    import pulumi_aws

    version = json.loads((Path(pulumi_aws.__file__).parent / "pulumi-plugin.json").read_text())["version"]
    home = Path(workspace.env()["PULUMI_HOME"])
    target = home / "plugins" / f"resource-aws-v{version}" / "pulumi-resource-aws"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'#!/usr/bin/env sh\nexec "{DOUBLE_BIN / "pulumi-resource-aws"}" "$@"\n')
    target.chmod(0o755)


class Consumer:
    """examples/typescript-consumer in a workspace of its own, with the components added as a package."""

    def __init__(self, workspace: Workspace, folder: Path):
        self.workspace, self.folder = workspace, folder
        self.plugin = component_plugin(folder)
        self.project = folder / "orders-api-ts"
        shutil.copytree(EXAMPLE, self.project, ignore=shutil.ignore_patterns("node_modules", "sdks", "bin"))
        # The example names the plugin by its place in the repository; the copy names the copy.
        pulumi_yaml = self.project / "Pulumi.yaml"
        pulumi_yaml.write_text(pulumi_yaml.read_text().replace("stackguard: ../../components", f"stackguard: {self.plugin}"))
        install_aws_double(workspace)

    def env(self) -> dict[str, str]:
        return {"npm_config_cache": str(NPM_CACHE), "npm_config_audit": "false", "npm_config_fund": "false",
                "npm_config_update_notifier": "false"}

    def pulumi(self, *args: str, **kwargs):
        return self.workspace.pulumi(*args, cwd=self.project, **self.env(), **kwargs)

    def preview(self) -> set:
        gate = ("--policy-pack", str(PACK), "--policy-pack-config", str(PROD))
        done = self.workspace.pulumi("preview", "--json", "--stack", "prod", *gate, cwd=self.project,
                                     PULUMI_ENABLE_STREAMING_JSON_PREVIEW="1", **self.env())
        self.last_preview = done.stdout
        return policy_triples(done.stdout)


@pytest.fixture(scope="module")
def consumer(real_cli, tmp_path_factory) -> Consumer:
    require("node", "the TypeScript consumer needs Node.js 18+ and npm")
    require("npm", "the TypeScript consumer needs Node.js 18+ and npm")
    folder = tmp_path_factory.mktemp("typescript-consumer")
    consumer = Consumer(Workspace(folder / "pulumi"), folder)
    started = time.monotonic()
    package_json = (consumer.project / "package.json").read_text()
    # Runs the component provider for its schema, generates sdks/stackguard and installs the project with npm.
    consumer.pulumi("package", "add", str(consumer.plugin))
    record("pulumi package add (schema, TypeScript SDK, npm install)", started)
    assert json.loads((consumer.project / "package.json").read_text()) == json.loads(package_json), \
        "pulumi package add changed examples/typescript-consumer/package.json: commit what it writes"
    started = time.monotonic()
    subprocess.run(["npm", "ci"], cwd=consumer.project, env={**consumer.workspace.env(), **consumer.env()},
                   check=True, capture_output=True, timeout=STEP_SECONDS)
    record("npm ci (the pinned lockfile)", started)
    consumer.pulumi("stack", "init", "prod")
    return consumer


def test_the_sdk_is_generated_for_every_component(consumer):
    sdk = consumer.project / "sdks" / "stackguard"
    assert json.loads((sdk / "package.json").read_text())["name"] == "@pulumi/stackguard"
    index = (sdk / "index.ts").read_text()
    for component in ("ApiGatewayAccount", "EncryptionKey", "HttpApi", "PrivateEndpoints", "RestApi", "SecretStore",
                      "SecureFunction", "SecurityMonitoring", "ServiceRole", "UserDirectory", "WebAcl"):
        assert f"export const {component}: typeof import(" in index, component
    installed = json.loads((consumer.project / "node_modules" / "@pulumi" / "pulumi" / "package.json").read_text())
    assert installed["version"] == json.loads((EXAMPLE / "package.json").read_text())["dependencies"]["@pulumi/pulumi"]


def test_the_typescript_program_passes_the_prod_gate(consumer):
    """Zero unacknowledged findings: nothing mandatory, and nothing advisory but the values a preview cannot
    know yet (policy documents naming ARNs of resources still to be created), which the pack judges at `up`."""
    started = time.monotonic()
    triples = consumer.preview()
    record("pulumi preview --policy-pack (prod)", started)
    assert not mandatory(triples), triples
    assert {rule for rule, _, _ in triples} <= {UNKNOWN_VALUE}, triples
    created = [line for line in consumer.last_preview.splitlines() if '"resourcePreEvent"' in line]
    types = {json.loads(line)["resourcePreEvent"]["metadata"]["type"] for line in created}
    assert {"stackguard:index:RestApi", "stackguard:index:WebAcl", "stackguard:index:EncryptionKey",
            "stackguard:index:SecretStore", "stackguard:index:PrivateEndpoints", "aws:wafv2/webAclAssociation:WebAclAssociation",
            "aws:secretsmanager/secretRotation:SecretRotation", "aws:ec2/vpcEndpoint:VpcEndpoint"} <= types


def test_one_weakening_gives_exactly_its_rule_as_acknowledged(consumer):
    baseline = consumer.preview()
    consumer.pulumi("config", "set", "weakening", "without-waf", "--stack", "prod")
    try:
        started = time.monotonic()
        weakened = consumer.preview()
        record("pulumi preview --policy-pack (prod, one weakening)", started)
    finally:
        consumer.pulumi("config", "rm", "weakening", "--stack", "prod")
    assert weakened == baseline | {("aws-apigateway-stage-web-acl", STAGE, "advisory")}
    [event] = [json.loads(line)["policyEvent"] for line in consumer.last_preview.splitlines()
               if '"policyEvent"' in line and "aws-apigateway-stage-web-acl" in line]
    assert "[acknowledged risk (allow_without_waf), accepted, owner platform-team:" in event["message"]


def test_a_bad_input_from_typescript_is_refused_naming_the_field(consumer):
    """Validation runs in the provider: a value the SDK's types allow but the args model refuses fails the
    preview with the component, the field and what is allowed."""
    index = consumer.project / "index.ts"
    program = index.read_text()
    index.write_text(program.replace("retentionInDays: 365 }, tags,\n});", "retentionInDays: 364 }, tags,\n});", 1))
    try:
        done = consumer.workspace.pulumi("preview", "--stack", "prod", cwd=consumer.project, check=False, **consumer.env())
    finally:
        index.write_text(program)
    assert done.returncode != 0
    assert "WebAcl: invalid args: logging.retention_in_days" in done.stdout + done.stderr


def test_the_generated_go_sdk_compiles(consumer):
    """The Go SDK of the same schema builds and vets. The CLI here has no Go language host (the Go module proxy does
    not serve pulumi-language-go), so tests/e2e/gosdkgen runs the code generator that host runs,
    github.com/pulumi/pulumi/pkg/v3/codegen/go of the CLI's version, on the schema `pulumi package get-schema` reads."""
    go = require("go", "the Go SDK check needs Go 1.26+ (modules from the Go module proxy)")
    go_env = {**consumer.workspace.env(), "GOFLAGS": "-mod=mod"}

    def run(command: list[str], cwd: Path) -> str:
        done = subprocess.run(command, cwd=cwd, env=go_env, capture_output=True, text=True, timeout=STEP_SECONDS)
        assert done.returncode == 0, f"{' '.join(command)}: {done.stdout[-3000:]}{done.stderr[-3000:]}"
        return done.stdout

    started = time.monotonic()
    schema = consumer.folder / "schema.json"
    schema.write_text(consumer.workspace.pulumi("package", "get-schema", str(consumer.plugin), cwd=consumer.folder).stdout)
    generator = consumer.folder / "gosdkgen"
    shutil.copytree(GO_GENERATOR, generator)
    run([go, "build", "-trimpath", "-o", "gosdkgen", "."], generator)
    sdk = consumer.folder / "go-sdk"
    run([str(generator / "gosdkgen"), str(schema), str(sdk)], consumer.folder)
    record("pulumi package get-schema + Go code generation", started)

    started = time.monotonic()
    (sdk / "go.mod").write_text(f"module {GO_MODULE}\n\ngo 1.26.6\n\nrequire github.com/pulumi/pulumi/sdk/v3 {GO_PULUMI_SDK}\n")
    for command in ([go, "mod", "tidy"], [go, "build", "./..."], [go, "vet", "./..."]):
        run(command, sdk)
    record("go mod tidy + go build + go vet (generated Go SDK)", started)
    components = {path.stem for path in (sdk / "stackguard").glob("*.go")}
    assert {"restApi", "secretStore", "webAcl", "privateEndpoints", "encryptionKey"} <= components
