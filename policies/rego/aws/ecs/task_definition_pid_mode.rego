package aws.ecs.task_definition_pid_mode

import data.lib.pulumi

# METADATA
# title: ECS tasks do not share the host's process namespace
# description: |
#   pidMode host puts the task's containers in the host's process namespace: they see,
#   signal and can trace every process on the container instance, other tasks' included,
#   and read their environment. Leave pidMode unset (or task). An unknown mode is not
#   judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-pid-mode
#   severity: high
#   concern: iam
#   remediation: 'Remove pid_mode="host" from aws.ecs.TaskDefinition.'
#   compliance:
#     fsbp: ["ECS.3"]
#     nist-800-53: ["AC-6", "SC-39"]
deny contains msg if {
	input.type in resource_types
	input.properties.pidMode == "host"
	msg := sprintf("ECS task definition %q shares the host's process namespace (pidMode host): remove pidMode.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})
