package aws.ecs.task_definition_read_only_root

import data.lib.ecs
import data.lib.pulumi

# METADATA
# title: ECS containers mount their root filesystem read-only
# description: |
#   A container whose root filesystem is writable lets an intruder drop tools, change the
#   application's code or configuration and persist until the task is replaced. Each
#   container definition should set readonlyRootFilesystem true and write only to declared
#   volumes or tmpfs mounts. Unreadable container definitions are not judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-read-only-root
#   severity: low
#   concern: iam
#   remediation: 'Add "readonlyRootFilesystem": true to each container definition, with a volume or tmpfs mount for the paths the application writes.'
#   compliance:
#     fsbp: ["ECS.5"]
#     nist-800-53: ["AC-6", "CM-7"]
deny contains msg if {
	input.type in resource_types
	some container in ecs.containers(input.properties)
	is_object(container)
	not container.readonlyRootFilesystem == true
	not pulumi.unknown(container, "readonlyRootFilesystem")
	msg := sprintf("ECS task definition %q has a container with a writable root filesystem: set readonlyRootFilesystem to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})
