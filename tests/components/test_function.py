"""SecureFunction: CMK for configuration and logs, tracing, JSON logs, arm64, optional VPC/concurrency, bad args."""
from __future__ import annotations

from pathlib import Path

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.function import (
    VPC_DESCRIBE_ACTIONS,
    VPC_NETWORK_INTERFACE_ACTIONS,
    SecureFunction,
    SecureFunctionArgs,
    execution_role_statements,
)
from stackguard.components.service_role import ServiceRoleArgs

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/partner-proxy"
CODE = Path(__file__).resolve().parents[2] / "stacks" / "functions" / "partner_proxy"
COMPONENT = "stackguard:index:SecureFunction"
FUNCTION = "aws:lambda/function:Function"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
GROUP = "aws:ec2/securityGroup:SecurityGroup"
BASE = {"role_arn": ROLE_ARN, "kms_key_arn": KEY_ARN, "code_path": CODE}
VPC = {"subnet_ids": ["subnet-0a", "subnet-0b"], "vpc_id": "vpc-0abc123", "egress_cidrs": ["10.20.0.0/16"]}
INTERNET = {"reason": "the partner API has no fixed addresses; egress goes through the NAT"}
OUTPUTS = ("function_arn", "function_name", "invoke_arn", "log_group_name", "log_group_arn")


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def function_inputs(monitor) -> dict:
    inputs = dict(only(monitor, FUNCTION).inputs)
    code = inputs.pop("code")
    assert isinstance(code, pulumi.FileArchive)
    assert Path(code.path) == CODE
    return inputs


def test_defaults_set_explicitly(deploy):
    monitor = deploy(lambda: SecureFunction("partner-proxy", BASE))
    assert only(monitor, LOG_GROUP).inputs == {
        "name": "/aws/lambda/partner-proxy",
        "kmsKeyId": KEY_ARN,
        "retentionInDays": 365,
        "logGroupClass": "STANDARD",
        "tags": {},
    }
    assert function_inputs(monitor) == {
        "name": "partner-proxy",
        "description": "Function partner-proxy",
        "role": ROLE_ARN,
        "packageType": "Zip",
        "handler": "handler.handler",
        "runtime": "python3.12",
        "architectures": ["arm64"],
        "memorySize": 256,
        "timeout": 10,
        "kmsKeyArn": KEY_ARN,
        "tracingConfig": {"mode": "Active"},
        "loggingConfig": {
            "logFormat": "JSON",
            "logGroup": "/aws/lambda/partner-proxy",
            "applicationLogLevel": "INFO",
            "systemLogLevel": "INFO",
        },
        "tags": {},
    }
    # No environment, VPC or reserved concurrency unless asked for, and no security group.
    assert monitor.of_type(GROUP) == []


def test_function_logs_to_its_own_log_group(deploy):
    monitor = deploy(lambda: SecureFunction("partner-proxy", BASE))
    group = only(monitor, LOG_GROUP)
    function = only(monitor, FUNCTION)
    assert group.urn in function.property_dependencies["loggingConfig"]


def test_outputs_resolve(deploy):
    outputs = {}

    def build():
        fn = SecureFunction("partner-proxy", {**BASE, **VPC})
        values = {k: getattr(fn, k) for k in OUTPUTS + ("security_group_id",)}
        return pulumi.Output.all(**values).apply(outputs.update)

    deploy(build)
    function_arn = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:partner-proxy"
    assert outputs == {
        "function_arn": function_arn,
        "function_name": "partner-proxy",
        "invoke_arn": f"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/{function_arn}/invocations",
        "log_group_name": "/aws/lambda/partner-proxy",
        "log_group_arn": f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/partner-proxy",
        "security_group_id": outputs["security_group_id"],
    }
    assert outputs["security_group_id"].startswith("sg-")


def test_security_group_id_is_none_outside_a_vpc(deploy):
    holder = {}
    deploy(lambda: holder.update(fn=SecureFunction("partner-proxy", BASE)))
    assert holder["fn"].security_group is None
    assert holder["fn"].security_group_id is None


def test_children_are_parented(deploy):
    monitor = deploy(lambda: SecureFunction("partner-proxy", {**BASE, **VPC}))
    component = only(monitor, COMPONENT)
    for token in (FUNCTION, LOG_GROUP, GROUP):
        child = only(monitor, token)
        assert child.parent == component.urn
        assert f"{COMPONENT}${token}" in child.urn


