package aws.pulumi.secret_value_test

import data.aws.pulumi.secret_value

resource(type, props) := {"type": type, "urn": "urn:pulumi:prod::api::t::r", "name": "r", "properties": props}

test_flags_secret_key_rotation if {
	secret_value.deny == {`aws:kms/key:Key "r": enableKeyRotation is a Pulumi secret, so it was not judged.`} with input as resource("aws:kms/key:Key", {"enableKeyRotation": "[secret]"})
}

test_flags_a_secret_cidr_block if {
	props := {"ingress": [{"cidrBlocks": ["[secret]"], "fromPort": 22, "toPort": 22, "protocol": "tcp"}]}
	count(secret_value.deny) == 1 with input as resource("aws:ec2/securityGroup:SecurityGroup", props)
}

test_flags_a_secret_public_access_flag if {
	count(secret_value.deny) == 1 with input as resource("aws:rds/instance:Instance", {"publiclyAccessible": "[secret]", "storageEncrypted": false})
}

test_leaves_secret_policy_documents_to_their_own_rule if {
	count(secret_value.deny) == 0 with input as resource("aws:iam/policy:Policy", {"policy": "[secret]"})
}

test_passes_secrets_that_do_not_decide_security if {
	count(secret_value.deny) == 0 with input as resource("aws:rds/instance:Instance", {"password": "[secret]", "publiclyAccessible": false})
}

test_an_unknown_value_is_left_to_the_unknown_value_rule if {
	props := {"enableKeyRotation": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}
	count(secret_value.deny) == 0 with input as resource("aws:kms/key:Key", props)
}
