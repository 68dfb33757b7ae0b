package aws.s3.bucket_public_access_block

import data.lib.pulumi
import data.lib.s3

# METADATA
# title: S3 bucket-level Block Public Access keeps all four settings on
# description: |
#   An aws.s3.BucketPublicAccessBlock resource sets S3 Block Public Access for
#   the bucket it names. Each of its four settings closes one way to make data public:
#   blockPublicAcls (new public ACLs), ignorePublicAcls (existing ones), blockPublicPolicy
#   (new public bucket policies) and restrictPublicBuckets (access through existing public
#   policies). A setting that is false or left out (the resource's default is false, though
#   S3 turns all four on for new buckets) turns that protection off. Content that must be
#   public (a website) belongs behind CloudFront with origin access control instead.
# scope: document
# custom:
#   id: aws-s3-bucket-public-access-block
#   severity: high
#   concern: iam
#   remediation: Set blockPublicAcls, ignorePublicAcls, blockPublicPolicy and restrictPublicBuckets to true; serve public content through CloudFront with origin access control.
#   compliance:
#     fsbp: ["S3.8"]
#     cis-aws-foundations: ["2.1.4"]
#     nist-800-53: ["AC-3", "AC-21"]
#     pci-dss: ["1.4.1"]
deny contains msg if {
	input.type in resource_types
	off := s3.public_access_block_settings_off(input.properties)
	count(off) > 0
	msg := sprintf(
		"S3 bucket public access block %q turns off %s: set all four settings (blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets) to true.",
		[input.name, concat(", ", sort(off))],
	)
}

resource_types := pulumi.with_aliases({"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"})
