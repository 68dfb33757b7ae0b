package aws.ec2.vpc_endpoint_policy_public

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi
import data.lib.stack

# METADATA
# title: VPC endpoint policies do not give any principal full access
# description: |
#   A VPC endpoint policy (aws.ec2.VpcEndpoint policy or VpcEndpointPolicy) must not Allow
#   Principal "*", {"AWS": "*"} or NotPrincipal without a condition narrowing the caller,
#   or the endpoint carries requests from any credentials, including another account's,
#   to any resource of the service (a data exfiltration path out of the VPC). An
#   Interface or Gateway endpoint to an AWS service with no policy at all, and no
#   VpcEndpointPolicy attached to it in the stack, gets AWS's default policy, which allows
#   any principal every action on every resource through the endpoint; the caller still
#   needs IAM permissions, so that is no public access and is not reported unless the
#   profile sets requireExplicitPolicy (stricter than any AWS control: a data-perimeter
#   choice). Endpoint services (com.amazonaws.vpce.*) and the other endpoint types do not
#   take policies and are not checked for a missing one. This is a stack rule so that a separate VpcEndpointPolicy
#   counts as the endpoint's policy.
#   Deny statements and named principals are fine. Conditions that count as narrowing:
#   aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount,
#   kms:ViaService and aws:SourceIp; negated, …IfExists, Null and ForAllValues:
#   operators do not, nor do wildcard values ("*", "1234*", 0.0.0.0/0) or policy variables:
#   only fixed values (or ARNs pinned to one account) narrow. The VPC-endpoint owner keys
#   aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths and aws:PrincipalOrgPaths narrow too.
#   An execute-api endpoint may allow Principal "*" to execute-api:Invoke APIs of one fixed
#   account (Resource arn:aws:execute-api:<region>:<account>:…): API Gateway evaluates bearer-token
#   callers as anonymous, so this Resource scope is AWS's documented way to narrow it.
#   An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-ec2-vpc-endpoint-policy-public
#   severity: critical
#   concern: iam
#   remediation: Set an endpoint policy whose Allow statements carry an aws:PrincipalOrgID (or aws:PrincipalAccount) condition, or name the principals and resources the VPC needs.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6", "SC-7"]
#     pci-dss: ["7.2.1"]
#   config:
#     requireExplicitPolicy:
#       type: boolean
#       default: false
#       description: true reports an endpoint left with AWS's default (full access) policy, for a data perimeter that names who may use each endpoint.
stack_deny contains {"urn": r.urn, "message": msg} if {
	some token, kind in kinds
	some r in stack.of_type(token)
	some a in iam_policies.allow_statements(r.properties.policy)
	iam_policies.public_principal(a.statement)
	not iam_policies.restricted_by(a.statement, iam_policies.resource_policy_condition_keys)
	not account_scoped_invoke(r.properties, a.statement)
	stmt := sprintf("%s (%s)", [a.label, iam_policies.principal_summary(a.statement)])
	msg := sprintf(
		"%s %q has a policy %s that lets any credentials, including other accounts', use the endpoint, with no condition narrowing the caller: add an aws:PrincipalOrgID or aws:PrincipalAccount condition, or name the principals.",
		[kind, r.name, stmt],
	)
}

stack_deny contains {"urn": r.urn, "message": msg} if {
	object.get(pulumi.config("aws-ec2-vpc-endpoint-policy-public"), "requireExplicitPolicy", false) == true
	some r in stack.of_type("aws:ec2/vpcEndpoint:VpcEndpoint")
	pulumi.absent(r.properties, "policy")
	takes_policy(r.properties)
	not stack.referenced(r, ["id"], attached)
	msg := sprintf(
		"VPC endpoint %q has no endpoint policy, so AWS applies its default policy allowing any principal every action on every resource through it, and the profile requires an explicit one (requireExplicitPolicy): set policy (or add a VpcEndpointPolicy) with statements limited by an aws:PrincipalOrgID or aws:PrincipalAccount condition.",
		[r.name],
	)
}

# account_scoped_invoke holds for an execute-api endpoint statement that only invokes APIs of one
# fixed account (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html).
account_scoped_invoke(props, stmt) if {
	endswith(props.serviceName, ".execute-api")
	actions := iam.actions(stmt)
	count(actions) > 0
	every action in actions {
		lower(action) == "execute-api:invoke"
	}
	resources := iam.as_list(object.get(stmt, "Resource", []))
	count(resources) > 0
	every resource in resources {
		regex.match(`^arn:aws[a-z-]*:execute-api:[a-z0-9-]+:[0-9]{12}:`, resource)
	}
}

kinds := {
	"aws:ec2/vpcEndpoint:VpcEndpoint": "VPC endpoint",
	"aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": "VPC endpoint policy",
}

# The endpoints that a VpcEndpointPolicy of the stack gives a policy (URNs and ids), built once.
attached := stack.targets(stack.of_type("aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy"), "vpcEndpointId")

# takes_policy(props) holds for an Interface or Gateway (the default type) endpoint to an AWS service.
takes_policy(props) if {
	object.get(props, "vpcEndpointType", "Gateway") in {"Interface", "Gateway", null}
	name := props.serviceName
	is_string(name)
	not pulumi.is_unknown(name)
	not startswith(name, "com.amazonaws.vpce.")
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/vpcEndpoint:VpcEndpoint",
	"aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy",
})
