package aws.secretsmanager.secret_policy_cross_account_test

import data.aws.secretsmanager.secret_policy_cross_account

secret := "arn:aws:secretsmanager:eu-west-1:111122223333:secret:partner-api-AbCdEf"

policy(principal) := {
	"type": "aws:secretsmanager/secretPolicy:SecretPolicy", "name": "p",
	"properties": {"secretArn": secret, "policy": json.marshal({"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "secretsmanager:GetSecretValue", "Resource": "*",
	}]})},
}

test_flags_role_of_another_account if {
	count(secret_policy_cross_account.deny) == 1 with input as policy("arn:aws:iam::444455556666:role/reader")
}

test_flags_account_id_principal if {
	count(secret_policy_cross_account.deny) == 1 with input as policy("444455556666")
}

test_passes_role_of_the_same_account if {
	count(secret_policy_cross_account.deny) == 0 with input as policy("arn:aws:iam::111122223333:role/reader")
}

test_unknown_secret_arn_is_not_judged if {
	unknown := object.union(policy("arn:aws:iam::444455556666:role/reader"), {"properties": {"secretArn": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}})
	count(secret_policy_cross_account.deny) == 0 with input as unknown
}
