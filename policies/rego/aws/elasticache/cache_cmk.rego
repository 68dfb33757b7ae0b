package aws.elasticache.cache_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: ElastiCache caches use a customer-managed KMS key
# description: |
#   A replication group encrypted at rest, or a serverless cache, without kmsKeyId is
#   encrypted under a service-managed key whose use cannot be limited, audited per
#   cache or revoked. Where the profile asks for it (requireCustomerManagedKey, on
#   unless turned off), kmsKeyId must name a customer-managed key. A replication group
#   that is not encrypted at rest is reported by
#   aws-elasticache-replication-group-at-rest-encryption.
# scope: document
# custom:
#   id: aws-elasticache-cache-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kms_key_id=key.arn on aws.elasticache.ReplicationGroup (with at_rest_encryption_enabled=True) or aws.elasticache.ServerlessCache.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the service-managed key.
deny contains msg if {
	some label in checked_kind
	kms.required("aws-elasticache-cache-cmk")
	kms.without_customer_key(input.properties, "kmsKeyId")
	msg := sprintf(
		"ElastiCache %s %q is encrypted with a service-managed key: set kmsKeyId to a customer-managed KMS key.",
		[label, input.name],
	)
}

resource_types := pulumi.with_aliases({replication_group_type, serverless_cache_type})

replication_group_type := "aws:elasticache/replicationGroup:ReplicationGroup"

serverless_cache_type := "aws:elasticache/serverlessCache:ServerlessCache"

# checked_kind names the resource when it is a cache whose key the rule judges.
checked_kind contains "replication group" if {
	pulumi.is_type(input, replication_group_type)
	object.get(input.properties, "globalReplicationGroupId", null) == null
	encrypted_at_rest(input.properties)
}

checked_kind contains "serverless cache" if pulumi.is_type(input, serverless_cache_type)

encrypted_at_rest(props) if props.atRestEncryptionEnabled == true

# Valkey groups default to encryption at rest.
encrypted_at_rest(props) if {
	pulumi.absent(props, "atRestEncryptionEnabled")
	props.engine == "valkey"
}
