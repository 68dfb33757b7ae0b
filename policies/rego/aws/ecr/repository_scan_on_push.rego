package aws.ecr.repository_scan_on_push

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: ECR repositories scan images for vulnerabilities
# description: |
#   Every private repository must have its images scanned for known vulnerabilities
#   when they are pushed: through imageScanningConfiguration.scanOnPush, or through an
#   aws.ecr.RegistryScanningConfiguration in the stack with a SCAN_ON_PUSH or
#   CONTINUOUS_SCAN rule whose wildcard repository filter matches the repository name.
#   Without it, images with known critical CVEs are deployed unnoticed. A registry
#   configuration whose rules are unknown, or a repository whose name is unknown while
#   a registry rule exists, is not judged.
# scope: document
# custom:
#   id: aws-ecr-repository-scan-on-push
#   severity: high
#   concern: logging
#   remediation: Set image_scanning_configuration=aws.ecr.RepositoryImageScanningConfigurationArgs(scan_on_push=True) on aws.ecr.Repository, or add an aws.ecr.RegistryScanningConfiguration rule with scan_frequency="SCAN_ON_PUSH" and a matching filter.
#   compliance:
#     fsbp: ["ECR.1"]
#     nist-800-53: ["RA-5"]
#     pci-dss: ["6.3.3"]
stack_deny contains {"urn": r.urn, "message": msg} if {
	not unreadable_registry_rules
	some r in stack.of_type("aws:ecr/repository:Repository")
	not scanned(r)
	msg := sprintf(
		"ECR repository %q does not scan pushed images for vulnerabilities: set imageScanningConfiguration.scanOnPush to true, or add a registry scanning rule (SCAN_ON_PUSH or CONTINUOUS_SCAN) whose filter matches the repository.",
		[r.name],
	)
}

registry_configs := stack.of_type("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration")

# The repository filters of the registry rules that scan automatically (built once).
automatic_filters := {f.filter |
	some c in registry_configs
	some rule in c.properties.rules
	rule.scanFrequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in rule.repositoryFilters
	is_string(f.filter)
}

unreadable_registry_rules if {
	some c in registry_configs
	pulumi.unknown(c.properties, "rules")
}

scanned(r) if r.properties.imageScanningConfiguration.scanOnPush == true

scanned(r) if pulumi.unknown(r.properties, "imageScanningConfiguration")

scanned(r) if pulumi.unknown(r.properties.imageScanningConfiguration, "scanOnPush")

scanned(r) if {
	some filter in automatic_filters
	glob.match(filter, [], repository_name(r))
}

# A repository whose name is only known after deployment may match any registry rule.
scanned(r) if {
	pulumi.unknown(r.properties, "name")
	count(automatic_filters) > 0
}

# repository_name(r) is the name input (auto-named from the resource name when absent).
repository_name(r) := r.properties.name if is_string(r.properties.name)

repository_name(r) := r.name if pulumi.absent(r.properties, "name")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
	"aws:ecr/repository:Repository",
})
