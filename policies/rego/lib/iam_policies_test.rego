package lib.iam_policies_test

import data.lib.iam_policies

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

admin := {"Version": "2012-10-17", "Statement": [{"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"}]}

# identity_documents

test_policy_document_as_json_text if {
	docs := iam_policies.identity_documents({"type": "aws:iam/policy:Policy", "name": "p", "properties": {"policy": json.marshal(admin)}})
	docs == {{"subject": "IAM policy \"p\"", "document": json.marshal(admin)}}
}

test_role_policy_user_policy_group_policy if {
	every token in ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"] {
		count(iam_policies.identity_documents({"type": token, "name": "p", "properties": {"policy": admin}})) == 1
	}
}

test_role_inline_policies if {
	role := {"type": "aws:iam/role:Role", "name": "app", "properties": {
		"assumeRolePolicy": admin,
		"inlinePolicies": [{"name": "one", "policy": admin}, {"policy": json.marshal(admin)}, {"name": "empty", "policy": ""}],
	}}
	{d.subject | some d in iam_policies.identity_documents(role)} == {
		"IAM role \"app\" (inline policy \"one\")",
		"IAM role \"app\" (inline policy #2)",
	}
}

test_unknown_documents_are_skipped if {
	count(iam_policies.identity_documents({"type": "aws:iam/policy:Policy", "name": "p", "properties": {"policy": unknown}})) == 0
	count(iam_policies.identity_documents({"type": "aws:iam/role:Role", "name": "r", "properties": {"inlinePolicies": unknown}})) == 0
	count(iam_policies.identity_documents({"type": "aws:iam/role:Role", "name": "r", "properties": {"inlinePolicies": [{"name": "x", "policy": unknown}]}})) == 0
}

test_assume_role_policy_is_not_an_identity_document if {
	count(iam_policies.identity_documents({"type": "aws:iam/role:Role", "name": "r", "properties": {"assumeRolePolicy": admin}})) == 0
}

# allow_statements and labels

test_allow_statements_are_labelled if {
	doc := {"Statement": [
		{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
		{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
		{"Sid": "D", "Effect": "Deny", "Action": "*", "Resource": "*"},
	]}
	{a.label | some a in iam_policies.allow_statements(doc)} == {"statement \"A\"", "statement #2"}
}

# grants

test_grants_exact_action_case_insensitively if iam_policies.grants({"Action": "IAM:PassRole"}, "iam:passrole")

test_grants_through_wildcards if {
	iam_policies.grants({"Action": ["s3:GetObject", "iam:Put*"]}, "iam:putrolepolicy")
	iam_policies.grants({"Action": "*"}, "iam:putrolepolicy")
	iam_policies.grants({"Action": "iam:P?ssRole"}, "iam:passrole")
}

test_does_not_grant_other_actions if {
	not iam_policies.grants({"Action": ["iam:Get*", "s3:*"]}, "iam:passrole")
	not iam_policies.grants({"Action": "iam:PassRoles"}, "iam:passrole")
}

test_not_action_grants_what_it_does_not_exclude if {
	iam_policies.grants({"NotAction": ["s3:*"]}, "iam:passrole")
	not iam_policies.grants({"NotAction": ["iam:*"]}, "iam:passrole")
}

test_unknown_not_action_grants_nothing if not iam_policies.grants({"NotAction": ["s3:*", unknown]}, "iam:passrole")

test_granted_by_names_patterns if {
	iam_policies.granted_by({"Action": ["iam:*", "IAM:PassRole", "s3:*"]}, "iam:passrole") == "\"iam:*\", \"iam:passrole\""
	iam_policies.granted_by({"NotAction": "s3:*"}, "iam:passrole") == "NotAction"
}

test_broad_resource if {
	iam_policies.broad_resource({"Resource": ["arn:aws:s3:::b", "*"]})
	iam_policies.broad_resource({"NotResource": "arn:aws:iam::111122223333:role/admin"})
	not iam_policies.broad_resource({"Resource": "arn:aws:iam::111122223333:role/app"})
	not iam_policies.broad_resource({"Resource": unknown})
}

# public statements

test_public_statement_without_condition if {
	doc := {"Statement": [{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
	iam_policies.public_statements(doc) == {"statement \"Public\" (Principal \"*\")"}
}

test_public_statement_aws_wildcard_in_json_text if {
	doc := json.marshal({"Statement": {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sqs:SendMessage", "Resource": "*"}})
	iam_policies.public_statements(doc) == {"statement #1 (Principal \"*\")"}
}

test_not_principal_is_public if {
	doc := {"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*", "Resource": "*"}]}
	iam_policies.public_statements(doc) == {"statement #1 (NotPrincipal)"}
}

test_narrowing_condition_makes_it_private if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"AWS:SourceVpce": "vpce-0a1b2c"}}}]}
	count(iam_policies.public_statements(doc)) == 0
}

