"""SecurityMonitoring: encrypted HTTPS-only topic, alarms wired to it, security event rules, bad args."""
from __future__ import annotations

import json

import pulumi
import pytest

from components._args import ComponentArgsError
from components.security_monitoring import KMS_EVENTS, SECRET_ROTATION_EVENTS, TOPIC_ACTIONS, SecurityMonitoring

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
COMPONENT = "stackguard:observability:SecurityMonitoring"
TOPIC = "aws:sns/topic:Topic"
TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy"
SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm"
FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter"
RULE = "aws:cloudwatch/eventRule:EventRule"
TARGET = "aws:cloudwatch/eventTarget:EventTarget"
BASE = {"kms_key_arn": KEY_ARN, "api_name": "orders", "stage_name": "prod"}
FULL = {**BASE, "web_acl_name": "orders-acl", "access_log_group_name": "/aws/apigateway/orders/prod"}


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def alarms(monitor) -> dict[str, object]:
    return {r.inputs["metricName"]: r for r in monitor.of_type(ALARM)}


def test_topic_defaults(deploy):
    outputs = {}

    def build():
        monitoring = SecurityMonitoring("orders", BASE)
        return monitoring.topic_arn.apply(lambda arn: outputs.update(topic_arn=arn))

    monitor = deploy(build)
    topic = only(monitor, TOPIC)
    assert topic.inputs == {
        "displayName": "orders security alerts",
        "kmsMasterKeyId": KEY_ARN,
        "signatureVersion": 2,
        "tags": {},
    }
    assert outputs["topic_arn"].startswith(f"arn:aws:sns:eu-west-1:{ACCOUNT}:")
    policy = only(monitor, TOPIC_POLICY)
    assert policy.inputs["arn"] == outputs["topic_arn"]
    assert json.loads(policy.inputs["policy"]) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": TOPIC_ACTIONS,
                "Resource": [outputs["topic_arn"]],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            },
            {
                "Sid": "AllowAlarmsOfThisAccount",
                "Effect": "Allow",
                "Principal": {"Service": "cloudwatch.amazonaws.com"},
                "Action": ["sns:Publish"],
                "Resource": [outputs["topic_arn"]],
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": ACCOUNT},
                    "ArnLike": {"aws:SourceArn": f"arn:aws:cloudwatch:eu-west-1:{ACCOUNT}:alarm:*"},
                },
            },
            {
                "Sid": "AllowEventRulesOfThisAccount",
                "Effect": "Allow",
                "Principal": {"Service": "events.amazonaws.com"},
                "Action": ["sns:Publish"],
                "Resource": [outputs["topic_arn"]],
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": ACCOUNT},
                    "ArnLike": {"aws:SourceArn": f"arn:aws:events:eu-west-1:{ACCOUNT}:rule/*"},
                },
            },
        ],
    }
    assert monitor.of_type(SUBSCRIPTION) == []


def test_default_alarms_are_the_api_error_alarms(deploy):
    outputs = {}

    def build():
        monitoring = SecurityMonitoring("orders", BASE)
        return pulumi.Output.all(monitoring.topic_arn, monitoring.alarm_names).apply(
            lambda v: outputs.update(topic_arn=v[0], alarm_names=v[1])
        )

    monitor = deploy(build)
    found = alarms(monitor)
    assert set(found) == {"5XXError", "4XXError"}
    common = {
        "namespace": "AWS/ApiGateway",
        "dimensions": {"ApiName": "orders", "Stage": "prod"},
        "statistic": "Sum",
        "period": 300,
        "evaluationPeriods": 1,
        "comparisonOperator": "GreaterThanOrEqualToThreshold",
        "treatMissingData": "notBreaching",
        "actionsEnabled": True,
        "alarmActions": [outputs["topic_arn"]],
        "okActions": [outputs["topic_arn"]],
        "tags": {},
    }
    for metric, threshold in (("5XXError", 5), ("4XXError", 100)):
        inputs = dict(found[metric].inputs)
        assert inputs.pop("alarmDescription")
        assert inputs == {**common, "metricName": metric, "threshold": threshold}
    assert monitor.of_type(FILTER) == []
    assert set(outputs["alarm_names"]) == {"server_errors", "client_errors"}
    assert outputs["alarm_names"]["server_errors"].startswith("orders-server-errors-")


