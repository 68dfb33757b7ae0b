package stackguard_test

import data.stackguard

test_deny_tags_findings_with_rule_id if {
	findings := stackguard.deny with input as {"type": "aws:kms/key:Key", "name": "k", "properties": {}}
	some f in findings
	f.rule == "aws-kms-key-rotation"
}

test_deny_is_empty_for_unrelated_resource if {
	count(stackguard.deny) == 0 with input as {"type": "pulumi:pulumi:Stack", "name": "s", "properties": {}}
}

test_rule_id_replaces_underscores if stackguard.rule_id("apigateway", "rest_api_endpoint_type") == "aws-apigateway-rest-api-endpoint-type"
