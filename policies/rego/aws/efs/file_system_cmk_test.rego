package aws.efs.file_system_cmk_test

import data.aws.efs.file_system_cmk

resource(props) := {
	"type": "aws:efs/fileSystem:FileSystem",
	"urn": "urn:pulumi:prod::api::aws:efs/fileSystem:FileSystem::shared",
	"name": "shared",
	"properties": props,
}

test_flags_encryption_without_key if {
	count(file_system_cmk.deny) == 1 with input as resource({"encrypted": true})
}

test_flags_aws_managed_alias if {
	count(file_system_cmk.deny) == 1 with input as resource({"encrypted": true, "kmsKeyId": "alias/aws/elasticfilesystem"})
}

test_passes_customer_managed_key if {
	count(file_system_cmk.deny) == 0 with input as resource({"encrypted": true, "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_leaves_unencrypted_to_the_encryption_rule if {
	count(file_system_cmk.deny) == 0 with input as resource({"encrypted": false})
}

test_profile_can_accept_aws_managed_key if {
	count(file_system_cmk.deny) == 0 with input as object.union(
		resource({"encrypted": true}),
		{"config": {"aws-efs-file-system-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(file_system_cmk.deny) == 0 with input as resource({"encrypted": true, "kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
