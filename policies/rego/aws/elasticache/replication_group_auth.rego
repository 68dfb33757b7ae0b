package aws.elasticache.replication_group_auth

import data.lib.pulumi

# METADATA
# title: ElastiCache replication groups require clients to authenticate
# description: |
#   Without an AUTH token (authToken or authTokenWo) or RBAC user groups
#   (userGroupIds), any client that reaches the group's port can read and write every
#   key and run administrative commands: network reachability becomes the only access
#   control. Both need transitEncryptionEnabled. Secondary members of a global
#   datastore inherit the settings and are not checked.
# scope: document
# custom:
#   id: aws-elasticache-replication-group-auth
#   severity: high
#   concern: auth
#   remediation: Set user_group_ids=[user_group.user_group_id] (RBAC, Redis OSS 6+/Valkey) or auth_token_wo from a secret, with transit_encryption_enabled=True, on aws.elasticache.ReplicationGroup.
#   compliance:
#     fsbp: ["ElastiCache.6"]
#     nist-800-53: ["AC-3", "IA-2"]
#     pci-dss: ["8.2.1"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "globalReplicationGroupId", null) == null
	every key in ["authToken", "authTokenWo"] {
		pulumi.absent(input.properties, key)
	}
	no_user_group(input.properties)
	msg := sprintf(
		"ElastiCache replication group %q lets any client that reaches it in without authentication: set userGroupIds to an RBAC user group (or an AUTH token through authTokenWo), with transitEncryptionEnabled true.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup"})

no_user_group(props) if pulumi.absent(props, "userGroupIds")

no_user_group(props) if props.userGroupIds == []
