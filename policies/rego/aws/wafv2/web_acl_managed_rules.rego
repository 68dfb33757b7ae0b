package aws.wafv2.web_acl_managed_rules

import data.lib.pulumi
import data.lib.stack
import data.lib.wafv2

# METADATA
# title: WAF web ACLs block with the baseline AWS managed rule groups
# description: |
#   A web ACL in front of an API must run the AWS managed rule groups that filter
#   common exploits (AWSManagedRulesCommonRuleSet: OWASP Top 10 patterns, oversized
#   bodies), known bad inputs (AWSManagedRulesKnownBadInputsRuleSet: Log4Shell, exploit
#   paths), known malicious sources (AWSManagedRulesAmazonIpReputationList) and SQL
#   injection (AWSManagedRulesSQLiRuleSet): the rule groups stackguard.components.WebAcl enables
#   unless excluded_rule_groups leaves one out. A group whose overrideAction is count
#   only counts matches and blocks nothing, and a rule of the group that ruleActionOverrides
#   sets to count or allow no longer blocks either (reported per group, naming the rules). Rules are read from the web ACL's rules or
#   ruleJson and from aws.wafv2.WebAclRule / WebAclRuleGroupAssociation resources that
#   point to it (webAclArn, through propertyDependencies or the deployed ARN). The
#   required groups are the profile's requiredRuleGroups.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-managed-rules
#   severity: high
#   concern: auth
#   remediation: Add a rule per required group with managedRuleGroupStatement {vendorName "AWS", name <group>} and overrideAction none (stackguard.components.WebAcl does by default).
#   compliance:
#     nist-800-53: ["SC-7"]
#     pci-dss: ["6.4.2"]
#     owasp-api-top-10: ["API8:2023"]
#   config:
#     requiredRuleGroups:
#       type: array
#       minItems: 1
#       uniqueItems: true
#       items:
#         type: string
#         pattern: "^[A-Za-z0-9_-]{1,128}$"
#       default:
#         - AWSManagedRulesCommonRuleSet
#         - AWSManagedRulesKnownBadInputsRuleSet
#         - AWSManagedRulesAmazonIpReputationList
#         - AWSManagedRulesSQLiRuleSet
#       description: Names of the AWS managed rule groups (vendor AWS) every web ACL must run in blocking mode.
stack_deny contains {"urn": acl.urn, "message": msg} if {
	not unresolved_attachment
	some acl in wafv2.acls
	not undecidable(acl)
	groups := {r.group | some r in rules_of(acl)}
	some group in required_groups
	not group in groups
	msg := sprintf(
		"WAF web ACL %q does not run the AWS managed rule group %s: add a rule with a managedRuleGroupStatement for it (vendorName \"AWS\") and overrideAction none.",
		[acl.name, group],
	)
}

stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in wafv2.acls
	some rule in rules_of(acl)
	rule.group in required_groups
	rule.override == "count"
	msg := sprintf(
		"WAF web ACL %q runs the AWS managed rule group %s in count mode (rule %q has overrideAction count), so it blocks nothing: set overrideAction to none.",
		[acl.name, rule.group, rule.name],
	)
}

stack_deny contains {"urn": acl.urn, "message": msg} if {
	some acl in wafv2.acls
	some rule in rules_of(acl)
	rule.group in required_groups
	count(rule.weakened) > 0
	msg := sprintf(
		"WAF web ACL %q overrides rules of the AWS managed rule group %s so that they no longer block (%s): remove those ruleActionOverrides, or override to block.",
		[acl.name, rule.group, concat(", ", sort(rule.weakened))],
	)
}

default_required_groups := {
	"AWSManagedRulesCommonRuleSet",
	"AWSManagedRulesKnownBadInputsRuleSet",
	"AWSManagedRulesAmazonIpReputationList",
	"AWSManagedRulesSQLiRuleSet",
}

# required_groups are the profile's requiredRuleGroups when it is a non-empty list of names.
required_groups contains group if some group in configured_groups

required_groups contains group if {
	not configured_groups
	some group in default_required_groups
}

