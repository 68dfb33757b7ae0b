package aws.redshift.cluster_version_upgrade

import data.lib.pulumi

# METADATA
# title: Redshift clusters take major version upgrades automatically
# description: |
#   allowVersionUpgrade false keeps a cluster on its current major engine version during
#   maintenance, without the security fixes of newer ones. Leave it true (the default). An
#   unknown setting is not judged.
# scope: document
# custom:
#   id: aws-redshift-cluster-version-upgrade
#   severity: medium
#   concern: network
#   remediation: 'Remove allow_version_upgrade=False from aws.redshift.Cluster.'
#   compliance:
#     fsbp: ["Redshift.6"]
#     nist-800-53: ["SI-2"]
deny contains msg if {
	input.type in resource_types
	input.properties.allowVersionUpgrade == false
	msg := sprintf("Redshift cluster %q does not take version upgrades: set allowVersionUpgrade to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
