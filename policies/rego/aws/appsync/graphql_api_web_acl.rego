package aws.appsync.graphql_api_web_acl

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: AppSync GraphQL APIs are protected by a WAF web ACL
# description: |
#   A public GraphQL API must sit behind AWS WAF, through an aws.wafv2.WebAclAssociation
#   whose resourceArn is the API's ARN, so that floods from single sources, oversized or
#   deeply nested queries and known bad inputs are filtered before they reach the
#   resolvers and data sources. The association is found through its
#   propertyDependencies (resourceArn=api.arn) or, once deployed, through the ARN value.
#   Private APIs (visibility PRIVATE, reachable only through VPC endpoints) are not
#   checked. An association whose target is unknown and untraceable may protect any
#   API: nothing is reported then.
# scope: document
# custom:
#   id: aws-appsync-graphql-api-web-acl
#   severity: medium
#   concern: auth
#   remediation: Create an aws.wafv2.WebAclAssociation(resource_arn=api.arn, web_acl_arn=acl.arn) with a REGIONAL web ACL (rate-based and AWS managed rules).
#   compliance:
#     nist-800-53: ["AC-4(21)", "SC-7", "SC-5"]
#     owasp-api-top-10: ["API4:2023"]
stack_deny contains {"urn": api.urn, "message": msg} if {
	not stack.untraceable(associations, "resourceArn")
	some api in stack.of_type("aws:appsync/graphQLApi:GraphQLApi")
	not api.properties.visibility == "PRIVATE"
	not stack.referenced(api, ["arn"], associated)
	msg := sprintf(
		"AppSync GraphQL API %q is not protected by AWS WAF: associate a REGIONAL web ACL with it (aws.wafv2.WebAclAssociation with resourceArn=api.arn).",
		[api.name],
	)
}

associations := stack.of_type("aws:wafv2/webAclAssociation:WebAclAssociation")

# URNs and ARNs that some web ACL association points to (built once).
associated := stack.targets(associations, "resourceArn")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:appsync/graphQLApi:GraphQLApi",
	"aws:wafv2/webAclAssociation:WebAclAssociation",
})
