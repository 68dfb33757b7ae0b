package aws.wafv2.web_acl_metrics_test

import data.aws.wafv2.web_acl_metrics as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

visibility(enabled) := {"cloudwatchMetricsEnabled": enabled, "metricName": "m", "sampledRequestsEnabled": true}

acl(acl_metrics, rule_metrics) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::api",
	"name": "api",
	"properties": {
		"scope": "REGIONAL", "defaultAction": {"allow": {}},
		"visibilityConfig": visibility(acl_metrics),
		"rules": [{"name": "common", "priority": 1, "overrideAction": {"none": {}}, "statement": {"managedRuleGroupStatement": {"vendorName": "AWS", "name": "AWSManagedRulesCommonRuleSet"}}, "visibilityConfig": visibility(rule_metrics)}],
	},
}

test_flags_web_acl_without_metrics if {
	count(rule.deny) == 1 with input as acl(false, true)
}

test_flags_rule_without_metrics if {
	count(rule.deny) == 1 with input as acl(true, false)
}

test_passes_metrics_everywhere if {
	count(rule.deny) == 0 with input as acl(true, true)
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as acl(unknown, unknown)
}
