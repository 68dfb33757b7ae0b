"""SecureFunction: a Python Lambda function with encrypted configuration and logs, X-Ray and JSON logging.

    from pathlib import Path
    from stackguard.components.function import SecureFunction, SecureFunctionArgs

    fn = SecureFunction("partner-proxy", SecureFunctionArgs(
        role_arn=role.role_arn,
        kms_key_arn=key.key_arn,
        code_path=Path(__file__).parent / "functions" / "partner_proxy",
        environment={"SECRET_ARN": secret.secret_arn, "PARTNER_URL": "https://partner.example.com"},
        subnet_ids=private_subnet_ids, vpc_id=vpc_id,
        reserved_concurrency=50,
        tags={"team": "payments"},
    ))
    pulumi.export("function_arn", fn.function_arn)

Environment variables are configuration, not secrets: anyone allowed lambda:GetFunctionConfiguration
reads them in clear text, and they land in the Pulumi state. Put secrets in a SecretStore, pass its
ARN here, and have the function read the value at run time (the execution role needs
secretsmanager:GetSecretValue on that secret and kms:Decrypt on its key).

The same customer-managed key encrypts the environment variables and the function's log group (unless
`log_kms_key_arn` names another key for the logs), so that key's policy must allow CloudWatch Logs in
the function's region (EncryptionKey `service_principals=["logs.<region>.amazonaws.com"]`). The log
group is created before the function, under the name Lambda would use, `/aws/lambda/<function name>`,
so Lambda never creates an unencrypted group that keeps logs forever.

With `subnet_ids` the function runs in the VPC behind its own security group: no ingress at all and
egress on TCP 443 only (to `egress_cidrs`, every address by default, because a partner API is on the
internet; narrow it to a NAT or proxy range, or to the VPC CIDR when only VPC endpoints are called).

The execution role must let the function send X-Ray traces and, in a VPC, manage its network
interfaces, or Lambda refuses to create the function, and write to its log group, or its logs are
lost; `execution_role_statements` returns exactly those statements, in ServiceRole's format:

    role = ServiceRole("partner-proxy", {"trusted_service": "lambda.amazonaws.com", "statements": [
        *execution_role_statements("partner-proxy", region="eu-west-1", account_id="123456789012", in_vpc=True),
        {"actions": ["secretsmanager:GetSecretValue"], "resources": [secret.secret_arn]},
    ]})
"""
import ipaddress
import re
from pathlib import Path
from typing import Literal, Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import RiskAcceptance
from stackguard.components._api_logging import RETENTION_DAYS, KmsKeyArn, LogGroupArgs, encrypted_log_group
from stackguard.components._args import ComponentArgs, ComponentArgsError, StrInput, validate_args, with_former_type

# Lambda's own pattern for variable names: a letter first, at least two characters.
_ENV_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]+$")
# Names the runtime sets (these and every AWS_* name: region, credentials...); overriding them misleads the SDKs.
_RESERVED_ENV_NAMES = {"LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"}
_ENV_MAX_BYTES = 4096
_FUNCTION_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_HANDLER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$")
_IAM_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")

# What AWSLambdaVPCAccessExecutionRole grants, without its logs:* part, split by what the actions
# can be scoped to: the Describe actions only work on Resource "*"; the others take the ARNs of
# the account's network interfaces, subnets and security groups in the function's region
# (https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html, execution role permissions).
VPC_DESCRIBE_ACTIONS = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"]
VPC_NETWORK_INTERFACE_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
]

# Python runtimes Lambda still supports (3.10 and 3.11 were deprecated on 30 June 2026).
PythonRuntime = Literal["python3.12", "python3.13", "python3.14"]


