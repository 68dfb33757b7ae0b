package aws.msk.cluster_enhanced_monitoring

import data.lib.pulumi

# METADATA
# title: MSK clusters publish enhanced monitoring metrics
# description: |
#   enhancedMonitoring DEFAULT (the default) publishes only cluster-level metrics: a
#   broker running out of disk, a partition under-replicated or a consumer falling behind
#   goes unseen until it fails. Set PER_BROKER or finer. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-msk-cluster-enhanced-monitoring
#   severity: low
#   concern: logging
#   remediation: 'Set enhanced_monitoring="PER_BROKER" (or PER_TOPIC_PER_BROKER) on aws.msk.Cluster.'
#   compliance:
#     fsbp: ["MSK.2"]
#     nist-800-53: ["AU-12", "SI-4"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "enhancedMonitoring")
	object.get(input.properties, "enhancedMonitoring", "DEFAULT") == "DEFAULT"
	msg := sprintf("MSK cluster %q publishes only default metrics: set enhancedMonitoring to PER_BROKER or finer.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:msk/cluster:Cluster"})
