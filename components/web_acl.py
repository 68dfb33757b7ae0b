"""WebAcl: a regional AWS WAF web ACL with AWS managed rules, a per-IP rate limit and encrypted logging.

Contract with the API components: a RestApi given `web_acl_arn=acl.web_acl_arn` associates its own stage
(the association then depends on the stage it protects). Use `associate_with` only for resources no
stackguard component manages (an ALB, a stage of another stack); never list a stage twice.

    from stackguard.components.web_acl import WebAcl

    acl = WebAcl("edge", {
        "kms_key_arn": logs_key.arn,                     # a key whose policy lets CloudWatch Logs use it
        "rate_limit": {"limit": 2000},                   # requests per IP per 5 minutes
        "rule_action_overrides": {"AWSManagedRulesCommonRuleSet": {"SizeRestrictions_BODY": "count"}},
        "allow_weakened_managed_rules": {"reason": "uploads exceed 8 KB; body size checked by the backend"},
        "ip_deny_cidrs": ["203.0.113.0/24"],
        "tags": {"team": "payments"},
    })
    api = RestApi("orders", {..., "web_acl_arn": acl.web_acl_arn})
"""
import ipaddress
import re
from typing import Annotated, Literal, Optional

import pulumi
import pulumi_aws as aws
from pydantic import AfterValidator, Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import RiskAcceptance
from stackguard.components._api_logging import KmsKeyArn, LogGroupArgs, encrypted_log_group
from stackguard.components._args import ComponentArgs, StrInput, validate_args, with_former_type

# Evaluated in this order: the IP reputation list (25 WCU) first, so known-bad sources are blocked before the
# 700-WCU common rule set inspects their requests.
# https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-ip-rep.html
DEFAULT_MANAGED_RULE_GROUPS = (
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
)
BOT_CONTROL_GROUP = "AWSManagedRulesBotControlRuleSet"
ANONYMOUS_IP_GROUP = "AWSManagedRulesAnonymousIpList"
ADMIN_PROTECTION_GROUP = "AWSManagedRulesAdminProtectionRuleSet"
WAF_LOG_PREFIX = "aws-waf-logs-"
# Credentials that reach the API in headers: bearer tokens, session cookies, and the REST API's usage-plan keys.
ALWAYS_REDACTED_HEADERS = ("authorization", "cookie", "x-api-key")
# Redaction applies to logs only; data protection also covers sampled requests and rule-match details.
# https://docs.aws.amazon.com/waf/latest/developerguide/data-protection-masking.html
DATA_PROTECTION = [
    {"action": "SUBSTITUTION", "field": {"field_type": "SINGLE_HEADER", "field_keys": ["authorization", "x-api-key"]},
     "exclude_rule_match_details": False, "exclude_rate_based_details": False},
    {"action": "SUBSTITUTION", "field": {"field_type": "SINGLE_COOKIE"},
     "exclude_rule_match_details": False, "exclude_rate_based_details": False},
]

RuleAction = Literal["count", "block", "allow"]
MANAGED_RULES_RULE = "aws-wafv2-web-acl-managed-rules"
_ENTITY_NAME = re.compile(r"^[\w-]{1,128}$")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")


def _cidrs(values: list[str]) -> list[str]:
    for value in values:
        try:
            ipaddress.ip_network(value, strict=True)
        except ValueError as err:
            raise ValueError(f"{value!r} is not a CIDR block with its host bits zero ({err})") from None
    if len(set(values)) != len(values):
        raise ValueError("CIDR blocks must not repeat")
    return values


CidrList = Annotated[list[str], AfterValidator(_cidrs)]


class RateLimitArgs(ComponentArgs):
    """The rate-based rule that blocks any single client IP exceeding `limit` requests per window."""

    limit: int = Field(
        1000, ge=10, le=2_000_000_000, description="Requests per IP per evaluation window (AWS: 10-2,000,000,000)."
    )
    evaluation_window_sec: Literal[60, 120, 300, 600] = Field(300, description="Window over which requests are counted.")


