package aws.s3.access_point_public_access_block

import data.lib.pulumi

# METADATA
# title: S3 access points keep their public access block on
# description: |
#   An access point's publicAccessBlockConfiguration defaults to all four settings on;
#   turning one off lets a public policy or ACL on the access point expose the bucket's
#   objects through it. All four must stay on. Unknown settings are not judged.
# scope: document
# custom:
#   id: aws-s3-access-point-public-access-block
#   severity: high
#   concern: iam
#   remediation: 'Remove the false settings from public_access_block_configuration of aws.s3.AccessPoint (all four default to True).'
#   compliance:
#     fsbp: ["S3.19"]
#     nist-800-53: ["AC-3", "AC-21"]
deny contains msg if {
	input.type in resource_types
	some key in ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
	object.get(input.properties, ["publicAccessBlockConfiguration", key], true) == false
	msg := sprintf("S3 access point %q has a public access block setting turned off: leave all four on.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:s3/accessPoint:AccessPoint"})