def test_environment_only_when_given(deploy):
    secret_arn = f"arn:aws:secretsmanager:eu-west-1:{ACCOUNT}:secret:partner-AbCdEf"

    def build():
        SecureFunction("partner-proxy", {
            **BASE,
            "environment": {"SECRET_ARN": pulumi.Output.from_input(secret_arn), "PARTNER_URL": "https://partner.example.com"},
        })

    with_env = function_inputs(deploy(build))
    without_env = function_inputs(deploy(lambda: SecureFunction("partner-proxy", BASE)))
    assert with_env.pop("environment") == {
        "variables": {"SECRET_ARN": secret_arn, "PARTNER_URL": "https://partner.example.com"}
    }
    assert with_env == without_env


def test_vpc_adds_a_security_group_without_ingress_and_https_egress(deploy):
    monitor = deploy(lambda: SecureFunction("partner-proxy", {**BASE, **VPC}))
    group = only(monitor, GROUP)
    assert group.inputs == {
        "description": "Lambda function partner-proxy: no ingress, HTTPS egress only",
        "vpcId": "vpc-0abc123",
        "ingress": [],
        "egress": [
            {"description": "HTTPS out", "protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.20.0.0/16"]}
        ],
        "revokeRulesOnDelete": True,
        "tags": {},
    }
    in_vpc = function_inputs(monitor)
    group_id = in_vpc["vpcConfig"]["securityGroupIds"][0]
    assert group_id.startswith("sg-")
    assert in_vpc.pop("vpcConfig") == {
        "subnetIds": ["subnet-0a", "subnet-0b"],
        "securityGroupIds": [group_id],
        "ipv6AllowedForDualStack": False,
    }
    assert in_vpc == function_inputs(deploy(lambda: SecureFunction("partner-proxy", BASE)))


def test_egress_cidrs_narrow_the_egress_rule(deploy):
    group = only(deploy(lambda: SecureFunction("partner-proxy", {**BASE, **VPC, "egress_cidrs": ["10.0.0.0/16"]})), GROUP)
    assert [rule["cidrBlocks"] for rule in group.inputs["egress"]] == [["10.0.0.0/16"]]
    assert [(rule["fromPort"], rule["toPort"], rule["protocol"]) for rule in group.inputs["egress"]] == [(443, 443, "tcp")]


def test_reserved_concurrency_changes_only_its_property(deploy):
    reserved = function_inputs(deploy(lambda: SecureFunction("partner-proxy", {**BASE, "reserved_concurrency": 50})))
    default = function_inputs(deploy(lambda: SecureFunction("partner-proxy", BASE)))
    assert reserved.pop("reservedConcurrentExecutions") == 50
    assert reserved == default


@pytest.mark.parametrize(
    ("option", "value", "prop", "expected"),
    [
        ("memory_mb", 1024, "memorySize", 1024),
        ("timeout_seconds", 30, "timeout", 30),
        ("runtime", "python3.13", "runtime", "python3.13"),
        ("description", "Proxies partner calls", "description", "Proxies partner calls"),
    ],
)
def test_options_change_exactly_their_property(deploy, option, value, prop, expected):
    changed = function_inputs(deploy(lambda: SecureFunction("partner-proxy", {**BASE, option: value})))
    default = function_inputs(deploy(lambda: SecureFunction("partner-proxy", BASE)))
    assert changed.pop(prop) == expected
    default.pop(prop)
    assert changed == default


