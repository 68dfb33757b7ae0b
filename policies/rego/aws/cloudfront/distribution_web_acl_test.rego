package aws.cloudfront.distribution_web_acl_test

import data.aws.cloudfront.distribution_web_acl as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

distribution(props) := {
	"type": "aws:cloudfront/distribution:Distribution",
	"urn": "urn:pulumi:prod::site::aws:cloudfront/distribution:Distribution::cdn",
	"name": "cdn",
	"properties": object.union({"enabled": true}, props),
}

test_flags_distribution_without_web_acl if {
	count(rule.deny) == 1 with input as distribution({})
	count(rule.deny) == 1 with input as distribution({"webAclId": ""})
}

test_passes_distribution_with_web_acl if {
	count(rule.deny) == 0 with input as distribution({"webAclId": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/a1b2c3"})
}

test_unknown_web_acl_is_not_reported if {
	count(rule.deny) == 0 with input as distribution({"webAclId": unknown})
}
