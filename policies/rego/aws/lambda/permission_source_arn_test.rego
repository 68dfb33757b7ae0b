package aws.lambda.permission_source_arn_test

import data.aws.lambda.permission_source_arn

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

permission(props) := {
	"type": "aws:lambda/permission:Permission",
	"urn": "urn:pulumi:prod::api::aws:lambda/permission:Permission::nightly-invoke",
	"name": "nightly-invoke",
	"properties": object.union({"action": "lambda:InvokeFunction", "function": unknown, "statementId": "AllowExecution"}, props),
}

test_flags_service_principal_without_source_arn if {
	findings := permission_source_arn.deny with input as permission({"principal": "events.amazonaws.com"})
	findings == {"Lambda permission \"nightly-invoke\" lets events.amazonaws.com invoke the function for any resource in any account (no sourceArn): set sourceArn to the ARN of the resource that calls it (rule, topic, API, log group…)."}
}

test_passes_service_principal_with_source_arn if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "events.amazonaws.com", "sourceArn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"})
}

test_unknown_source_arn_is_not_absent if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "apigateway.amazonaws.com", "sourceArn": unknown})
}

test_flags_s3_without_source if {
	findings := permission_source_arn.deny with input as permission({"principal": "s3.amazonaws.com"})
	count(findings) == 1
	some msg in findings
	contains(msg, "set sourceArn to the bucket ARN and sourceAccount")
}

test_flags_s3_without_source_account if {
	findings := permission_source_arn.deny with input as permission({"principal": "s3.amazonaws.com", "sourceArn": unknown})
	findings == {"Lambda permission \"nightly-invoke\" names the bucket but not its account (no sourceAccount): bucket ARNs carry no account id, so set sourceAccount to the account that owns the bucket."}
}

test_passes_s3_with_source_arn_and_account if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "s3.amazonaws.com", "sourceArn": "arn:aws:s3:::uploads", "sourceAccount": "111122223333"})
}

test_flags_star_principal_even_with_source_arn if {
	every props in [{"principal": "*"}, {"principal": "*", "sourceArn": "arn:aws:execute-api:eu-west-1:111122223333:abc/*"}] {
		count(permission_source_arn.deny) == 1 with input as permission(props)
	}
}

test_passes_star_principal_limited_to_organization if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "*", "principalOrgId": "o-a1b2c3d4e5"})
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "*", "principalOrgId": unknown})
}

test_passes_account_principal if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "111122223333"})
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "arn:aws:iam::111122223333:role/caller"})
}

test_unknown_principal_is_not_judged if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": unknown})
}

test_china_partition_service_principal if {
	count(permission_source_arn.deny) == 1 with input as permission({"principal": "sns.amazonaws.com.cn"})
}

test_flags_wildcard_account_in_source_arn if {
	count(permission_source_arn.deny) == 1 with input as permission({"principal": "sns.amazonaws.com", "sourceArn": "arn:aws:sns:eu-west-1:*:alerts"})
}

test_passes_wildcard_account_with_source_account if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "sns.amazonaws.com", "sourceArn": "arn:aws:sns:eu-west-1:*:alerts", "sourceAccount": "111122223333"})
}

test_passes_wildcard_resource_in_named_account if {
	count(permission_source_arn.deny) == 0 with input as permission({"principal": "apigateway.amazonaws.com", "sourceArn": "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/GET/orders"})
}
