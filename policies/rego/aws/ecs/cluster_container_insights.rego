package aws.ecs.cluster_container_insights

import data.lib.pulumi

# METADATA
# title: ECS clusters collect Container Insights metrics
# description: |
#   Without the containerInsights setting, a cluster reports only cluster- and service-
#   level CPU and memory: a task that starts mining, restarts in a loop or exhausts its
#   memory goes unseen. The cluster's settings must set containerInsights to enabled or
#   enhanced. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ecs-cluster-container-insights
#   severity: low
#   concern: logging
#   remediation: 'Set settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")] on aws.ecs.Cluster.'
#   compliance:
#     fsbp: ["ECS.12"]
#     nist-800-53: ["AU-12", "SI-4"]
deny contains msg if {
	input.type in resource_types
	not insights_on
	not insights_unknown
	msg := sprintf("ECS cluster %q does not collect Container Insights: add the containerInsights setting with value enabled.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/cluster:Cluster"})

insights_on if {
	some s in object.get(input.properties, "settings", [])
	s.name == "containerInsights"
	s.value in {"enabled", "enhanced"}
}

insights_unknown if pulumi.unknown(input.properties, "settings")

insights_unknown if {
	some s in object.get(input.properties, "settings", [])
	s.name == "containerInsights"
	pulumi.is_unknown(s.value)
}
