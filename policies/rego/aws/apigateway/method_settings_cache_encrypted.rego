package aws.apigateway.method_settings_cache_encrypted

import data.lib.pulumi

# METADATA
# title: API Gateway response caches are encrypted
# description: |
#   When method settings turn caching on, API Gateway keeps responses (which may
#   hold personal data or tokens) in the stage cache; without cacheDataEncrypted
#   they are stored unencrypted.
# scope: document
# custom:
#   id: aws-apigateway-method-settings-cache-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set settings.cacheDataEncrypted to true wherever settings.cachingEnabled is true.
#   compliance:
#     nist-800-53: ["SC-28"]
#     owasp-api-top-10: ["API8:2023"]
#     fsbp: ["APIGateway.5"]
deny contains msg if {
	input.type in resource_types
	settings := input.properties.settings
	is_object(settings)
	settings.cachingEnabled == true
	pulumi.is_false(settings, "cacheDataEncrypted")
	msg := sprintf(
		"API Gateway method settings %q cache responses unencrypted: set settings.cacheDataEncrypted to true.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:apigateway/methodSettings:MethodSettings"})
