package aws.pulumi.unknown_value_test

import data.aws.pulumi.unknown_value

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(type, props) := {"type": type, "urn": "urn:pulumi:prod::api::t::r", "name": "r", "properties": props}

test_flags_an_unknown_policy_document if {
	msg := concat("", [
		`aws:iam/policy:Policy "r": policy is unknown until deployment (computed from another resource's output), `,
		"so it was not judged; the policy pack judges it again at `pulumi up`.",
	])
	unknown_value.deny == {msg} with input as resource("aws:iam/policy:Policy", {"policy": unknown})
}

test_flags_unknown_key_rotation if {
	count(unknown_value.deny) == 1 with input as resource("aws:kms/key:Key", {"enableKeyRotation": unknown})
}

test_flags_an_unknown_cidr_block_of_an_ingress_rule if {
	props := {"ingress": [{"cidrBlocks": [unknown], "fromPort": 22, "toPort": 22, "protocol": "tcp"}]}
	msgs := unknown_value.deny with input as resource("aws:ec2/securityGroup:SecurityGroup", props)
	count(msgs) == 1
	some msg in msgs
	contains(msg, "ingress[0].cidrBlocks")
}

test_passes_an_ingress_rule_from_an_unknown_security_group if {
	props := {"ingress": [{"cidrBlocks": [], "securityGroups": [unknown], "fromPort": 443, "toPort": 443, "protocol": "tcp"}]}
	count(unknown_value.deny) == 0 with input as resource("aws:ec2/securityGroup:SecurityGroup", props)
}

test_passes_known_values if {
	count(unknown_value.deny) == 0 with input as resource("aws:kms/key:Key", {"enableKeyRotation": false, "policy": "{}"})
}

test_passes_unknown_values_that_do_not_decide_security if {
	count(unknown_value.deny) == 0 with input as resource("aws:iam/rolePolicy:RolePolicy", {"role": unknown, "policy": "{}"})
}

test_passes_types_it_does_not_know if {
	count(unknown_value.deny) == 0 with input as resource("aws:sqs/queue:Queue", {"name": unknown})
}
