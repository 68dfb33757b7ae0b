package aws.cloudfront.distribution_sni

import data.lib.pulumi

# METADATA
# title: CloudFront distributions serve HTTPS with SNI, not dedicated IP addresses
# description: |
#   viewerCertificate.sslSupportMethod vip serves the custom certificate from dedicated IP
#   addresses at every edge location, for clients that cannot send SNI (pre-2010
#   browsers): it costs 600 USD a month and keeps the legacy path those clients need. Use
#   sni-only. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-sni
#   severity: low
#   concern: https
#   remediation: 'Set viewer_certificate.ssl_support_method="sni-only" on aws.cloudfront.Distribution.'
#   compliance:
#     fsbp: ["CloudFront.8"]
#     nist-800-53: ["SC-8"]
deny contains msg if {
	input.type in resource_types
	input.properties.viewerCertificate.sslSupportMethod == "vip"
	msg := sprintf("CloudFront distribution %q serves HTTPS from dedicated IP addresses (vip): set viewerCertificate.sslSupportMethod to sni-only.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})
