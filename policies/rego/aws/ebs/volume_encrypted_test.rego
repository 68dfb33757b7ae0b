package aws.ebs.volume_encrypted_test

import data.aws.ebs.volume_encrypted

volume(props) := {
	"type": "aws:ebs/volume:Volume",
	"urn": "urn:pulumi:prod::api::aws:ebs/volume:Volume::data",
	"name": "data",
	"properties": object.union({"availabilityZone": "eu-west-1a", "size": 100, "type": "gp3"}, props),
}

test_flags_unencrypted_volume if {
	count(volume_encrypted.deny) == 1 with input as volume({})
}

test_flags_encryption_off if {
	count(volume_encrypted.deny) == 1 with input as volume({"encrypted": false})
}

test_passes_encrypted_volume if {
	count(volume_encrypted.deny) == 0 with input as volume({
		"encrypted": true,
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_unknown_encryption_is_not_reported if {
	count(volume_encrypted.deny) == 0 with input as volume({"encrypted": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(volume_encrypted.deny) == 0 with input as {"type": "aws:ec2/volumeAttachment:VolumeAttachment", "name": "a", "properties": {}}
}
