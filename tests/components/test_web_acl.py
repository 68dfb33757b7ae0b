"""WebAcl: explicit defaults on the ACL, its rules, log group and logging configuration; opt-ins, opt-outs, bad args."""
from __future__ import annotations

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.web_acl import WebAcl, WebAclArgs

KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"
COMPONENT = "stackguard:index:WebAcl"
ACL = "aws:wafv2/webAcl:WebAcl"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"
IP_SET = "aws:wafv2/ipSet:IpSet"
ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation"
BASE = {"kms_key_arn": KMS}
MANAGED = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
]


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def visibility(metric):
    return {"cloudwatchMetricsEnabled": True, "metricName": metric, "sampledRequestsEnabled": True}


def rules_by_name(monitor):
    return {rule["name"]: rule for rule in only(monitor, ACL).inputs["rules"]}


def build_acl(deploy, args=None, name="edge"):
    outputs = {}

    def build():
        acl = WebAcl(name, {"kms_key_arn": KMS, **(args or {})})
        return pulumi.Output.all(
            arn=acl.web_acl_arn, id=acl.web_acl_id, name=acl.web_acl_name, log_group_name=acl.log_group_name
        ).apply(outputs.update)

    return deploy(build), outputs


def test_acl_defaults_set_explicitly(deploy):
    monitor, _ = build_acl(deploy)
    acl = only(monitor, ACL)
    rules = acl.inputs.pop("rules")
    assert acl.inputs.pop("dataProtectionConfig")  # asserted in test_data_protection_masks_credentials_...
    assert acl.inputs == {
        "name": "edge",
        "description": "stackguard web ACL edge",
        "scope": "REGIONAL",
        "defaultAction": {"allow": {}},
        "visibilityConfig": visibility("edge"),
        "tags": {},
    }
    assert rules[0] == {
        "name": "RateLimitPerIp",
        "priority": 0,
        "action": {"block": {}},
        "statement": {"rateBasedStatement": {"limit": 1000, "evaluationWindowSec": 300, "aggregateKeyType": "IP"}},
        "visibilityConfig": visibility("edge-rate-limit"),
    }
    assert rules[1:] == [
        {
            "name": f"AWS-{group}",
            "priority": index + 1,
            "overrideAction": {"none": {}},
            "statement": {"managedRuleGroupStatement": {"name": group, "vendorName": "AWS"}},
            "visibilityConfig": visibility(f"edge-{group}"),
        }
        for index, group in enumerate(MANAGED)
    ]
    assert monitor.of_type(IP_SET) == []
    assert monitor.of_type(ASSOCIATION) == []


def test_logging_defaults_encrypted_retained_and_redacting_authorization(deploy):
    monitor, outputs = build_acl(deploy)
    group = only(monitor, LOG_GROUP)
    assert group.inputs == {
        "name": "aws-waf-logs-edge",
        "kmsKeyId": KMS,
        "retentionInDays": 365,
        "logGroupClass": "STANDARD",
        "tags": {},
    }
    logging = only(monitor, LOGGING)
    assert logging.inputs["redactedFields"] == [
        {"singleHeader": {"name": "authorization"}}, {"singleHeader": {"name": "cookie"}},
        {"singleHeader": {"name": "x-api-key"}},
    ]
    assert logging.property_dependencies["resourceArn"] == [only(monitor, ACL).urn]
    assert logging.property_dependencies["logDestinationConfigs"] == [group.urn]
    assert outputs["log_group_name"] == "aws-waf-logs-edge"


def test_children_are_parented_and_outputs_resolve(deploy):
    monitor, outputs = build_acl(deploy, {"ip_deny_cidrs": ["203.0.113.0/24"], "associate_with": [ALB]})
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.type.startswith("aws:")]
    assert {r.type for r in children} == {ACL, LOG_GROUP, LOGGING, IP_SET, ASSOCIATION}
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}$aws:" in child.urn
    assert outputs["arn"].startswith("arn:aws:wafv2:eu-west-1:123456789012:")
    assert outputs["id"].startswith("edge-")
    assert outputs["name"] == "edge"


