package aws.ecs.task_definition_host_network

import data.lib.ecs
import data.lib.pulumi

# METADATA
# title: ECS tasks on the host network run as a non-root user
# description: |
#   networkMode host gives the task's containers the instance's network stack: a container
#   running as root there can bind any port, sniff the instance's traffic and reach the
#   instance metadata service (and with it the instance role). A task definition on the
#   host network must give each container a non-root user (or be privileged deliberately,
#   which aws-ecs-task-definition-privileged reports). Unreadable container definitions
#   are not judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-host-network
#   severity: high
#   concern: network
#   remediation: 'Use network_mode="awsvpc", or set "user": "1000" (a non-root user) in each container definition.'
#   compliance:
#     fsbp: ["ECS.1"]
#     nist-800-53: ["AC-6", "SC-7"]
deny contains msg if {
	input.type in resource_types
	input.properties.networkMode == "host"
	some container in ecs.containers(input.properties)
	is_object(container)
	not container.privileged == true
	root_user(object.get(container, "user", ""))
	msg := sprintf("ECS task definition %q runs a container as root on the host network: set a non-root user, or use awsvpc network mode.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})

root_user(user) if user in {"", "root", "0", "0:0"}

root_user(user) if startswith(user, "root:")

root_user(user) if startswith(user, "0:")
