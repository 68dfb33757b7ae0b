package aws.wafv2.web_acl_logging_redaction

import data.lib.pulumi

# METADATA
# title: WAF logs redact the headers that carry credentials
# description: |
#   WAF logs hold every inspected request's headers. A logging configuration must redact the
#   headers that carry credentials: authorization (bearer tokens, SigV4 signatures), cookie
#   (session cookies) and x-api-key (REST API usage-plan keys), or anyone who can read the log
#   group can replay them. The headers required are the profile's redactedHeaders.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-logging-redaction
#   severity: medium
#   concern: logging
#   remediation: Add redactedFields with singleHeader name authorization, cookie and x-api-key to the aws.wafv2.WebAclLoggingConfiguration (stackguard.components.WebAcl does by default).
#   compliance:
#     nist-800-53: ["AU-9", "SC-28"]
#     pci-dss: ["3.3.1"]
#     owasp-api-top-10: ["API2:2023"]
#   config:
#     redactedHeaders:
#       type: array
#       minItems: 1
#       items:
#         type: string
#       default: [authorization, cookie, x-api-key]
#       description: Header names (case-insensitive) every WAF logging configuration must redact.
deny contains msg if {
	input.type in resource_types
	fields := object.get(input.properties, "redactedFields", [])
	not pulumi.is_unknown(fields)
	is_array(fields)
	redacted := {lower(f.singleHeader.name) | some f in fields; is_string(f.singleHeader.name)}
	not unknown_field(fields)
	missing := required_headers - redacted
	count(missing) > 0
	msg := sprintf("WAF logging configuration %q writes the %s header(s) into the logs: add redactedFields entries with singleHeader for them.", [input.name, concat(", ", sort(missing))])
}

resource_types := pulumi.with_aliases({"aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"})

unknown_field(fields) if {
	some f in fields
	pulumi.is_unknown(f)
}

default_headers := {"authorization", "cookie", "x-api-key"}

required_headers := {lower(h) | some h in configured} if {
	configured := pulumi.config("aws-wafv2-web-acl-logging-redaction").redactedHeaders
	is_array(configured)
	count(configured) > 0
} else := default_headers
