package aws.ecs.service_platform_version

import data.lib.pulumi

# METADATA
# title: Fargate services run on the latest platform version
# description: |
#   A Fargate service pinned to an old platformVersion (1.3.0, 1.2.0...) keeps running on
#   a kernel and container runtime that no longer get the platform's security fixes. Leave
#   platformVersion unset or LATEST (or name the current 1.4.0 on Linux, 1.0.0 on
#   Windows). Services of other launch types and unknown versions are not judged.
# scope: document
# custom:
#   id: aws-ecs-service-platform-version
#   severity: medium
#   concern: network
#   remediation: 'Remove platform_version from aws.ecs.Service (or set it to "LATEST").'
#   compliance:
#     fsbp: ["ECS.10"]
#     nist-800-53: ["SI-2"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "launchType", "") == "FARGATE"
	version := input.properties.platformVersion
	is_string(version)
	not pulumi.is_unknown(version)
	not version in current_versions
	msg := sprintf("Fargate service %q is pinned to an old platform version: remove platformVersion or set it to LATEST.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/service:Service"})

current_versions := {"LATEST", "1.4.0", "1.0.0"}
