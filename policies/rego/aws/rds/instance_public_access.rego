package aws.rds.instance_public_access

import data.lib.pulumi

# METADATA
# title: RDS instances are not publicly accessible
# description: |
#   An RDS instance with publiclyAccessible true gets a DNS name that resolves to a
#   public address: its database port is then reachable from the internet wherever its
#   security groups and subnet routes allow, and only the database password stands in
#   the way. Databases belong in private subnets, reached from the application tier or
#   through a bastion or RDS Proxy.
# scope: document
# custom:
#   id: aws-rds-instance-public-access
#   severity: critical
#   concern: network
#   remediation: Set publicly_accessible=False on aws.rds.Instance (the default) and use a db_subnet_group_name of private subnets.
#   compliance:
#     fsbp: ["RDS.2"]
#     cis-aws-foundations: ["2.3.3"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.publiclyAccessible == true
	msg := sprintf(
		"RDS instance %q is publicly accessible: set publiclyAccessible to false and keep it in private subnets.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
