package aws.ecr.repository_tag_immutability_test

import data.aws.ecr.repository_tag_immutability as rule

repository(props) := {
	"type": "aws:ecr/repository:Repository",
	"urn": "urn:pulumi:prod::api::aws:ecr/repository:Repository::app",
	"name": "app",
	"properties": object.union({"name": "app"}, props),
}

test_flags_default_mutable_tags if {
	count(rule.deny) == 1 with input as repository({})
}

test_flags_explicit_mutable_tags if {
	count(rule.deny) == 1 with input as repository({"imageTagMutability": "MUTABLE"})
}

test_passes_immutable_tags if {
	count(rule.deny) == 0 with input as repository({"imageTagMutability": "IMMUTABLE"})
	count(rule.deny) == 0 with input as repository({"imageTagMutability": "IMMUTABLE_WITH_EXCLUSION"})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as repository({"imageTagMutability": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