class IpAllowArgs(ComponentArgs):
    """Trusted CIDRs whose requests are allowed before the managed rules and the rate limit see them."""

    cidrs: CidrList = Field(min_length=1, description="IPv4/IPv6 CIDR blocks to trust.")
    reason: str = Field(min_length=10, description="Why these sources may skip WAF inspection.")


class ExcludedRuleGroup(ComponentArgs):
    """A default managed rule group left out of the ACL: a weaker posture that needs a reason."""

    name: Literal[DEFAULT_MANAGED_RULE_GROUPS] = Field(  # type: ignore[valid-type]
        description="The default managed rule group to leave out."
    )
    reason: str = Field(min_length=10, description="Why the API does not need this protection.")


class WafLoggingArgs(LogGroupArgs):
    """WAF's log group (its name must start with "aws-waf-logs-") and the headers kept out of the logs."""

    redacted_headers: list[str] = Field(
        default_factory=list,
        description='Header names to redact besides "authorization", "cookie" and "x-api-key" (always redacted).',
    )

    @field_validator("name")
    @classmethod
    def _waf_prefix(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.startswith(WAF_LOG_PREFIX):
            raise ValueError(f'WAF only logs to log groups named "{WAF_LOG_PREFIX}..."')
        return value

    @field_validator("redacted_headers")
    @classmethod
    def _headers(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _HEADER_NAME.match(value):
                raise ValueError(f"{value!r} is not an HTTP header name")
        return values


class WebAclArgs(ComponentArgs):
    """Arguments of WebAcl."""

    kms_key_arn: KmsKeyArn = Field(
        description="KMS key ARN encrypting the WAF log group; its policy must allow CloudWatch Logs."
    )
    acl_name: Optional[str] = Field(None, description="Name of the web ACL; the component name when unset.")
    rate_limit: RateLimitArgs = Field(default_factory=RateLimitArgs, description="Per-IP rate-based blocking rule.")
    bot_control: Optional[Literal["COMMON", "TARGETED"]] = Field(
        None, description="Opt in to the (paid) Bot Control rule group at this inspection level."
    )
    rule_action_overrides: dict[str, dict[str, RuleAction]] = Field(
        default_factory=dict,
        description="Per managed rule group, rule name -> action replacing the rule's own (e.g. count while tuning).",
    )
    allow_weakened_managed_rules: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: rule_action_overrides to count or allow, which stop those rules from blocking."
    )
    anonymous_ip_list: bool = Field(
        False, description="Opt in to AWSManagedRulesAnonymousIpList (VPNs, Tor, hosting providers)."
    )
    admin_protection: bool = Field(False, description="Opt in to AWSManagedRulesAdminProtectionRuleSet (admin paths).")
    excluded_rule_groups: list[ExcludedRuleGroup] = Field(
        default_factory=list, description="Default managed rule groups to leave out, each with a reason."
    )
    ip_deny_cidrs: CidrList = Field(default_factory=list, description="CIDR blocks whose requests are always blocked.")
    ip_allow: Optional[IpAllowArgs] = Field(None, description="Trusted CIDR blocks that skip the other rules.")
    logging: WafLoggingArgs = Field(default_factory=WafLoggingArgs, description="WAF log group and redaction.")
    associate_with: list[StrInput] = Field(
        default_factory=list,
        description="ARNs of regional resources not managed by a stackguard component (e.g. an ALB) to protect.",
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags for every taggable child.")

    @field_validator("acl_name")
    @classmethod
    def _acl_name(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _ENTITY_NAME.match(value):
            raise ValueError("must be 1-128 letters, digits, '_' or '-'")
        return value

    def enabled_groups(self) -> list[str]:
        excluded = {group.name for group in self.excluded_rule_groups}
        groups = [group for group in DEFAULT_MANAGED_RULE_GROUPS if group not in excluded]
        if self.anonymous_ip_list:
            groups.append(ANONYMOUS_IP_GROUP)
        if self.admin_protection:
            groups.append(ADMIN_PROTECTION_GROUP)
        if self.bot_control:
            groups.append(BOT_CONTROL_GROUP)
        return groups

    def weakening_overrides(self) -> list[str]:
        """"group/rule" of every override to count or allow: a managed rule that no longer blocks."""
        return [f"{group}/{rule}" for group, overrides in self.rule_action_overrides.items()
                for rule, action in overrides.items() if action != "block"]

    @model_validator(mode="after")
    def _cross_fields(self) -> "WebAclArgs":
        enabled = self.enabled_groups()
        for group, overrides in self.rule_action_overrides.items():
            if group not in enabled:
                raise ValueError(f"rule_action_overrides: {group!r} is not an enabled rule group ({', '.join(enabled)})")
            for rule in overrides:
                if not _ENTITY_NAME.match(rule):
                    raise ValueError(f"rule_action_overrides.{group}: {rule!r} is not a rule name")
        weakened = self.weakening_overrides()
        if weakened and self.allow_weakened_managed_rules is None:
            raise ValueError(
                f"rule_action_overrides: {weakened[0]} no longer blocks (count/allow); "
                "set allow_weakened_managed_rules with a reason, or override to block"
            )
        if self.allow_weakened_managed_rules is not None and not weakened:
            raise ValueError("allow_weakened_managed_rules: no override counts or allows; remove the opt-out")
        names = [group.name for group in self.excluded_rule_groups]
        if len(set(names)) != len(names):
            raise ValueError("excluded_rule_groups: a rule group is listed twice")
        if self.ip_allow:
            for allowed in map(ipaddress.ip_network, self.ip_allow.cidrs):
                for denied in map(ipaddress.ip_network, self.ip_deny_cidrs):
                    if allowed.version == denied.version and allowed.overlaps(denied):
                        raise ValueError(f"ip_allow.cidrs {allowed} overlaps ip_deny_cidrs {denied}: "
                                         "a source cannot be both trusted and denied")
        return self


def _visibility(metric: str) -> dict:
    return {"cloudwatch_metrics_enabled": True, "metric_name": metric, "sampled_requests_enabled": True}


class WebAcl(pulumi.ComponentResource):
    """A REGIONAL WAFv2 web ACL whose defaults pass stackguard's prod rules."""

    web_acl_arn: pulumi.Output[str]
    web_acl_id: pulumi.Output[str]
    web_acl_name: pulumi.Output[str]
    log_group_name: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.WebAclArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("WebAcl", WebAclArgs, args)
        acks = Acknowledgements()
        acks.add(MANAGED_RULES_RULE, name, "allow_weakened_managed_rules", args.allow_weakened_managed_rules)
        for index, group in enumerate(args.excluded_rule_groups):
            acks.add(MANAGED_RULES_RULE, name, f"excluded_rule_groups.{index}", RiskAcceptance(reason=group.reason))
        if args.ip_allow:
            acks.add("aws-wafv2-web-acl-ip-allow-bypass", name, "ip_allow", RiskAcceptance(reason=args.ip_allow.reason))
        super().__init__("stackguard:index:WebAcl", name, acks.props(), with_former_type(opts, "stackguard:security:WebAcl"))
        child = pulumi.ResourceOptions(parent=self)
        acl_name = args.acl_name or name
        metric_prefix = re.sub(r"[^\w-]", "-", acl_name)

        rules: list[dict] = []
        self.ip_sets = []
        if args.ip_deny_cidrs:
            for ip_set in self._ip_sets(f"{name}-deny", args.ip_deny_cidrs, args.tags, child):
                rules.append(self._ip_rule(ip_set, "block", len(rules), "IpDeny", f"{metric_prefix}-ip-deny"))
        if args.ip_allow:
            for ip_set in self._ip_sets(f"{name}-allow", args.ip_allow.cidrs, args.tags, child):
                rules.append(self._ip_rule(ip_set, "allow", len(rules), "IpAllow", f"{metric_prefix}-ip-allow"))
        rules.append({
            "name": "RateLimitPerIp",
            "priority": len(rules),
            "action": {"block": {}},
            "statement": {"rate_based_statement": {
                "limit": args.rate_limit.limit,
                "evaluation_window_sec": args.rate_limit.evaluation_window_sec,
                "aggregate_key_type": "IP",
            }},
            "visibility_config": _visibility(f"{metric_prefix}-rate-limit"),
        })
        for group in args.enabled_groups():
            statement: dict = {"name": group, "vendor_name": "AWS"}
            overrides = args.rule_action_overrides.get(group, {})
            if overrides:
                statement["rule_action_overrides"] = [
                    {"name": rule, "action_to_use": {action: {}}} for rule, action in sorted(overrides.items())
                ]
            if group == BOT_CONTROL_GROUP:
                statement["managed_rule_group_configs"] = [
                    {"aws_managed_rules_bot_control_rule_set": {"inspection_level": args.bot_control}}
                ]
            rules.append({
                "name": f"AWS-{group}",
                "priority": len(rules),
                "override_action": {"none": {}},
                "statement": {"managed_rule_group_statement": statement},
                "visibility_config": _visibility(f"{metric_prefix}-{group}"),
            })

        self.web_acl = aws.wafv2.WebAcl(
            name,
            name=acl_name,
            description=f"stackguard web ACL {acl_name}",
            scope="REGIONAL",
            default_action={"allow": {}},
            rules=rules,
            visibility_config=_visibility(metric_prefix),
            data_protection_config={"data_protections": DATA_PROTECTION},
            tags={**args.tags, **acks.tags(name)},
            opts=child,
        )
        self.log_group = encrypted_log_group(
            f"{name}-logs",
            parent=self,
            kms_key_arn=args.kms_key_arn,
            settings=args.logging,
            default_name=f"{WAF_LOG_PREFIX}{acl_name}",
            tags=args.tags,
        )
        redacted = list(ALWAYS_REDACTED_HEADERS) + [
            h.lower() for h in args.logging.redacted_headers if h.lower() not in ALWAYS_REDACTED_HEADERS
        ]
        self.logging_configuration = aws.wafv2.WebAclLoggingConfiguration(
            f"{name}-logging",
            resource_arn=self.web_acl.arn,
            log_destination_configs=[self.log_group.arn],
            redacted_fields=[{"single_header": {"name": header}} for header in dict.fromkeys(redacted)],
            opts=child,
        )
        self.associations = [
            aws.wafv2.WebAclAssociation(
                f"{name}-association-{index}", resource_arn=arn, web_acl_arn=self.web_acl.arn, opts=child
            )
            for index, arn in enumerate(args.associate_with)
        ]

        self.web_acl_arn = self.web_acl.arn
        self.web_acl_id = self.web_acl.id
        self.web_acl_name = self.web_acl.name
        self.log_group_name = self.log_group.name
        self.register_outputs({
            "web_acl_arn": self.web_acl_arn,
            "web_acl_id": self.web_acl_id,
            "web_acl_name": self.web_acl_name,
            "log_group_name": self.log_group_name,
        })

    def _ip_sets(
        self, name: str, cidrs: list[str], tags: dict[str, str], opts: pulumi.ResourceOptions
    ) -> list[aws.wafv2.IpSet]:
        # An IP set holds one address family, so a mixed list becomes one set per family.
        by_version: dict[str, list[str]] = {}
        for cidr in cidrs:
            version = "IPV4" if ipaddress.ip_network(cidr).version == 4 else "IPV6"
            by_version.setdefault(version, []).append(cidr)
        created = [
            aws.wafv2.IpSet(
                f"{name}-{version.lower()}",
                scope="REGIONAL",
                ip_address_version=version,
                addresses=addresses,
                tags=tags,
                opts=opts,
            )
            for version, addresses in sorted(by_version.items())
        ]
        self.ip_sets.extend(created)
        return created

    @staticmethod
    def _ip_rule(ip_set: aws.wafv2.IpSet, action: str, priority: int, rule: str, metric: str) -> dict:
        # Rule names are short and fixed (WAF allows 128 characters); the metric (255) carries the ACL's name.
        return {
            "name": f"{rule}-{priority}",
            "priority": priority,
            "action": {action: {}},
            "statement": {"ip_set_reference_statement": {"arn": ip_set.arn}},
            "visibility_config": _visibility(f"{metric}-{priority}"),
        }
