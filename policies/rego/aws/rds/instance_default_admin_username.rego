package aws.rds.instance_default_admin_username

import data.lib.pulumi

# METADATA
# title: RDS DB instances use a custom administrator user name
# description: |
#   The administrator user names every tool and attacker tries first (admin, postgres,
#   root, sa) leave only the password to guess in a credential-stuffing or brute-force
#   attempt. username must be a name of your own. An unknown name is not judged.
# scope: document
# custom:
#   id: aws-rds-instance-default-admin-username
#   severity: low
#   concern: auth
#   remediation: 'Set username to a name of your own on aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.25"]
#     nist-800-53: ["AC-2", "IA-5"]
deny contains msg if {
	input.type in resource_types
	name := input.properties.username
	is_string(name)
	lower(name) in {"admin", "postgres", "root", "sa", "administrator", "master"}
	msg := sprintf("RDS DB instance %q uses a well-known administrator user name: choose a name of your own.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
