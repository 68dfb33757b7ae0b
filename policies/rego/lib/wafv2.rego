# METADATA
# description: |
#   Helpers for the WAFv2 web ACL rules: the identity of a web ACL (URN, and the
#   scope/name key that its ARN ...:regional|global/webacl/<name>/<id> carries), and its
#   rules as written, whether inline (rules), as AWS API JSON (ruleJson) or attached as
#   aws.wafv2.WebAclRule / WebAclRuleGroupAssociation resources that point to it through
#   webAclArn (propertyDependencies or the deployed ARN). Each rule reads the properties
#   it needs from the rules with the property names in keys.
package lib.wafv2

import data.lib.pulumi
import data.lib.stack

acls := stack.of_type("aws:wafv2/webAcl:WebAcl")

rule_resources := stack.of_type("aws:wafv2/webAclRule:WebAclRule")

group_associations := stack.of_type("aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation")

# Property names of a rule: Pulumi inputs (rules, WebAclRule) and AWS API JSON (ruleJson).
camel := {
	"name": "name",
	"priority": "priority",
	"action": "action",
	"override": "overrideAction",
	"statement": "statement",
	"ip_set": "ipSetReferenceStatement",
	"or": "orStatement",
	"statements": "statements",
	"managed": "managedRuleGroupStatement",
	"reference": "ruleGroupReferenceStatement",
	"rate": "rateBasedStatement",
	"vendor": "vendorName",
}

pascal := {
	"name": "Name",
	"priority": "Priority",
	"action": "Action",
	"override": "OverrideAction",
	"statement": "Statement",
	"ip_set": "IPSetReferenceStatement",
	"or": "OrStatement",
	"statements": "Statements",
	"managed": "ManagedRuleGroupStatement",
	"reference": "RuleGroupReferenceStatement",
	"rate": "RateBasedStatement",
	"vendor": "VendorName",
}

# rules(acl) is the set of the web ACL's rules as {"rule", "keys"}: rule as written (an inline
# rule, an element of ruleJson or the properties of an attached WebAclRule) and keys, the
# property names it is written with (camel or pascal).
rules(acl) := (inline_rules(acl) | json_rules(acl)) | attached_rules(acl)

inline_rules(acl) := {{"rule": r, "keys": camel} | some r in acl.properties.rules} if {
	is_array(acl.properties.rules)
} else := set()

json_rules(acl) := {{"rule": r, "keys": pascal} | some r in parsed_rule_json(acl)} if {
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

attached_rules(acl) := {{"rule": p, "keys": camel} | some key in acl_keys(acl); some p in attached_rule_properties[key]}

# associations(acl) is the set of the properties of the WebAclRuleGroupAssociation resources
# that attach a rule group to the web ACL.
associations(acl) := {p | some key in acl_keys(acl); some p in attached_association_properties[key]}

# unreadable(acl) holds when the web ACL's rules or ruleJson cannot be read (yet): a rule that
# is missing from rules(acl) may still be among them.
unreadable(acl) if {
	rules := acl.properties.rules
	rules != null
	not is_array(rules)
}

unreadable(acl) if {
	acl.properties.ruleJson != null
	not parsed_rule_json(acl)
}

# name_of(name) is the name of a rule, "(unnamed)" when it has none.
name_of(name) := name if is_string(name)

else := "(unnamed)"

# Properties of the rules and rule group associations attached as separate resources, by the
# URN, ARN and scope/name key of their web ACL.
attached_rule_properties[key] contains resource.properties if {
	some resource in rule_resources
	some key in attachment_keys(resource)
}

attached_association_properties[key] contains resource.properties if {
	some resource in group_associations
	some key in attachment_keys(resource)
}

attachment_keys(resource) := {key | some target in stack.refs(resource, "webAclArn"); some key in target_keys(target)}

target_keys(target) := {target} | {key | key := acl_key_of_arn(target)}

acl_keys(acl) := {acl.urn} | {key | key := acl_key(acl)}

acl_arn_pattern := `^arn:[^:]+:wafv2:[^:]*:[^:]*:(regional|global)/webacl/([^/]+)/[^/]+$`

# acl_key_of_arn(arn) is the scope/name key of a web ACL ARN, undefined for any other value.
acl_key_of_arn(arn) := sprintf("%s/%s", [m[1], m[2]]) if {
	some m in regex.find_all_string_submatch_n(acl_arn_pattern, arn, 1)
}

arn_scope := {"REGIONAL": "regional", "CLOUDFRONT": "global"}

# acl_key(acl) is the scope/name key of a web ACL whose name is known, as in its ARN.
acl_key(acl) := sprintf("%s/%s", [arn_scope[acl.properties.scope], acl.properties.name]) if {
	pulumi.known(acl.properties, "name")
	is_string(acl.properties.name)
}
