package aws.ssm.document_public_test

import data.aws.ssm.document_public as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ssm/document:Document",
	"urn": "urn:pulumi:prod::app::aws:ssm/document:Document::main",
	"name": "main",
	"properties": object.union({"documentType": "Command", "content": "{\"schemaVersion\":\"2.2\",\"mainSteps\":[]}"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"permissions": {"type": "Share", "account_ids": "All"}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"permissions": {"type": "Share", "account_ids": "111122223333"}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"permissions": {"type": "Share", "account_ids": unknown}})
}
