package aws.redshift.parameter_group_require_ssl_test

import data.aws.redshift.parameter_group_require_ssl as rule

group(parameters) := {
	"type": "aws:redshift/parameterGroup:ParameterGroup",
	"urn": "urn:pulumi:prod::api::aws:redshift/parameterGroup:ParameterGroup::warehouse",
	"name": "warehouse",
	"properties": {"family": "redshift-2.0", "parameters": parameters},
}

test_flags_group_without_require_ssl if {
	count(rule.deny) == 1 with input as group([{"name": "enable_user_activity_logging", "value": "true"}])
}

test_flags_require_ssl_false if {
	count(rule.deny) == 1 with input as group([{"name": "require_ssl", "value": "false"}])
}

test_passes_require_ssl if {
	count(rule.deny) == 0 with input as group([{"name": "require_ssl", "value": "true"}])
}

test_unknown_parameters_are_not_reported if {
	count(rule.deny) == 0 with input as group("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
	count(rule.deny) == 0 with input as group([{"name": "require_ssl", "value": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}])
}
