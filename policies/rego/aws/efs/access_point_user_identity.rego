package aws.efs.access_point_user_identity

import data.lib.pulumi

# METADATA
# title: EFS access points enforce a POSIX user identity
# description: |
#   Without posixUser, an access point lets each NFS client act with whatever user and
#   group ids it claims, root included, on every file it can reach. posixUser forces one
#   uid and gid for all requests through it. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-efs-access-point-user-identity
#   severity: medium
#   concern: iam
#   remediation: 'Set posix_user=aws.efs.AccessPointPosixUserArgs(uid=1000, gid=1000) on aws.efs.AccessPoint.'
#   compliance:
#     fsbp: ["EFS.4"]
#     nist-800-53: ["AC-3", "AC-6"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "posixUser")
	msg := sprintf("EFS access point %q lets clients choose their own user identity: set posixUser.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:efs/accessPoint:AccessPoint"})
