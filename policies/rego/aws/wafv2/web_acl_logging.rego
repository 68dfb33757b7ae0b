package aws.wafv2.web_acl_logging

import data.lib.pulumi
import data.lib.stack
import data.lib.wafv2

# METADATA
# title: WAF web ACLs log the requests they inspect
# description: |
#   Every WAFv2 web ACL must have an aws.wafv2.WebAclLoggingConfiguration, so that
#   blocked and allowed requests (rule matched, source, URI) reach CloudWatch Logs,
#   S3 or Firehose for incident investigation and rule tuning. The configuration
#   is found through its propertyDependencies (resourceArn=webAcl.arn) or, once
#   deployed, through the ARN value (…:regional|global/webacl/<name>/<id>).
# scope: document
# custom:
#   id: aws-wafv2-web-acl-logging
#   severity: medium
#   concern: logging
#   remediation: Create an aws.wafv2.WebAclLoggingConfiguration with resourceArn=webAcl.arn and a log destination whose name starts with aws-waf-logs-.
#   compliance:
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
#     fsbp: ["WAF.11"]
stack_deny contains {"urn": acl.urn, "message": msg} if {
	not unresolved_configuration
	some acl in wafv2.acls
	not logged(acl)
	msg := sprintf("WAF web ACL %q does not log the requests it inspects: add an aws.wafv2.WebAclLoggingConfiguration with resourceArn=webAcl.arn.", [acl.name])
}

configurations := stack.of_type("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")

# URNs and ARNs that some logging configuration points to (built once).
logged_targets := stack.targets(configurations, "resourceArn")

# scope/name of every web ACL ARN among them, for web ACLs whose ARN is not an input.
logged_keys := {k | some arn in logged_targets; k := wafv2.acl_key_of_arn(arn)}

logged(acl) if stack.referenced(acl, ["arn"], logged_targets)

logged(acl) if wafv2.acl_key(acl) in logged_keys

# A configuration whose target is unknown and untraceable could log any web ACL: report
# nothing rather than a web ACL that may well be logged.
unresolved_configuration if stack.untraceable(configurations, "resourceArn")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:wafv2/webAcl:WebAcl",
	"aws:wafv2/webAclRule:WebAclRule",
	"aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
	"aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
})
