package aws.wafv2.web_acl_ip_allow_bypass

import data.lib.pulumi
import data.lib.wafv2

# METADATA
# title: WAF web ACLs do not let allow-listed IP addresses skip the rule groups
# description: |
#   WAF stops at the first rule whose action is allow: a rule that allows an IP set
#   (ipSetReferenceStatement, alone or in an orStatement) at a lower priority number than
#   the managed or custom rule groups lets every request from those addresses through
#   without inspection, including requests from a compromised host, a shared egress or
#   a spoofed forwarded-IP header. stackguard.components.WebAcl only does this with ip_allow, a named
#   opt-out with a reason. Rules are read from the web ACL's rules or ruleJson and from
#   aws.wafv2.WebAclRule / WebAclRuleGroupAssociation resources that point to it.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-ip-allow-bypass
#   severity: medium
#   concern: auth
#   remediation: Give the IP-set allow rule a higher priority number than every rule group (so trusted sources are still inspected), or remove it.
#   compliance:
#     nist-800-53: ["SC-7"]
#     pci-dss: ["6.4.2"]
stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in wafv2.acls
	rules := rules_of(acl)
	some allow in rules
	allow.allow_ip
	skipped := {g.name | some g in rules; g.group; g.priority > allow.priority}
	count(skipped) > 0
	msg := sprintf(
		"WAF web ACL %q allows requests from an IP set in rule %q (priority %v) before the rule groups %s inspect them, so those sources skip inspection: give the rule a higher priority number than the rule groups, or remove it.",
		[acl.name, allow.name, allow.priority, concat(", ", sort(skipped))],
	)
}

# rules_of(acl) is the set of the web ACL's rules whose priority is known, as
# {"name", "priority", "allow_ip", "group"}: allow_ip tells an allow rule matching an IP set,
# group a rule that runs a managed or custom rule group.
rules_of(acl) := {n | some r in wafv2.rules(acl); n := normalized(r.rule, r.keys)} | {association_rule(p) |
	some p in wafv2.associations(acl)
	is_number(p.priority)
}

# normalized(r, k) is undefined for a rule whose priority is not known.
normalized(r, k) := {
	"name": wafv2.name_of(object.get(r, k.name, null)),
	"priority": r[k.priority],
	"allow_ip": allows_ip_set(r, k),
	"group": runs_group(r, k),
} if {
	is_object(r)
	is_number(r[k.priority])
}

allows_ip_set(r, k) if {
	some action, _ in r[k.action]
	lower(action) == "allow"
	ip_set_statement(r[k.statement], k)
} else := false

ip_set_statement(statement, k) if statement[k.ip_set] != null

ip_set_statement(statement, k) if {
	some nested in statement[k.or][k.statements]
	nested[k.ip_set] != null
}

runs_group(r, k) if {
	some key in [k.managed, k.reference]
	r[k.statement][key] != null
} else := false

# A rule group attached with a WebAclRuleGroupAssociation, read as a rule.
association_rule(p) := {
	"name": wafv2.name_of(object.get(p, "ruleName", null)),
	"priority": p.priority,
	"allow_ip": false,
	"group": true,
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:wafv2/webAcl:WebAcl",
	"aws:wafv2/webAclRule:WebAclRule",
	"aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
})
