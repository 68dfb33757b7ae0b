package aws.apigateway.stage_web_acl_test

import data.aws.apigateway.stage_web_acl

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

stage_urn := "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-prod"

stage(props) := {
	"type": "aws:apigateway/stage:Stage",
	"urn": stage_urn,
	"name": "orders-prod",
	"properties": object.union({"restApi": "a1b2c3d4e5", "deployment": "dep123", "stageName": "prod"}, props),
	"propertyDependencies": {"restApi": ["urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders"]},
}

managed(group, priority) := {
	"name": sprintf("AWS-%s", [group]),
	"priority": priority,
	"overrideAction": {"none": {}},
	"statement": {"managedRuleGroupStatement": {"name": group, "vendorName": "AWS"}},
}

baseline := [
	managed("AWSManagedRulesCommonRuleSet", 1),
	managed("AWSManagedRulesKnownBadInputsRuleSet", 2),
	managed("AWSManagedRulesAmazonIpReputationList", 3),
	managed("AWSManagedRulesSQLiRuleSet", 4),
]

acl_with(rules) := {
	"type": "aws:wafv2/webAcl:WebAcl",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAcl:WebAcl::api-acl",
	"name": "api-acl",
	"properties": {"name": "api-acl", "scope": "REGIONAL", "defaultAction": {"allow": {}}, "rules": rules},
}

web_acl := acl_with(baseline)

association(arn, deps) := {
	"type": "aws:wafv2/webAclAssociation:WebAclAssociation",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclAssociation:WebAclAssociation::orders-waf",
	"name": "orders-waf",
	"properties": {"resourceArn": arn, "webAclArn": unknown},
	"propertyDependencies": {"resourceArn": deps, "webAclArn": [web_acl.urn]},
}

test_flags_stage_without_web_acl if {
	findings := stage_web_acl.stack_deny with input as {"resources": [stage({}), web_acl]}
	count(findings) == 1
	some f in findings
	f.urn == stage_urn
}

test_passes_association_through_property_dependencies if {
	a := association(unknown, [stage_urn])
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [stage({}), web_acl, a]}
}

test_passes_association_by_deployed_arn if {
	a := association("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod", [])
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [stage({}), web_acl, a]}
}

test_flags_association_of_another_stage if {
	a := association("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/staging", [])
	count(stage_web_acl.stack_deny) == 1 with input as {"resources": [stage({}), web_acl, a]}
}

test_flags_association_of_another_resource if {
	alb := "urn:pulumi:prod::api::aws:lb/loadBalancer:LoadBalancer::web"
	a := association(unknown, [alb])
	count(stage_web_acl.stack_deny) == 1 with input as {"resources": [stage({}), web_acl, a]}
}

test_passes_stage_with_web_acl_arn if {
	s := stage({"webAclArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-acl/0f1e2d3c"})
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [s]}
}

test_flags_empty_web_acl_arn if {
	count(stage_web_acl.stack_deny) == 1 with input as {"resources": [stage({"webAclArn": ""})]}
}

test_passes_waf_classic_association if {
	a := {
		"type": "aws:wafregional/webAclAssociation:WebAclAssociation",
		"urn": "urn:pulumi:prod::api::aws:wafregional/webAclAssociation:WebAclAssociation::legacy",
		"name": "legacy",
		"properties": {"resourceArn": unknown, "webAclId": "abc"},
		"propertyDependencies": {"resourceArn": [stage_urn]},
	}
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [stage({}), a]}
}

test_unknown_web_acl_arn_is_not_reported if {
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [stage({"webAclArn": unknown})]}
}

test_untraceable_unknown_association_is_not_reported if {
	a := association(unknown, [])
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [stage({}), a]}
}

test_unknown_stage_identity_still_matches_by_urn if {
	s := stage({"restApi": unknown})
	a := association(unknown, [stage_urn])
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [s, a]}
}

test_each_unprotected_stage_is_reported if {
	other := object.union(stage({"stageName": "staging"}), {"urn": "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-staging", "name": "orders-staging"})
	a := association(unknown, [stage_urn])
	findings := stage_web_acl.stack_deny with input as {"resources": [stage({}), other, a]}
	count(findings) == 1
	some f in findings
	f.urn == "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-staging"
}

test_no_stages_no_findings if {
	count(stage_web_acl.stack_deny) == 0 with input as {"resources": [web_acl]}
}

test_flags_stage_whose_web_acl_lacks_protections if {
	# The association exists, but the web ACL runs no managed rule group in blocking mode.
	a := association(unknown, [stage_urn])
	findings := stage_web_acl.stack_deny with input as {"resources": [stage({}), acl_with([]), a]}
	count(findings) == 1
	some f in findings
	f.urn == stage_urn
	contains(f.message, "lacks required protections")
}

test_flags_stage_whose_web_acl_counts_a_group if {
	counting := json.patch(baseline, [{"op": "replace", "path": "/0/overrideAction", "value": {"count": {}}}])
	a := association(unknown, [stage_urn])
	count(stage_web_acl.stack_deny) == 1 with input as {"resources": [stage({}), acl_with(counting), a]}
}
