package lib.wafv2_test

import data.lib.wafv2

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

acl_urn := "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::api-acl"

acl_arn := "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-acl/0a1b2c3d-4e5f-6789-abcd-ef0123456789"

acl(properties) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": acl_urn,
	"name": "api-acl",
	"properties": object.union({"name": "api-acl", "scope": "REGIONAL", "defaultAction": {"allow": {}}}, properties),
}

inline_rule := {"name": "common", "priority": 10, "statement": {"managedRuleGroupStatement": {"vendorName": "AWS", "name": "AWSManagedRulesCommonRuleSet"}}, "overrideAction": {"none": {}}}

json_rule := {"Name": "rate", "Priority": 20, "Statement": {"RateBasedStatement": {"Limit": 2000, "AggregateKeyType": "IP"}}, "Action": {"Block": {}}}

rule_resource(arn, deps) := {
	"type": "aws:wafv2/webAclRule:WebAclRule",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclRule:WebAclRule::extra",
	"name": "extra",
	"properties": {"name": "extra", "priority": 30, "webAclArn": arn, "action": {"block": {}}},
	"propertyDependencies": {"webAclArn": deps},
}

association(arn, deps) := {
	"type": "aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation::sqli",
	"name": "sqli",
	"properties": {"ruleName": "sqli", "priority": 40, "webAclArn": arn, "managedRuleGroup": {"vendorName": "AWS", "name": "AWSManagedRulesSQLiRuleSet"}},
	"propertyDependencies": {"webAclArn": deps},
}

test_acl_key_of_arn_is_scope_and_name if {
	wafv2.acl_key_of_arn(acl_arn) == "regional/api-acl"
	wafv2.acl_key_of_arn("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0a1b") == "global/edge"
	not wafv2.acl_key_of_arn("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod")
}

test_acl_key_matches_its_arn if {
	wafv2.acl_key(acl({})) == wafv2.acl_key_of_arn(acl_arn)
	wafv2.acl_key(acl({"scope": "CLOUDFRONT"})) == "global/api-acl"
}

test_acl_key_is_undefined_while_the_name_is_unknown if {
	not wafv2.acl_key(acl({"name": unknown}))
}

test_rules_read_inline_rules_and_rule_json if {
	a := acl({"rules": [inline_rule], "ruleJson": json.marshal([json_rule])})
	wafv2.rules(a) == {{"rule": inline_rule, "keys": wafv2.camel}, {"rule": json_rule, "keys": wafv2.pascal}} with input as {"resources": [a]}
}

test_rules_read_attached_rules_through_dependencies_and_arn if {
	a := acl({})
	by_dependency := rule_resource(unknown, [acl_urn])
	by_arn := rule_resource(acl_arn, [])
	expected := {{"rule": by_dependency.properties, "keys": wafv2.camel}, {"rule": by_arn.properties, "keys": wafv2.camel}}
	wafv2.rules(a) == expected with input as {"resources": [a, by_dependency, by_arn]}
}

test_rules_of_another_acl_are_not_attached if {
	a := acl({})
	other := rule_resource("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/other/0a1b", [])
	count(wafv2.rules(a)) == 0 with input as {"resources": [a, other]}
}

test_associations_are_read_apart_from_rules if {
	a := acl({})
	assoc := association(acl_arn, [])
	wafv2.associations(a) == {assoc.properties} with input as {"resources": [a, assoc]}
	count(wafv2.rules(a)) == 0 with input as {"resources": [a, assoc]}
}

test_unknown_or_invalid_rules_are_unreadable if {
	wafv2.unreadable(acl({"rules": unknown}))
	wafv2.unreadable(acl({"ruleJson": unknown}))
	wafv2.unreadable(acl({"ruleJson": "[{"}))
	wafv2.unreadable(acl({"ruleJson": "{}"}))
	count(wafv2.rules(acl({"ruleJson": unknown}))) == 0 with input as {"resources": []}
}

test_readable_rules_are_not_unreadable if {
	not wafv2.unreadable(acl({}))
	not wafv2.unreadable(acl({"rules": [inline_rule]}))
	not wafv2.unreadable(acl({"ruleJson": json.marshal([json_rule])}))
}

test_name_of_unnamed_rule if {
	wafv2.name_of("common") == "common"
	wafv2.name_of(null) == "(unnamed)"
}

test_acls_are_the_web_acls_of_the_stack if {
	a := acl({})
	wafv2.acls == [a] with input as {"resources": [a, rule_resource(acl_arn, [])]}
}