def test_handler_in_a_package(deploy, tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.py").write_text("def run(event, context):\n    return {}\n")
    inputs = dict(only(deploy(lambda: SecureFunction("fn", {**BASE, "code_path": tmp_path, "handler": "app.main.run"})),
                       FUNCTION).inputs)
    assert inputs["handler"] == "app.main.run"
    assert Path(inputs["code"].path) == tmp_path


def test_function_name_names_the_log_group_too(deploy):
    monitor = deploy(lambda: SecureFunction("proxy", {**BASE, "function_name": "partner-proxy-prod"}))
    assert only(monitor, FUNCTION).inputs["name"] == "partner-proxy-prod"
    assert only(monitor, FUNCTION).inputs["loggingConfig"]["logGroup"] == "/aws/lambda/partner-proxy-prod"
    assert only(monitor, LOG_GROUP).inputs["name"] == "/aws/lambda/partner-proxy-prod"


def test_log_retention(deploy):
    group = only(deploy(lambda: SecureFunction("partner-proxy", {**BASE, "log_retention_in_days": 30})), LOG_GROUP)
    assert group.inputs["retentionInDays"] == 30
    assert group.inputs["kmsKeyId"] == KEY_ARN


def test_log_kms_key_arn_encrypts_only_the_log_group(deploy):
    logs_key = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/9999abcd-12ab-34cd-56ef-1234567890ab"
    monitor = deploy(lambda: SecureFunction("partner-proxy", {**BASE, "log_kms_key_arn": logs_key}))
    assert only(monitor, LOG_GROUP).inputs["kmsKeyId"] == logs_key
    assert function_inputs(monitor) == function_inputs(deploy(lambda: SecureFunction("partner-proxy", BASE)))


def test_execution_role_statements_outside_a_vpc():
    statements = execution_role_statements("partner-proxy", region="eu-west-1", account_id=ACCOUNT, in_vpc=False)
    assert statements == [
        {
            "sid": "WriteOwnLogs",
            "actions": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "resources": [f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/partner-proxy:*"],
        },
        {
            "sid": "SendTraces",
            "actions": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            "resources": ["*"],
            "allow_wildcard": {"reason": "X-Ray trace upload has no resource-level permissions"},
        },
    ]
    # ServiceRole accepts them as they are (its wildcard-resource statements carry a reason).
    ServiceRoleArgs(trusted_service="lambda.amazonaws.com", statements=statements)


def test_execution_role_statements_in_a_vpc_add_network_interfaces():
    statements = execution_role_statements("fn", region="eu-west-1", account_id=ACCOUNT, in_vpc=True)
    assert [s["sid"] for s in statements] == ["WriteOwnLogs", "SendTraces", "DescribeVpcNetwork", "ManageVpcNetworkInterfaces"]
    assert statements[-2]["actions"] == VPC_DESCRIBE_ACTIONS and statements[-2]["resources"] == ["*"]
    assert statements[-1]["actions"] == VPC_NETWORK_INTERFACE_ACTIONS
    # Only the Describe actions, which accept nothing else, stay on Resource "*".
    assert statements[-1]["resources"] == [f"arn:aws:ec2:eu-west-1:{ACCOUNT}:*/*"]
    assert not any(action.endswith("*") for s in statements for action in s["actions"])
    ServiceRoleArgs(trusted_service="lambda.amazonaws.com", statements=statements)


def test_tags_reach_every_child(deploy):
    tags = {"team": "payments", "env": "prod"}
    monitor = deploy(lambda: SecureFunction("partner-proxy", {**BASE, **VPC, "tags": tags}))
    for token in (FUNCTION, LOG_GROUP, GROUP):
        assert only(monitor, token).inputs["tags"] == tags


def test_args_model_with_outputs_as_the_reference_stack_passes_them(deploy):
    def build():
        SecureFunction("partner-proxy", SecureFunctionArgs(
            role_arn=pulumi.Output.from_input(ROLE_ARN),
            kms_key_arn=pulumi.Output.from_input(KEY_ARN),
            code_path=CODE,
            handler="handler.handler",
            runtime="python3.12",
            memory_mb=256,
            timeout_seconds=10,
            environment={"PARTNER_URL": "https://partner.example.com"},
            subnet_ids=[pulumi.Output.from_input("subnet-0a")],
            vpc_id=pulumi.Output.from_input("vpc-0abc123"),
            egress_cidrs=["10.20.0.0/16"],
            reserved_concurrency=50,
            log_retention_in_days=365,
            tags={"team": "payments"},
        ))

    monitor = deploy(build)
    inputs = function_inputs(monitor)
    assert inputs["role"] == ROLE_ARN
    assert inputs["kmsKeyArn"] == KEY_ARN
    assert inputs["vpcConfig"]["subnetIds"] == ["subnet-0a"]
    assert inputs["reservedConcurrentExecutions"] == 50
    assert only(monitor, GROUP).inputs["vpcId"] == "vpc-0abc123"
    assert only(monitor, LOG_GROUP).inputs["kmsKeyId"] == KEY_ARN


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"role_arn": None}, "role_arn"),
        ({"role_arn": "arn:aws:iam::123456789012:user/bob"}, "role_arn"),
        ({"kms_key_arn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/aws/lambda"}, "kms_key_arn"),
        ({"kms_key_arn": "1234abcd-12ab-34cd-56ef-1234567890ab"}, "kms_key_arn"),
        ({"log_kms_key_arn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/logs"}, "log_kms_key_arn"),
        ({"code_path": CODE / "missing"}, "code_path"),
        ({"code_path": CODE / "handler.py"}, "code_path"),
        ({"handler": "handler"}, "handler"),
        ({"handler": "handler.handler; rm"}, "handler"),
        ({"handler": "main.handler"}, "handler"),
        ({"runtime": "python3.9"}, "runtime"),
        ({"runtime": "python3.11"}, "runtime"),
        ({"runtime": "nodejs22.x"}, "runtime"),
        ({"memory_mb": 127}, "memory_mb"),
        ({"memory_mb": 10241}, "memory_mb"),
        ({"timeout_seconds": 0}, "timeout_seconds"),
        ({"timeout_seconds": 901}, "timeout_seconds"),
        ({"environment": {"1PARTNER": "x"}}, "environment"),
        ({"environment": {"P": "x"}}, "environment"),
        ({"environment": {"PARTNER-URL": "x"}}, "environment"),
        ({"environment": {"AWS_REGION": "us-east-1"}}, "environment"),
        ({"environment": {"aws_lambda_exec_wrapper": "/opt/x"}}, "environment"),
        ({"environment": {"LAMBDA_TASK_ROOT": "/tmp"}}, "environment"),
        ({"environment": {"BIG": "x" * 4094}}, "environment"),
        ({"environment": {"PARTNER_URL": 443}}, "environment"),
        ({"subnet_ids": ["subnet-0a"]}, "vpc_id"),
        ({"vpc_id": "vpc-0abc123"}, "subnet_ids"),
        ({**VPC, "egress_cidrs": []}, "egress_cidrs"),
        ({**VPC, "egress_cidrs": ["0.0.0.0/0"]}, "egress_cidrs: 0.0.0.0/0 .*allow_internet_egress"),
        ({**VPC, "subnet_ids": ["subnet-0a"]}, "subnet_ids: one subnet .*allow_single_az"),
        ({**VPC, "allow_internet_egress": INTERNET}, "allow_internet_egress: nothing to accept"),
        ({"egress_cidrs": ["10.20.0.0/16"]}, "egress_cidrs: only for a function in a VPC"),
        ({**VPC, "egress_cidrs": ["::/0"]}, "egress_cidrs"),
        ({**VPC, "egress_cidrs": ["10.0.0.1/16"]}, "egress_cidrs"),
        ({"reserved_concurrency": 0}, "reserved_concurrency"),
        ({"log_retention_in_days": 0}, "log_retention_in_days"),
        ({"log_retention_in_days": 366}, "log_retention_in_days"),
        ({"function_name": "partner proxy"}, "function_name"),
        ({"function_name": "x" * 65}, "function_name"),
        ({"description": "x" * 257}, "description"),
        ({"tags": {"team": 1}}, "tags"),
        ({"publish": True}, "publish"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"SecureFunction: invalid args: .*{field}"):
        SecureFunction("partner-proxy", {**BASE, **args})


