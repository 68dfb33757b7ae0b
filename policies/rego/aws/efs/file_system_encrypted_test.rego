package aws.efs.file_system_encrypted_test

import data.aws.efs.file_system_encrypted

file_system(props) := {
	"type": "aws:efs/fileSystem:FileSystem",
	"urn": "urn:pulumi:prod::api::aws:efs/fileSystem:FileSystem::shared",
	"name": "shared",
	"properties": object.union({"performanceMode": "generalPurpose", "throughputMode": "elastic"}, props),
}

test_flags_unencrypted_file_system if {
	count(file_system_encrypted.deny) == 1 with input as file_system({})
}

test_flags_encryption_off if {
	count(file_system_encrypted.deny) == 1 with input as file_system({"encrypted": false})
}

test_passes_encrypted_file_system if {
	count(file_system_encrypted.deny) == 0 with input as file_system({
		"encrypted": true,
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_unknown_encryption_is_not_reported if {
	count(file_system_encrypted.deny) == 0 with input as file_system({"encrypted": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(file_system_encrypted.deny) == 0 with input as {"type": "aws:efs/mountTarget:MountTarget", "name": "m", "properties": {}}
}
