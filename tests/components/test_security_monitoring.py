"""SecurityMonitoring: encrypted HTTPS-only topic, alarms wired to it, security event rules, bad args."""
from __future__ import annotations

import json

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.http_api import HttpApi
from stackguard.components.rest_api import RestApi
from stackguard.components.security_monitoring import (
    CONTROL_PLANE_EVENTS,
    KMS_EVENTS,
    SECRET_ROTATION_EVENTS,
    TOPIC_ACTIONS,
    SecurityMonitoring,
)

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DLQ_KEY_ARN = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/5678abcd-12ab-34cd-56ef-1234567890ab"
QUEUE = "aws:sqs/queue:Queue"
QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy"
# Metric-filter metrics carry the project and stack of the run (component-test / prod).
AUTH_METRIC = "component-test-prod-orders-AuthFailures"
THROTTLE_METRIC = "component-test-prod-orders-ThrottledRequests"
COMPONENT = "stackguard:index:SecurityMonitoring"
TOPIC = "aws:sns/topic:Topic"
TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy"
SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm"
FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter"
RULE = "aws:cloudwatch/eventRule:EventRule"
TARGET = "aws:cloudwatch/eventTarget:EventTarget"
FUNCTION = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:orders"
ROUTES = [{"path": "/orders", "http_method": "GET", "integration": {"lambda_arn": FUNCTION}}]
NO_WAF = {"reason": "test API without a web ACL"}
ALWAYS = {"5XXError", "4XXError", "Latency", AUTH_METRIC, THROTTLE_METRIC, "FailedInvocations",
          "ApproximateNumberOfMessagesVisible"}


def rest_api() -> RestApi:
    return RestApi("orders-api", {"kms_key_arn": KEY_ARN, "routes": ROUTES, "allow_without_waf": NO_WAF,
                                  "stage_name": "prod"})


def monitoring(name: str = "orders", **extra) -> SecurityMonitoring:
    return SecurityMonitoring(name, {"kms_key_arn": KEY_ARN, "dead_letter_kms_key_arn": DLQ_KEY_ARN, "api": rest_api(),
                                     **extra})


BASE = {"kms_key_arn": KEY_ARN, "dead_letter_kms_key_arn": DLQ_KEY_ARN, "api": object()}  # only for arguments rejected before any resource exists


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def alarms(monitor) -> dict[str, object]:
    return {r.inputs["metricName"]: r for r in monitor.of_type(ALARM)}



def test_topic_defaults(deploy):
    outputs = {}

    def build():
        component = monitoring()
        return component.topic_arn.apply(lambda arn: outputs.update(topic_arn=arn))

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
    # The topic policy may carry aws:SourceAccount/aws:SourceArn for events.amazonaws.com (EventBridge sends
    # them to SNS); only the KMS key policy must not (see test_encryption_key).
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


