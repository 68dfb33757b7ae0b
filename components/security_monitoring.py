"""SecurityMonitoring: an encrypted alert topic, API/WAF alarms, and KMS/Secrets Manager security events.

    from stackguard.components.security_monitoring import SecurityMonitoring

    monitoring = SecurityMonitoring("orders-api", {
        "kms_key_arn": alerts_key.key_arn,       # a key only the topic uses; cloudwatch/events.amazonaws.com may use it
        "dead_letter_kms_key_arn": key.key_arn,  # another key, for events the topic could not take
        "api": api,                              # the RestApi or HttpApi component itself
        "web_acl_name": acl.web_acl_name,
        "function_names": [handler.function_name],
        "subscriptions": [{"protocol": "https", "endpoint": "https://hooks.example.com/sec"},
                          {"protocol": "email", "endpoint": "secops@example.com"}],
        "tags": {"team": "secops"},
    })
    pulumi.export("alerts_topic_arn", monitoring.topic_arn)

The topic is encrypted with a customer-managed key (an EncryptionKey with service_principals
"cloudwatch.amazonaws.com" and "events.amazonaws.com" can decrypt for them), refuses non-TLS requests, and
admits publishing only from CloudWatch alarms and EventBridge rules of this account and region.

The API's metric dimensions come from the component, never typed by hand: a REST API publishes under
ApiName (its real, generated name) and Stage with 5XXError/4XXError, an HTTP API under ApiId and Stage
with 5xx/4xx. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html

Alarms (actions and OK actions go to the topic; missing data counts as fine for counts, since a quiet API
publishes nothing):
  * server errors, client errors (spike) and p99 latency of the stage;
  * 401/403 and 429 counts from metric filters on the API's JSON access log. Throttling is counted from the
    access log because API Gateway publishes no metric of its own for 429s;
  * with `web_acl_name`: the web ACL's BlockedRequests (AWS/WAFV2, Rule ALL);
  * per `function_names` entry (handlers, Lambda authorizers): Errors and Throttles (AWS/Lambda);
  * per event rule: FailedInvocations (AWS/Events), so an alert that cannot be delivered is itself seen.

Events (EventBridge rules whose target is the topic): a KMS key scheduled for deletion or disabled, a failed
secret rotation, and control-plane changes (a key policy or a grant made by a person rather than by an AWS
service, CloudTrail stopped, deleted or changed, a secret's resource policy changed). They arrive through
CloudTrail, so the account needs a trail (any trail).

An event the topic cannot take is not lost: each target retries for a day and then puts the event into a
dead-letter queue, encrypted with `dead_letter_kms_key_arn`, which must be another key than the topic's (a
disabled or pending-deletion key can be used by nothing, so the alert that the topic's own key was disabled
could not be delivered through that topic, nor kept in a queue on that key), and an alarm watches the queue.
Give the topic a key that nothing else uses, so that disabling a data or log key never silences the alerts.
https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html

Metric-filter metrics are named after the project, the stack and the component, so two stacks in one
account never alarm on each other's access logs.
"""
import json
import re
from typing import Literal, Optional
from urllib.parse import urlparse

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._args import AccountId, ComponentArgs, ComponentArgsError, Region, StrInput, validate_args, with_former_type
from stackguard.components._policy_documents import (
    AccountScope,
    account_scope,
    deny_insecure_transport,
    merge_conditions,
    policy_document,
    service_principal,
    source_account_condition,
    statement,
)
from stackguard.components.encryption_key import validate_customer_managed_key_arn
from stackguard.components.http_api import HttpApi
from stackguard.components.rest_api import RestApi

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
METRIC_NAMESPACE = "Stackguard/ApiSecurity"
# The topic-policy actions SNS defines ("Valid Amazon SNS policy actions",
# https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html);
# the SNS:Receive of old console-generated policies is not one, and IAM would ignore it.
TOPIC_ACTIONS = [
    "sns:Publish",
    "sns:Subscribe",
    "sns:GetTopicAttributes",
    "sns:SetTopicAttributes",
    "sns:ListSubscriptionsByTopic",
    "sns:AddPermission",
    "sns:RemovePermission",
    "sns:DeleteTopic",
]
KMS_EVENTS = {
    "source": ["aws.kms"],
    "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {"eventSource": ["kms.amazonaws.com"], "eventName": ["ScheduleKeyDeletion", "DisableKey"]},
}
CONTROL_PLANE_EVENTS = {
    "detail-type": ["AWS API Call via CloudTrail"],
    "$or": [
        # CreateGrant is also called by AWS services for their own resources (EBS, Lambda): those carry invokedBy.
        {"source": ["aws.kms"], "detail": {"eventName": ["PutKeyPolicy", "CreateGrant"],
                                           "userIdentity": {"invokedBy": [{"exists": False}]}}},
        {"source": ["aws.cloudtrail"], "detail": {"eventName": ["StopLogging", "DeleteTrail", "UpdateTrail"]}},
        {"source": ["aws.secretsmanager"], "detail": {"eventName": ["PutResourcePolicy", "DeleteResourcePolicy"]}},
    ],
}
SECRET_ROTATION_EVENTS = {
    "source": ["aws.secretsmanager"],
    "detail-type": ["AWS Service Event via CloudTrail"],
    "detail": {"eventSource": ["secretsmanager.amazonaws.com"], "eventName": ["RotationFailed"]},
}


