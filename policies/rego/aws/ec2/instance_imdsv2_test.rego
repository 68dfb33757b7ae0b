package aws.ec2.instance_imdsv2_test

import data.aws.ec2.instance_imdsv2 as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

instance(props) := {
	"type": "aws:ec2/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:ec2/instance:Instance::worker",
	"name": "worker",
	"properties": object.union({"ami": "ami-0abcdef1234567890", "instanceType": "t3.micro"}, props),
}

test_flags_default_metadata_options if {
	count(rule.deny) == 1 with input as instance({})
}

test_flags_optional_tokens if {
	count(rule.deny) == 1 with input as instance({"metadataOptions": {"httpEndpoint": "enabled", "httpTokens": "optional"}})
}

test_passes_required_tokens if {
	count(rule.deny) == 0 with input as instance({"metadataOptions": {"httpEndpoint": "enabled", "httpTokens": "required"}})
}

test_passes_disabled_endpoint if {
	count(rule.deny) == 0 with input as instance({"metadataOptions": {"httpEndpoint": "disabled"}})
}

test_leaves_launch_template_settings_to_template_rule if {
	count(rule.deny) == 0 with input as instance({"launchTemplate": {"id": "lt-0abcd1234", "version": "$Latest"}})
}

test_unknown_tokens_are_not_reported if {
	count(rule.deny) == 0 with input as instance({"metadataOptions": {"httpTokens": unknown}})
}