configured_groups := groups if {
	groups := pulumi.config("aws-wafv2-web-acl-managed-rules").requiredRuleGroups
	is_array(groups)
	count(groups) > 0
	every group in groups {
		is_string(group)
	}
}

# rules_of(acl) is the set of the web ACL's rules as {"name", "group", "override"}: group is the
# AWS managed rule group a rule runs ("" for other rules), override is "count" or "none";
# {"unknown": true} stands for a rule that cannot be read until the deployment runs.
rules_of(acl) := {normalized(r.rule, r.keys) | some r in wafv2.rules(acl)} | {association_rule(p) | some p in wafv2.associations(acl)}

normalized(r, k) := {"unknown": true} if {
	unreadable(r, k)
} else := {
	"name": wafv2.name_of(object.get(r, k.name, null)),
	"group": aws_group(object.get(r, [k.statement, k.managed], null), k),
	"override": override_of(object.get(r, k.override, null)),
	"weakened": weakened_rules(object.get(r, [k.statement, k.managed], null)),
}

# weakened_rules(group) is the set of "<rule> (count|allow)" of the managed rule group
# statement's ruleActionOverrides (API JSON RuleActionOverrides) that stop a rule from blocking.
weakened_rules(group) := {sprintf("%s (%s)", [name, lower(action)]) |
	is_object(group)
	some key in ["ruleActionOverrides", "RuleActionOverrides"]
	some override in object.get(group, key, [])
	is_object(override)
	name := wafv2.name_of(object.get(override, "name", object.get(override, "Name", null)))
	some action_key in ["actionToUse", "ActionToUse"]
	some action, _ in object.get(override, action_key, {})
	lower(action) in {"count", "allow"}
}

unreadable(r, _) if not is_object(r)

unreadable(r, k) if {
	statement := r[k.statement]
	statement != null
	not is_object(statement)
}

unreadable(r, k) if {
	group := r[k.statement][k.managed]
	group != null
	not is_object(group)
}

unreadable(r, k) if {
	some key in [k.name, k.vendor]
	pulumi.is_unknown(r[k.statement][k.managed][key])
}

unreadable(r, k) if pulumi.is_unknown(r[k.override])

# aws_group(group, k) is the name of an AWS managed rule group statement, "" for anything else.
aws_group(group, k) := group[k.name] if {
	is_object(group)
	group[k.vendor] == "AWS"
	is_string(group[k.name])
} else := ""

# override_of(o) is "count" for an overrideAction {"count": {}} (API JSON {"Count": {}}) and for a
# WebAclRuleGroupAssociation's overrideAction "count"; "none" otherwise (absent means none).
override_of(o) := "count" if {
	is_object(o)
	some key, _ in o
	lower(key) == "count"
} else := "count" if {
	is_string(o)
	lower(o) == "count"
} else := "none"

# A rule group attached with a WebAclRuleGroupAssociation, read as a rule.
association_rule(p) := {"unknown": true} if {
	unreadable_association(p)
} else := {
	"name": wafv2.name_of(object.get(p, "ruleName", null)),
	"group": aws_group(object.get(p, "managedRuleGroup", null), wafv2.camel),
	"override": override_of(object.get(p, "overrideAction", null)),
	"weakened": weakened_rules(object.get(p, "managedRuleGroup", null)),
}

unreadable_association(p) if {
	group := p.managedRuleGroup
	group != null
	not is_object(group)
}

unreadable_association(p) if {
	some key in ["name", "vendorName"]
	pulumi.is_unknown(p.managedRuleGroup[key])
}

unreadable_association(p) if pulumi.is_unknown(p.overrideAction)

# The web ACL's rules cannot all be read yet: a missing group may still be among them.
undecidable(acl) if wafv2.unreadable(acl)

undecidable(acl) if {
	some rule in rules_of(acl)
	rule.unknown
}

# A rule resource whose web ACL is unknown and untraceable could complete any web ACL:
# report no missing group rather than one that may well be there.
unresolved_attachment if stack.untraceable(array.concat(wafv2.rule_resources, wafv2.group_associations), "webAclArn")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:wafv2/webAcl:WebAcl",
	"aws:wafv2/webAclRule:WebAclRule",
	"aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
})
