package aws.cloudfront.distribution_default_root_object_test

import data.aws.cloudfront.distribution_default_root_object as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:cloudfront/distribution:Distribution",
	"urn": "urn:pulumi:prod::app::aws:cloudfront/distribution:Distribution::main",
	"name": "main",
	"properties": object.union({"enabled": true, "origins": [{"domainName": "site-123456789012.s3.us-east-1.amazonaws.com", "originId": "s3", "originAccessControlId": "E2QWRUHEXAMPLE"}], "defaultRootObject": "index.html", "webAclId": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/abc", "defaultCacheBehavior": {"targetOriginId": "s3", "viewerProtocolPolicy": "redirect-to-https", "allowedMethods": ["GET", "HEAD"], "cachedMethods": ["GET", "HEAD"]}, "restrictions": {"geoRestriction": {"restrictionType": "none"}}, "viewerCertificate": {"acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012", "sslSupportMethod": "sni-only", "minimumProtocolVersion": "TLSv1.2_2021"}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"defaultRootObject": ""})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"defaultRootObject": "", "origins": [{"domainName": "api.example.com", "originId": "api", "customOriginConfig": {"httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"]}}]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"defaultRootObject": unknown})
}
