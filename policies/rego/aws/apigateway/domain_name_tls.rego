package aws.apigateway.domain_name_tls

import data.lib.pulumi

# METADATA
# title: API Gateway custom domains accept TLS 1.2 or newer only
# description: |
#   A REST API custom domain name must use a security policy that rejects TLS 1.0
#   and 1.1: the legacy TLS_1_2 policy or an enhanced SecurityPolicy_TLS12_* /
#   SecurityPolicy_TLS13_* policy. TLS_1_0 is flagged, and so is a domain without
#   an explicit securityPolicy, so that the accepted TLS versions are stated in code
#   (and drift is detected) instead of left to the service default.
# scope: document
# custom:
#   id: aws-apigateway-domain-name-tls
#   severity: high
#   concern: https
#   remediation: Set securityPolicy to "TLS_1_2" (or an enhanced policy such as "SecurityPolicy_TLS13_1_2_2021_06" together with endpointAccessMode).
#   compliance:
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "securityPolicy")
	msg := sprintf("API Gateway domain name %q does not set a securityPolicy: set securityPolicy to \"TLS_1_2\" (or an enhanced SecurityPolicy_TLS13_* policy) so that TLS 1.0 and 1.1 are refused.", [input.name])
}

deny contains msg if {
	input.type in resource_types
	policy := input.properties.securityPolicy
	pulumi.known(input.properties, "securityPolicy")
	not tls12_or_newer(policy)
	msg := sprintf("API Gateway domain name %q uses security policy %q, which accepts TLS versions older than 1.2: set securityPolicy to \"TLS_1_2\" or an enhanced SecurityPolicy_TLS13_* policy.", [input.name, policy])
}

resource_types := pulumi.with_aliases({"aws:apigateway/domainName:DomainName"})

# The legacy TLS_1_2 policy and every enhanced policy with a TLS 1.2 or 1.3 minimum.
tls12_or_newer("TLS_1_2")

tls12_or_newer(policy) if {
	is_string(policy)
	some prefix in {"SecurityPolicy_TLS12_", "SecurityPolicy_TLS13_"}
	startswith(policy, prefix)
}
