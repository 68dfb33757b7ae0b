package aws.ec2.vpc_ec2_endpoint

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: VPCs reach the EC2 API through an interface endpoint
# description: |
#   Without an interface endpoint for the EC2 service (com.amazonaws.<region>.ec2), calls
#   to the EC2 API from the VPC (instance tooling, autoscaling agents, the CLI on a bastion)
#   leave through a NAT or internet gateway, outside the reach of an endpoint policy and of
#   aws:SourceVpce conditions. Each VPC of the stack needs an aws.ec2.VpcEndpoint of type
#   Interface for the ec2 service whose vpcId is it. Endpoints whose VPC or service name is
#   unknown and untraceable could cover any VPC, so nothing is reported then.
# scope: document
# custom:
#   id: aws-ec2-vpc-ec2-endpoint
#   severity: low
#   concern: network
#   remediation: Add aws.ec2.VpcEndpoint(vpc_id=vpc.id, service_name=f"com.amazonaws.{region}.ec2", vpc_endpoint_type="Interface", private_dns_enabled=True, subnet_ids=private_subnet_ids).
#   compliance:
#     fsbp: ["EC2.10"]
#     nist-800-53: ["AC-4", "SC-7"]
stack_deny contains {"urn": vpc.urn, "message": msg} if {
	not unresolved
	some vpc in stack.of_type("aws:ec2/vpc:Vpc")
	not stack.referenced(vpc, ["id"], covered)
	msg := sprintf("VPC %q has no interface endpoint for the EC2 API: add an aws.ec2.VpcEndpoint for com.amazonaws.<region>.ec2.", [vpc.name])
}

endpoints := stack.of_type("aws:ec2/vpcEndpoint:VpcEndpoint")

ec2_endpoints := [e |
	some e in endpoints
	name := e.properties.serviceName
	is_string(name)
	regex.match(`^com\.amazonaws\.[a-z0-9-]+\.ec2$`, name)
]

covered := stack.targets(ec2_endpoints, "vpcId")

unresolved if {
	some e in endpoints
	pulumi.unknown(e.properties, "serviceName")
}

unresolved if stack.untraceable(ec2_endpoints, "vpcId")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/vpc:Vpc",
	"aws:ec2/vpcEndpoint:VpcEndpoint",
})
