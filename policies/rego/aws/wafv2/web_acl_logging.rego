package aws.wafv2.web_acl_logging

import data.lib.pulumi
import data.lib.stack

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
stack_deny contains {"urn": acl.urn, "message": msg} if {
	not unresolved_configuration
	some acl in stack.of_type("aws:wafv2/webAcl:WebAcl")
	not logged(acl)
	msg := sprintf("WAF web ACL %q does not log the requests it inspects: add an aws.wafv2.WebAclLoggingConfiguration with resourceArn=webAcl.arn.", [acl.name])
}

configurations := stack.of_type("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")

# URNs and ARNs that some logging configuration points to (built once).
logged_targets := stack.targets(configurations, "resourceArn")

# scope/name of every web ACL ARN among them, for web ACLs whose ARN is not an input.
logged_keys := {k | some arn in logged_targets; k := acl_key_of_arn(arn)}

acl_arn_pattern := `^arn:[^:]+:wafv2:[^:]*:[^:]*:(regional|global)/webacl/([^/]+)/[^/]+$`

acl_key_of_arn(arn) := sprintf("%s/%s", [m[1], m[2]]) if {
	some m in regex.find_all_string_submatch_n(acl_arn_pattern, arn, 1)
}

arn_scope := {"REGIONAL": "regional", "CLOUDFRONT": "global"}

acl_key(acl) := sprintf("%s/%s", [arn_scope[acl.properties.scope], acl.properties.name]) if {
	pulumi.known(acl.properties, "name")
	is_string(acl.properties.name)
}

logged(acl) if stack.referenced(acl, ["arn"], logged_targets)

logged(acl) if acl_key(acl) in logged_keys

# A configuration whose target is unknown and untraceable could log any web ACL: report
# nothing rather than a web ACL that may well be logged.
unresolved_configuration if {
	some c in configurations
	pulumi.unknown(c.properties, "resourceArn")
	count(object.get(c, ["propertyDependencies", "resourceArn"], [])) == 0
}