def test_children_are_parented(deploy):
    monitor = deploy(
        lambda: SecurityMonitoring(
            "orders", {**FULL, "subscriptions": [{"protocol": "email", "endpoint": "secops@example.com"}]}
        )
    )
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.type.startswith("aws:")]
    assert {r.type for r in children} == {TOPIC, TOPIC_POLICY, SUBSCRIPTION, ALARM, FILTER, RULE, TARGET}
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}${child.type}" in child.urn


def test_event_rules_for_kms_deletion_and_failed_rotation(deploy):
    monitor = deploy(lambda: SecurityMonitoring("orders", BASE))
    topic = only(monitor, TOPIC)
    rules = {r.name: r for r in monitor.of_type(RULE)}
    assert set(rules) == {"orders-kms-key-deletion", "orders-secret-rotation-failed"}
    kms = rules["orders-kms-key-deletion"]
    assert json.loads(kms.inputs["eventPattern"]) == {
        "source": ["aws.kms"],
        "detail-type": ["AWS API Call via CloudTrail"],
        "detail": {"eventSource": ["kms.amazonaws.com"], "eventName": ["ScheduleKeyDeletion", "DisableKey"]},
    }
    rotation = rules["orders-secret-rotation-failed"]
    assert json.loads(rotation.inputs["eventPattern"]) == {
        "source": ["aws.secretsmanager"],
        "detail-type": ["AWS Service Event via CloudTrail"],
        "detail": {"eventSource": ["secretsmanager.amazonaws.com"], "eventName": ["RotationFailed"]},
    }
    assert json.loads(kms.inputs["eventPattern"]) == KMS_EVENTS
    assert json.loads(rotation.inputs["eventPattern"]) == SECRET_ROTATION_EVENTS
    for rule in rules.values():
        assert rule.inputs["state"] == "ENABLED"
        assert rule.inputs["tags"] == {}
    targets = {t.name: t for t in monitor.of_type(TARGET)}
    assert set(targets) == set(rules)
    for name, target in targets.items():
        assert target.property_dependencies["rule"] == [rules[name].urn]
        assert target.inputs["rule"].startswith(f"{name}-")
        assert target.property_dependencies["arn"] == [topic.urn]
        assert target.inputs["arn"].startswith(f"arn:aws:sns:eu-west-1:{ACCOUNT}:")


def test_access_log_group_adds_auth_failure_and_throttle_alarms(deploy):
    monitor = deploy(lambda: SecurityMonitoring("orders", {**BASE, "access_log_group_name": "/aws/apigateway/orders"}))
    filters = {f.inputs["metricTransformation"]["name"]: f for f in monitor.of_type(FILTER)}
    assert set(filters) == {"orders-AuthFailures", "orders-ThrottledRequests"}
    auth = filters["orders-AuthFailures"].inputs
    assert auth["logGroupName"] == "/aws/apigateway/orders"
    assert auth["pattern"] == '{ ($.status = 401) || ($.status = 403) || ($.status = "401") || ($.status = "403") }'
    assert auth["metricTransformation"] == {"name": "orders-AuthFailures", "namespace": "Stackguard/ApiSecurity",
                                           "value": "1", "unit": "Count"}
    assert filters["orders-ThrottledRequests"].inputs["pattern"] == '{ ($.status = 429) || ($.status = "429") }'
    found = alarms(monitor)
    assert set(found) == {"5XXError", "4XXError", "orders-AuthFailures", "orders-ThrottledRequests"}
    for metric, threshold in (("orders-AuthFailures", 20), ("orders-ThrottledRequests", 50)):
        inputs = found[metric].inputs
        assert inputs["namespace"] == "Stackguard/ApiSecurity"
        assert "dimensions" not in inputs
        assert inputs["threshold"] == threshold
        assert inputs["alarmActions"] == inputs["okActions"] == found["5XXError"].inputs["alarmActions"]


