# METADATA
# description: |
#   Helpers for the ECS task-definition rules: the container definitions, read as the
#   JSON text the provider takes (aws.ecs.TaskDefinition container_definitions) or as
#   a list (as some SDKs and state files hold them).
package lib.ecs

# containers(props) is the list of container definitions of a task definition's
# properties; [] when they are absent, unknown, secret or not valid JSON.
containers(props) := parsed if {
	text := props.containerDefinitions
	is_string(text)
	json.is_valid(text)
	parsed := json.unmarshal(text)
	is_array(parsed)
} else := props.containerDefinitions if {
	is_array(props.containerDefinitions)
} else := []