def test_rest_api_alarms_use_the_real_api_name(deploy):
    # API Gateway publishes REST metrics under ApiName = the API's name, which Pulumi generates
    # ("orders-api-<suffix>"): the alarm must read it from the RestApi, or it watches a metric that never exists.
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
    outputs = {}

    def build():
        component = monitoring()
        return pulumi.Output.all(component.topic_arn, component.alarm_names).apply(
            lambda v: outputs.update(topic_arn=v[0], alarm_names=v[1]))

    monitor = deploy(build)
    api_name = only(monitor, "aws:apigateway/restApi:RestApi").inputs.get("name") or next(
        iter(monitor.of_type("aws:apigateway/restApi:RestApi"))).name
    found = alarms(monitor)
    assert set(found) == ALWAYS
    dimensions = found["5XXError"].inputs["dimensions"]
    assert dimensions["Stage"] == "prod"
    assert dimensions["ApiName"].startswith("orders-api-") and dimensions["ApiName"] != "orders-api"
    common = {
        "namespace": "AWS/ApiGateway",
        "dimensions": dimensions,
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
    latency = dict(found["Latency"].inputs)
    assert latency.pop("alarmDescription")
    assert latency == {**{k: v for k, v in common.items() if k != "statistic"}, "metricName": "Latency",
                       "extendedStatistic": "p99", "threshold": 5000}
    assert api_name
    assert outputs["alarm_names"]["server_errors"].startswith("orders-server-errors-")


def test_http_api_alarms_use_api_id_and_lowercase_metrics(deploy):
    # HTTP APIs publish 4xx/5xx (lower case) under ApiId and Stage.
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
    def build():
        api = HttpApi("orders-http", {"kms_key_arn": KEY_ARN, "routes": ROUTES,
                                      "allow_without_waf": {"reason": "HTTP APIs cannot be associated with WAF"}})
        SecurityMonitoring("orders", {"kms_key_arn": KEY_ARN, "dead_letter_kms_key_arn": DLQ_KEY_ARN, "api": api})

    monitor = deploy(build)
    api_id = next(r for r in monitor.registrations if r.type == "aws:apigatewayv2/api:Api")
    found = alarms(monitor)
    assert {"5xx", "4xx", "Latency"} <= set(found)
    for metric in ("5xx", "4xx", "Latency"):
        assert set(found[metric].inputs["dimensions"]) == {"ApiId", "Stage"}
        assert found[metric].inputs["dimensions"]["Stage"] == "$default"
    assert api_id


def test_an_api_given_by_its_names_is_watched_like_the_component(deploy):
    """Other languages cannot pass a component object: the stage is named by the ids its metrics and log carry."""
    monitor = deploy(lambda: SecurityMonitoring("orders", {
        "kms_key_arn": KEY_ARN, "dead_letter_kms_key_arn": DLQ_KEY_ARN,
        "api": {"http_api_id": "a1b2c3", "stage_name": "$default", "access_log_group_name": "orders-http-access"}}))
    found = alarms(monitor)
    for metric in ("5xx", "4xx", "Latency"):
        assert found[metric].inputs["dimensions"] == {"ApiId": "a1b2c3", "Stage": "$default"}
    assert {f.inputs["logGroupName"] for f in monitor.of_type(FILTER)} == {"orders-http-access"}


def test_children_are_parented(deploy):
    monitor = deploy(lambda: monitoring(web_acl_name="orders-acl", function_names=["orders"],
                                        subscriptions=[{"protocol": "email", "endpoint": "secops@example.com"}]))
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.parent == component.urn]
    assert {r.type for r in children} == {TOPIC, TOPIC_POLICY, SUBSCRIPTION, ALARM, FILTER, RULE, TARGET, QUEUE,
                                          QUEUE_POLICY}
    for child in children:
        assert f"{COMPONENT}${child.type}" in child.urn


def test_event_rules_and_their_delivery_alarms(deploy):
    monitor = deploy(monitoring)
    topic = only(monitor, TOPIC)
    rules = {r.name: r for r in monitor.of_type(RULE)}
    assert set(rules) == {"orders-kms-key-deletion", "orders-secret-rotation-failed", "orders-control-plane-changes"}
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
    control = json.loads(rules["orders-control-plane-changes"].inputs["eventPattern"])
    assert control == CONTROL_PLANE_EVENTS
    names = {n for branch in control["$or"] for n in branch["detail"]["eventName"]}
    assert {"PutKeyPolicy", "CreateGrant", "StopLogging", "DeleteTrail", "PutResourcePolicy"} <= names
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
    failed = [a for a in monitor.of_type(ALARM) if a.inputs["metricName"] == "FailedInvocations"]
    assert sorted(a.inputs["dimensions"]["RuleName"].rsplit("-", 1)[0] for a in failed) == sorted(rules)
    for alarm in failed:
        assert alarm.inputs["namespace"] == "AWS/Events"
        assert alarm.inputs["threshold"] == 1


