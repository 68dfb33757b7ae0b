package aws.ecs.cluster_container_insights_test

import data.aws.ecs.cluster_container_insights as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ecs/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:ecs/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"name": "main"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"settings": [{"name": "containerInsights", "value": "disabled"}]})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"settings": [{"name": "containerInsights", "value": "enabled"}]})
	count(rule.deny) == 0 with input as resource({"settings": [{"name": "containerInsights", "value": "enhanced"}]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"settings": unknown})
	count(rule.deny) == 0 with input as resource({"settings": [{"name": "containerInsights", "value": unknown}]})
}
