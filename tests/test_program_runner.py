"""The program runs as `pulumi preview` would run it: in its own environment, in a child process,
with preview semantics, realistic data sources, and an end the parent decides."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from stackguard import invokes, program_runner, pulumi_project
from stackguard.errors import EngineError, InputError

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
SECRET = "hunter2-Zq8vN4"


def make_project(tmp_path: Path, program: str, config: dict | None = None, runtime: dict | None = None,
                 name: str = "demo") -> Path:
    directory = tmp_path / name
    directory.mkdir()
    options = runtime if runtime is not None else {"virtualenv": str(ROOT / ".venv")}
    (directory / "Pulumi.yaml").write_text(yaml.safe_dump({"name": name, "runtime": {"name": "python", "options": options}}))
    (directory / "__main__.py").write_text(textwrap.dedent(program))
    if config is not None:
        (directory / "Pulumi.dev.yaml").write_text(yaml.safe_dump({"config": config}))
    return directory


def run(directory: Path, timeout: float = 60, secrets: dict[str, str] | None = None) -> program_runner.ProgramRun:
    project = pulumi_project.load(directory)
    config = project.stack_config("dev")
    for key, value in (secrets or {}).items():
        config.values[key] = value
        config.secret_keys.append(key)
    return program_runner.run(project, "dev", config, timeout=timeout)


def by_name(result: program_runner.ProgramRun) -> dict:
    return {r.name: r for r in result.registrations}


def test_preview_semantics_unknown_outputs_and_no_deploy_branch(tmp_path):
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        if not pulumi.runtime.is_dry_run():
            raise RuntimeError("took the deploy branch")
        cdn = aws.cloudfront.Distribution("cdn", enabled=True, default_cache_behavior={
            "allowed_methods": ["GET"], "cached_methods": ["GET"], "target_origin_id": "o",
            "viewer_protocol_policy": "allow-all"}, origins=[{"domain_name": "example.com", "origin_id": "o"}],
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"cloudfront_default_certificate": True})
        # An apply on an output the provider only knows after deployment is not run during a preview.
        first = cdn.domain_name.apply(lambda name: name[0])
        aws.route53.Record("www", zone_id="Z123", name="www.example.com", type="CNAME", ttl=300,
                           records=[cdn.domain_name])
        pulumi.export("first", first)
    """, config={}))
    record = by_name(result)["www"]
    assert record.properties["records"] == [invokes.UNKNOWN_STRING]
    assert by_name(result)["cdn"].properties["enabled"] is True


def test_ids_and_arns_are_synthesized_and_unknown_inputs_stay_unknown(tmp_path):
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        key = aws.kms.Key("key")
        bucket = aws.s3.Bucket("logs")
        aws.s3.BucketServerSideEncryptionConfiguration("sse", bucket=bucket.id, rules=[{
            "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": key.arn}}])
        aws.sns.Topic("topic", kms_master_key_id=key.key_id)
    """, config={}))
    sse = by_name(result)["sse"].properties
    assert sse["bucket"].startswith("logs-")
    assert sse["rules"][0]["applyServerSideEncryptionByDefault"]["kmsMasterKeyId"].startswith("arn:aws:kms:us-east-1:")
    assert by_name(result)["topic"].properties["kmsMasterKeyId"] == invokes.UNKNOWN_STRING


def test_data_sources_answered_pure_common_and_generic(tmp_path):
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        assume = aws.iam.get_policy_document(statements=[aws.iam.GetPolicyDocumentStatementArgs(
            actions=["sts:AssumeRole"], principals=[aws.iam.GetPolicyDocumentStatementPrincipalArgs(
                type="Service", identifiers=["lambda.amazonaws.com"])])])
        role = aws.iam.Role("role", assume_role_policy=assume.json)
        zone = aws.route53.get_zone(name="example.com")
        subnets = aws.ec2.get_subnets()
        ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
        instance = aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro", subnet_id=subnets.ids[0])
        aws.route53.Record("www", zone_id=zone.zone_id, name="www.example.com", type="A", ttl=60,
                           records=[instance.private_ip])
        other = aws.ec2.get_instance(instance_id="i-0123456789abcdef0")
        aws.ec2.Eip("eip", instance=other.id)
        peer = aws.ec2.get_vpc_peering_connection_output(id="pcx-1")
        aws.ec2.Route("route", route_table_id="rtb-1", destination_cidr_block="10.1.0.0/16",
                      vpc_peering_connection_id=peer.id)
    """, config={"aws:region": "eu-west-1"}))
    resources = by_name(result)
    assert json.loads(resources["role"].properties["assumeRolePolicy"])["Statement"][0]["Principal"] == {
        "Service": "lambda.amazonaws.com"}
    assert resources["web"].properties["ami"].startswith("ami-")
    assert resources["web"].properties["subnetId"].startswith("subnet-")
    assert resources["www"].properties["zoneId"].startswith("Z")
    assert resources["eip"].properties["instance"] == invokes.UNKNOWN_STRING
    assert resources["route"].properties["vpcPeeringConnectionId"] == invokes.UNKNOWN_STRING
    assert result.generic_invokes == ["aws:ec2/getInstance:getInstance",
                                      "aws:ec2/getVpcPeeringConnection:getVpcPeeringConnection"]


