package aws.s3control.multi_region_access_point_public_access_block

import data.lib.pulumi

# METADATA
# title: S3 Multi-Region Access Points keep their public access block on
# description: |
#   A Multi-Region Access Point's details.publicAccessBlock defaults to all four settings
#   on and cannot be changed after creation; one turned off lets a public policy expose
#   the objects of every bucket behind it, in every Region. All four must stay on. Unknown
#   settings are not judged.
# scope: document
# custom:
#   id: aws-s3control-multi-region-access-point-public-access-block
#   severity: high
#   concern: iam
#   remediation: 'Remove the false settings from details.public_access_block of aws.s3control.MultiRegionAccessPoint.'
#   compliance:
#     fsbp: ["S3.24"]
#     nist-800-53: ["AC-3", "AC-21"]
deny contains msg if {
	input.type in resource_types
	some key in ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
	object.get(input.properties, ["details", "publicAccessBlock", key], true) == false
	msg := sprintf("S3 Multi-Region Access Point %q has a public access block setting turned off: leave all four on.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint"})