# Undeliverable events are kept for the longest time SQS allows, 14 days.
DEAD_LETTER_RETENTION_SECONDS = 1_209_600


def _another_key(keys: list) -> str:
    topic_key, dead_letter_key = keys
    if topic_key == dead_letter_key:
        raise ComponentArgsError(
            "SecurityMonitoring: invalid args: dead_letter_kms_key_arn: must be another key than kms_key_arn (the topic's)")
    return dead_letter_key


def _status_pattern(*codes: int) -> str:
    # Access-log formats write $context.status as a number or as a string; match both.
    terms = [f"($.status = {code})" for code in codes] + [f'($.status = "{code}")' for code in codes]
    return "{ " + " || ".join(terms) + " }"


class SubscriptionArgs(ComponentArgs):
    """A subscriber to the alert topic."""

    protocol: Literal["https", "email"] = Field(description="https (TLS webhook) or email; plain http is refused.")
    endpoint: str = Field(description="https:// URL or e-mail address.")

    @model_validator(mode="after")
    def _endpoint_matches_protocol(self) -> "SubscriptionArgs":
        if self.protocol == "https":
            url = urlparse(self.endpoint)
            if url.scheme != "https" or not url.netloc:
                raise ValueError("endpoint: must be an https:// URL for protocol https")
        elif not _EMAIL.match(self.endpoint):
            raise ValueError("endpoint: must be an e-mail address for protocol email")
        return self


class ThresholdsArgs(ComponentArgs):
    """Alarm thresholds: counts per period, over `evaluation_periods` consecutive periods."""

    period_seconds: Literal[60, 300, 900, 3600] = Field(default=300, description="Length of one period in seconds.")
    evaluation_periods: int = Field(default=1, ge=1, le=24, description="Consecutive breaching periods (1-24).")
    server_errors: int = Field(default=5, ge=1, le=1_000_000, description="5XX responses per period.")
    latency_p99_ms: int = Field(default=5000, ge=1, le=30_000, description="p99 latency of the stage in milliseconds.")
    function_errors: int = Field(default=1, ge=1, le=1_000_000, description="Lambda errors per period and function.")
    function_throttles: int = Field(default=1, ge=1, le=1_000_000, description="Lambda throttles per period and function.")
    client_errors: int = Field(default=100, ge=1, le=1_000_000, description="4XX responses per period (spike).")
    auth_failures: int = Field(default=20, ge=1, le=1_000_000, description="401/403 responses per period.")
    throttled_requests: int = Field(default=50, ge=1, le=1_000_000, description="429 responses per period.")
    waf_blocked_requests: int = Field(default=100, ge=1, le=1_000_000, description="WAF-blocked requests per period.")


class MonitoredApiArgs(ComponentArgs):
    """The API stage to watch, by the names its metrics and access log carry (ids, so every language can pass them).
    In Python a RestApi or HttpApi component may be passed instead; its outputs fill these fields."""

    rest_api_name: Optional[StrInput] = Field(
        default=None, description="Name of a REST API (RestApi's api_name): its metrics carry ApiName. Set this or http_api_id."
    )
    http_api_id: Optional[StrInput] = Field(
        default=None, description="Id of an HTTP API (HttpApi's api_id): its metrics carry ApiId. Set this or rest_api_name."
    )
    stage_name: StrInput = Field(description="Stage whose metrics are watched (the component's stage_name).")
    access_log_group_name: StrInput = Field(
        description="Log group of the stage's JSON access log (the component's access_log_group_name): 401/403 and 429 "
                    "are counted from it."
    )

    @model_validator(mode="after")
    def _one_api(self) -> "MonitoredApiArgs":
        if (self.rest_api_name is None) == (self.http_api_id is None):
            raise ValueError("set exactly one of rest_api_name (a REST API) and http_api_id (an HTTP API)")
        return self