test_weak_conditions_do_not_count if {
	every condition in [
		{"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c"}},
		{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-0a1b2c"}},
		{"Null": {"aws:SourceVpc": "false"}},
		{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc"}},
		{"StringLike": {"aws:PrincipalArn": "*"}},
		{"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}},
		{"Bool": {"aws:SecureTransport": "true"}},
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}},
		{"StringLike": {"aws:SourceAccount": "1234*"}},
		{"StringEquals": {"aws:SourceAccount": ["111122223333", "*"]}},
		{"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/${aws:username}"}},
		{"StringEquals": {"aws:PrincipalAccount": "${aws:PrincipalAccount}"}},
		{"StringEquals": {"aws:SourceVpce": []}},
		{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-*/*"}},
	] {
		doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": condition}]}
		count(iam_policies.public_statements(doc)) == 1
	}
}

test_unknown_condition_value_counts_as_narrowing if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": unknown}}}]}
	count(iam_policies.public_statements(doc)) == 0
}

test_deny_and_named_principals_are_not_public if {
	doc := {"Statement": [
		{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*", "Resource": "*"},
		{"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*"},
	]}
	count(iam_policies.public_statements(doc)) == 0
}

test_unknown_document_has_no_public_statements if count(iam_policies.public_statements(unknown)) == 0

test_open_statements_use_given_keys if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}]}
	count(iam_policies.public_statements(doc)) == 1
	count(iam_policies.open_statements(doc, {"sts:externalid"})) == 0
}

test_fixed_values_and_account_pinned_arns_narrow if {
	every condition in [
		{"StringEquals": {"aws:SourceAccount": ["111122223333", "444455556666"]}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:*"}},
		{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
		{"StringEquals": {"aws:VpceAccount": "111122223333"}},
		{"StringEquals": {"aws:VpceOrgID": "o-a1b2c3d4e5"}},
		{"ForAnyValue:StringLike": {"aws:VpceOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}},
		{"StringEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"}},
	] {
		doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": condition}]}
		count(iam_policies.public_statements(doc)) == 0
	}
}

test_any_role_patterns if {
	every r in ["arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:*", "arn:aws-cn:iam::*:role/app"] {
		iam_policies.any_role({"Resource": r})
	}
	every r in ["arn:aws:iam::111122223333:role/app-*", "arn:aws:iam::111122223333:role/app"] {
		not iam_policies.any_role({"Resource": r})
	}
}

test_resource_documents if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}
	iam_policies.resource_documents({"type": "aws:sqs/queuePolicy:QueuePolicy", "name": "q", "properties": {"policy": json.marshal(doc)}}) == {{"subject": "SQS queue policy \"q\"", "document": json.marshal(doc)}}
	iam_policies.resource_documents({"type": "aws:iam/role:Role", "name": "r", "properties": {"assumeRolePolicy": doc}}) == {{"subject": "IAM role trust policy of \"r\"", "document": doc}}
	count(iam_policies.resource_documents({"type": "aws:sqs/queue:Queue", "name": "q", "properties": {"policy": unknown}})) == 0
	count(iam_policies.resource_documents({"type": "aws:iam/policy:Policy", "name": "p", "properties": {"policy": doc}})) == 0
}

test_first_few if {
	iam_policies.first_few({"b", "a"}, ", ") == "a, b"
	iam_policies.first_few({"a", "b", "c", "d", "e", "f", "g"}, "; ") == "a; b; c; d; e and 2 more"
}
