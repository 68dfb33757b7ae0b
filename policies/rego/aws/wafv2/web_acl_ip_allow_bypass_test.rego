package aws.wafv2.web_acl_ip_allow_bypass_test

import data.aws.wafv2.web_acl_ip_allow_bypass

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

ip_rule(action, priority) := {
	"name": sprintf("edge-ip-%s-%d", [action, priority]),
	"priority": priority,
	"action": {action: {}},
	"statement": {"ipSetReferenceStatement": {"arn": unknown}},
	"visibilityConfig": visibility(sprintf("edge-ip-%s-%d", [action, priority])),
}

rate_rule(priority) := {
	"name": "RateLimitPerIp",
	"priority": priority,
	"action": {"block": {}},
	"statement": {"rateBasedStatement": {"limit": 1000, "evaluationWindowSec": 300, "aggregateKeyType": "IP"}},
	"visibilityConfig": visibility("edge-rate-limit"),
}

# The AWS managed rule groups stackguard.components.WebAcl adds after `first` other rules.
managed_rules(first) := [{
	"name": sprintf("AWS-%s", [g]),
	"priority": first + i,
	"overrideAction": {"none": {}},
	"statement": {"managedRuleGroupStatement": {"name": g, "vendorName": "AWS"}},
	"visibilityConfig": visibility(sprintf("edge-%s", [g])),
} |
	some i, g in groups
]

# stackguard.components.WebAcl with ip_deny_cidrs (IPv4 and IPv6) and ip_allow: deny sets, the allow set,
# the rate limit, then the managed rule groups.
ip_allow_opt_out := array.concat(
	[ip_rule("block", 0), ip_rule("block", 1), ip_rule("allow", 2), rate_rule(3)],
	managed_rules(4),
)

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

findings(resources) := fs if {
	fs := web_acl_ip_allow_bypass.stack_deny with input as {"resources": resources}
}

test_flags_ip_allow_opt_out if {
	fs := findings([web_acl(ip_allow_opt_out)])
	count(fs) == 1
	some f in fs
	f.urn == acl_urn
	contains(f.message, "\"edge\"")
	contains(f.message, "rule \"edge-ip-allow-2\" (priority 2)")
	contains(f.message, "AWS-AWSManagedRulesCommonRuleSet")
}

test_passes_component_default if {
	count(findings([web_acl(array.concat([rate_rule(0)], managed_rules(1)))])) == 0
}

test_passes_ip_deny_rules if {
	count(findings([web_acl(array.concat([ip_rule("block", 0), rate_rule(1)], managed_rules(2)))])) == 0
}

test_passes_allow_rule_after_the_rule_groups if {
	count(findings([web_acl(array.concat(managed_rules(0), [ip_rule("allow", 10)]))])) == 0
}

test_flags_allow_rule_between_rule_groups_naming_those_skipped if {
	first_two := array.slice(managed_rules(0), 0, 2) # priorities 0 and 1
	last_two := array.slice(managed_rules(1), 2, 4) # priorities 3 and 4
	fs := findings([web_acl(array.concat(array.concat(first_two, [ip_rule("allow", 2)]), last_two))])
	count(fs) == 1
	some f in fs
	contains(f.message, "AWS-AWSManagedRulesAmazonIpReputationList, AWS-AWSManagedRulesSQLiRuleSet")
	not contains(f.message, "CommonRuleSet")
}

test_flags_or_statement_of_ip_sets if {
	rule := json.patch(ip_rule("allow", 0), [{"op": "replace", "path": "/statement", "value": {"orStatement": {"statements": [
		{"ipSetReferenceStatement": {"arn": unknown}},
		{"ipSetReferenceStatement": {"arn": unknown}},
	]}}}])
	count(findings([web_acl(array.concat([rule], managed_rules(1)))])) == 1
}

test_flags_allow_before_custom_rule_group if {
	custom := {
		"name": "partner-rules",
		"priority": 5,
		"overrideAction": {"none": {}},
		"statement": {"ruleGroupReferenceStatement": {"arn": unknown}},
		"visibilityConfig": visibility("partner-rules"),
	}
	count(findings([web_acl([ip_rule("allow", 0), custom])])) == 1
}

test_unknown_priority_is_not_reported if {
	rule := json.patch(ip_rule("allow", 0), [{"op": "replace", "path": "/priority", "value": unknown}])
	count(findings([web_acl(array.concat([rule], managed_rules(1)))])) == 0
}

test_unknown_action_is_not_reported if {
	rule := json.patch(ip_rule("allow", 0), [{"op": "replace", "path": "/action", "value": unknown}])
	count(findings([web_acl(array.concat([rule], managed_rules(1)))])) == 0
}

test_unknown_rules_are_not_reported if {
	count(findings([web_acl(unknown)])) == 0
}

test_flags_rule_json_allow_first if {
	text := json.marshal([
		{
			"Name": "trusted",
			"Priority": 0,
			"Action": {"Allow": {}},
			"Statement": {"IPSetReferenceStatement": {"ARN": "arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/trusted/1111"}},
			"VisibilityConfig": {"CloudWatchMetricsEnabled": true, "MetricName": "trusted", "SampledRequestsEnabled": true},
		},
		{
			"Name": "common",
			"Priority": 1,
			"OverrideAction": {"None": {}},
			"Statement": {"ManagedRuleGroupStatement": {"Name": "AWSManagedRulesCommonRuleSet", "VendorName": "AWS"}},
			"VisibilityConfig": {"CloudWatchMetricsEnabled": true, "MetricName": "common", "SampledRequestsEnabled": true},
		},
	])
	acl := json.patch(web_acl([]), [
		{"op": "remove", "path": "/properties/rules"},
		{"op": "add", "path": "/properties/ruleJson", "value": text},
	])
	fs := findings([acl])
	count(fs) == 1
	some f in fs
	contains(f.message, "\"trusted\"")
}

test_flags_allow_rule_resource_before_group_association if {
	allow := {
		"type": "aws:wafv2/webAclRule:WebAclRule",
		"urn": "urn:pulumi:prod::api::aws:wafv2/webAclRule:WebAclRule::trusted",
		"name": "trusted",
		"properties": object.union(ip_rule("allow", 0), {"webAclArn": unknown}),
		"propertyDependencies": {"webAclArn": [acl_urn]},
	}
	group := {
		"type": "aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
		"urn": "urn:pulumi:prod::api::aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation::common",
		"name": "common",
		"properties": {
			"ruleName": "AWS-AWSManagedRulesCommonRuleSet",
			"priority": 1,
			"webAclArn": acl_arn,
			"managedRuleGroup": {"name": "AWSManagedRulesCommonRuleSet", "vendorName": "AWS"},
		},
		"propertyDependencies": {},
	}
	count(findings([web_acl([]), allow, group])) == 1
}

test_no_web_acls_no_findings if {
	count(findings([])) == 0
}