def test_remote_components_and_read_resources_are_reported(tmp_path):
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        class Vpc(pulumi.ComponentResource):  # how a multi-language package (pulumi_awsx) registers one
            def __init__(self, name):
                super().__init__("awsx:ec2:Vpc", name, {"vpcId": None}, None, remote=True)
        vpc = Vpc("net")
        existing = aws.s3.Bucket.get("existing", "legacy-bucket")
        aws.s3.BucketPolicy("policy", bucket=existing.id, policy="{}")
    """, config={}))
    vpc = by_name(result)["net"]
    assert vpc.remote and not vpc.custom
    assert result.reads == [{"urn": "urn:pulumi:dev::demo::aws:s3/bucket:Bucket::existing",
                             "type": "aws:s3/bucket:Bucket", "id": "legacy-bucket"}]
    assert "existing" not in by_name(result)


def test_a_remote_components_outputs_are_unknown_at_preview_not_its_inputs(tmp_path):
    # awsx.ec2.Vpc takes `natGateways` as a strategy and gives back a list of gateways; a program that
    # passes the output on must get what a preview gives (unknown), not its own input under that name.
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        class Vpc(pulumi.ComponentResource):
            def __init__(self, name):
                super().__init__("awsx:ec2:Vpc", name, {"natGateways": {"strategy": "None"}, "vpcId": None}, None,
                                 remote=True)
        vpc = Vpc("net")
        def gateways(value):
            assert isinstance(value, list), f"Unexpected type; expected a value of type Sequence[NatGateway]: {value!r}"
            return "ok"
        aws.ec2.SecurityGroup("sg", vpc_id=vpc.vpcId, description=vpc.natGateways.apply(gateways))
    """, config={}))
    assert by_name(result)["sg"].properties["description"] == invokes.UNKNOWN_STRING  # unknown at preview, no failure


def test_a_failed_program_shows_the_cause_pulumi_puts_after_the_first_line(tmp_path):
    directory = make_project(tmp_path, """
        raise AssertionError("While processing resource 'net'\\nAssertionError has risen: Unexpected type; expected X")
    """, config={})
    with pytest.raises(InputError) as err:
        run(directory)
    assert "While processing resource 'net'" in err.value.problem
    assert "Unexpected type; expected X" in err.value.problem


