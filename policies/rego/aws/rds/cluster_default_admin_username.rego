package aws.rds.cluster_default_admin_username

import data.lib.pulumi

# METADATA
# title: RDS DB clusters use a custom administrator user name
# description: |
#   The administrator user names every tool and attacker tries first (admin, postgres,
#   root, sa) leave only the password to guess in a credential-stuffing or brute-force
#   attempt. masterUsername must be a name of your own. An unknown name is not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-default-admin-username
#   severity: low
#   concern: auth
#   remediation: 'Set master_username to a name of your own on aws.rds.Cluster.'
#   compliance:
#     fsbp: ["RDS.24"]
#     nist-800-53: ["AC-2", "IA-5"]
deny contains msg if {
	input.type in resource_types
	name := input.properties.masterUsername
	is_string(name)
	lower(name) in {"admin", "postgres", "root", "sa", "administrator", "master"}
	msg := sprintf("RDS DB cluster %q uses a well-known administrator user name: choose a name of your own.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})
