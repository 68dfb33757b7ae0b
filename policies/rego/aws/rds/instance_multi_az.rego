package aws.rds.instance_multi_az

import data.lib.pulumi

# METADATA
# title: RDS DB instances run Multi-AZ
# description: |
#   A single-AZ instance goes down with its Availability Zone and during some maintenance;
#   Multi-AZ keeps a synchronous standby in another zone and fails over to it. multiAz
#   must be true. Aurora instances (the cluster decides) and read replicas are not judged,
#   nor is an unknown setting.
# scope: document
# custom:
#   id: aws-rds-instance-multi-az
#   severity: low
#   concern: network
#   remediation: 'Set multi_az=True on aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.5"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	not startswith(object.get(input.properties, "engine", ""), "aurora")
	pulumi.absent(input.properties, "replicateSourceDb")
	pulumi.is_false(input.properties, "multiAz")
	msg := sprintf("RDS DB instance %q runs in a single Availability Zone: set multiAz to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
