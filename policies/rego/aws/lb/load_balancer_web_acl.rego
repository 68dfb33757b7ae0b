package aws.lb.load_balancer_web_acl

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Internet-facing Application Load Balancers are protected by a WAF web ACL
# description: |
#   An internet-facing ALB without AWS WAF forwards every request to its targets:
#   injection payloads, known bad inputs and floods from single sources reach the
#   application. Each application load balancer of the stack that is not internal needs an
#   aws.wafv2.WebAclAssociation whose resourceArn is it (found through its
#   propertyDependencies or, once deployed, the ARN). Network and Gateway Load Balancers
#   cannot take a web ACL and are not judged; an association whose target is unknown and
#   untraceable could cover any load balancer, so nothing is reported then.
# scope: document
# custom:
#   id: aws-lb-load-balancer-web-acl
#   severity: medium
#   concern: auth
#   remediation: Create an aws.wafv2.WebAclAssociation(resource_arn=alb.arn, web_acl_arn=acl.arn) with a REGIONAL web ACL.
#   compliance:
#     fsbp: ["ELB.16"]
#     nist-800-53: ["AC-4(21)", "SC-7"]
#     pci-dss: ["6.4.2"]
stack_deny contains {"urn": lb.urn, "message": msg} if {
	not stack.untraceable(associations, "resourceArn")
	some lb in stack.of_type("aws:lb/loadBalancer:LoadBalancer")
	object.get(lb.properties, "loadBalancerType", "application") == "application"
	not lb.properties.internal == true
	not pulumi.unknown(lb.properties, "internal")
	not stack.referenced(lb, ["arn"], associated)
	msg := sprintf("Application Load Balancer %q faces the internet without AWS WAF: associate a REGIONAL web ACL with it (aws.wafv2.WebAclAssociation with resourceArn=alb.arn).", [lb.name])
}

associations := stack.of_type("aws:wafv2/webAclAssociation:WebAclAssociation")

# URNs and ARNs that some web ACL association points to (built once).
associated := stack.targets(associations, "resourceArn")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:lb/loadBalancer:LoadBalancer",
	"aws:wafv2/webAclAssociation:WebAclAssociation",
})
