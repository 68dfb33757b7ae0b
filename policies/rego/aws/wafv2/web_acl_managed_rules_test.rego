package aws.wafv2.web_acl_managed_rules_test

import data.aws.wafv2.web_acl_managed_rules

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

rate_rule := {
	"name": "RateLimitPerIp",
	"priority": 0,
	"action": {"block": {}},
	"statement": {"rateBasedStatement": {"limit": 1000, "evaluationWindowSec": 300, "aggregateKeyType": "IP"}},
	"visibilityConfig": visibility("edge-rate-limit"),
}

managed_rule(group, priority, override) := {
	"name": sprintf("AWS-%s", [group]),
	"priority": priority,
	"overrideAction": {override: {}},
	"statement": {"managedRuleGroupStatement": {"name": group, "vendorName": "AWS"}},
	"visibilityConfig": visibility(sprintf("edge-%s", [group])),
}

# The rules stackguard.components.WebAcl registers by default: the rate limit, then the four AWS groups.
component_rules(enabled) := array.concat([rate_rule], [managed_rule(g, i + 1, "none") | some i, g in enabled])

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

# A web ACL written with ruleJson (AWS API shape) instead of rules.
json_acl(text) := json.patch(web_acl([]), [
	{"op": "remove", "path": "/properties/rules"},
	{"op": "add", "path": "/properties/ruleJson", "value": text},
])

api_rule(group, priority, override) := {
	"Name": sprintf("AWS-%s", [group]),
	"Priority": priority,
	"OverrideAction": {override: {}},
	"Statement": {"ManagedRuleGroupStatement": {"Name": group, "VendorName": "AWS"}},
	"VisibilityConfig": {"CloudWatchMetricsEnabled": true, "MetricName": group, "SampledRequestsEnabled": true},
}

# A rule managed as its own aws.wafv2.WebAclRule resource.
rule_resource(group, priority, arn, deps) := {
	"type": "aws:wafv2/webAclRule:WebAclRule",
	"urn": sprintf("urn:pulumi:prod::api::aws:wafv2/webAclRule:WebAclRule::%s", [group]),
	"name": group,
	"properties": object.union(managed_rule(group, priority, "none"), {"webAclArn": arn}),
	"propertyDependencies": {"webAclArn": deps},
}

association(group, priority, override, arn, deps) := {
	"type": "aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
	"urn": sprintf("urn:pulumi:prod::api::aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation::%s", [group]),
	"name": group,
	"properties": {
		"ruleName": sprintf("AWS-%s", [group]),
		"priority": priority,
		"webAclArn": arn,
		"managedRuleGroup": {"name": group, "vendorName": "AWS"},
		"overrideAction": override,
	},
	"propertyDependencies": {"webAclArn": deps},
}

findings(resources) := fs if {
	fs := web_acl_managed_rules.stack_deny with input as {"resources": resources}
}

configured(resources, required) := fs if {
	config := {"aws-wafv2-web-acl-managed-rules": {"requiredRuleGroups": required}}
	fs := web_acl_managed_rules.stack_deny with input as {"resources": resources, "config": config}
}

test_passes_component_default if {
	count(findings([web_acl(component_rules(groups))])) == 0
}

test_flags_excluded_rule_group_opt_out if {
	# WebAcl(excluded_rule_groups=[{"name": "AWSManagedRulesSQLiRuleSet", ...}])
	fs := findings([web_acl(component_rules(array.slice(groups, 0, 3)))])
	count(fs) == 1
	some f in fs
	f.urn == acl_urn
	contains(f.message, "\"edge\"")
	contains(f.message, "AWSManagedRulesSQLiRuleSet")
}

test_flags_each_missing_group_of_acl_without_rules if {
	count(findings([json.remove(web_acl([]), ["properties/rules"])])) == 4
}

test_flags_group_in_count_mode if {
	rules := json.patch(component_rules(groups), [{"op": "replace", "path": "/1/overrideAction", "value": {"count": {}}}])
	fs := findings([web_acl(rules)])
	count(fs) == 1
	some f in fs
	contains(f.message, "count mode")
	contains(f.message, "\"AWS-AWSManagedRulesCommonRuleSet\"")
}

test_flags_group_of_another_vendor if {
	rules := json.patch(component_rules(groups), [{"op": "replace", "path": "/1/statement/managedRuleGroupStatement/vendorName", "value": "Acme"}])
	count(findings([web_acl(rules)])) == 1
}

test_config_narrows_required_groups if {
	required := ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]
	count(configured([web_acl(component_rules(array.slice(groups, 0, 2)))], required)) == 0
}

test_config_still_flags_a_required_group if {
	required := ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]
	count(configured([web_acl(component_rules(array.slice(groups, 1, 4)))], required)) == 1
}

