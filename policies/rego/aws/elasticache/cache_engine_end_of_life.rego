package aws.elasticache.cache_engine_end_of_life

import data.lib.pulumi

# METADATA
# title: ElastiCache Redis OSS caches run an engine version that still gets fixes
# description: |
#   Redis OSS 4 and 5 on ElastiCache reached the end of standard support on 31 January
#   2026 (older versions long before): they get no further security fixes except under
#   paid extended support, and lack the ACL-based access control (Redis 6) that
#   aws-elasticache-user-authentication relies on. A replication group or cluster with
#   engine redis and an engineVersion below 6 is reported; Valkey and Memcached are not
#   judged here, nor is an unknown or absent version (the provider then picks a current
#   default).
# scope: document
# custom:
#   id: aws-elasticache-cache-engine-end-of-life
#   severity: medium
#   concern: network
#   remediation: Set engine_version="7.1" (or move to engine="valkey", engine_version="8.0") on aws.elasticache.ReplicationGroup or aws.elasticache.Cluster.
#   compliance:
#     nist-800-53: ["SI-2", "SA-22"]
#     pci-dss: ["6.3.3"]
deny contains msg if {
	input.type in resource_types
	lower(object.get(input.properties, "engine", "redis")) == "redis"
	version := input.properties.engineVersion
	is_string(version)
	parts := regex.find_all_string_submatch_n(`^(\d+)\.`, version, 1)
	count(parts) == 1
	to_number(parts[0][1]) < 6
	msg := sprintf("ElastiCache %q runs Redis OSS %s, past its end of standard support: upgrade to Redis OSS 7 or Valkey.", [input.name, version])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"})
