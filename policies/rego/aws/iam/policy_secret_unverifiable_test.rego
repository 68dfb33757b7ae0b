package aws.iam.policy_secret_unverifiable_test

import data.aws.iam.policy_secret_unverifiable

resource(type, props) := {"type": type, "urn": "urn:pulumi:prod::api::t::r", "name": "r", "properties": props}

test_flags_secret_policy_document if {
	count(policy_secret_unverifiable.deny) == 1 with input as resource("aws:iam/policy:Policy", {"policy": "[secret]"})
}

test_flags_secret_trust_policy if {
	count(policy_secret_unverifiable.deny) == 1 with input as resource("aws:iam/role:Role", {"assumeRolePolicy": "[secret]"})
}

test_flags_secret_inline_policy if {
	props := {"assumeRolePolicy": "{}", "inlinePolicies": [{"name": "a", "policy": "[secret]"}]}
	count(policy_secret_unverifiable.deny) == 1 with input as resource("aws:iam/role:Role", props)
}

test_passes_plain_policy_document if {
	doc := "{\"Version\": \"2012-10-17\", \"Statement\": []}"
	count(policy_secret_unverifiable.deny) == 0 with input as resource("aws:iam/policy:Policy", {"policy": doc})
}

test_passes_secret_payloads_that_are_not_policies if {
	props := {"secretString": "[secret]", "value": "[secret]"}
	count(policy_secret_unverifiable.deny) == 0 with input as resource("aws:ssm/parameter:Parameter", props)
}

test_unknown_policy_document_is_not_reported if {
	props := {"policy": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}
	count(policy_secret_unverifiable.deny) == 0 with input as resource("aws:iam/policy:Policy", props)
}
