package aws.ec2.vpc_endpoint_private_dns

import data.lib.pulumi

# METADATA
# title: Interface VPC endpoints for AWS services enable private DNS
# description: |
#   An Interface VPC endpoint must have privateDnsEnabled true, so that the service's
#   regular hostname (for example sqs.eu-west-1.amazonaws.com) resolves to the endpoint
#   inside the VPC. Without it, SDKs and tools keep resolving the public endpoint and
#   their traffic leaves through a NAT or internet gateway instead of the endpoint.
#   Endpoints to endpoint services (service names com.amazonaws.vpce.*), which may
#   have no private DNS name to enable, are not checked.
# scope: document
# custom:
#   id: aws-ec2-vpc-endpoint-private-dns
#   severity: medium
#   concern: network
#   remediation: Set privateDnsEnabled to true on the Interface endpoint.
#   compliance:
#     nist-800-53: ["SC-7"]
deny contains msg if {
	input.type in resource_types
	input.properties.vpcEndpointType == "Interface"
	aws_service(input.properties.serviceName)
	pulumi.is_false(input.properties, "privateDnsEnabled")
	msg := sprintf("Interface VPC endpoint %q does not enable private DNS, so clients keep resolving the service's public endpoint: set privateDnsEnabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2/vpcEndpoint:VpcEndpoint"})

aws_service(name) if {
	is_string(name)
	not pulumi.is_unknown(name)
	not startswith(name, "com.amazonaws.vpce.")
}
