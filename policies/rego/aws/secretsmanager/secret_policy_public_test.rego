package aws.secretsmanager.secret_policy_public_test

import data.aws.secretsmanager.secret_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

secret_policy(policy) := {
	"type": "aws:secretsmanager/secretPolicy:SecretPolicy",
	"urn": "urn:pulumi:prod::api::aws:secretsmanager/secretPolicy:SecretPolicy::db-password",
	"name": "db-password",
	"properties": {"secretArn": unknown, "blockPublicPolicy": true, "policy": policy},
}

read_all := {"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}

test_flags_public_policy_json_text if {
	findings := secret_policy_public.deny with input as secret_policy(json.marshal(read_all))
	findings == {"Secrets Manager secret policy \"db-password\" has a policy statement \"Read\" (Principal \"*\") that lets any AWS identity access the secret, with no condition narrowing the caller: name the roles that need the secret, or add an aws:PrincipalOrgID or aws:PrincipalArn condition (and set blockPublicPolicy on SecretPolicy)."}
}

test_flags_secret_inline_policy if {
	secret := {"type": "aws:secretsmanager/secret:Secret", "name": "api-key", "properties": {"kmsKeyId": "alias/app", "policy": read_all}}
	count(secret_policy_public.deny) == 1 with input as secret
}

test_passes_org_condition if {
	doc := {"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
		"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
	}]}
	count(secret_policy_public.deny) == 0 with input as secret_policy(doc)
}

test_passes_named_role if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}
	count(secret_policy_public.deny) == 0 with input as secret_policy(doc)
}

test_unknown_policy_is_not_judged if {
	count(secret_policy_public.deny) == 0 with input as secret_policy(unknown)
}