RESOURCE_REFERENCES = """
    import pulumi, pulumi_aws as aws
    class Site(pulumi.ComponentResource):
        def __init__(self, name):
            super().__init__("demo:index:Site", name, None, None)
            self.bucket = aws.s3.Bucket(f"{name}-bucket", opts=pulumi.ResourceOptions(parent=self))
            self.register_outputs({"bucket": self.bucket})
    sites = [Site(f"site{i}") for i in range(5)]
    fn = aws.lambda_.Function("fn", role="arn:aws:iam::123456789012:role/fn", runtime="python3.12",
                              handler="index.handler", code=pulumi.StringAsset("def handler(e, c): pass"))
    for i, site in enumerate(sites):
        # Resources passed where a string is expected travel as resource references.
        aws.lambda_.Permission(f"invoke{i}", function=fn, action="lambda:InvokeFunction",
                               principal="s3.amazonaws.com", source_arn=site.bucket.arn)
        aws.s3.BucketNotification(f"notify{i}", bucket=site.bucket,
                                  lambda_functions=[{"lambda_function_arn": fn.arn, "events": ["s3:ObjectCreated:*"]}])
    pulumi.export("sites", sites)
"""


def test_resource_references_never_hang_and_give_the_same_result_20_times(tmp_path):
    # Pulumi's stock mock monitor rebuilds referenced resources on a worker thread's event loop and
    # hangs on some runs of this program; the recorder sends ids instead, like the engine does for a
    # provider that does not take references.
    directory = make_project(tmp_path, RESOURCE_REFERENCES, config={})
    outcomes = []
    for _ in range(20):
        started = time.monotonic()
        result = run(directory, timeout=60)
        assert time.monotonic() - started < 30
        outcomes.append(sorted((r.urn, json.dumps(r.properties, sort_keys=True)) for r in result.registrations))
    assert all(outcome == outcomes[0] for outcome in outcomes)
    permissions = [json.loads(p) for urn, p in outcomes[0] if "Permission" in urn]
    assert len(permissions) == 5 and all(p["function"].startswith("fn-") for p in permissions)


@pytest.mark.parametrize("ending", ["import sys; sys.exit(0)", "raise SystemExit"])
def test_a_program_that_exits_is_a_failed_run(tmp_path, ending):
    directory = make_project(tmp_path, f"""
        import pulumi_aws as aws
        aws.kms.Key("unrotated", enable_key_rotation=False)
        {ending}
    """, config={})
    with pytest.raises(InputError) as err:
        run(directory)
    assert "before it finished" in str(err.value) and "nothing was checked" in str(err.value)


@pytest.mark.parametrize("ending", ["import os; os._exit(0)", "import os; os._exit(7)"])
def test_a_program_that_ends_its_process_did_not_complete(tmp_path, ending):
    # No host reports it: the monitor never saw the stack's outputs registered, so the run is incomplete.
    directory = make_project(tmp_path, f"""
        import pulumi, pulumi_aws as aws
        key = aws.kms.Key("unrotated", enable_key_rotation=False)
        key.arn.apply(lambda _arn: exec({ending!r}))
    """, config={})
    with pytest.raises(EngineError, match="before its stack completed"):
        run(directory)


def test_a_killed_program_is_an_engine_failure(tmp_path):
    directory = make_project(tmp_path, """
        import os, signal
        os.kill(os.getpid(), signal.SIGKILL)
    """, config={})
    with pytest.raises(EngineError, match="killed by SIGKILL"):
        run(directory)


def test_missing_required_config_names_file_key_and_the_line_to_add(tmp_path):
    directory = make_project(tmp_path, """
        import pulumi
        pulumi.Config().require("bucketName")
    """, config={"aws:region": "eu-west-1"})
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.source.endswith("Pulumi.dev.yaml") and err.value.key == "demo:bucketName"
    assert "demo:bucketName: <value>" in err.value.problem and "pulumi config set" not in str(err.value)


