package aws.cloudfront.distribution_origin_access_control

import data.lib.pulumi

# METADATA
# title: CloudFront S3 origins are reached through origin access control
# description: |
#   An S3 origin without originAccessControlId is fetched either anonymously (the bucket
#   must then be public, a second front door that bypasses CloudFront, its WAF, signed
#   URLs and logs) or through a legacy origin access identity, which does not support SSE-
#   KMS objects or newer Regions. Each S3 origin must name an origin access control, with
#   a bucket policy that lets only this distribution read. Website endpoints (custom
#   origins) and unknown settings are not judged.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-origin-access-control
#   severity: medium
#   concern: iam
#   remediation: 'Create aws.cloudfront.OriginAccessControl(origin_access_control_origin_type="s3", signing_behavior="always", signing_protocol="sigv4") and set origin_access_control_id on each S3 origin.'
#   compliance:
#     fsbp: ["CloudFront.13"]
#     nist-800-53: ["AC-3", "SC-7"]
deny contains msg if {
	input.type in resource_types
	some origin in object.get(input.properties, "origins", [])
	s3_origin(origin)
	pulumi.absent(origin, "originAccessControlId")
	msg := sprintf("CloudFront distribution %q reaches an S3 origin without origin access control: set originAccessControlId and let only the distribution read the bucket.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})

# s3_origin(origin) holds for an S3 bucket REST endpoint (not a website endpoint, which
# is a custom origin).
s3_origin(origin) if {
	is_string(origin.domainName)
	regex.match(`\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$`, origin.domainName)
	pulumi.absent(origin, "customOriginConfig")
}
