"""The stack's configuration, validated before any resource is created.

Every key of the project's namespace (and the two aws: keys the program relies on) is checked
against this model; a bad, missing or unknown key stops the program with a pulumi.RunError naming
the file, the key and what is allowed: under `pulumi up` and `stackguard preflight` alike.
"""
from __future__ import annotations

import json
from typing import Literal, Optional

import pulumi
import pulumi.runtime.config as runtime_config
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic.alias_generators import to_camel

CloudWatchRetention = Literal[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True)


class Throttling(_Model):
    burst_limit: int = Field(gt=0, le=10_000, description="Concurrent request burst per stage.")
    rate_limit: float = Field(gt=0, le=10_000, description="Steady requests per second per stage.")


class CustomDomain(_Model):
    domain_name: str = Field(pattern=r"^([a-z0-9-]+\.)+[a-z]{2,}$")
    certificate_arn: str = Field(pattern=r"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[0-9a-f-]+$")


class Settings(_Model):
    """Keys under the project's namespace in stacks/Pulumi.<stack>.yaml."""

    environment: Literal["dev", "staging", "prod"]
    endpoint_type: Literal["REGIONAL", "PRIVATE"]
    vpc_id: str = Field(pattern=r"^vpc-[0-9a-f]{8,17}$")
    vpc_cidr: str = Field(pattern=r"^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$")
    private_subnet_ids: list[str] = Field(min_length=2, description="At least two subnets, in different AZs.")
    route_table_ids: list[str] = Field(min_length=1)
    partner_url: str = Field(pattern=r"^https://[^\s/]+(/\S*)?$", description="The partner API; HTTPS only.")
    partner_api_key: Optional[SecretStr] = Field(None, description="Initial partner credential (a secure: value).")
    throttling: Throttling
    waf_rate_limit: int = Field(ge=100, le=2_000_000_000, description="Requests per IP per 5 minutes before WAF blocks.")
    log_retention_days: CloudWatchRetention
    key_deletion_window_days: int = Field(ge=7, le=30)
    key_administrators: list[str] = Field(default_factory=list)
    secret_break_glass_role_arns: list[str] = Field(
        default_factory=list,
        description="Roles that may still read the partner secret besides its reader and rotator; with partnerApiKey, "
                    "the role that runs pulumi up (the provider reads the initial version back).",
    )
    alarm_email: Optional[str] = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    alarm_webhook: Optional[str] = Field(None, pattern=r"^https://\S+$")
    deletion_protection: bool
    custom_domain: Optional[CustomDomain] = None

    @model_validator(mode="after")
    def _someone_is_alerted(self) -> "Settings":
        if not (self.alarm_email or self.alarm_webhook):
            raise ValueError("set alarmEmail or alarmWebhook: security alarms need a recipient")
        return self


class AwsSettings(_Model):
    """The aws: keys the program relies on."""

    region: str = Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")
    allowed_account_ids: list[str] = Field(min_length=1, description="Accounts this stack may deploy to.")


def _value(raw: str):
    # The engine hands every config value over as a string; numbers, booleans and structures are JSON.
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        return raw


def _fail(file: str, namespace: str, err: ValidationError, model: type[BaseModel]) -> pulumi.RunError:
    first = err.errors()[0]
    key = ".".join(str(p) for p in first["loc"]) or "(config)"
    allowed = ", ".join(sorted(f.alias or n for n, f in model.model_fields.items()))
    if first["type"] == "extra_forbidden":
        problem = f"unknown key; allowed keys: {allowed}"
    elif first["type"] == "missing":
        by_alias = {f.alias or n: f for n, f in model.model_fields.items()}
        field = by_alias.get(str(first["loc"][0]))
        problem = f"is required ({field.description if field and field.description else 'see stacks/stack_settings.py'})"
    else:
        problem = first["msg"]  # never the value: it may be a secret
    return pulumi.RunError(f"{file}: {namespace}:{key}: {problem}")


def load() -> tuple[Settings, AwsSettings]:
    stack, project = pulumi.get_stack(), pulumi.get_project()
    file = f"stacks/Pulumi.{stack}.yaml"
    # The CLI passes config in the environment, preflight through the runtime: read both.
    everything = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    ours = {k.split(":", 1)[1]: _value(v) for k, v in everything.items() if k.startswith(f"{project}:")}
    aws = {k.split(":", 1)[1]: _value(v) for k, v in everything.items()
           if k in ("aws:region", "aws:allowedAccountIds")}
    try:
        settings = Settings.model_validate(ours)
    except ValidationError as err:
        raise _fail(file, project, err, Settings) from None
    try:
        aws_settings = AwsSettings.model_validate(aws)
    except ValidationError as err:
        raise _fail(file, "aws", err, AwsSettings) from None
    return settings, aws_settings
