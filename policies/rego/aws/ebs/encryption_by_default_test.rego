package aws.ebs.encryption_by_default_test

import data.aws.ebs.encryption_by_default as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ebs/encryptionByDefault:EncryptionByDefault",
	"urn": "urn:pulumi:prod::app::aws:ebs/encryptionByDefault:EncryptionByDefault::main",
	"name": "main",
	"properties": object.union({}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"enabled": false})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"enabled": true})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"enabled": unknown})
}
