package aws.cloudfront.distribution_origin_https_test

import data.aws.cloudfront.distribution_origin_https

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

custom(id, policy, protocols) := {
	"domainName": sprintf("%s.example.com", [id]),
	"originId": id,
	"customOriginConfig": {"httpPort": 80, "httpsPort": 443, "originProtocolPolicy": policy, "originSslProtocols": protocols},
}

distribution(origins) := {
	"type": "aws:cloudfront/distribution:Distribution",
	"urn": "urn:pulumi:prod::web::aws:cloudfront/distribution:Distribution::site",
	"name": "site",
	"properties": {
		"enabled": true,
		"origins": origins,
		"defaultCacheBehavior": {"allowedMethods": ["GET", "HEAD"], "cachedMethods": ["GET", "HEAD"], "targetOriginId": "api", "viewerProtocolPolicy": "redirect-to-https"},
		"restrictions": {"geoRestriction": {"restrictionType": "none"}},
		"viewerCertificate": {"cloudfrontDefaultCertificate": true},
	},
}

s3_origin := {"domainName": "assets.s3.eu-west-1.amazonaws.com", "originId": "assets", "originAccessControlId": "E2QWRUHAPOMQZL"}

test_flags_http_only_origin if {
	count(distribution_origin_https.deny) == 1 with input as distribution([custom("api", "http-only", ["TLSv1.2"])])
}

test_flags_match_viewer_origin if {
	count(distribution_origin_https.deny) == 1 with input as distribution([custom("api", "match-viewer", ["TLSv1.2"])])
}

test_flags_weak_ssl_protocols_once if {
	findings := distribution_origin_https.deny with input as distribution([custom("api", "https-only", ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"])])
	count(findings) == 1
	some f in findings
	contains(f, "SSLv3, TLSv1, TLSv1.1")
}

test_http_only_does_not_also_report_protocols if {
	count(distribution_origin_https.deny) == 1 with input as distribution([custom("api", "http-only", ["TLSv1", "TLSv1.2"])])
}

test_flags_each_bad_origin if {
	count(distribution_origin_https.deny) == 2 with input as distribution([
		custom("api", "http-only", ["TLSv1.2"]),
		custom("web", "https-only", ["TLSv1.2"]),
		custom("legacy", "https-only", ["TLSv1.1", "TLSv1.2"]),
		s3_origin,
	])
}

test_passes_https_only_tls12 if {
	count(distribution_origin_https.deny) == 0 with input as distribution([custom("api", "https-only", ["TLSv1.2"]), s3_origin])
}

test_unknown_values_are_not_reported if {
	count(distribution_origin_https.deny) == 0 with input as distribution([custom("api", unknown, unknown)])
	count(distribution_origin_https.deny) == 0 with input as distribution([{"domainName": unknown, "originId": "api", "customOriginConfig": unknown}])
	count(distribution_origin_https.deny) == 0 with input as distribution(unknown)
}

test_same_unknown_origin_ids_do_not_conflict if {
	count(distribution_origin_https.deny) == 2 with input as distribution([
		custom(unknown, "http-only", ["TLSv1.2"]),
		custom(unknown, "match-viewer", ["TLSv1.2"]),
	])
}
