package aws.s3.bucket_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: S3 bucket policies do not make the bucket public
# description: |
#   A bucket policy (aws.s3.BucketPolicy, or the legacy policy property of aws.s3.Bucket /
#   BucketV2) must not Allow Principal "*", {"AWS": "*"} or NotPrincipal without a
#   condition narrowing the caller: anyone on the internet could then read (or write) the
#   objects the statement covers. Serve public content through CloudFront with origin
#   access control (a Service principal with aws:SourceArn) instead.
#   Deny statements and named principals are fine. Conditions that count as narrowing:
#   aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount,
#   kms:ViaService and aws:SourceIp; negated, …IfExists, Null and ForAllValues:
#   operators do not, nor do wildcard values ("*", "1234*", 0.0.0.0/0) or policy variables:
#   only fixed values (or ARNs pinned to one account) narrow. The VPC-endpoint owner keys
#   aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths and aws:PrincipalOrgPaths narrow too.
#   An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-s3-bucket-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the principals (for CloudFront, Service cloudfront.amazonaws.com with an aws:SourceArn condition) or add an aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn condition.
#   compliance:
#     fsbp: ["S3.2", "S3.3"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that makes the bucket public, with no condition narrowing the caller: name the principals (for CloudFront: Service cloudfront.amazonaws.com with an aws:SourceArn condition), or add an aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn condition.",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	"aws:s3/bucketPolicy:BucketPolicy": "S3 bucket policy",
	"aws:s3/bucket:Bucket": "S3 bucket",
}
