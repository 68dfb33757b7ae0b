package aws.efs.access_point_user_identity_test

import data.aws.efs.access_point_user_identity as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:efs/accessPoint:AccessPoint",
	"urn": "urn:pulumi:prod::app::aws:efs/accessPoint:AccessPoint::main",
	"name": "main",
	"properties": object.union({"fileSystemId": "fs-0a1b2c3d", "rootDirectory": {"path": "/app", "creationInfo": {"ownerUid": 1000, "ownerGid": 1000, "permissions": "750"}}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"posixUser": {"uid": 1000, "gid": 1000}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"posixUser": unknown})
}