def test_bot_control_is_opt_in(deploy):
    monitor, _ = build_acl(deploy, {"bot_control": "TARGETED"})
    rules = rules_by_name(monitor)
    bot = rules["AWS-AWSManagedRulesBotControlRuleSet"]
    assert bot["overrideAction"] == {"none": {}}
    assert bot["statement"]["managedRuleGroupStatement"]["managedRuleGroupConfigs"] == [
        {"awsManagedRulesBotControlRuleSet": {"inspectionLevel": "TARGETED"}}
    ]
    assert bot["priority"] == 5
    assert {f"AWS-{g}" for g in MANAGED} < set(rules)


def test_rule_action_overrides_apply_to_their_group_only(deploy):
    monitor, _ = build_acl(deploy, {"rule_action_overrides": {
        "AWSManagedRulesCommonRuleSet": {"SizeRestrictions_BODY": "count", "NoUserAgent_HEADER": "block"},
    }, "allow_weakened_managed_rules": {"reason": "uploads exceed 8 KB; size checked by the backend"}})
    rules = rules_by_name(monitor)
    common = rules["AWS-AWSManagedRulesCommonRuleSet"]["statement"]["managedRuleGroupStatement"]
    assert common["ruleActionOverrides"] == [
        {"name": "NoUserAgent_HEADER", "actionToUse": {"block": {}}},
        {"name": "SizeRestrictions_BODY", "actionToUse": {"count": {}}},
    ]
    sqli = rules["AWS-AWSManagedRulesSQLiRuleSet"]["statement"]["managedRuleGroupStatement"]
    assert "ruleActionOverrides" not in sqli
    assert only(monitor, ACL).inputs["tags"] == {
        "stackguard:acknowledged:aws-wafv2-web-acl-managed-rules": "uploads exceed 8 KB_ size checked by the backend"}


def test_overrides_that_stop_blocking_need_a_reason():
    with pytest.raises(ComponentArgsError, match="rule_action_overrides: AWSManagedRulesCommonRuleSet/SizeRestrictions_BODY"):
        WebAcl("edge", {**BASE, "rule_action_overrides": {"AWSManagedRulesCommonRuleSet": {"SizeRestrictions_BODY": "allow"}}})
    # Overriding to block is a stricter choice and needs none.
    WebAcl("edge", {**BASE, "rule_action_overrides": {"AWSManagedRulesCommonRuleSet": {"NoUserAgent_HEADER": "block"}}})


def test_data_protection_masks_credentials_in_sampled_requests_too(deploy):
    # Logging redaction does not reach sampled requests; WAF data protection does.
    # https://docs.aws.amazon.com/waf/latest/developerguide/data-protection-masking.html
    monitor, _ = build_acl(deploy)
    assert only(monitor, ACL).inputs["dataProtectionConfig"] == {"dataProtections": [
        {"action": "SUBSTITUTION", "field": {"fieldType": "SINGLE_HEADER", "fieldKeys": ["authorization", "x-api-key"]},
         "excludeRuleMatchDetails": False, "excludeRateBasedDetails": False},
        {"action": "SUBSTITUTION", "field": {"fieldType": "SINGLE_COOKIE"},
         "excludeRuleMatchDetails": False, "excludeRateBasedDetails": False},
    ]}


def test_anonymous_ip_and_admin_protection_are_opt_in(deploy):
    default, _ = build_acl(deploy)
    assert not {"AWS-AWSManagedRulesAnonymousIpList", "AWS-AWSManagedRulesAdminProtectionRuleSet"} & set(rules_by_name(default))
    monitor, _ = build_acl(deploy, {"anonymous_ip_list": True, "admin_protection": True})
    rules = rules_by_name(monitor)
    for group in ("AWSManagedRulesAnonymousIpList", "AWSManagedRulesAdminProtectionRuleSet"):
        assert rules[f"AWS-{group}"]["overrideAction"] == {"none": {}}
        assert rules[f"AWS-{group}"]["statement"]["managedRuleGroupStatement"]["vendorName"] == "AWS"


