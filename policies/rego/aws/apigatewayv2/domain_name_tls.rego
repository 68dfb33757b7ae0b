package aws.apigatewayv2.domain_name_tls

import data.lib.pulumi

# METADATA
# title: API Gateway v2 custom domains accept TLS 1.2 or newer only
# description: |
#   An HTTP or WebSocket API custom domain name (apigatewayv2) must set
#   domainNameConfiguration.securityPolicy to TLS_1_2, so that clients cannot
#   negotiate TLS 1.0 or 1.1. A missing domainNameConfiguration or securityPolicy
#   is flagged. Enhanced SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_* policies
#   (usable when the domain serves REST APIs) are accepted as well.
# scope: document
# custom:
#   id: aws-apigatewayv2-domain-name-tls
#   severity: high
#   concern: https
#   remediation: Set domainNameConfiguration.securityPolicy to "TLS_1_2".
#   compliance:
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	is_domain_name
	pulumi.absent(input.properties, "domainNameConfiguration")
	msg := sprintf("API Gateway v2 domain name %q has no domainNameConfiguration: add one with securityPolicy \"TLS_1_2\".", [input.name])
}

deny contains msg if {
	is_domain_name
	config := known_configuration
	pulumi.absent(config, "securityPolicy")
	msg := sprintf("API Gateway v2 domain name %q does not set domainNameConfiguration.securityPolicy: set it to \"TLS_1_2\" so that TLS 1.0 and 1.1 are refused.", [input.name])
}

deny contains msg if {
	is_domain_name
	config := known_configuration
	pulumi.known(config, "securityPolicy")
	policy := config.securityPolicy
	not tls12_or_newer(policy)
	msg := sprintf("API Gateway v2 domain name %q uses security policy %q, which accepts TLS versions older than 1.2: set domainNameConfiguration.securityPolicy to \"TLS_1_2\".", [input.name, policy])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/domainName:DomainName"})

is_domain_name if input.type in resource_types

# known_configuration is domainNameConfiguration when it is an object (not absent, not unknown).
known_configuration := c if {
	c := input.properties.domainNameConfiguration
	is_object(c)
}

tls12_or_newer("TLS_1_2")

tls12_or_newer(policy) if {
	is_string(policy)
	some prefix in {"SecurityPolicy_TLS12_", "SecurityPolicy_TLS13_"}
	startswith(policy, prefix)
}
