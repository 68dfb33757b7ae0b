package aws.ec2.vpc_endpoint_routing

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: VPC endpoints are wired into the VPC so traffic can use them
# description: |
#   A Gateway endpoint (S3, DynamoDB; the default type) routes nothing until route tables
#   point at it: without routeTableIds or an aws.ec2.VpcEndpointRouteTableAssociation,
#   traffic to the service keeps leaving through a NAT or internet gateway, past the
#   endpoint policy. An Interface endpoint (SQS, Secrets Manager...) without subnetIds or
#   an aws.ec2.VpcEndpointSubnetAssociation has no network interface to reach. Each
#   endpoint of the stack must be wired one of these ways. Endpoints whose wiring is
#   unknown, or whose associations point at unknown, untraceable endpoints, are not judged.
# scope: document
# custom:
#   id: aws-ec2-vpc-endpoint-routing
#   severity: medium
#   concern: network
#   remediation: Give a Gateway endpoint route_table_ids=[private_route_table.id] (or add aws.ec2.VpcEndpointRouteTableAssociation), and an Interface endpoint subnet_ids of the private subnets (or aws.ec2.VpcEndpointSubnetAssociation).
#   compliance:
#     nist-800-53: ["AC-4", "SC-7"]
stack_deny contains {"urn": e.urn, "message": msg} if {
	some e in stack.of_type("aws:ec2/vpcEndpoint:VpcEndpoint")
	[key, association_kind, wiring] := wiring_of(e)
	not pulumi.unknown(e.properties, key)
	count(object.get(e.properties, key, [])) == 0
	not stack.untraceable(associations[association_kind], "vpcEndpointId")
	not stack.referenced(e, ["id"], associated[association_kind])
	msg := sprintf("VPC endpoint %q (%s) is not wired into the VPC, so traffic to the service does not use it: %s.", [e.name, object.get(e.properties, "serviceName", "?"), wiring])
}

wiring_of(e) := ["routeTableIds", "routes", "set routeTableIds or add a VpcEndpointRouteTableAssociation"] if {
	object.get(e.properties, "vpcEndpointType", "Gateway") == "Gateway"
}

wiring_of(e) := ["subnetIds", "subnets", "set subnetIds or add a VpcEndpointSubnetAssociation"] if {
	e.properties.vpcEndpointType == "Interface"
}

associations := {
	"routes": stack.of_type("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation"),
	"subnets": stack.of_type("aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation"),
}

# URNs and ids of the endpoints each kind of association wires (built once).
associated := {kind: stack.targets(list, "vpcEndpointId") | some kind, list in associations}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/vpcEndpoint:VpcEndpoint",
	"aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation",
	"aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation",
})
