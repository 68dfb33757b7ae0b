package aws.cloudfront.distribution_viewer_https_test

import data.aws.cloudfront.distribution_viewer_https

behavior(policy) := {
	"allowedMethods": ["GET", "HEAD"],
	"cachedMethods": ["GET", "HEAD"],
	"targetOriginId": "web",
	"cachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
	"viewerProtocolPolicy": policy,
}

ordered(path, policy) := object.union(behavior(policy), {"pathPattern": path})

distribution(props) := {
	"type": "aws:cloudfront/distribution:Distribution",
	"urn": "urn:pulumi:prod::web::aws:cloudfront/distribution:Distribution::site",
	"name": "site",
	"properties": object.union(
		{
			"enabled": true,
			"origins": [{"domainName": "web.example.com", "originId": "web"}],
			"restrictions": {"geoRestriction": {"restrictionType": "none"}},
			"viewerCertificate": {"acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e", "sslSupportMethod": "sni-only", "minimumProtocolVersion": "TLSv1.2_2021"},
		},
		props,
	),
}

test_flags_default_behavior_allowing_http if {
	count(distribution_viewer_https.deny) == 1 with input as distribution({"defaultCacheBehavior": behavior("allow-all")})
}

test_flags_each_ordered_behavior_allowing_http if {
	count(distribution_viewer_https.deny) == 2 with input as distribution({
		"defaultCacheBehavior": behavior("redirect-to-https"),
		"orderedCacheBehaviors": [
			ordered("/api/*", "allow-all"),
			ordered("/static/*", "https-only"),
			ordered("/img/*", "allow-all"),
		],
	})
}

test_passes_https_behaviors if {
	count(distribution_viewer_https.deny) == 0 with input as distribution({
		"defaultCacheBehavior": behavior("redirect-to-https"),
		"orderedCacheBehaviors": [ordered("/api/*", "https-only")],
	})
}

test_unknown_policy_is_not_reported if {
	count(distribution_viewer_https.deny) == 0 with input as distribution({
		"defaultCacheBehavior": behavior("04da6b54-80e4-46f7-96ec-b56ff0331ba9"),
		"orderedCacheBehaviors": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
	})
}