def _monitored_api(value: object) -> object:
    """A RestApi or HttpApi component (Python callers) as MonitoredApiArgs; anything else is left to validation."""
    if isinstance(value, RestApi):
        return {"rest_api_name": value.api_name, "stage_name": value.stage_name,
                "access_log_group_name": value.access_log_group_name}
    if isinstance(value, HttpApi):
        return {"http_api_id": value.api_id, "stage_name": value.stage_name,
                "access_log_group_name": value.access_log_group_name}
    return value


class SecurityMonitoringArgs(ComponentArgs):
    """Arguments of SecurityMonitoring."""

    kms_key_arn: StrInput = Field(
        description="Customer-managed KMS key (ARN) that encrypts the alert topic; best a key nothing else uses."
    )
    dead_letter_kms_key_arn: StrInput = Field(
        description="Another customer-managed key (ARN) encrypting the queue of undeliverable events; its policy must "
                    "let events.amazonaws.com use it for SQS (EncryptionKey's events.amazonaws.com statement does)."
    )
    api: MonitoredApiArgs = Field(description="The API stage to watch (in Python also a RestApi or HttpApi component).")
    web_acl_name: Optional[StrInput] = Field(default=None, description="Web ACL whose BlockedRequests to alarm on.")
    function_names: list[StrInput] = Field(
        default_factory=list, description="Lambda functions (handlers, authorizers) whose Errors and Throttles to alarm on."
    )
    subscriptions: list[SubscriptionArgs] = Field(default_factory=list, description="Alert subscribers.")
    thresholds: ThresholdsArgs = Field(default_factory=ThresholdsArgs, description="Alarm thresholds.")
    account_id: Optional[AccountId] = Field(
        default=None, description="Account the topic policy is scoped to. Default: the caller's."
    )
    region: Optional[Region] = Field(
        default=None, description="Region of the alarms. Default: the provider's."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the topic, alarms and rules.")

    _api_component = field_validator("api", mode="before")(_monitored_api)

    @field_validator("kms_key_arn", "dead_letter_kms_key_arn")
    @classmethod
    def _cmk(cls, value: object) -> object:
        return validate_customer_managed_key_arn(value)

    @model_validator(mode="after")
    def _two_keys(self) -> "SecurityMonitoringArgs":
        if isinstance(self.kms_key_arn, str) and self.kms_key_arn == self.dead_letter_kms_key_arn:
            raise ValueError("dead_letter_kms_key_arn: must be another key than kms_key_arn (the topic's)")
        return self

    @field_validator("web_acl_name")
    @classmethod
    def _not_blank(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError("must not be empty")
        return value


def api_metrics(api: MonitoredApiArgs) -> tuple[dict, str, str]:
    """(dimensions, server-error metric, client-error metric) of a REST or HTTP API's stage."""
    if api.rest_api_name is not None:
        return {"ApiName": api.rest_api_name, "Stage": api.stage_name}, "5XXError", "4XXError"
    return {"ApiId": api.http_api_id, "Stage": api.stage_name}, "5xx", "4xx"


class SecurityMonitoring(pulumi.ComponentResource):
    """Alert topic, alarms and security event rules for one REST API stage."""

    topic_arn: pulumi.Output[str]
    alarm_names: dict[str, pulumi.Output[str]]
    dead_letter_queue_arn: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.SecurityMonitoringArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("SecurityMonitoring", SecurityMonitoringArgs, args)
        super().__init__("stackguard:index:SecurityMonitoring", name, None, with_former_type(opts, "stackguard:observability:SecurityMonitoring"))
        self._prefix = name
        self._settings = args
        self._child = pulumi.ResourceOptions(parent=self)
        scope = account_scope(self, args.account_id, args.region)

        self.topic = aws.sns.Topic(
            f"{name}-alerts",
            display_name=f"{name} security alerts",
            kms_master_key_id=args.kms_key_arn,
            # Signature version 2 signs deliveries with SHA256 instead of SHA1.
            signature_version=2,
            tags=args.tags,
            opts=self._child,
        )
        aws.sns.TopicPolicy(
            f"{name}-alerts-policy", arn=self.topic.arn, policy=self._topic_policy(scope), opts=self._child
        )
        for index, subscription in enumerate(args.subscriptions):
            aws.sns.TopicSubscription(
                f"{name}-subscriber-{index}",
                topic=self.topic.arn,
                protocol=subscription.protocol,
                endpoint=subscription.endpoint,
                opts=self._child,
            )

        self.alarms = {}
        api, server_errors, client_errors = api_metrics(args.api)
        t = args.thresholds
        self._alarm("server_errors", "AWS/ApiGateway", server_errors, api, t.server_errors,
                    "The API answers with server errors (5XX).")
        self._alarm("client_errors", "AWS/ApiGateway", client_errors, api, t.client_errors,
                    "Spike of client errors (4XX): probing, broken clients or throttling.")
        self._alarm("latency", "AWS/ApiGateway", "Latency", api, t.latency_p99_ms,
                    "p99 latency of the API is high: a slow backend or a resource-exhaustion attack.",
                    statistic="p99")
        self._log_alarm("auth_failures", "AuthFailures", _status_pattern(401, 403), t.auth_failures,
                        "Spike of 401/403 responses: credential stuffing or a broken client.")
        self._log_alarm("throttled_requests", "ThrottledRequests", _status_pattern(429), t.throttled_requests,
                        "Requests throttled (429): abuse or a throttling limit set too low.")
        for index, function in enumerate(args.function_names):
            self._alarm(f"function_{index}_errors", "AWS/Lambda", "Errors", {"FunctionName": function},
                        t.function_errors, "A function of the API (handler or authorizer) fails.")
            self._alarm(f"function_{index}_throttles", "AWS/Lambda", "Throttles", {"FunctionName": function},
                        t.function_throttles, "A function of the API (handler or authorizer) is throttled.")
        if args.web_acl_name is not None:
            self._alarm("waf_blocked_requests", "AWS/WAFV2", "BlockedRequests",
                        {"WebACL": args.web_acl_name, "Region": scope.region, "Rule": "ALL"},
                        t.waf_blocked_requests, "The web ACL blocks many requests: the API is under attack.")

        self.dead_letter_queue = self._dead_letter_queue(scope)
        self.event_rules = {
            "kms_key_deletion": self._event_rule(
                "kms-key-deletion", KMS_EVENTS, "A KMS key was scheduled for deletion or disabled."
            ),
            "secret_rotation_failed": self._event_rule(
                "secret-rotation-failed", SECRET_ROTATION_EVENTS, "A Secrets Manager rotation failed."
            ),
            "control_plane_changes": self._event_rule(
                "control-plane-changes", CONTROL_PLANE_EVENTS,
                "A key policy or grant, a trail, or a secret's resource policy was changed.",
            ),
        }
        for key, rule in self.event_rules.items():
            # An EventBridge target that cannot deliver (e.g. the topic's key refuses events.amazonaws.com)
            # only shows up in this metric. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
            self._alarm(f"{key}_failed_invocations", "AWS/Events", "FailedInvocations", {"RuleName": rule.name}, 1,
                        "EventBridge could not deliver a security event to the alert topic.")

        self._alarm("undelivered_events", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    {"QueueName": self.dead_letter_queue.name}, 1,
                    "Security events could not be delivered to the alert topic: read them from the dead-letter queue.",
                    statistic="Maximum")

        self.topic_arn = self.topic.arn
        self.dead_letter_queue_arn = self.dead_letter_queue.arn
        self.alarm_names = {key: alarm.name for key, alarm in self.alarms.items()}
        self.register_outputs({"topic_arn": self.topic_arn, "dead_letter_queue_arn": self.dead_letter_queue_arn,
                               "alarm_names": self.alarm_names})

    def _dead_letter_queue(self, scope: AccountScope) -> aws.sqs.Queue:
        """The queue EventBridge puts events into once the topic has refused them for a day."""
        settings = self._settings
        key_arn = settings.dead_letter_kms_key_arn
        if not isinstance(key_arn, str) or not isinstance(settings.kms_key_arn, str):
            key_arn = pulumi.Output.all(settings.kms_key_arn, key_arn).apply(_another_key)
        queue = aws.sqs.Queue(
            f"{self._prefix}-undelivered-events",
            kms_master_key_id=key_arn,
            kms_data_key_reuse_period_seconds=300,
            message_retention_seconds=DEAD_LETTER_RETENTION_SECONDS,
            tags=settings.tags,
            opts=self._child,
        )
        rules = pulumi.Output.concat("arn:", scope.partition, ":events:", scope.region, ":", scope.account_id,
                                     ":rule/", self._prefix, "-*")
        aws.sqs.QueuePolicy(
            f"{self._prefix}-undelivered-events-policy",
            queue_url=queue.url,
            policy=policy_document([
                deny_insecure_transport(["sqs:*"], [queue.arn]),
                statement(sid="AllowEventRulesOfThisComponent", principal=service_principal("events.amazonaws.com"),
                          actions=["sqs:SendMessage"], resources=[queue.arn],
                          conditions=merge_conditions(source_account_condition(scope.account_id),
                                                      {"ArnLike": {"aws:SourceArn": rules}})),
            ]),
            opts=self._child,
        )
        return queue

    def _topic_policy(self, scope: AccountScope) -> pulumi.Output[str]:
        def publisher(sid: str, service: str, source_arn: pulumi.Output[str]) -> dict:
            return statement(
                sid=sid,
                principal=service_principal(service),
                actions=["sns:Publish"],
                resources=[self.topic.arn],
                conditions=merge_conditions(
                    source_account_condition(scope.account_id), {"ArnLike": {"aws:SourceArn": source_arn}}
                ),
            )

        in_account = [":", scope.region, ":", scope.account_id, ":"]
        return policy_document(
            [
                deny_insecure_transport(TOPIC_ACTIONS, [self.topic.arn]),
                publisher("AllowAlarmsOfThisAccount", "cloudwatch.amazonaws.com",
                          pulumi.Output.concat("arn:", scope.partition, ":cloudwatch", *in_account, "alarm:*")),
                publisher("AllowEventRulesOfThisAccount", "events.amazonaws.com",
                          pulumi.Output.concat("arn:", scope.partition, ":events", *in_account, "rule/*")),
            ]
        )

    def _alarm(self, key: str, namespace: str, metric: str, dimensions: dict, threshold: int, why: str,
               statistic: str = "Sum") -> None:
        t = self._settings.thresholds
        percentile = statistic.startswith("p")
        self.alarms[key] = aws.cloudwatch.MetricAlarm(
            f"{self._prefix}-{key.replace('_', '-')}",
            alarm_description=why,
            namespace=namespace,
            metric_name=metric,
            dimensions=dimensions or None,
            statistic=None if percentile else statistic,
            extended_statistic=statistic if percentile else None,
            period=t.period_seconds,
            evaluation_periods=t.evaluation_periods,
            threshold=threshold,
            comparison_operator="GreaterThanOrEqualToThreshold",
            treat_missing_data="notBreaching",
            actions_enabled=True,
            alarm_actions=[self.topic.arn],
            ok_actions=[self.topic.arn],
            tags=self._settings.tags,
            opts=self._child,
        )

    def _log_alarm(self, key: str, metric: str, pattern: str, threshold: int, why: str) -> None:
        # Unique per project, stack and component: the namespace is shared by every stack of the account.
        metric_name = f"{pulumi.get_project()}-{pulumi.get_stack()}-{self._prefix}-{metric}"
        aws.cloudwatch.LogMetricFilter(
            f"{self._prefix}-{key.replace('_', '-')}",
            log_group_name=self._settings.api.access_log_group_name,
            pattern=pattern,
            metric_transformation=aws.cloudwatch.LogMetricFilterMetricTransformationArgs(
                name=metric_name, namespace=METRIC_NAMESPACE, value="1", unit="Count"
            ),
            opts=self._child,
        )
        self._alarm(key, METRIC_NAMESPACE, metric_name, {}, threshold, why)

    def _event_rule(self, suffix: str, pattern: dict, why: str) -> aws.cloudwatch.EventRule:
        rule = aws.cloudwatch.EventRule(
            f"{self._prefix}-{suffix}",
            description=why,
            event_pattern=json.dumps(pattern, sort_keys=True),
            state="ENABLED",
            tags=self._settings.tags,
            opts=self._child,
        )
        aws.cloudwatch.EventTarget(
            f"{self._prefix}-{suffix}", rule=rule.name, arn=self.topic.arn,
            retry_policy={"maximum_event_age_in_seconds": 86400, "maximum_retry_attempts": 185},
            dead_letter_config={"arn": self.dead_letter_queue.arn},
            opts=self._child,
        )
        return rule
