package aws.redshift.cluster_default_admin_username

import data.lib.pulumi

# METADATA
# title: Redshift clusters use a custom administrator user name
# description: |
#   awsuser, the console's default administrator name, is the first name a brute-force or
#   credential-stuffing attempt tries, leaving only the password to guess. masterUsername
#   must be a name of your own. An unknown name is not judged.
# scope: document
# custom:
#   id: aws-redshift-cluster-default-admin-username
#   severity: low
#   concern: auth
#   remediation: 'Set master_username to a name of your own on aws.redshift.Cluster.'
#   compliance:
#     fsbp: ["Redshift.8"]
#     nist-800-53: ["AC-2", "IA-5"]
deny contains msg if {
	input.type in resource_types
	name := input.properties.masterUsername
	is_string(name)
	lower(name) in {"awsuser", "admin"}
	msg := sprintf("Redshift cluster %q uses a well-known administrator user name: choose a name of your own.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
