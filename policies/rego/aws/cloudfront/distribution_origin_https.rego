package aws.cloudfront.distribution_origin_https

import data.lib.pulumi

# METADATA
# title: CloudFront reaches custom origins over HTTPS with TLS 1.2
# description: |
#   Every custom origin of a CloudFront distribution must be fetched over HTTPS:
#   customOriginConfig.originProtocolPolicy "http-only" sends every request to the
#   origin in clear text, and "match-viewer" does so whenever a viewer uses HTTP.
#   The origin's originSslProtocols must not offer SSLv3, TLSv1 or TLSv1.1.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-origin-https
#   severity: high
#   concern: https
#   remediation: Set customOriginConfig.originProtocolPolicy to "https-only" and originSslProtocols to ["TLSv1.2"] on every custom origin.
#   compliance:
#     fsbp: ["CloudFront.9", "CloudFront.10"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	some [origin_id, config] in custom_origins
	config.originProtocolPolicy in {"http-only", "match-viewer"}
	msg := sprintf("CloudFront distribution %q reaches origin %q with originProtocolPolicy %q, which sends requests over plain HTTP: set customOriginConfig.originProtocolPolicy to \"https-only\".", [input.name, origin_id, config.originProtocolPolicy])
}

deny contains msg if {
	some [origin_id, config] in custom_origins
	not config.originProtocolPolicy == "http-only"
	weak := {p | some p in list_or_empty(config.originSslProtocols); p in weak_protocols}
	count(weak) > 0
	msg := sprintf("CloudFront distribution %q allows %s towards origin %q: set customOriginConfig.originSslProtocols to [\"TLSv1.2\"].", [input.name, concat(", ", sort(weak)), origin_id])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})

weak_protocols := {"SSLv3", "TLSv1", "TLSv1.1"}

# custom_origins is the set of [origin id, customOriginConfig] of every origin whose
# custom origin configuration is known (a set, so that equal or unknown ids cannot conflict).
custom_origins contains [origin_id, config] if {
	input.type in resource_types
	some i, origin in list_or_empty(input.properties.origins)
	config := origin.customOriginConfig
	is_object(config)
	origin_id := label(origin, i)
}

# label(origin, i) is the origin's id, or its position while the id is absent or unknown.
label(origin, _) := origin.originId if pulumi.known(origin, "originId")

label(origin, i) := sprintf("#%d", [i]) if not pulumi.known(origin, "originId")

# list_or_empty(x) is x when it is a list, and empty when it is absent or unknown.
list_or_empty(x) := x if is_array(x)

list_or_empty(x) := [] if not is_array(x)