def test_access_log_alarms_read_the_api_log_group(deploy):
    monitor = deploy(monitoring)
    log_group = next(r for r in monitor.of_type("aws:cloudwatch/logGroup:LogGroup") if r.name == "orders-api-access-logs")
    filters = {f.inputs["metricTransformation"]["name"]: f for f in monitor.of_type(FILTER)}
    assert set(filters) == {AUTH_METRIC, THROTTLE_METRIC}
    auth = filters[AUTH_METRIC].inputs
    assert auth["logGroupName"] == log_group.inputs["name"]
    assert auth["pattern"] == '{ ($.status = 401) || ($.status = 403) || ($.status = "401") || ($.status = "403") }'
    assert auth["metricTransformation"] == {"name": AUTH_METRIC, "namespace": "Stackguard/ApiSecurity",
                                           "value": "1", "unit": "Count"}
    assert filters[THROTTLE_METRIC].inputs["pattern"] == '{ ($.status = 429) || ($.status = "429") }'
    found = alarms(monitor)
    for metric, threshold in ((AUTH_METRIC, 20), (THROTTLE_METRIC, 50)):
        inputs = found[metric].inputs
        assert inputs["namespace"] == "Stackguard/ApiSecurity"
        assert "dimensions" not in inputs
        assert inputs["threshold"] == threshold
        assert inputs["alarmActions"] == inputs["okActions"] == found["5XXError"].inputs["alarmActions"]


def test_web_acl_and_function_alarms(deploy):
    found = [a.inputs for a in deploy(lambda: monitoring(web_acl_name="orders-acl", function_names=["orders"])).of_type(ALARM)]
    waf = next(a for a in found if a["metricName"] == "BlockedRequests")
    assert waf["namespace"] == "AWS/WAFV2"
    assert waf["dimensions"] == {"WebACL": "orders-acl", "Region": "eu-west-1", "Rule": "ALL"}
    assert waf["threshold"] == 100
    lambda_alarms = {a["metricName"]: a for a in found if a["namespace"] == "AWS/Lambda"}
    assert set(lambda_alarms) == {"Errors", "Throttles"}
    assert all(a["dimensions"] == {"FunctionName": "orders"} and a["threshold"] == 1 for a in lambda_alarms.values())


def test_subscriptions(deploy):
    monitor = deploy(lambda: monitoring(subscriptions=[{"protocol": "https", "endpoint": "https://hooks.example.com/sec"},
                                                       {"protocol": "email", "endpoint": "secops@example.com"}]))
    topic = only(monitor, TOPIC)
    subs = sorted(monitor.of_type(SUBSCRIPTION), key=lambda s: s.name)
    assert [(s.inputs["protocol"], s.inputs["endpoint"]) for s in subs] == [
        ("https", "https://hooks.example.com/sec"), ("email", "secops@example.com")]
    assert all(s.property_dependencies["topic"] == [topic.urn] for s in subs)


def test_thresholds_and_tags_change_exactly_their_properties(deploy):
    base = alarms(deploy(monitoring))["5XXError"].inputs
    changed = alarms(deploy(lambda: monitoring(
        thresholds={"server_errors": 1, "period_seconds": 60, "evaluation_periods": 3}, tags={"team": "secops"})))
    changed = changed["5XXError"].inputs
    assert {k for k in base if base[k] != changed[k]} == {"threshold", "period", "evaluationPeriods", "tags"}
    assert (changed["threshold"], changed["period"], changed["evaluationPeriods"]) == (1, 60, 3)
    assert changed["tags"] == {"team": "secops"}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"api": object()}, "kms_key_arn"),
        ({**BASE, "kms_key_arn": "alias/aws/sns"}, "kms_key_arn"),
        ({**BASE, "kms_key_arn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/aws/sns"}, "kms_key_arn"),
        ({"kms_key_arn": KEY_ARN}, "api"),
        ({"kms_key_arn": KEY_ARN, "api": "orders"}, r"api: Input should be a valid dictionary or instance of MonitoredApiArgs"),
        ({**BASE, "api": {"stage_name": "prod", "access_log_group_name": "orders-access"}},
         r"api: Value error, set exactly one of rest_api_name \(a REST API\) and http_api_id"),
        ({**BASE, "api": {"rest_api_name": "orders", "http_api_id": "a1b2c3", "stage_name": "prod",
                          "access_log_group_name": "orders-access"}}, r"api: Value error, set exactly one of rest_api_name"),
        ({**BASE, "api": {"rest_api_name": "orders", "access_log_group_name": "orders-access"}}, r"api\.stage_name: Field required"),
        ({**BASE, "api_name": "orders"}, "api_name"),
        ({**BASE, "web_acl_name": " "}, "web_acl_name"),
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


