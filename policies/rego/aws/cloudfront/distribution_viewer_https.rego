package aws.cloudfront.distribution_viewer_https

import data.lib.pulumi

# METADATA
# title: CloudFront distributions serve viewers over HTTPS only
# description: |
#   Every cache behavior of a CloudFront distribution, the default one and each
#   ordered one, must redirect HTTP to HTTPS or refuse HTTP. With viewerProtocolPolicy
#   "allow-all", viewers can fetch and send content over plain HTTP.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-viewer-https
#   severity: high
#   concern: https
#   remediation: Set viewerProtocolPolicy to "redirect-to-https" (or "https-only") on the default cache behavior and on every ordered cache behavior.
#   compliance:
#     fsbp: ["CloudFront.3"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	is_distribution
	input.properties.defaultCacheBehavior.viewerProtocolPolicy == "allow-all"
	msg := sprintf("CloudFront distribution %q lets viewers use plain HTTP on its default cache behavior: set defaultCacheBehavior.viewerProtocolPolicy to \"redirect-to-https\" or \"https-only\".", [input.name])
}

deny contains msg if {
	is_distribution
	some behavior in ordered_behaviors
	behavior.viewerProtocolPolicy == "allow-all"
	msg := sprintf("CloudFront distribution %q lets viewers use plain HTTP on the cache behavior for %q: set its viewerProtocolPolicy to \"redirect-to-https\" or \"https-only\".", [input.name, object.get(behavior, "pathPattern", "?")])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})

is_distribution if input.type in resource_types

ordered_behaviors := input.properties.orderedCacheBehaviors if is_array(input.properties.orderedCacheBehaviors)
