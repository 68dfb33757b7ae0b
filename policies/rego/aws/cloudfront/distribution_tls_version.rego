package aws.cloudfront.distribution_tls_version

import data.lib.pulumi

# METADATA
# title: CloudFront distributions require TLS 1.2 or newer from viewers
# description: |
#   A CloudFront distribution must serve a custom certificate (ACM or IAM) with a
#   viewerCertificate.minimumProtocolVersion of TLS 1.2 or newer (TLSv1.2_2018,
#   TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025: each TLS 1.2 at least).
#   Older policies (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016) accept old protocols, a
#   missing minimumProtocolVersion means TLSv1, and the default *.cloudfront.net
#   certificate (cloudfrontDefaultCertificate true) always allows TLSv1. The later TLS
#   1.2 policies drop more CBC cipher suites; a profile that wants them sets
#   minimumTls12PolicyYear (e.g. 2021), a choice stricter than the TLS 1.2 controls.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-tls-version
#   severity: high
#   concern: https
#   remediation: Use an ACM certificate (viewerCertificate.acmCertificateArn, sslSupportMethod "sni-only") with minimumProtocolVersion "TLSv1.2_2021" or newer.
#   compliance:
#     fsbp: ["CloudFront.7"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
#   config:
#     minimumTls12PolicyYear:
#       type: integer
#       minimum: 2018
#       default: 2018
#       description: Oldest TLSv1.2_<year> security policy accepted (2018 accepts every TLS 1.2 policy; 2021 only TLSv1.2_2021 and newer).
deny contains msg if {
	is_distribution
	pulumi.absent(input.properties, "viewerCertificate")
	msg := sprintf("CloudFront distribution %q has no viewerCertificate: use an ACM certificate with minimumProtocolVersion \"TLSv1.2_2021\" or newer.", [input.name])
}

deny contains msg if {
	is_distribution
	certificate.cloudfrontDefaultCertificate == true
	msg := sprintf("CloudFront distribution %q uses the default CloudFront certificate, which always accepts TLSv1: serve an ACM certificate (acmCertificateArn, sslSupportMethod \"sni-only\") with minimumProtocolVersion \"TLSv1.2_2021\" or newer.", [input.name])
}

deny contains msg if {
	is_distribution
	c := certificate
	not c.cloudfrontDefaultCertificate == true
	pulumi.absent(c, "minimumProtocolVersion")
	msg := sprintf("CloudFront distribution %q does not set viewerCertificate.minimumProtocolVersion, so CloudFront accepts TLSv1: set it to \"TLSv1.2_2021\" or newer.", [input.name])
}

deny contains msg if {
	is_distribution
	c := certificate
	not c.cloudfrontDefaultCertificate == true
	pulumi.known(c, "minimumProtocolVersion")
	version := c.minimumProtocolVersion
	not modern_version(version)
	msg := sprintf("CloudFront distribution %q allows viewers TLS policy %q, older than TLSv1.2_%v: set viewerCertificate.minimumProtocolVersion to \"TLSv1.2_2021\" or newer.", [input.name, version, minimum_year])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})

is_distribution if input.type in resource_types

# certificate is viewerCertificate when it is an object (not absent, not unknown).
certificate := c if {
	c := input.properties.viewerCertificate
	is_object(c)
}

# minimum_year is the profile's minimumTls12PolicyYear when it is a number, 2018 otherwise.
minimum_year := year if {
	year := pulumi.config("aws-cloudfront-distribution-tls-version").minimumTls12PolicyYear
	is_number(year)
} else := 2018

# modern_version holds for TLSv1.3_* and for TLSv1.2_<year> policies from minimum_year on.
modern_version(version) if {
	is_string(version)
	startswith(version, "TLSv1.3_")
}

modern_version(version) if {
	is_string(version)
	[protocol, year] := split(version, "_")
	protocol == "TLSv1.2"
	regex.match(`^[0-9]{4}$`, year)
	to_number(year) >= minimum_year
}