# --- review 2026-12-04: B4, H3 ---------------------------------------------------------------------------------

def test_undeliverable_events_go_to_a_dead_letter_queue_on_another_key(deploy):
    """B4. A disabled or pending-deletion key can be used by nothing, so the alert that the topic's key was disabled
    cannot go through that topic: each target retries for a day and then puts the event into an SQS dead-letter
    queue encrypted with another key, which only this component's rules may write to, and an alarm watches it.
    https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html"""
    monitor = deploy(monitoring)
    queue = only(monitor, QUEUE)
    assert queue.inputs == {"kmsMasterKeyId": DLQ_KEY_ARN, "kmsDataKeyReusePeriodSeconds": 300,
                            "messageRetentionSeconds": 1_209_600, "tags": {}}
    queue_arn = f"arn:aws:sqs:eu-west-1:{ACCOUNT}:{queue.name}"
    policy = json.loads(only(monitor, QUEUE_POLICY).inputs["policy"])
    assert policy["Statement"][1] == {
        "Sid": "AllowEventRulesOfThisComponent", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
        "Action": ["sqs:SendMessage"], "Resource": [policy["Statement"][1]["Resource"][0]],
        "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT},
                      "ArnLike": {"aws:SourceArn": f"arn:aws:events:eu-west-1:{ACCOUNT}:rule/orders-*"}},
    }
    assert policy["Statement"][1]["Resource"][0].startswith(queue_arn)
    for target in monitor.of_type(TARGET):
        assert target.inputs["retryPolicy"] == {"maximumEventAgeInSeconds": 86400, "maximumRetryAttempts": 185}
        assert target.inputs["deadLetterConfig"]["arn"].startswith(queue_arn)
        assert target.property_dependencies["deadLetterConfig"] == [queue.urn]
    depth = alarms(monitor)["ApproximateNumberOfMessagesVisible"].inputs
    assert (depth["namespace"], depth["statistic"], depth["threshold"]) == ("AWS/SQS", "Maximum", 1)
    with pytest.raises(Exception, match="dead_letter_kms_key_arn: must be another key than kms_key_arn"):
        deploy(lambda: SecurityMonitoring("orders", {"kms_key_arn": KEY_ARN, "dead_letter_kms_key_arn": KEY_ARN,
                                                     "api": rest_api()}))


def test_the_dead_letter_key_is_compared_at_deploy_time_when_it_is_an_output(deploy):
    """B4. With both keys Outputs, the same key for topic and queue fails the deployment naming the field.
    https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html"""
    with pytest.raises(Exception, match="dead_letter_kms_key_arn: must be another key than kms_key_arn"):
        deploy(lambda: SecurityMonitoring("orders", {"kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                                                     "dead_letter_kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                                                     "api": rest_api()}))


def test_metric_filter_metrics_are_unique_per_project_and_stack(deploy):
    """H3. The metric namespace is shared by every stack of the account: the metric names carry project and stack.
    https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Metric"""
    staging = deploy(monitoring, stack="staging")
    names = {f.inputs["metricTransformation"]["name"] for f in staging.of_type(FILTER)}
    assert names == {"component-test-staging-orders-AuthFailures", "component-test-staging-orders-ThrottledRequests"}
