package aws.cloudwatch.log_destination_policy_public_test

import data.aws.cloudwatch.log_destination_policy_public as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

destination_policy(statement) := {
	"type": "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy",
	"urn": "urn:pulumi:prod::logs::aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy::central",
	"name": "central",
	"properties": {"destinationName": "central", "accessPolicy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

subscribe(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": "logs:PutSubscriptionFilter", "Resource": "arn:aws:logs:us-east-1:123456789012:destination:central", "Condition": condition}

test_flags_any_account if {
	count(rule.deny) == 1 with input as destination_policy(subscribe({"AWS": "*"}, {}))
	count(rule.deny) == 1 with input as destination_policy(subscribe("*", {}))
}

test_passes_named_accounts_or_organization if {
	count(rule.deny) == 0 with input as destination_policy(subscribe({"AWS": ["111122223333"]}, {}))
	count(rule.deny) == 0 with input as destination_policy(subscribe({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}}))
}

test_unknown_policy_is_not_reported if {
	count(rule.deny) == 0 with input as object.union(destination_policy({}), {"properties": {"accessPolicy": unknown}})
}