class SecureFunctionArgs(ComponentArgs):
    """Arguments of SecureFunction."""

    role_arn: StrInput = Field(description="Execution role ARN (e.g. a ServiceRole for lambda.amazonaws.com).")
    kms_key_arn: KmsKeyArn = Field(
        description="Customer-managed KMS key ARN that encrypts the environment variables and the log group."
    )
    log_kms_key_arn: Optional[KmsKeyArn] = Field(
        default=None, description="KMS key ARN for the log group when logs use another key. Default: kms_key_arn."
    )
    code_path: Path = Field(description="Directory holding the handler module; deployed as a zip archive.")
    handler: str = Field(default="handler.handler", description='"<module>.<function>" inside code_path.')
    runtime: PythonRuntime = Field(default="python3.12", description="Python runtime.")
    function_name: Optional[str] = Field(
        default=None,
        description="Lambda function name (1-64 letters, digits, '-', '_'). Default: the component name.",
    )
    description: Optional[str] = Field(default=None, max_length=256, description="Function description.")
    memory_mb: int = Field(default=256, ge=128, le=10240, description="Memory in MB (128-10240).")
    timeout_seconds: int = Field(default=10, ge=1, le=900, description="Timeout in seconds (1-900).")
    environment: dict[str, StrInput] = Field(
        default_factory=dict,
        description="Environment variables: configuration only (secret ARNs, URLs), never secret values.",
    )
    subnet_ids: list[StrInput] = Field(
        default_factory=list, description="Private subnets to run the function in; empty: outside any VPC."
    )
    vpc_id: Optional[StrInput] = Field(default=None, description="VPC of subnet_ids (required with subnet_ids).")
    egress_cidrs: list[str] = Field(
        default_factory=list,
        description="IPv4 ranges the function may reach on TCP 443 when it runs in the VPC (required with subnet_ids).",
    )
    allow_internet_egress: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out: 0.0.0.0/0 (any host on the internet) in egress_cidrs."
    )
    allow_single_az: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out (FSBP Lambda.5): run in a VPC with a single subnet (one Availability Zone)."
    )
    reserved_concurrency: Optional[int] = Field(
        default=None, ge=1, description="Concurrent executions reserved for (and capping) the function."
    )
    log_retention_in_days: int = Field(default=365, description="Days to keep logs; one of CloudWatch's periods.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to every child resource.")

    @field_validator("role_arn")
    @classmethod
    def _role(cls, value: object) -> object:
        if isinstance(value, str) and not _IAM_ROLE_ARN.match(value):
            raise ValueError("must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)")
        return value

    @field_validator("code_path")
    @classmethod
    def _code_dir(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError(f"{str(value)!r} is not a directory (give the directory that holds the handler module)")
        return value

    @field_validator("handler")
    @classmethod
    def _handler(cls, value: str) -> str:
        if not _HANDLER.match(value):
            raise ValueError('must be "<module>.<function>", e.g. "handler.handler"')
        return value

    @field_validator("function_name")
    @classmethod
    def _function_name(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _FUNCTION_NAME.match(value):
            raise ValueError("must be 1-64 letters, digits, '-' or '_'")
        return value

    @field_validator("environment")
    @classmethod
    def _environment(cls, values: dict) -> dict:
        for key in values:
            if not _ENV_NAME.match(key):
                raise ValueError(
                    f"{key!r} is not a valid variable name (a letter, then letters, digits or '_'; 2+ characters)"
                )
            if key.upper().startswith("AWS_") or key in _RESERVED_ENV_NAMES:
                raise ValueError(f"{key!r} is reserved by the Lambda runtime")
        # Only the values known now can be measured; Lambda rejects the rest at deployment.
        size = sum(len(k.encode()) + len(v.encode()) for k, v in values.items() if isinstance(v, str))
        if size > _ENV_MAX_BYTES:
            raise ValueError(f"variables take {size} bytes; Lambda allows {_ENV_MAX_BYTES} in total")
        return values

    @field_validator("egress_cidrs")
    @classmethod
    def _cidrs(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                ipaddress.IPv4Network(value)
            except ValueError:
                raise ValueError(f"{value!r} is not an IPv4 CIDR block (e.g. 10.0.0.0/16)") from None
        return values

    @field_validator("log_retention_in_days")
    @classmethod
    def _retention(cls, value: int) -> int:
        if value not in RETENTION_DAYS:
            raise ValueError(f"must be one of {', '.join(map(str, RETENTION_DAYS))} (0, never expire, is not allowed)")
        return value

    @model_validator(mode="after")
    def _cross_field(self) -> "SecureFunctionArgs":
        if self.subnet_ids and self.vpc_id is None:
            raise ValueError("vpc_id: required when subnet_ids is given (the security group belongs to the VPC)")
        if self.vpc_id is not None and not self.subnet_ids:
            raise ValueError("subnet_ids: required when vpc_id is given (the function runs in the VPC's subnets)")
        if self.subnet_ids and not self.egress_cidrs:
            raise ValueError("egress_cidrs: required in a VPC: the ranges the function reaches on 443 (e.g. the VPC CIDR)")
        if self.egress_cidrs and not self.subnet_ids:
            raise ValueError("egress_cidrs: only for a function in a VPC (subnet_ids)")
        internet = any(ipaddress.IPv4Network(c).prefixlen == 0 for c in self.egress_cidrs)
        single = len(self.subnet_ids) == 1 and isinstance(self.subnet_ids[0], str)
        for needed, acceptance, field, problem in (
            (internet, self.allow_internet_egress, "allow_internet_egress", "egress_cidrs: 0.0.0.0/0 reaches any host"),
            (single, self.allow_single_az, "allow_single_az",
             "subnet_ids: one subnet is one Availability Zone (FSBP Lambda.5); give subnets in two or more AZs"),
        ):
            if needed and acceptance is None:
                raise ValueError(f"{problem}; or set {field} with a reason")
            if acceptance is not None and not needed:
                raise ValueError(f"{field}: nothing to accept here; remove the opt-out")
        module = Path(*self.handler.split(".")[:-1])
        candidates = (self.code_path / module.with_suffix(".py"), self.code_path / module / "__init__.py")
        if not any(candidate.is_file() for candidate in candidates):
            raise ValueError(
                f"handler: module {'.'.join(module.parts)!r} not found in code_path {str(self.code_path)!r}"
            )
        return self


def execution_role_statements(
    function_name: str, *, region: str, account_id: str, in_vpc: bool, partition: str = "aws"
) -> list[dict]:
    """ServiceRole statements a SecureFunction's execution role needs for the function itself to run."""
    log_group = f"arn:{partition}:logs:{region}:{account_id}:log-group:/aws/lambda/{function_name}"
    statements = [
        {
            "sid": "WriteOwnLogs",
            "actions": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "resources": [f"{log_group}:*"],
        },
        {
            "sid": "SendTraces",
            "actions": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            "resources": ["*"],
            "allow_wildcard": {"reason": "X-Ray trace upload has no resource-level permissions"},
        },
    ]
    if in_vpc:
        statements += [
            {
                "sid": "DescribeVpcNetwork",
                "actions": VPC_DESCRIBE_ACTIONS,
                "resources": ["*"],
                "allow_wildcard": {"reason": "EC2 Describe actions have no resource-level permissions"},
            },
            {
                "sid": "ManageVpcNetworkInterfaces",
                "actions": VPC_NETWORK_INTERFACE_ACTIONS,
                "resources": [f"arn:{partition}:ec2:{region}:{account_id}:*/*"],
            },
        ]
    return statements


class SecureFunction(pulumi.ComponentResource):
    """A Lambda function with a CMK for its configuration and logs, active tracing and JSON logs."""

    function_arn: pulumi.Output[str]
    function_name: pulumi.Output[str]
    invoke_arn: pulumi.Output[str]
    log_group_name: pulumi.Output[str]
    log_group_arn: pulumi.Output[str]
    security_group_id: Optional[pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        args: inputs.SecureFunctionArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("SecureFunction", SecureFunctionArgs, args)
        function_name = args.function_name or name
        if not _FUNCTION_NAME.match(function_name):
            raise ComponentArgsError(
                f"SecureFunction: invalid args: function_name: default {function_name!r} (the component name) "
                "must be 1-64 letters, digits, '-' or '_'; set function_name"
            )
        acks = Acknowledgements()
        acks.add("aws-ec2-security-group-open-egress", f"{name}-sg", "allow_internet_egress", args.allow_internet_egress)
        acks.add("aws-lambda-function-vpc-multi-az", f"{name}-function", "allow_single_az", args.allow_single_az)
        super().__init__("stackguard:index:SecureFunction", name, acks.props(), with_former_type(opts, "stackguard:compute:SecureFunction"))
        child = pulumi.ResourceOptions(parent=self)

        self.log_group = encrypted_log_group(
            f"{name}-logs",
            parent=self,
            kms_key_arn=args.log_kms_key_arn or args.kms_key_arn,
            settings=LogGroupArgs(retention_in_days=args.log_retention_in_days),
            default_name=f"/aws/lambda/{function_name}",
            tags=args.tags,
        )

        self.security_group = None
        vpc_config = None
        if args.subnet_ids:
            self.security_group = aws.ec2.SecurityGroup(
                f"{name}-sg",
                description=f"Lambda function {function_name}: no ingress, HTTPS egress only",
                vpc_id=args.vpc_id,
                ingress=[],
                egress=[
                    aws.ec2.SecurityGroupEgressArgs(
                        description="HTTPS out", protocol="tcp", from_port=443, to_port=443,
                        cidr_blocks=args.egress_cidrs,
                    )
                ],
                revoke_rules_on_delete=True,
                tags={**args.tags, **acks.tags(f"{name}-sg")},
                opts=child,
            )
            vpc_config = aws.lambda_.FunctionVpcConfigArgs(
                subnet_ids=args.subnet_ids,
                security_group_ids=[self.security_group.id],
                ipv6_allowed_for_dual_stack=False,
            )

        self.function = aws.lambda_.Function(
            f"{name}-function",
            name=function_name,
            description=args.description or f"Function {name}",
            role=args.role_arn,
            package_type="Zip",
            code=pulumi.FileArchive(str(args.code_path)),
            handler=args.handler,
            runtime=args.runtime,
            architectures=["arm64"],
            memory_size=args.memory_mb,
            timeout=args.timeout_seconds,
            kms_key_arn=args.kms_key_arn,
            environment=aws.lambda_.FunctionEnvironmentArgs(variables=args.environment) if args.environment else None,
            tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
            logging_config=aws.lambda_.FunctionLoggingConfigArgs(
                log_format="JSON",
                log_group=self.log_group.name,
                # INFO drops DEBUG/TRACE lines, the ones that tend to carry request payloads.
                application_log_level="INFO",
                system_log_level="INFO",
            ),
            vpc_config=vpc_config,
            reserved_concurrent_executions=args.reserved_concurrency,
            tags={**args.tags, **acks.tags(f"{name}-function")},
            opts=child,
        )

        self.function_arn = self.function.arn
        self.function_name = self.function.name
        self.invoke_arn = self.function.invoke_arn
        self.log_group_name = self.log_group.name
        self.log_group_arn = self.log_group.arn
        self.security_group_id = self.security_group.id if self.security_group else None
        outputs = {
            "function_arn": self.function_arn,
            "function_name": self.function_name,
            "invoke_arn": self.invoke_arn,
            "log_group_name": self.log_group_name,
            "log_group_arn": self.log_group_arn,
        }
        if self.security_group_id is not None:
            outputs["security_group_id"] = self.security_group_id
        self.register_outputs(outputs)
