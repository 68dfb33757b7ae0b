package aws.ec2.instance_multiple_enis_test

import data.aws.ec2.instance_multiple_enis as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ec2/instance:Instance",
	"urn": "urn:pulumi:prod::app::aws:ec2/instance:Instance::main",
	"name": "main",
	"properties": object.union({"ami": "ami-0abcdef1234567890", "instanceType": "t3.micro", "metadataOptions": {"httpTokens": "required"}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"networkInterfaces": [{"deviceIndex": 0, "networkInterfaceId": "eni-0a1"}, {"deviceIndex": 1, "networkInterfaceId": "eni-0b2"}]})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"networkInterfaces": [{"deviceIndex": 0, "networkInterfaceId": "eni-0a1"}]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"networkInterfaces": unknown})
}
