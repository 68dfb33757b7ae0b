package aws.ec2.instance_imdsv2

import data.lib.pulumi

# METADATA
# title: EC2 instances require IMDSv2
# description: |
#   With metadataOptions.httpTokens "optional" (the default for most AMIs) the instance
#   metadata service also answers IMDSv1 requests, which need no session token: a
#   server-side request forgery in any application on the instance is enough to read
#   the instance role's temporary credentials. httpTokens must be "required" (or the
#   metadata endpoint disabled). An instance launched from a launch template without
#   its own metadataOptions takes them from the template, which
#   aws-ec2-launch-template-imdsv2 checks.
# scope: document
# custom:
#   id: aws-ec2-instance-imdsv2
#   severity: high
#   concern: auth
#   remediation: Set metadata_options=aws.ec2.InstanceMetadataOptionsArgs(http_tokens="required", http_put_response_hop_limit=1) on aws.ec2.Instance.
#   compliance:
#     fsbp: ["EC2.8"]
#     nist-800-53: ["AC-3", "SC-7"]
deny contains msg if {
	input.type in resource_types
	not from_template(input.properties)
	not imdsv2_only(object.get(input.properties, "metadataOptions", {}))
	msg := sprintf(
		"EC2 instance %q accepts IMDSv1 requests, so a request forgery on it can read its role credentials: set metadataOptions.httpTokens to \"required\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/instance:Instance"})

from_template(props) if {
	pulumi.absent(props, "metadataOptions")
	not pulumi.absent(props, "launchTemplate")
}

# imdsv2_only(options) holds when IMDSv1 is refused, the endpoint is off, or it cannot be known yet.
imdsv2_only(options) if options.httpTokens == "required"

imdsv2_only(options) if options.httpEndpoint == "disabled"

imdsv2_only(options) if pulumi.is_unknown(options)

imdsv2_only(options) if pulumi.unknown(options, "httpTokens")
