package aws.wafv2.web_acl_logging_redaction_test

import data.aws.wafv2.web_acl_logging_redaction

logging(fields) := {
	"type": "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration::edge-logging",
	"name": "edge-logging",
	"properties": {
		"resourceArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/a1b2c3d4",
		"logDestinationConfigs": ["arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-edge"],
		"redactedFields": fields,
	},
}

header(name) := {"singleHeader": {"name": name}}

test_flags_authorization_only if {
	msgs := web_acl_logging_redaction.deny with input as logging([header("authorization")])
	count(msgs) == 1
	some msg in msgs
	contains(msg, "cookie, x-api-key")
}

test_flags_no_redaction if {
	count(web_acl_logging_redaction.deny) == 1 with input as logging([])
}

test_passes_all_credential_headers_any_case if {
	count(web_acl_logging_redaction.deny) == 0 with input as logging([header("Authorization"), header("Cookie"), header("X-Api-Key")])
}

test_config_changes_the_required_headers if {
	count(web_acl_logging_redaction.deny) == 0 with input as object.union(logging([header("authorization")]), {"config": {"aws-wafv2-web-acl-logging-redaction": {"redactedHeaders": ["Authorization"]}}})
}

test_unknown_fields_are_not_judged if {
	count(web_acl_logging_redaction.deny) == 0 with input as logging("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
}
