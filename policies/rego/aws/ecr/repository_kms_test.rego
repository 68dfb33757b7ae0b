package aws.ecr.repository_kms_test

import data.aws.ecr.repository_kms as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

repository(props) := {
	"type": "aws:ecr/repository:Repository",
	"urn": "urn:pulumi:prod::api::aws:ecr/repository:Repository::app",
	"name": "app",
	"properties": object.union({"name": "app", "imageTagMutability": "IMMUTABLE"}, props),
}

test_flags_default_aes256 if {
	count(rule.deny) == 1 with input as repository({})
}

test_flags_explicit_aes256 if {
	count(rule.deny) == 1 with input as repository({"encryptionConfigurations": [{"encryptionType": "AES256"}]})
}

test_flags_aws_managed_key if {
	count(rule.deny) == 1 with input as repository({"encryptionConfigurations": [{"encryptionType": "KMS"}]})
}

test_passes_customer_managed_key if {
	count(rule.deny) == 0 with input as repository({"encryptionConfigurations": [{
		"encryptionType": "KMS",
		"kmsKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	}]})
}

test_profile_can_accept_aws_managed_key if {
	count(rule.deny) == 0 with input as object.union(
		repository({"encryptionConfigurations": [{"encryptionType": "KMS"}]}),
		{"config": {"aws-ecr-repository-kms": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_configuration_is_not_reported if {
	count(rule.deny) == 0 with input as repository({"encryptionConfigurations": unknown})
	count(rule.deny) == 0 with input as repository({"encryptionConfigurations": [{"encryptionType": "KMS", "kmsKey": unknown}]})
}
