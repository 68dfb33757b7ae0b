package aws.wafv2.web_acl_rate_limit

import data.lib.pulumi
import data.lib.stack
import data.lib.wafv2

# METADATA
# title: WAF web ACLs rate-limit each client
# description: |
#   A web ACL in front of an API must have a rate-based rule (rateBasedStatement, e.g.
#   aggregated per client IP) whose action blocks, or answers with a CAPTCHA or challenge,
#   once a client exceeds its limit: without one, a single source can flood the API,
#   brute-force credentials and run up the bill of every integration behind it. A rate-based
#   rule whose action is count only measures. stackguard.components.WebAcl always adds a per-IP
#   rate limit that blocks. Rules are read from the web ACL's rules or ruleJson and from
#   aws.wafv2.WebAclRule resources that point to it (webAclArn, through propertyDependencies
#   or the deployed ARN).
# scope: document
# custom:
#   id: aws-wafv2-web-acl-rate-limit
#   severity: medium
#   concern: auth
#   remediation: Add a rule with rateBasedStatement {aggregateKeyType "IP", limit <requests per window>} and action block (stackguard.components.WebAcl does by default).
#   compliance:
#     nist-800-53: ["SC-5"]
#     owasp-api-top-10: ["API4:2023"]
stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in judged_acls
	count(rate_rules(acl)) == 0
	msg := sprintf(
		"WAF web ACL %q has no rate-based rule, so a single client can send unlimited requests: add a rule with a rateBasedStatement (aggregateKeyType \"IP\") and action block.",
		[acl.name],
	)
}

stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in judged_acls
	rules := rate_rules(acl)
	count({r | some r in rules; enforcing(r)}) == 0
	some rule in rules
	msg := sprintf(
		"WAF web ACL %q does not enforce its rate limit: rate-based rule %q has action %s instead of block, captcha or challenge; set its action to block.",
		[acl.name, rule.name, action_label(rule.actions)],
	)
}

enforcing_actions := {"block", "captcha", "challenge"}

enforcing(rule) if some action in (rule.actions & enforcing_actions)

action_label(actions) := concat("/", sort(actions)) if count(actions) > 0

else := "none"

rate_rules(acl) := {r | some r in rules_of(acl); r.rate}

# Web ACLs whose rules can all be read: a missing rate limit may otherwise still be among them.
judged_acls contains acl if {
	not unresolved_attachment
	some acl in wafv2.acls
	not undecidable(acl)
}

# rules_of(acl) is the set of the web ACL's rules as {"name", "rate", "actions"}: rate tells a
# rate-based rule, actions is the set of its action names in lower case; {"unknown": true}
# stands for a rule that cannot be read until the deployment runs.
rules_of(acl) := {normalized(r.rule, r.keys) | some r in wafv2.rules(acl)}

normalized(r, k) := {"unknown": true} if {
	unreadable(r, k)
} else := {
	"name": wafv2.name_of(object.get(r, k.name, null)),
	"rate": object.get(r, [k.statement, k.rate], null) != null,
	"actions": {lower(action) | some action, _ in object.get(r, k.action, {})},
}

unreadable(r, _) if not is_object(r)

unreadable(r, k) if {
	statement := r[k.statement]
	statement != null
	not is_object(statement)
}

unreadable(r, k) if {
	action := r[k.action]
	action != null
	not is_object(action)
}

undecidable(acl) if wafv2.unreadable(acl)

undecidable(acl) if {
	some rule in rules_of(acl)
	rule.unknown
}

# A rule resource whose web ACL is unknown and untraceable could be the rate limit of any
# web ACL: report nothing rather than a web ACL that may well be limited.
unresolved_attachment if stack.untraceable(wafv2.rule_resources, "webAclArn")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:wafv2/webAcl:WebAcl",
	"aws:wafv2/webAclRule:WebAclRule",
	"aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
})