def test_an_error_inside_apply_names_the_program_line(tmp_path):
    directory = make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        bucket = aws.s3.Bucket("b")
        names = bucket.bucket.apply(lambda name: {"known": name}["missing"])
        aws.s3.BucketPolicy("p", bucket=bucket.id, policy=names)
    """, config={})
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.source.endswith("__main__.py:4") and err.value.key == "KeyError"


@pytest.mark.parametrize("module, where", [("__main__", "__main__.py:4"), ("helpers", "helpers.py:2")])
def test_a_syntax_error_names_the_programs_line_not_the_import_machinery(tmp_path, module, where):
    directory = make_project(tmp_path, """
        import pulumi
        import helpers
        names = ["a", "b"
    """ if module == "__main__" else "import helpers\n", config={})
    (directory / "helpers.py").write_text("VALUE = 1\nBROKEN = (]\n" if module == "helpers" else "VALUE = 1\n")
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.key == "SyntaxError" and err.value.source.endswith(where), err.value


def test_decrypted_secrets_never_leave_the_child(tmp_path, capfd):
    directory = make_project(tmp_path, """
        import pulumi
        token = pulumi.Config().require("token")
        print(f"debug: token={token}")
        raise ValueError(f"token {token!r} was rejected")
    """, config={})
    with pytest.raises(InputError) as err:
        run(directory, secrets={"demo:token": SECRET})
    captured = capfd.readouterr()
    assert "[secret]" in str(err.value) and SECRET not in str(err.value)
    assert "token=[secret]" in captured.err and SECRET not in captured.out + captured.err


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_timeout_stops_the_program_and_everything_it_started(tmp_path):
    marker = f"stackguard-orphan-{os.getpid()}-{time.monotonic_ns()}"
    directory = make_project(tmp_path, f"""
        import subprocess, time
        subprocess.Popen(["sleep", "300", "{marker}"])
        time.sleep(300)
    """, config={})
    started = time.monotonic()
    with pytest.raises(EngineError) as err:
        run(directory, timeout=3)
    assert time.monotonic() - started < 15
    assert "did not finish within 3 s" in str(err.value) and "running" in str(err.value)
    time.sleep(0.2)
    assert processes_with(marker) == []


def test_the_program_dies_with_stackguard(tmp_path):
    # SIGKILL leaves no chance to clean up: PR_SET_PDEATHSIG takes the program down with its parent.
    marker = f"stackguard-pdeath-{os.getpid()}-{time.monotonic_ns()}"
    directory = make_project(tmp_path, f"""
        import time
        open({str(tmp_path / 'started')!r}, "w").close()
        time.sleep(300)  # {marker}
    """, config={})
    parent = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from pathlib import Path
        from stackguard import program_runner, pulumi_project
        project = pulumi_project.load(Path({str(directory)!r}))
        program_runner.run(project, "dev", project.stack_config("dev"), timeout=300)
    """)])
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (tmp_path / "started").exists()
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_with(marker) == []


def test_missing_virtualenv_says_how_to_create_it(tmp_path):
    directory = make_project(tmp_path, "import pulumi\n", config={}, runtime={"virtualenv": "venv"})
    (directory / "requirements.txt").write_text("pulumi>=3\n")
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.key == "runtime.options.virtualenv"
    assert "python3 -m venv venv && venv/bin/pip install -r requirements.txt" in err.value.problem


def test_uv_toolchain_uses_dot_venv(tmp_path):
    directory = make_project(tmp_path, "import pulumi\n", config={}, runtime={"toolchain": "uv"})
    with pytest.raises(InputError) as err:
        run(directory)
    assert str(directory / ".venv") in err.value.problem and "uv sync" in err.value.problem


def test_unknown_toolchain_is_refused(tmp_path):
    directory = make_project(tmp_path, "import pulumi\n", config={}, runtime={"toolchain": "conda"})
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.key == "runtime.options.toolchain" and "pip, poetry, uv" in err.value.problem


def test_an_environment_without_pulumi_is_named(tmp_path):
    env = tmp_path / "bare-env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    directory = make_project(tmp_path, "import pulumi\n", config={}, runtime={"virtualenv": str(env)})
    with pytest.raises(InputError) as err:
        run(directory)
    assert "has no `pulumi` package" in err.value.problem and str(env) in err.value.problem


