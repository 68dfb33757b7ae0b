package lib.iam_test

import data.lib.iam

doc := {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "S3:GetObject", "Resource": "*"}}

test_document_parses_json_text if iam.document(json.marshal(doc)) == doc

test_document_passes_objects_through if iam.document(doc) == doc

test_unknown_document_is_undefined if not iam.document("04da6b54-80e4-46f7-96ec-b56ff0331ba9")

test_single_statement_becomes_list if count(iam.statements(doc)) == 1

test_actions_are_lower_cased if iam.actions(iam.statements(doc)[0]) == {"s3:getobject"}

test_any_resource if iam.any_resource(iam.statements(doc)[0])

test_allow_statements_skip_deny if {
	raw := {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
	count(iam.allow_statements(raw)) == 0
}

test_wildcard_principal_string if iam.wildcard_principal({"Principal": "*"})

test_wildcard_principal_in_aws_list if iam.wildcard_principal({"Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}})

test_named_principal_is_not_wildcard if not iam.wildcard_principal({"Principal": {"Service": "lambda.amazonaws.com"}})

test_condition_keys_lower_cased if {
	stmt := {"Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}}
	iam.condition_keys(stmt) == {"aws:sourcevpc"}
}

test_wildcard_root_in_any_partition if iam.wildcard_principal({"Principal": {"AWS": "arn:aws-cn:iam::*:root"}})

test_full_service_wildcards if {
	every action in ["*", "s3:*", "iam:?*", "ec2:??*", "*:*"] {
		iam.full_service_wildcard(action)
	}
	every action in ["s3:get*", "iam:getrole", "s3:?", "s3:*object*"] {
		not iam.full_service_wildcard(action)
	}
}
