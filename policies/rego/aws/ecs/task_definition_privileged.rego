package aws.ecs.task_definition_privileged

import data.lib.ecs
import data.lib.pulumi

# METADATA
# title: ECS containers do not run privileged
# description: |
#   A container definition with privileged true gets root on the container instance: every
#   device, the host's kernel capabilities and, from there, the other tasks and the
#   instance role. Fargate refuses privileged containers; on EC2 they are the container
#   escape an attacker needs. Unreadable container definitions are not judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-privileged
#   severity: high
#   concern: iam
#   remediation: 'Remove "privileged": true from the container definition; grant the one Linux capability needed with linuxParameters.capabilities.add instead.'
#   compliance:
#     fsbp: ["ECS.4"]
#     nist-800-53: ["AC-6", "CM-7"]
#     pci-dss: ["2.2.1"]
deny contains msg if {
	input.type in resource_types
	some container in ecs.containers(input.properties)
	container.privileged == true
	msg := sprintf("ECS task definition %q runs a container privileged (root on the host): remove privileged and add only the capability needed.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})