def test_the_program_uses_its_own_environment_not_stackguards(tmp_path):
    # A venv layered on stackguard's packages, plus one module only the program's environment has.
    env = tmp_path / "program-env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    site = next(env.glob("lib/python*/site-packages"))
    stackguard_site = next((ROOT / ".venv").glob("lib/python*/site-packages"))
    (site / "stackguard-layer.pth").write_text(f"{stackguard_site}\n")
    (site / "only_in_program_env.py").write_text("BUCKET = 'from-the-program-env'\n")
    directory = make_project(tmp_path, """
        import sys, pulumi_aws as aws, only_in_program_env
        aws.s3.Bucket("b", bucket=only_in_program_env.BUCKET, tags={"python": sys.prefix})
    """, config={}, runtime={"virtualenv": str(env)})
    bucket = by_name(run(directory))["b"]
    assert bucket.properties["bucket"] == "from-the-program-env" and bucket.properties["tags"]["python"] == str(env)


@pytest.mark.skipif(shutil.which("poetry") is not None, reason="poetry is installed here: its own lookup applies")
def test_poetry_toolchain_without_poetry_says_how_to_get_it(tmp_path):
    directory = make_project(tmp_path, "import pulumi\n", config={}, runtime={"toolchain": "poetry"})
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.key == "runtime.options.toolchain" and "poetry install" in err.value.problem


def test_a_package_missing_from_the_program_environment_is_named_with_the_fix(tmp_path):
    directory = make_project(tmp_path, "import pulumi\nimport pulumi_not_installed_anywhere\n", config={})
    with pytest.raises(InputError) as err:
        run(directory)
    assert err.value.source.endswith("__main__.py:2") and err.value.key == "ModuleNotFoundError"
    assert "pulumi_not_installed_anywhere" in err.value.problem and "-m pip install -r requirements.txt" in err.value.problem


def test_urns_are_the_engines_whole_type_chain(tmp_path):
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        class Inner(pulumi.ComponentResource):
            def __init__(self, name, opts=None):
                super().__init__("demo:index:Inner", name, None, opts)
                aws.s3.Bucket(f"{name}-bucket", opts=pulumi.ResourceOptions(parent=self))
        class Outer(pulumi.ComponentResource):
            def __init__(self, name):
                super().__init__("demo:index:Outer", name, None, None)
                Inner(f"{name}-inner", pulumi.ResourceOptions(parent=self))
        Outer("site")
    """, config={}))
    assert by_name(result)["site"].urn == "urn:pulumi:dev::demo::demo:index:Outer::site"
    assert by_name(result)["site-inner-bucket"].urn == (
        "urn:pulumi:dev::demo::demo:index:Outer$demo:index:Inner$aws:s3/bucket:Bucket::site-inner-bucket")


def test_a_result_written_by_the_program_is_not_the_result(tmp_path):
    # The program shares the host's process: what it writes to the result pipe can only fail the run.
    directory = make_project(tmp_path, """
        import json, os, sys
        import pulumi_aws as aws
        aws.kms.Key("unrotated", enable_key_rotation=False)
        forged = json.dumps({"status": "ok", "registrations": [], "reads": [], "generic_invokes": []})
        os.write(int(sys.argv[1]), forged.encode())
    """, config={})
    with pytest.raises(EngineError, match="something other than stackguard's host wrote to the host's result pipe"):
        run(directory)


def test_a_config_secret_reaches_the_monitor_wrapped_with_its_plaintext_and_scrubbed_elsewhere(tmp_path):
    # Wrapped, the private OPA judges it (and reports mask it); used as a plain value, it is scrubbed.
    result = run(make_project(tmp_path, """
        import pulumi, pulumi_aws as aws
        config = pulumi.Config()
        aws.ec2.SecurityGroup("wrapped", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22,
                                                   "cidr_blocks": [config.require_secret("cidr")]}])
        aws.ec2.SecurityGroup("plain", description=config.require("cidr"))
    """, config={}), secrets={"demo:cidr": SECRET})
    wrapped = by_name(result)["wrapped"].properties["ingress"][0]["cidrBlocks"][0]
    assert wrapped == {invokes.SPECIAL_SIG_KEY: invokes.SECRET_SIG, "value": SECRET}
    assert by_name(result)["plain"].properties["description"] == "[secret]"
