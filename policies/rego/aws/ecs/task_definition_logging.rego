package aws.ecs.task_definition_logging

import data.lib.ecs
import data.lib.pulumi

# METADATA
# title: ECS containers send their output to a log driver
# description: |
#   A container definition without logConfiguration keeps its stdout and stderr only on
#   the host (EC2) or nowhere at all (Fargate): application errors, access logs and an
#   attacker's activity in the container are lost when the task stops. Every container
#   of a task definition must set logConfiguration.logDriver (awslogs, awsfirelens,
#   splunk...). Container definitions that are unknown or unreadable are not judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-logging
#   severity: medium
#   concern: logging
#   remediation: 'Add "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": group.name, "awslogs-region": region, "awslogs-stream-prefix": "web"}} to each container definition.'
#   compliance:
#     fsbp: ["ECS.9"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	some container in ecs.containers(input.properties)
	is_object(container)
	not logged(container)
	msg := sprintf(
		"ECS task definition %q: container %q has no log configuration, so its output is lost: set logConfiguration.logDriver (e.g. awslogs).",
		[input.name, object.get(container, "name", "")],
	)
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})

logged(container) if not pulumi.absent(object.get(container, "logConfiguration", {}), "logDriver")

logged(container) if pulumi.unknown(container, "logConfiguration")
