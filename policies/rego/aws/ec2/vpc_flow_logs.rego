package aws.ec2.vpc_flow_logs

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: VPCs record their traffic with flow logs
# description: |
#   Without a flow log, nothing records which addresses talked to which in the VPC:
#   a port scan, data leaving through a NAT gateway or a compromised instance calling
#   out cannot be investigated afterwards. Each aws.ec2.Vpc of the stack must have an
#   aws.ec2.FlowLog whose vpcId is the VPC (found through its propertyDependencies or,
#   once deployed, the VPC id). A flow log whose vpcId is unknown and untraceable could
#   cover any VPC, so nothing is reported then.
# scope: document
# custom:
#   id: aws-ec2-vpc-flow-logs
#   severity: medium
#   concern: logging
#   remediation: Add aws.ec2.FlowLog(vpc_id=vpc.id, traffic_type="ALL", log_destination_type="cloud-watch-logs", log_destination=group.arn, iam_role_arn=role.arn) for each VPC.
#   compliance:
#     fsbp: ["EC2.6"]
#     nist-800-53: ["AU-12", "SI-4"]
#     pci-dss: ["10.2.1"]
stack_deny contains {"urn": vpc.urn, "message": msg} if {
	not stack.untraceable(flow_logs, "vpcId")
	some vpc in stack.of_type("aws:ec2/vpc:Vpc")
	not stack.referenced(vpc, ["id"], logged)
	msg := sprintf("VPC %q has no flow log: add an aws.ec2.FlowLog with vpc_id=vpc.id so its traffic is recorded.", [vpc.name])
}

flow_logs := stack.of_type("aws:ec2/flowLog:FlowLog")

# URNs and ids of the VPCs some flow log records (built once).
logged := stack.targets(flow_logs, "vpcId")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/flowLog:FlowLog",
	"aws:ec2/vpc:Vpc",
})
