package aws.apigateway.integration_cache_keys

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Cached API Gateway responses are keyed by the caller
# description: |
#   When a REST API stage caches responses (aws.apigateway.MethodSettings with
#   settings.cachingEnabled), API Gateway serves a cached response to every request with the
#   same cache keys. An integration of an authorized method whose cacheKeyParameters do not
#   include the caller's credentials (method.request.header.Authorization) can serve one
#   caller's response, personal data included, to another caller of the same path. The
#   integration and the method settings are matched by their restApi (propertyDependencies
#   or value).
# scope: document
# custom:
#   id: aws-apigateway-integration-cache-keys
#   severity: medium
#   concern: auth
#   remediation: Add method.request.header.Authorization to the integration's cacheKeyParameters (and declare it in the method's requestParameters), or turn caching off for that method.
#   compliance:
#     nist-800-53: ["AC-4", "SC-4"]
#     owasp-api-top-10: ["API1:2023", "API3:2023"]
stack_deny contains {"urn": i.urn, "message": msg} if {
	some i in stack.of_type("aws:apigateway/integration:Integration")
	some api in stack.refs(i, "restApi")
	api in caching_apis
	not pulumi.unknown(i.properties, "cacheKeyParameters")
	not caller_key in object.get(i.properties, "cacheKeyParameters", [])
	not anonymous(i)
	msg := sprintf("API Gateway integration %q is cached without the caller's credentials among its cache keys, so one caller's response can be served to another: add %s to cacheKeyParameters.", [i.name, caller_key])
}

caller_key := "method.request.header.Authorization"

# The restApi URNs and ids of the stages that cache responses.
caching_apis := {api |
	some s in stack.of_type("aws:apigateway/methodSettings:MethodSettings")
	object.get(s.properties, ["settings", "cachingEnabled"], false) == true
	some api in stack.refs(s, "restApi")
}

# Integrations of methods written as anonymous (authorization NONE) serve the same public data to all.
anonymous(i) if {
	some m in stack.of_type("aws:apigateway/method:Method")
	m.urn in stack.refs(i, "httpMethod")
	upper(object.get(m.properties, "authorization", "NONE")) == "NONE"
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigateway/integration:Integration",
	"aws:apigateway/method:Method",
	"aws:apigateway/methodSettings:MethodSettings",
})
