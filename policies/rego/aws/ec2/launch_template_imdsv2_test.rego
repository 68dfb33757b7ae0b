package aws.ec2.launch_template_imdsv2_test

import data.aws.ec2.launch_template_imdsv2 as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

template(props) := {
	"type": "aws:ec2/launchTemplate:LaunchTemplate",
	"urn": "urn:pulumi:prod::api::aws:ec2/launchTemplate:LaunchTemplate::workers",
	"name": "workers",
	"properties": object.union({"imageId": "ami-0abcdef1234567890", "instanceType": "t3.micro"}, props),
}

test_flags_template_without_metadata_options if {
	count(rule.deny) == 1 with input as template({})
}

test_flags_optional_tokens if {
	count(rule.deny) == 1 with input as template({"metadataOptions": {"httpEndpoint": "enabled", "httpTokens": "optional"}})
}

test_passes_required_tokens if {
	count(rule.deny) == 0 with input as template({"metadataOptions": {"httpEndpoint": "enabled", "httpTokens": "required", "httpPutResponseHopLimit": 1}})
}

test_passes_disabled_endpoint if {
	count(rule.deny) == 0 with input as template({"metadataOptions": {"httpEndpoint": "disabled"}})
}

test_unknown_tokens_are_not_reported if {
	count(rule.deny) == 0 with input as template({"metadataOptions": {"httpTokens": unknown}})
}
