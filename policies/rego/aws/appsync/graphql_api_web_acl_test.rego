package aws.appsync.graphql_api_web_acl_test

import data.aws.appsync.graphql_api_web_acl as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

api_urn := "urn:pulumi:prod::api::aws:appsync/graphQLApi:GraphQLApi::catalog"

api(props) := {
	"type": "aws:appsync/graphQLApi:GraphQLApi",
	"urn": api_urn,
	"name": "catalog",
	"properties": object.union({"name": "catalog", "authenticationType": "AWS_IAM"}, props),
}

association(arn, deps) := {
	"type": "aws:wafv2/webAclAssociation:WebAclAssociation",
	"urn": "urn:pulumi:prod::api::aws:wafv2/webAclAssociation:WebAclAssociation::catalog-waf",
	"name": "catalog-waf",
	"properties": {"resourceArn": arn, "webAclArn": unknown},
	"propertyDependencies": {"resourceArn": deps},
}

test_flags_api_without_web_acl if {
	findings := rule.stack_deny with input as {"resources": [api({})]}
	count(findings) == 1
	some f in findings
	f.urn == api_urn
}

test_passes_association_through_property_dependencies if {
	count(rule.stack_deny) == 0 with input as {"resources": [api({}), association(unknown, [api_urn])]}
}

test_flags_association_of_another_resource if {
	alb := "urn:pulumi:prod::api::aws:lb/loadBalancer:LoadBalancer::web"
	count(rule.stack_deny) == 1 with input as {"resources": [api({}), association(unknown, [alb])]}
}

test_passes_private_api if {
	count(rule.stack_deny) == 0 with input as {"resources": [api({"visibility": "PRIVATE"})]}
}

test_unknown_untraceable_association_is_not_judged if {
	count(rule.stack_deny) == 0 with input as {"resources": [api({}), association(unknown, [])]}
}
