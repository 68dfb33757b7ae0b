package aws.ebs.volume_cmk_test

import data.aws.ebs.volume_cmk

resource(props) := {
	"type": "aws:ebs/volume:Volume",
	"urn": "urn:pulumi:prod::api::aws:ebs/volume:Volume::data",
	"name": "data",
	"properties": props,
}

test_flags_encryption_without_key if {
	count(volume_cmk.deny) == 1 with input as resource({"encrypted": true})
}

test_flags_aws_managed_alias if {
	count(volume_cmk.deny) == 1 with input as resource({"encrypted": true, "kmsKeyId": "alias/aws/ebs"})
}

test_passes_customer_managed_key if {
	count(volume_cmk.deny) == 0 with input as resource({"encrypted": true, "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_leaves_unencrypted_to_the_encryption_rule if {
	count(volume_cmk.deny) == 0 with input as resource({"encrypted": false})
}

test_profile_can_accept_aws_managed_key if {
	count(volume_cmk.deny) == 0 with input as object.union(
		resource({"encrypted": true}),
		{"config": {"aws-ebs-volume-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(volume_cmk.deny) == 0 with input as resource({"encrypted": true, "kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
