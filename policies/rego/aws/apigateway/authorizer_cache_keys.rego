package aws.apigateway.authorizer_cache_keys

import data.lib.pulumi

# METADATA
# title: Cached Lambda REQUEST authorizer decisions are keyed by the caller's credential
# description: |
#   API Gateway caches the policy a Lambda REQUEST authorizer returns for
#   authorizerResultTtlInSeconds (300 when unset) under the values of its identitySource.
#   When identitySource does not include the caller's credential
#   (method.request.header.Authorization), a caller who sends the same values (a tenant
#   header, a query parameter) gets another caller's cached Allow without the authorizer
#   running. TOKEN authorizers are keyed by the token itself and Cognito authorizers cache
#   nothing per identity source, so only REQUEST authorizers are checked; a TTL of 0
#   turns the cache off.
# scope: document
# custom:
#   id: aws-apigateway-authorizer-cache-keys
#   severity: medium
#   concern: auth
#   remediation: Add method.request.header.Authorization to the authorizer's identitySource, or set authorizerResultTtlInSeconds to 0.
#   compliance:
#     nist-800-53: ["AC-3", "IA-2"]
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	pulumi.is_type(input, authorizer_type)
	props := input.properties
	pulumi.known(props, "type")
	upper(props.type) == "REQUEST"
	pulumi.known(props, "identitySource")
	not pulumi.unknown(props, "authorizerResultTtlInSeconds")
	ttl := object.get(props, "authorizerResultTtlInSeconds", default_ttl)
	ttl > 0
	not credential_source in sources(props.identitySource)
	msg := sprintf("API Gateway authorizer %q caches its decision for %v s under %q, without the caller's credential: add %s to identitySource or set authorizerResultTtlInSeconds to 0.", [input.name, ttl, props.identitySource, credential_source])
}

resource_types := pulumi.with_aliases({authorizer_type})

authorizer_type := "aws:apigateway/authorizer:Authorizer"

credential_source := "method.request.header.authorization"

# API Gateway's default TTL of an authorizer's cached decision.
default_ttl := 300

sources(identity_source) := {lower(trim_space(s)) | some s in split(identity_source, ",")}
