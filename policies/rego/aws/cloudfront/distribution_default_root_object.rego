package aws.cloudfront.distribution_default_root_object

import data.lib.pulumi

# METADATA
# title: CloudFront distributions with S3 origins set a default root object
# description: |
#   A request for the distribution's root URL with no defaultRootObject is forwarded to
#   the S3 origin as a request for the bucket itself, which can return the bucket listing
#   when the origin's access allows it. A distribution with an S3 origin must set
#   defaultRootObject (index.html). Distributions with only custom origins are not judged,
#   nor unknown settings.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-default-root-object
#   severity: medium
#   concern: iam
#   remediation: 'Set default_root_object="index.html" on aws.cloudfront.Distribution.'
#   compliance:
#     fsbp: ["CloudFront.1"]
#     nist-800-53: ["SC-7"]
deny contains msg if {
	input.type in resource_types
	some origin in object.get(input.properties, "origins", [])
	s3_origin(origin)
	pulumi.absent(input.properties, "defaultRootObject")
	msg := sprintf("CloudFront distribution %q has an S3 origin but no default root object: set defaultRootObject (e.g. index.html).", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})

# s3_origin(origin) holds for an S3 bucket REST endpoint (not a website endpoint, which
# is a custom origin).
s3_origin(origin) if {
	is_string(origin.domainName)
	regex.match(`\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$`, origin.domainName)
	pulumi.absent(origin, "customOriginConfig")
}
