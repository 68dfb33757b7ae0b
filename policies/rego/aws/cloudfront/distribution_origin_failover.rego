package aws.cloudfront.distribution_origin_failover

import data.lib.pulumi

# METADATA
# title: CloudFront distributions fail over to a second origin
# description: |
#   A distribution without an origin group depends on one origin: its outage, or its
#   Region's, is the site's outage. An origin group (originGroups with two members and the
#   status codes that trigger failover) keeps serving from the secondary. Unknown settings
#   are not judged.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-origin-failover
#   severity: low
#   concern: network
#   remediation: 'Add origin_groups=[aws.cloudfront.DistributionOriginGroupArgs(origin_id="group", failover_criteria=..., members=[primary, secondary])] and point the cache behavior at the group.'
#   compliance:
#     fsbp: ["CloudFront.4"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "originGroups")
	count(object.get(input.properties, "originGroups", [])) == 0
	msg := sprintf("CloudFront distribution %q has no origin group to fail over to: add originGroups with a secondary origin.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cloudfront/distribution:Distribution"})
