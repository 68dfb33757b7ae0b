package aws.s3control.multi_region_access_point_public_access_block_test

import data.aws.s3control.multi_region_access_point_public_access_block as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
	"urn": "urn:pulumi:prod::app::aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint::main",
	"name": "main",
	"properties": object.union({"details": {"name": "global", "regions": [{"bucket": "data-use1-123456789012"}, {"bucket": "data-euw1-123456789012"}]}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"details": {"publicAccessBlock": {"restrictPublicBuckets": false}}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"details": {"publicAccessBlock": {"restrictPublicBuckets": unknown}}})
}