def test_excluded_rule_group_needs_reason_and_removes_only_that_group(deploy):
    monitor, _ = build_acl(deploy, {"excluded_rule_groups": [
        {"name": "AWSManagedRulesSQLiRuleSet", "reason": "backend is a key-value store, no SQL"},
    ]})
    assert set(rules_by_name(monitor)) == {"RateLimitPerIp"} | {f"AWS-{g}" for g in MANAGED[:3]}


def test_rate_limit_settings(deploy):
    monitor, _ = build_acl(deploy, {"rate_limit": {"limit": 10, "evaluation_window_sec": 60}})
    statement = rules_by_name(monitor)["RateLimitPerIp"]["statement"]["rateBasedStatement"]
    assert statement == {"limit": 10, "evaluationWindowSec": 60, "aggregateKeyType": "IP"}


def test_ip_sets_deny_first_then_allow_then_rate_limit(deploy):
    monitor, _ = build_acl(deploy, {
        "ip_deny_cidrs": ["203.0.113.0/24", "2001:db8::/32"],
        "ip_allow": {"cidrs": ["198.51.100.0/24"], "reason": "office egress used for load tests"},
        "tags": {"team": "payments"},
    })
    sets = {r.name: r for r in monitor.of_type(IP_SET)}
    assert sets["edge-deny-ipv4"].inputs == {
        "scope": "REGIONAL", "ipAddressVersion": "IPV4", "addresses": ["203.0.113.0/24"], "tags": {"team": "payments"},
    }
    assert sets["edge-deny-ipv6"].inputs["addresses"] == ["2001:db8::/32"]
    assert sets["edge-deny-ipv6"].inputs["ipAddressVersion"] == "IPV6"
    assert sets["edge-allow-ipv4"].inputs["addresses"] == ["198.51.100.0/24"]
    rules = sorted(only(monitor, ACL).inputs["rules"], key=lambda r: r["priority"])
    assert [list(r.get("action", {"managed": 0}))[0] for r in rules[:4]] == ["block", "block", "allow", "block"]
    assert rules[3]["name"] == "RateLimitPerIp"
    deps = only(monitor, ACL).property_dependencies["rules"]
    assert set(deps) == {s.urn for s in sets.values()}


def test_logging_opt_ins_name_retention_and_extra_redaction(deploy):
    monitor, _ = build_acl(deploy, {"logging": {
        "name": "aws-waf-logs-payments", "retention_in_days": 731, "redacted_headers": ["X-Api-Key", "Authorization"],
    }})
    group = only(monitor, LOG_GROUP)
    assert group.inputs["name"] == "aws-waf-logs-payments"
    assert group.inputs["retentionInDays"] == 731
    assert only(monitor, LOGGING).inputs["redactedFields"] == [
        {"singleHeader": {"name": "authorization"}}, {"singleHeader": {"name": "cookie"}},
        {"singleHeader": {"name": "x-api-key"}},
    ]


def test_associate_with_creates_one_association_per_arn(deploy):
    monitor, _ = build_acl(deploy, {"associate_with": [ALB]})
    association = only(monitor, ASSOCIATION)
    assert association.inputs["resourceArn"] == ALB
    assert association.property_dependencies["webAclArn"] == [only(monitor, ACL).urn]


def test_tags_reach_every_taggable_child(deploy):
    tags = {"team": "payments", "env": "prod"}
    monitor, _ = build_acl(deploy, {"tags": tags, "ip_deny_cidrs": ["203.0.113.0/24"]})
    for token in (ACL, LOG_GROUP, IP_SET):
        for registration in monitor.of_type(token):
            assert registration.inputs["tags"] == tags


