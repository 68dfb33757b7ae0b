package aws.wafv2.web_acl_rate_limit_test

import data.aws.wafv2.web_acl_rate_limit

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

acl_urn := "urn:pulumi:prod::api::stackguard:security:WebAcl$aws:wafv2/webAcl:WebAcl::edge"

acl_arn := "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

groups := [
	"AWSManagedRulesCommonRuleSet",
	"AWSManagedRulesKnownBadInputsRuleSet",
	"AWSManagedRulesAmazonIpReputationList",
	"AWSManagedRulesSQLiRuleSet",
]

visibility(metric) := {"cloudwatchMetricsEnabled": true, "metricName": metric, "sampledRequestsEnabled": true}

rate_rule(action) := {
	"name": "RateLimitPerIp",
	"priority": 0,
	"action": {action: {}},
	"statement": {"rateBasedStatement": {"limit": 1000, "evaluationWindowSec": 300, "aggregateKeyType": "IP"}},
	"visibilityConfig": visibility("edge-rate-limit"),
}

managed_rules := [{
	"name": sprintf("AWS-%s", [g]),
	"priority": i + 1,
	"overrideAction": {"none": {}},
	"statement": {"managedRuleGroupStatement": {"name": g, "vendorName": "AWS"}},
	"visibilityConfig": visibility(sprintf("edge-%s", [g])),
} |
	some i, g in groups
]

# The rules stackguard.components.WebAcl registers by default: the per-IP rate limit, then the AWS groups.
component_rules := array.concat([rate_rule("block")], managed_rules)

web_acl(rules) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": acl_urn,
	"name": "edge",
	"properties": {
		"name": "edge",
		"description": "stackguard web ACL edge",
		"scope": "REGIONAL",
		"defaultAction": {"allow": {}},
		"rules": rules,
		"visibilityConfig": visibility("edge"),
		"tags": {},
	},
}

json_acl(text) := json.patch(web_acl([]), [
	{"op": "remove", "path": "/properties/rules"},
	{"op": "add", "path": "/properties/ruleJson", "value": text},
])

rule_resource(rule, arn, deps) := {
	"type": "aws:wafv2/webAclRule:WebAclRule",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclRule:WebAclRule::edge-rate-limit",
	"name": "edge-rate-limit",
	"properties": object.union(rule, {"webAclArn": arn}),
	"propertyDependencies": {"webAclArn": deps},
}

findings(resources) := fs if {
	fs := web_acl_rate_limit.stack_deny with input as {"resources": resources}
}

test_passes_component_default if {
	count(findings([web_acl(component_rules)])) == 0
}

test_passes_challenge_action if {
	count(findings([web_acl(array.concat([rate_rule("challenge")], managed_rules))])) == 0
}

test_flags_acl_without_rate_based_rule if {
	fs := findings([web_acl(managed_rules)])
	count(fs) == 1
	some f in fs
	f.urn == acl_urn
	contains(f.message, "\"edge\"")
	contains(f.message, "no rate-based rule")
}

test_flags_acl_without_rules if {
	count(findings([json.remove(web_acl([]), ["properties/rules"])])) == 1
}

test_flags_counting_rate_rule if {
	fs := findings([web_acl(array.concat([rate_rule("count")], managed_rules))])
	count(fs) == 1
	some f in fs
	contains(f.message, "\"RateLimitPerIp\" has action count")
}

test_passes_counting_rule_beside_a_blocking_one if {
	monitor := json.patch(rate_rule("count"), [{"op": "replace", "path": "/name", "value": "RateMonitor"}])
	count(findings([web_acl(array.concat([rate_rule("block"), monitor], managed_rules))])) == 0
}

test_unknown_rules_are_not_reported if {
	count(findings([web_acl(unknown)])) == 0
}

test_unknown_statement_is_not_reported if {
	rule := json.patch(rate_rule("block"), [{"op": "replace", "path": "/statement", "value": unknown}])
	count(findings([web_acl(array.concat([rule], managed_rules))])) == 0
}

test_unknown_action_is_not_reported if {
	rule := json.patch(rate_rule("block"), [{"op": "replace", "path": "/action", "value": unknown}])
	count(findings([web_acl(array.concat([rule], managed_rules))])) == 0
}

test_unknown_limit_still_counts_as_rate_limit if {
	rule := json.patch(rate_rule("block"), [{"op": "replace", "path": "/statement/rateBasedStatement/limit", "value": unknown}])
	count(findings([web_acl(array.concat([rule], managed_rules))])) == 0
}

test_passes_rule_json_rate_limit if {
	text := json.marshal([{
		"Name": "RateLimitPerIp",
		"Priority": 0,
		"Action": {"Block": {}},
		"Statement": {"RateBasedStatement": {"Limit": 1000, "AggregateKeyType": "IP"}},
		"VisibilityConfig": {"CloudWatchMetricsEnabled": true, "MetricName": "rate", "SampledRequestsEnabled": true},
	}])
	count(findings([json_acl(text)])) == 0
}

test_flags_rule_json_without_rate_limit if {
	text := json.marshal([{
		"Name": "AWS-AWSManagedRulesCommonRuleSet",
		"Priority": 0,
		"OverrideAction": {"None": {}},
		"Statement": {"ManagedRuleGroupStatement": {"Name": "AWSManagedRulesCommonRuleSet", "VendorName": "AWS"}},
		"VisibilityConfig": {"CloudWatchMetricsEnabled": true, "MetricName": "common", "SampledRequestsEnabled": true},
	}])
	count(findings([json_acl(text)])) == 1
}

test_unknown_rule_json_is_not_reported if {
	count(findings([json_acl(unknown)])) == 0
}

test_passes_rate_limit_attached_as_rule_resource if {
	count(findings([web_acl(managed_rules), rule_resource(rate_rule("block"), unknown, [acl_urn])])) == 0
}

test_passes_rate_limit_attached_by_deployed_arn if {
	count(findings([web_acl(managed_rules), rule_resource(rate_rule("block"), acl_arn, [])])) == 0
}

test_flags_rate_limit_attached_to_another_acl if {
	other := "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::other"
	count(findings([web_acl(managed_rules), rule_resource(rate_rule("block"), unknown, [other])])) == 1
}

test_untraceable_unknown_attachment_is_not_reported if {
	count(findings([web_acl(managed_rules), rule_resource(rate_rule("block"), unknown, [])])) == 0
}