def test_required_fields_are_named():
    with pytest.raises(ComponentArgsError) as err:
        SecureFunction("partner-proxy", {})
    for field in ("role_arn", "kms_key_arn", "code_path"):
        assert field in str(err.value)


def test_default_function_name_from_an_unusable_component_name_is_rejected():
    with pytest.raises(ComponentArgsError, match=r"function_name: default 'partner proxy'"):
        SecureFunction("partner proxy", BASE)


def test_bad_args_register_nothing(deploy):
    monitor = deploy(lambda: pytest.raises(ComponentArgsError, SecureFunction, "partner-proxy", {**BASE, "memory_mb": 1}))
    assert monitor.of_type(COMPONENT) == []
    assert monitor.of_type(FUNCTION) == []


def test_internet_egress_and_single_az_are_acknowledged(deploy):
    monitor = deploy(lambda: SecureFunction("partner-proxy", {
        **BASE, **VPC, "subnet_ids": ["subnet-0a"], "egress_cidrs": ["0.0.0.0/0"], "allow_internet_egress": INTERNET,
        "allow_single_az": {"reason": "sandbox VPC has one private subnet", "owner": "platform-team"}}))
    assert only(monitor, GROUP).inputs["tags"] == {
        "stackguard:acknowledged:aws-ec2-security-group-open-egress": INTERNET["reason"].replace(";", "_")}
    assert function_inputs(monitor)["tags"] == {
        "stackguard:acknowledged:aws-lambda-function-vpc-multi-az": "sandbox VPC has one private subnet"}
    [component] = monitor.of_type("stackguard:index:SecureFunction")
    assert [a["option"] for a in component.inputs["stackguardAcknowledgements"]] == [
        "allow_internet_egress", "allow_single_az"]
