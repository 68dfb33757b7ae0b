package aws.cloudfront.distribution_logging_test

import data.aws.cloudfront.distribution_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cdn_urn := "urn:pulumi:prod::site::aws:cloudfront/distribution:Distribution::cdn"

distribution(props) := {"type": "aws:cloudfront/distribution:Distribution", "urn": cdn_urn, "name": "cdn", "properties": object.union({"enabled": true}, props)}

source(props, deps) := {
	"type": "aws:cloudwatch/logDeliverySource:LogDeliverySource",
	"urn": "urn:pulumi:prod::site::aws:cloudwatch/logDeliverySource:LogDeliverySource::cdn-logs",
	"name": "cdn-logs",
	"properties": object.union({"logType": "ACCESS_LOGS", "name": "cdn"}, props),
	"propertyDependencies": deps,
}

test_flags_distribution_without_logging if {
	findings := rule.stack_deny with input as {"resources": [distribution({})]}
	count(findings) == 1
	some f in findings
	f.urn == cdn_urn
}

test_passes_legacy_standard_logging if {
	count(rule.stack_deny) == 0 with input as {"resources": [distribution({"loggingConfig": {"bucket": "logs-1234.s3.amazonaws.com", "prefix": "cdn/"}})]}
}

test_passes_log_delivery_source if {
	count(rule.stack_deny) == 0 with input as {"resources": [distribution({}), source({"resourceArn": unknown}, {"resourceArn": [cdn_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [distribution({"arn": "arn:aws:cloudfront::123456789012:distribution/E1"}), source({"resourceArn": "arn:aws:cloudfront::123456789012:distribution/E1"}, {})]}
}

test_unknown_sources_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [distribution({}), source({"resourceArn": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [distribution({"loggingConfig": unknown})]}
}