def test_web_acl_adds_blocked_requests_alarm(deploy):
    found = alarms(deploy(lambda: SecurityMonitoring("orders", {**BASE, "web_acl_name": "orders-acl"})))
    assert set(found) == {"5XXError", "4XXError", "BlockedRequests"}
    waf = found["BlockedRequests"].inputs
    assert waf["namespace"] == "AWS/WAFV2"
    assert waf["dimensions"] == {"WebACL": "orders-acl", "Region": "eu-west-1", "Rule": "ALL"}
    assert waf["threshold"] == 100
    assert waf["alarmActions"] == waf["okActions"] == found["5XXError"].inputs["okActions"]


def test_subscriptions(deploy):
    monitor = deploy(
        lambda: SecurityMonitoring(
            "orders",
            {**BASE, "subscriptions": [{"protocol": "https", "endpoint": "https://hooks.example.com/sec"},
                                       {"protocol": "email", "endpoint": "secops@example.com"}]},
        )
    )
    topic = only(monitor, TOPIC)
    subs = sorted(monitor.of_type(SUBSCRIPTION), key=lambda s: s.name)
    assert [(s.inputs["protocol"], s.inputs["endpoint"]) for s in subs] == [
        ("https", "https://hooks.example.com/sec"), ("email", "secops@example.com")]
    assert all(s.property_dependencies["topic"] == [topic.urn] for s in subs)


def test_thresholds_and_tags_change_exactly_their_properties(deploy):
    base = alarms(deploy(lambda: SecurityMonitoring("orders", BASE)))["5XXError"].inputs
    changed = alarms(
        deploy(
            lambda: SecurityMonitoring(
                "orders",
                {**BASE, "thresholds": {"server_errors": 1, "period_seconds": 60, "evaluation_periods": 3},
                 "tags": {"team": "secops"}},
            )
        )
    )["5XXError"].inputs
    assert {k for k in base if base[k] != changed[k]} == {"threshold", "period", "evaluationPeriods", "tags"}
    assert (changed["threshold"], changed["period"], changed["evaluationPeriods"]) == (1, 60, 3)
    assert changed["tags"] == {"team": "secops"}


def test_dimension_inputs_may_be_outputs(deploy):
    found = alarms(
        deploy(
            lambda: SecurityMonitoring(
                "orders",
                {**BASE, "kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                 "api_name": pulumi.Output.from_input("orders"), "stage_name": pulumi.Output.from_input("prod")},
            )
        )
    )
    assert found["5XXError"].inputs["dimensions"] == {"ApiName": "orders", "Stage": "prod"}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"api_name": "orders", "stage_name": "prod"}, "kms_key_arn"),
        ({**BASE, "kms_key_arn": "alias/aws/sns"}, "kms_key_arn"),
        ({**BASE, "kms_key_arn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/aws/sns"}, "kms_key_arn"),
        ({"kms_key_arn": KEY_ARN, "stage_name": "prod"}, "api_name"),
        ({**BASE, "stage_name": " "}, "stage_name"),
        ({**BASE, "subscriptions": [{"protocol": "http", "endpoint": "http://hooks.example.com"}]},
         r"subscriptions\.0\.protocol"),
        ({**BASE, "subscriptions": [{"protocol": "https", "endpoint": "http://hooks.example.com"}]},
         r"subscriptions\.0.*endpoint"),
        ({**BASE, "subscriptions": [{"protocol": "email", "endpoint": "not-an-address"}]}, r"subscriptions\.0.*endpoint"),
        ({**BASE, "subscriptions": [{"protocol": "sms", "endpoint": "+15555550100"}]}, r"subscriptions\.0\.protocol"),
        ({**BASE, "thresholds": {"server_errors": 0}}, r"thresholds\.server_errors"),
        ({**BASE, "thresholds": {"period_seconds": 120}}, r"thresholds\.period_seconds"),
        ({**BASE, "thresholds": {"evaluation_periods": 25}}, r"thresholds\.evaluation_periods"),
        ({**BASE, "thresholds": {"waf_blocked_requests": -1}}, r"thresholds\.waf_blocked_requests"),
        ({**BASE, "region": "eu"}, "region"),
        ({**BASE, "kms_master_key_id": KEY_ARN}, "kms_master_key_id"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"SecurityMonitoring: invalid args: .*{field}"):
        SecurityMonitoring("orders", args)
