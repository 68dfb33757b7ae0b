package lib.s3_test

import data.lib.s3

test_all_on_is_nothing_off if {
	count(s3.public_access_block_settings_off({"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true})) == 0
}

test_false_and_absent_are_off_unknown_is_not if {
	off := s3.public_access_block_settings_off({"blockPublicAcls": false, "ignorePublicAcls": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "blockPublicPolicy": true})
	off == {"blockPublicAcls", "restrictPublicBuckets"}
}
