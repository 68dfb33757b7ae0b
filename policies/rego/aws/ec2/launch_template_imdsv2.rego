package aws.ec2.launch_template_imdsv2

import data.lib.pulumi

# METADATA
# title: EC2 launch templates require IMDSv2
# description: |
#   Instances launched from a template (Auto Scaling groups, EKS node groups, Batch,
#   instances that name the template) take its metadataOptions: without httpTokens
#   "required" they answer IMDSv1 requests, so a server-side request forgery on any of
#   them reads the instance role's credentials. The metadata endpoint may be disabled
#   instead.
# scope: document
# custom:
#   id: aws-ec2-launch-template-imdsv2
#   severity: high
#   concern: auth
#   remediation: Set metadata_options=aws.ec2.LaunchTemplateMetadataOptionsArgs(http_endpoint="enabled", http_tokens="required", http_put_response_hop_limit=1) on aws.ec2.LaunchTemplate.
#   compliance:
#     fsbp: ["EC2.170"]
#     nist-800-53: ["AC-3", "SC-7"]
deny contains msg if {
	input.type in resource_types
	not imdsv2_only(object.get(input.properties, "metadataOptions", {}))
	msg := sprintf(
		"EC2 launch template %q lets its instances accept IMDSv1 requests, so a request forgery on them can read their role credentials: set metadataOptions.httpTokens to \"required\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/launchTemplate:LaunchTemplate"})

imdsv2_only(options) if options.httpTokens == "required"

imdsv2_only(options) if options.httpEndpoint == "disabled"

imdsv2_only(options) if pulumi.is_unknown(options)

imdsv2_only(options) if pulumi.unknown(options, "httpTokens")
