package aws.ecr.repository_scan_on_push_test

import data.aws.ecr.repository_scan_on_push as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

repository_urn := "urn:pulumi:prod::api::aws:ecr/repository:Repository::payments-api"

repository(props) := {
	"type": "aws:ecr/repository:Repository",
	"urn": repository_urn,
	"name": "payments-api",
	"properties": object.union({"name": "payments-api", "imageTagMutability": "IMMUTABLE"}, props),
}

registry(rules) := {
	"type": "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
	"urn": "urn:pulumi:prod::api::aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration::scanning",
	"name": "scanning",
	"properties": {"scanType": "ENHANCED", "rules": rules},
}

scan_rule(frequency, filter) := {"scanFrequency": frequency, "repositoryFilters": [{"filter": filter, "filterType": "WILDCARD"}]}

test_flags_repository_without_scanning if {
	findings := rule.stack_deny with input as {"resources": [repository({})]}
	count(findings) == 1
	some f in findings
	f.urn == repository_urn
}

test_flags_scan_on_push_off if {
	r := repository({"imageScanningConfiguration": {"scanOnPush": false}})
	count(rule.stack_deny) == 1 with input as {"resources": [r]}
}

test_passes_scan_on_push if {
	r := repository({"imageScanningConfiguration": {"scanOnPush": true}})
	count(rule.stack_deny) == 0 with input as {"resources": [r]}
}

test_passes_matching_registry_rule if {
	resources := [repository({}), registry([scan_rule("CONTINUOUS_SCAN", "payments-*")])]
	count(rule.stack_deny) == 0 with input as {"resources": resources}
}

test_flags_registry_rule_for_other_repositories if {
	resources := [repository({}), registry([scan_rule("SCAN_ON_PUSH", "batch-*")])]
	count(rule.stack_deny) == 1 with input as {"resources": resources}
}

test_flags_manual_registry_rule if {
	resources := [repository({}), registry([scan_rule("MANUAL", "*")])]
	count(rule.stack_deny) == 1 with input as {"resources": resources}
}

test_unknown_registry_rules_are_not_judged if {
	count(rule.stack_deny) == 0 with input as {"resources": [repository({}), registry(unknown)]}
}

test_unknown_repository_name_with_registry_rule_is_not_reported if {
	resources := [repository({"name": unknown}), registry([scan_rule("SCAN_ON_PUSH", "payments-*")])]
	count(rule.stack_deny) == 0 with input as {"resources": resources}
}
