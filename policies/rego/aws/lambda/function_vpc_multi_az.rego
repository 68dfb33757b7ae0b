package aws.lambda.function_vpc_multi_az

import data.lib.pulumi

# METADATA
# title: Lambda functions in a VPC run in more than one subnet
# description: |
#   A function attached to a VPC places its network interfaces only in the subnets it
#   lists. With a single subnet it runs in a single Availability Zone, and an outage of
#   that zone stops it although Lambda itself stays up elsewhere. List private subnets of
#   at least two zones.
# scope: document
# custom:
#   id: aws-lambda-function-vpc-multi-az
#   severity: medium
#   concern: network
#   remediation: Give vpc_config.subnet_ids private subnets of at least two Availability Zones (stackguard.components.SecureFunction asks for a reason otherwise).
#   compliance:
#     fsbp: ["Lambda.5"]
#     nist-800-53: ["CP-10", "SC-36"]
deny contains msg if {
	input.type in resource_types
	subnets := input.properties.vpcConfig.subnetIds
	is_array(subnets)
	count(subnets) == 1
	msg := sprintf("Lambda function %q runs in a VPC with a single subnet, so in one Availability Zone: list private subnets of at least two zones in vpcConfig.subnetIds.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lambda/function:Function"})
