package aws.s3.access_point_public_access_block_test

import data.aws.s3.access_point_public_access_block as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:s3/accessPoint:AccessPoint",
	"urn": "urn:pulumi:prod::app::aws:s3/accessPoint:AccessPoint::main",
	"name": "main",
	"properties": object.union({"bucket": "data-123456789012", "name": "analytics"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"publicAccessBlockConfiguration": {"blockPublicPolicy": false}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"publicAccessBlockConfiguration": {"blockPublicAcls": true, "blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"publicAccessBlockConfiguration": {"blockPublicPolicy": unknown}})
}
