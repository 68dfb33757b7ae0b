package aws.wafv2.web_acl_logging_test

import data.aws.wafv2.web_acl_logging

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

acl_urn := "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::api-acl"

web_acl(scope) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": acl_urn,
	"name": "api-acl",
	"properties": {
		"name": "api-acl-5d1f2e3",
		"scope": scope,
		"defaultAction": {"allow": {}},
		"visibilityConfig": {"cloudwatchMetricsEnabled": true, "metricName": "api-acl", "sampledRequestsEnabled": true},
	},
}

log_group := {
	"type": "aws:cloudwatch/logGroup:LogGroup",
	"urn": "urn:pulumi:prod::api::aws:cloudwatch/logGroup:LogGroup::aws-waf-logs-api",
	"name": "aws-waf-logs-api",
	"properties": {"name": "aws-waf-logs-api", "retentionInDays": 365},
}

logging(arn, deps) := {
	"type": "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration::api-acl-logs",
	"name": "api-acl-logs",
	"properties": {"resourceArn": arn, "logDestinationConfigs": [unknown]},
	"propertyDependencies": {"resourceArn": deps, "logDestinationConfigs": [log_group.urn]},
}

test_flags_web_acl_without_logging if {
	findings := web_acl_logging.stack_deny with input as {"resources": [web_acl("REGIONAL"), log_group]}
	count(findings) == 1
	some f in findings
	f.urn == acl_urn
}

test_passes_logging_through_property_dependencies if {
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [web_acl("REGIONAL"), log_group, logging(unknown, [acl_urn])]}
}

test_passes_logging_by_deployed_arn if {
	arn := "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-acl-5d1f2e3/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [web_acl("REGIONAL"), logging(arn, [])]}
}

test_passes_cloudfront_acl_by_deployed_arn if {
	arn := "arn:aws:wafv2:us-east-1:123456789012:global/webacl/api-acl-5d1f2e3/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [web_acl("CLOUDFRONT"), logging(arn, [])]}
}

test_flags_logging_of_same_name_other_scope if {
	arn := "arn:aws:wafv2:us-east-1:123456789012:global/webacl/api-acl-5d1f2e3/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	count(web_acl_logging.stack_deny) == 1 with input as {"resources": [web_acl("REGIONAL"), logging(arn, [])]}
}

test_flags_logging_of_another_acl if {
	other := "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::edge-acl"
	count(web_acl_logging.stack_deny) == 1 with input as {"resources": [web_acl("REGIONAL"), logging(unknown, [other])]}
}

test_untraceable_unknown_configuration_is_not_reported if {
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [web_acl("REGIONAL"), logging(unknown, [])]}
}

test_unknown_acl_name_still_matches_by_urn if {
	acl := json.patch(web_acl("REGIONAL"), [{"op": "replace", "path": "/properties/name", "value": unknown}])
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [acl, logging(unknown, [acl_urn])]}
}

test_no_web_acls_no_findings if {
	count(web_acl_logging.stack_deny) == 0 with input as {"resources": [log_group]}
}
