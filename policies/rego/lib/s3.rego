# METADATA
# description: Helpers shared by the S3 rules.
package lib.s3

import data.lib.pulumi

# The four S3 Block Public Access settings, as Pulumi names them.
public_access_block_settings := ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]

# public_access_block_settings_off(props) is the set of Block Public Access settings that a
# BucketPublicAccessBlock or AccountPublicAccessBlock leaves off (false or absent; the
# resources default to false). An unknown setting is not judged.
public_access_block_settings_off(props) := {name |
	some name in public_access_block_settings
	pulumi.is_false(props, name)
}
