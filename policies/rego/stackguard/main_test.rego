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

test_batch_deny_tags_each_finding_with_its_resource if {
	resources := [
		{"type": "aws:kms/key:Key", "urn": "urn:a", "name": "a", "properties": {}},
		{"type": "aws:kms/key:Key", "urn": "urn:b", "name": "b", "properties": {"enableKeyRotation": true}},
	]
	findings := stackguard.batch_deny with input as {"resources": resources, "config": {}}
	{f.urn | some f in findings; f.rule == "aws-kms-key-rotation"} == {"urn:a"}
}

test_batch_deny_passes_rule_parameters if {
	key := {"type": "aws:kms/key:Key", "urn": "urn:k", "name": "k", "properties": {"enableKeyRotation": true, "deletionWindowInDays": 10}}
	strict := stackguard.batch_deny with input as {"resources": [key], "config": {"aws-kms-key-deletion-window": {"minimumDays": 30}}}
	loose := stackguard.batch_deny with input as {"resources": [key], "config": {"aws-kms-key-deletion-window": {"minimumDays": 7}}}
	"aws-kms-key-deletion-window" in {f.rule | some f in strict}
	not "aws-kms-key-deletion-window" in {f.rule | some f in loose}
}

test_rules_lists_resource_and_stack_rules if {
	"aws-kms-key-rotation" in stackguard.rules
	"aws-apigateway-stage-web-acl" in stackguard.rules
	not "aws-kms-key-rotation-test" in stackguard.rules
}
