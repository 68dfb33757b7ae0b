package aws.cloudfront.distribution_web_acl

import data.lib.pulumi

# METADATA
# title: CloudFront distributions are protected by a WAF web ACL
# description: |
#   A distribution without webAclId serves every request that reaches the edge:
#   injection payloads, known bad inputs and floods from single sources pass through to
#   the origin. webAclId must name a web ACL of scope CLOUDFRONT (its ARN, for AWS WAF;
#   created in us-east-1). An unknown web ACL is not judged.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-web-acl
#   severity: medium
#   concern: auth
#   remediation: Create an aws.wafv2.WebAcl with scope="CLOUDFRONT" (provider in us-east-1) and set web_acl_id=acl.arn on aws.cloudfront.Distribution.
#   compliance:
#     fsbp: ["CloudFront.6"]
#     nist-800-53: ["AC-4(21)", "SC-7"]
#     pci-dss: ["6.4.2"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "webAclId")
	msg := sprintf("CloudFront distribution %q is not protected by AWS WAF: set webAclId to the ARN of a CLOUDFRONT-scope web ACL.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})