test_invalid_config_falls_back_to_defaults if {
	count(configured([web_acl(component_rules(array.slice(groups, 0, 2)))], "AWSManagedRulesCommonRuleSet")) == 2
}

test_unknown_rules_are_not_reported if {
	count(findings([web_acl(unknown)])) == 0
}

test_unknown_group_name_is_not_reported_missing if {
	rules := json.patch(component_rules(groups), [{"op": "replace", "path": "/4/statement/managedRuleGroupStatement/name", "value": unknown}])
	count(findings([web_acl(rules)])) == 0
}

test_unknown_ip_set_arn_does_not_hide_a_missing_group if {
	deny := {
		"name": "edge-ip-deny-0",
		"priority": 0,
		"action": {"block": {}},
		"statement": {"ipSetReferenceStatement": {"arn": unknown}},
		"visibilityConfig": visibility("edge-ip-deny-0"),
	}
	count(findings([web_acl(array.concat([deny], component_rules(array.slice(groups, 0, 3))))])) == 1
}

test_passes_rule_json_with_every_group if {
	text := json.marshal([api_rule(g, i, "None") | some i, g in groups])
	count(findings([json_acl(text)])) == 0
}

test_flags_rule_json_missing_group_and_counting_group if {
	text := json.marshal([api_rule(groups[0], 0, "Count"), api_rule(groups[1], 1, "None"), api_rule(groups[2], 2, "None")])
	count(findings([json_acl(text)])) == 2
}

test_unknown_rule_json_is_not_reported if {
	count(findings([json_acl(unknown)])) == 0
}

test_passes_groups_attached_as_rule_resources if {
	attached := [rule_resource(g, i + 1, unknown, [acl_urn]) | some i, g in groups]
	count(findings(array.concat([web_acl([rate_rule])], attached))) == 0
}

test_passes_group_associations_by_deployed_arn if {
	attached := [association(g, i + 1, "none", acl_arn, []) | some i, g in groups]
	count(findings(array.concat([web_acl([rate_rule])], attached))) == 0
}

test_flags_group_association_in_count_mode if {
	attached := [association(g, i + 1, "count", acl_arn, []) | some i, g in groups]
	fs := findings(array.concat([web_acl([rate_rule])], attached))
	count(fs) == 4
	every f in fs {
		contains(f.message, "count mode")
	}
}

test_flags_groups_attached_to_another_acl if {
	other := "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::other"
	attached := [rule_resource(g, i + 1, unknown, [other]) | some i, g in groups]
	count(findings(array.concat([web_acl([rate_rule])], attached))) == 4
}

test_untraceable_unknown_attachment_is_not_reported if {
	count(findings([web_acl([rate_rule]), rule_resource(groups[0], 1, unknown, [])])) == 0
}

test_no_web_acls_no_findings if {
	count(findings([rule_resource(groups[0], 1, acl_arn, [])])) == 0
}

with_overrides(overrides) := json.patch(component_rules(groups), [{
	"op": "add",
	"path": "/1/statement/managedRuleGroupStatement/ruleActionOverrides",
	"value": overrides,
}])

test_flags_rules_overridden_to_count_or_allow if {
	# WebAcl(rule_action_overrides={"AWSManagedRulesCommonRuleSet": {"SizeRestrictions_BODY": "count", ...}})
	fs := findings([web_acl(with_overrides([
		{"name": "SizeRestrictions_BODY", "actionToUse": {"count": {}}},
		{"name": "CrossSiteScripting_BODY", "actionToUse": {"allow": {}}},
		{"name": "NoUserAgent_HEADER", "actionToUse": {"block": {}}},
	]))])
	count(fs) == 1
	some f in fs
	contains(f.message, "CrossSiteScripting_BODY (allow), SizeRestrictions_BODY (count)")
	not contains(f.message, "NoUserAgent_HEADER")
}

test_passes_rules_overridden_to_block if {
	count(findings([web_acl(with_overrides([{"name": "NoUserAgent_HEADER", "actionToUse": {"block": {}}}]))])) == 0
}

test_flags_rule_json_override_to_count if {
	text := json.marshal([{
		"Name": "AWS-AWSManagedRulesSQLiRuleSet", "Priority": 1, "OverrideAction": {"None": {}},
		"Statement": {"ManagedRuleGroupStatement": {
			"VendorName": "AWS", "Name": "AWSManagedRulesSQLiRuleSet",
			"RuleActionOverrides": [{"Name": "SQLi_BODY", "ActionToUse": {"Count": {}}}],
		}},
	}])
	fs := findings([json_acl(text)])
	some f in fs
	contains(f.message, "SQLi_BODY (count)")
}
