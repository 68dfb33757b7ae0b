package aws.codebuild.report_group_export_encrypted_test

import data.aws.codebuild.report_group_export_encrypted as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:codebuild/reportGroup:ReportGroup",
	"urn": "urn:pulumi:prod::app::aws:codebuild/reportGroup:ReportGroup::main",
	"name": "main",
	"properties": object.union({"name": "tests", "type": "TEST"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"exportConfig": {"type": "S3", "s3Destination": {"bucket": "reports-123456789012", "encryptionDisabled": true, "packaging": "NONE"}}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"exportConfig": {"type": "S3", "s3Destination": {"bucket": "reports-123456789012", "encryptionKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "packaging": "NONE"}}})
	count(rule.deny) == 0 with input as resource({"exportConfig": {"type": "NO_EXPORT"}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"exportConfig": {"type": "S3", "s3Destination": {"bucket": "reports-123456789012", "encryptionDisabled": unknown}}})
}