@pytest.mark.parametrize("args, field", [
    ({"kms_key_arn": "alias/logs"}, "kms_key_arn"),
    ({"kms_key_arn": "arn:aws:kms:eu-west-1:123456789012:alias/logs"}, "kms_key_arn"),
    ({"rate_limit": {"limit": 9}}, "rate_limit.limit"),
    ({"rate_limit": {"limit": 2_000_000_001}}, "rate_limit.limit"),
    ({"rate_limit": {"evaluation_window_sec": 30}}, "rate_limit.evaluation_window_sec"),
    ({"bot_control": "FULL"}, "bot_control"),
    ({"rule_action_overrides": {"AWSManagedRulesBotControlRuleSet": {"X": "count"}}}, "rule_action_overrides"),
    ({"rule_action_overrides": {"AWSManagedRulesCommonRuleSet": {"X": "drop"}}}, "rule_action_overrides"),
    ({"excluded_rule_groups": [{"name": "AWSManagedRulesSQLiRuleSet"}]}, "excluded_rule_groups.0.reason"),
    ({"excluded_rule_groups": [{"name": "Mine", "reason": "long enough reason"}]}, "excluded_rule_groups.0.name"),
    ({"ip_deny_cidrs": ["10.0.0.1/24"]}, "ip_deny_cidrs"),
    ({"ip_deny_cidrs": ["300.1.0.0/16"]}, "ip_deny_cidrs"),
    ({"ip_allow": {"cidrs": ["10.0.0.0/8"]}}, "ip_allow.reason"),
    ({"ip_allow": {"cidrs": ["10.0.0.0/8"], "reason": "short"}}, "ip_allow.reason"),
    ({"ip_allow": {"cidrs": ["10.1.0.0/16"], "reason": "trusted office range"}, "ip_deny_cidrs": ["10.0.0.0/8"]}, "ip_allow"),
    ({"logging": {"name": "waf-logs"}}, "logging.name"),
    ({"logging": {"retention_in_days": 0}}, "logging.retention_in_days"),
    ({"logging": {"redacted_headers": ["bad header"]}}, "logging.redacted_headers"),
    ({"acl_name": "has space"}, "acl_name"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_args_name_the_field(args, field):
    with pytest.raises(ComponentArgsError) as err:
        WebAcl("edge", {"kms_key_arn": KMS, **args})
    assert field in str(err.value)
    assert str(err.value).startswith("WebAcl: invalid args:")


def test_kms_key_is_required():
    with pytest.raises(ComponentArgsError, match="kms_key_arn: Field required"):
        WebAcl("edge", {})


def test_invalid_args_register_nothing(deploy):
    def build():
        with pytest.raises(ComponentArgsError):
            WebAcl("edge", {"kms_key_arn": KMS, "rate_limit": {"limit": 1}})

    monitor = deploy(build)
    assert [r.type for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"] == []


def test_args_model_accepts_an_instance():
    args = WebAclArgs(kms_key_arn=KMS, bot_control="COMMON")
    assert args.enabled_groups()[-1] == "AWSManagedRulesBotControlRuleSet"


# --- review 2026-12-04: H1 -------------------------------------------------------------------------------------

def test_ip_reputation_runs_first_and_rule_names_fit_wafs_limit(deploy):
    """H1. The IP reputation list (25 WCU) blocks known-bad sources before the common rule set (700 WCU) inspects
    them; IP rules have short fixed names, so a 128-character ACL name never makes a rule name longer than WAF's
    128 characters (the ACL name stays in the metric).
    https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-ip-rep.html
    https://docs.aws.amazon.com/waf/latest/APIReference/API_Rule.html"""
    long_name = "a" * 128
    monitor, _ = build_acl(deploy, {"acl_name": long_name, "ip_deny_cidrs": ["203.0.113.0/24"]})
    rules = sorted(only(monitor, ACL).inputs["rules"], key=lambda r: r["priority"])
    assert [r["name"] for r in rules] == ["IpDeny-0", "RateLimitPerIp"] + [f"AWS-{g}" for g in MANAGED]
    assert all(len(r["name"]) <= 128 for r in rules)
    assert rules[0]["visibilityConfig"]["metricName"] == f"{long_name}-ip-deny-0"
