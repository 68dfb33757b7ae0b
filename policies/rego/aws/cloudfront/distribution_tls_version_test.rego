package aws.cloudfront.distribution_tls_version_test

import data.aws.cloudfront.distribution_tls_version

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

distribution(certificate) := {
	"type": "aws:cloudfront/distribution:Distribution",
	"urn": "urn:pulumi:prod::web::aws:cloudfront/distribution:Distribution::site",
	"name": "site",
	"properties": {
		"enabled": true,
		"aliases": ["www.example.com"],
		"origins": [{"domainName": "web.example.com", "originId": "web"}],
		"defaultCacheBehavior": {"allowedMethods": ["GET", "HEAD"], "cachedMethods": ["GET", "HEAD"], "targetOriginId": "web", "viewerProtocolPolicy": "redirect-to-https"},
		"restrictions": {"geoRestriction": {"restrictionType": "none"}},
		"viewerCertificate": certificate,
	},
}

acm(version) := {"acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e", "sslSupportMethod": "sni-only", "minimumProtocolVersion": version}

test_flags_versions_older_than_tls12 if {
	every version in ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"] {
		count(distribution_tls_version.deny) == 1 with input as distribution(acm(version))
	}
}

test_passes_every_tls12_policy if {
	# TLSv1.2_2018 and TLSv1.2_2019 are TLS 1.2 minimums (issue #23: flagged wrongly).
	every version in ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] {
		count(distribution_tls_version.deny) == 0 with input as distribution(acm(version))
	}
}

test_a_profile_may_ask_for_the_2021_policies if {
	config := {"aws-cloudfront-distribution-tls-version": {"minimumTls12PolicyYear": 2021}}
	every version in ["TLSv1.2_2018", "TLSv1.2_2019"] {
		count(distribution_tls_version.deny) == 1 with input as object.union(distribution(acm(version)), {"config": config})
	}
	count(distribution_tls_version.deny) == 0 with input as object.union(distribution(acm("TLSv1.2_2021")), {"config": config})
}

test_flags_missing_minimum_version if {
	count(distribution_tls_version.deny) == 1 with input as distribution({"acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e", "sslSupportMethod": "sni-only"})
}

test_flags_default_certificate if {
	count(distribution_tls_version.deny) == 1 with input as distribution({"cloudfrontDefaultCertificate": true})
}

test_flags_default_certificate_even_with_minimum_version if {
	count(distribution_tls_version.deny) == 1 with input as distribution({"cloudfrontDefaultCertificate": true, "minimumProtocolVersion": "TLSv1.2_2021"})
}

test_flags_missing_certificate_block if {
	count(distribution_tls_version.deny) == 1 with input as distribution(null)
}

test_unknown_version_is_not_reported if {
	count(distribution_tls_version.deny) == 0 with input as distribution(acm(unknown))
}

test_unknown_certificate_block_is_not_reported if {
	count(distribution_tls_version.deny) == 0 with input as distribution(unknown)
}

test_unknown_default_flag_with_modern_version_is_not_reported if {
	count(distribution_tls_version.deny) == 0 with input as distribution({"cloudfrontDefaultCertificate": unknown, "acmCertificateArn": unknown, "minimumProtocolVersion": "TLSv1.2_2021"})
}
