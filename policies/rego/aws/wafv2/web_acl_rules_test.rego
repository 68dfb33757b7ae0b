package aws.wafv2.web_acl_rules_test

import data.aws.wafv2.web_acl_rules as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": "urn:pulumi:prod::app::aws:wafv2/webAcl:WebAcl::main",
	"name": "main",
	"properties": object.union({"name": "api", "scope": "REGIONAL", "defaultAction": {"allow": {}}, "visibilityConfig": {"cloudwatchMetricsEnabled": true, "metricName": "api", "sampledRequestsEnabled": true}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"rules": []})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"rules": [{"name": "common", "priority": 1, "overrideAction": {"none": {}}, "statement": {"managedRuleGroupStatement": {"vendorName": "AWS", "name": "AWSManagedRulesCommonRuleSet"}}, "visibilityConfig": {"cloudwatchMetricsEnabled": true, "metricName": "common", "sampledRequestsEnabled": true}}]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"rules": unknown})
}
