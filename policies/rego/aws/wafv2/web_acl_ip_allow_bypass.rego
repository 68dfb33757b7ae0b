package aws.wafv2.web_acl_ip_allow_bypass

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: WAF web ACLs do not let allow-listed IP addresses skip the rule groups
# description: |
#   WAF stops at the first rule whose action is allow: a rule that allows an IP set
#   (ipSetReferenceStatement, alone or in an orStatement) at a lower priority number than
#   the managed or custom rule groups lets every request from those addresses through
#   without inspection, including requests from a compromised host, a shared egress or
#   a spoofed forwarded-IP header. components.WebAcl only does this with ip_allow, a named
#   opt-out with a reason. Rules are read from the web ACL's rules or ruleJson and from
#   aws.wafv2.WebAclRule / WebAclRuleGroupAssociation resources that point to it.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-ip-allow-bypass
#   severity: medium
#   concern: network
#   remediation: Give the IP-set allow rule a higher priority number than every rule group (so trusted sources are still inspected), or remove it.
#   compliance:
#     nist-800-53: ["SC-7"]
#     pci-dss: ["6.4.2"]
stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in acls
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

acls := stack.of_type("aws:wafv2/webAcl:WebAcl")

rule_resources := stack.of_type("aws:wafv2/webAclRule:WebAclRule")

group_associations := stack.of_type("aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation")

# Property names of a rule: Pulumi inputs (rules, WebAclRule) and AWS API JSON (ruleJson).
camel := {
	"name": "name",
	"priority": "priority",
	"action": "action",
	"statement": "statement",
	"ip_set": "ipSetReferenceStatement",
	"or": "orStatement",
	"statements": "statements",
	"managed": "managedRuleGroupStatement",
	"reference": "ruleGroupReferenceStatement",
}

pascal := {
	"name": "Name",
	"priority": "Priority",
	"action": "Action",
	"statement": "Statement",
	"ip_set": "IPSetReferenceStatement",
	"or": "OrStatement",
	"statements": "Statements",
	"managed": "ManagedRuleGroupStatement",
	"reference": "RuleGroupReferenceStatement",
}

# rules_of(acl) is the set of the web ACL's rules whose priority is known, as
# {"name", "priority", "allow_ip", "group"}: allow_ip tells an allow rule matching an IP set,
# group a rule that runs a managed or custom rule group.
rules_of(acl) := (inline_rules(acl) | json_rules(acl)) | attached_rules(acl)

inline_rules(acl) := {n | some r in acl.properties.rules; n := normalized(r, camel)} if {
	is_array(acl.properties.rules)
} else := set()

json_rules(acl) := {n | some r in parsed_rule_json(acl); n := normalized(r, pascal)} if {
	parsed_rule_json(acl)
} else := set()

parsed_rule_json(acl) := rules if {
	text := acl.properties.ruleJson
	is_string(text)
	not pulumi.is_unknown(text)
	json.is_valid(text)
	rules := json.unmarshal(text)
	is_array(rules)
}

attached_rules(acl) := {r | some key in acl_keys(acl); some r in attached[key]}

# normalized(r, k) is undefined for a rule whose priority is not known.
normalized(r, k) := {
	"name": name_of(object.get(r, k.name, null)),
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

name_of(name) := name if is_string(name)

else := "(unnamed)"

# Rules attached as separate resources, by the URN, ARN and scope/name key of their web ACL.
attached[key] contains rule if {
	some resource in rule_resources
	some key in attachment_keys(resource)
	rule := normalized(resource.properties, camel)
}

attached[key] contains rule if {
	some resource in group_associations
	is_number(resource.properties.priority)
	some key in attachment_keys(resource)
	rule := {
		"name": name_of(object.get(resource.properties, "ruleName", null)),
		"priority": resource.properties.priority,
		"allow_ip": false,
		"group": true,
	}
}

attachment_keys(resource) := {key | some target in stack.refs(resource, "webAclArn"); some key in target_keys(target)}

target_keys(target) := {target} | {key | key := acl_key_of_arn(target)}

acl_keys(acl) := {acl.urn} | {key | key := acl_key(acl)}

acl_arn_pattern := `^arn:[^:]+:wafv2:[^:]*:[^:]*:(regional|global)/webacl/([^/]+)/[^/]+$`

acl_key_of_arn(arn) := sprintf("%s/%s", [m[1], m[2]]) if {
	some m in regex.find_all_string_submatch_n(acl_arn_pattern, arn, 1)
}

arn_scope := {"REGIONAL": "regional", "CLOUDFRONT": "global"}

acl_key(acl) := sprintf("%s/%s", [arn_scope[acl.properties.scope], acl.properties.name]) if {
	pulumi.known(acl.properties, "name")
	is_string(acl.properties.name)
}
