package aws.apigateway.stage_web_acl

import data.aws.wafv2.web_acl_managed_rules
import data.lib.pulumi
import data.lib.stack
import data.lib.wafv2

# METADATA
# title: API Gateway REST stages are protected by a WAF web ACL
# description: |
#   Every REST API stage must sit behind AWS WAF, through an
#   aws.wafv2.WebAclAssociation whose resourceArn is the stage's ARN, so that
#   injection payloads, known bad inputs and floods from single sources are
#   filtered before they reach the integration. The association is found
#   through its propertyDependencies (resourceArn=stage.arn) or, once deployed,
#   through the ARN value (arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>).
#   A stage whose webAclArn is set (state of an already associated stage, or a
#   legacy WAF Classic regional association) is accepted too. A stage whose associated web ACL
#   lacks the required protections (aws-wafv2-web-acl-managed-rules: a required AWS managed
#   rule group missing, counting, or with rules overridden to count or allow) is reported on the
#   stage as well: the association alone protects nothing.
# scope: document
# custom:
#   id: aws-apigateway-stage-web-acl
#   severity: medium
#   concern: auth
#   remediation: Create an aws.wafv2.WebAclAssociation with resourceArn=stage.arn and webAclArn of a REGIONAL web ACL.
#   compliance:
#     nist-800-53: ["AC-4(21)", "SC-7"]
#     pci-dss: ["6.4.2"]
#     fsbp: ["APIGateway.4"]
stack_deny contains {"urn": s.urn, "message": msg} if {
	not unresolved_association
	some s in stack.of_type("aws:apigateway/stage:Stage")
	not protected(s)
	msg := sprintf("API Gateway stage %q is not protected by AWS WAF: associate a REGIONAL web ACL with it (aws.wafv2.WebAclAssociation with resourceArn=stage.arn).", [s.name])
}

association_types := ["aws:wafv2/webAclAssociation:WebAclAssociation", "aws:wafregional/webAclAssociation:WebAclAssociation"]

associations := [a | some t in association_types; some a in stack.of_type(t)]

# URNs and ARNs that some web ACL association points to (built once).
associated := stack.targets(associations, "resourceArn")

# restApiId/stageName of every stage ARN among them, for stages whose ARN is not an input.
associated_stage_keys := {k | some arn in associated; k := stage_key_of_arn(arn)}

stage_arn_pattern := `^arn:[^:]+:apigateway:[^:]*::/restapis/([^/]+)/stages/([^/]+)$`

stage_key_of_arn(arn) := sprintf("%s/%s", [m[1], m[2]]) if {
	some m in regex.find_all_string_submatch_n(stage_arn_pattern, arn, 1)
}

stage_key(s) := sprintf("%s/%s", [s.properties.restApi, s.properties.stageName]) if {
	pulumi.known(s.properties, "restApi")
	pulumi.known(s.properties, "stageName")
	is_string(s.properties.restApi)
	is_string(s.properties.stageName)
}

protected(s) if stack.referenced(s, ["arn"], associated)

protected(s) if stage_key(s) in associated_stage_keys

protected(s) if {
	pulumi.known(s.properties, "webAclArn")
	s.properties.webAclArn != ""
}

# The stage's own WAF association is still to be computed: cannot judge.
protected(s) if pulumi.unknown(s.properties, "webAclArn")

# An association whose target is unknown and untraceable could protect any stage: report
# nothing rather than a stage that may well be covered.
unresolved_association if stack.untraceable(associations, "resourceArn")

stack_deny contains {"urn": s.urn, "message": msg} if {
	some a in associations
	acl_targets := stack.refs(a, "webAclArn")
	some acl in weak_acls
	stack.referenced(acl, ["arn"], acl_targets)
	stage_targets := stack.refs(a, "resourceArn")
	some s in stack.of_type("aws:apigateway/stage:Stage")
	stack.referenced(s, ["arn"], stage_targets)
	msg := sprintf("API Gateway stage %q is associated with WAF web ACL %q, which lacks required protections (see aws-wafv2-web-acl-managed-rules): the stage is not protected until the web ACL blocks with the baseline managed rule groups.", [s.name, acl.name])
}

# Web ACLs that aws-wafv2-web-acl-managed-rules reports.
weak_acl_urns := {f.urn | some f in web_acl_managed_rules.stack_deny}

weak_acls := [acl | some acl in wafv2.acls; acl.urn in weak_acl_urns]

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigateway/stage:Stage",
	"aws:wafv2/webAclAssociation:WebAclAssociation",
	"aws:wafregional/webAclAssociation:WebAclAssociation",
	"aws:wafv2/webAcl:WebAcl",
	"aws:wafv2/webAclRule:WebAclRule",
	"aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
})
