package aws.cloudfront.distribution_logging

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: CloudFront distributions log viewer requests
# description: |
#   Standard logs record every viewer request (client address, path, status, TLS
#   version), the evidence needed after content scraping, credential stuffing or a leak
#   through the CDN. A distribution must set loggingConfig.bucket (legacy standard
#   logging) or be the resourceArn of an aws.cloudwatch.LogDeliverySource (standard
#   logging v2, to CloudWatch Logs, S3 or Firehose). A delivery source whose resourceArn
#   is unknown and untraceable could cover any distribution, so nothing is reported then.
# scope: document
# custom:
#   id: aws-cloudfront-distribution-logging
#   severity: medium
#   concern: logging
#   remediation: Set logging_config=aws.cloudfront.DistributionLoggingConfigArgs(bucket=logs.bucket_domain_name, prefix="cdn/") on aws.cloudfront.Distribution, or add an aws.cloudwatch.LogDeliverySource(log_type="ACCESS_LOGS", resource_arn=distribution.arn) with a delivery.
#   compliance:
#     fsbp: ["CloudFront.5"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
stack_deny contains {"urn": d.urn, "message": msg} if {
	not stack.untraceable(sources, "resourceArn")
	some d in stack.of_type("aws:cloudfront/distribution:Distribution")
	not logged(d)
	msg := sprintf("CloudFront distribution %q does not log viewer requests: set loggingConfig.bucket or add a CloudWatch log delivery source for it.", [d.name])
}

sources := stack.of_type("aws:cloudwatch/logDeliverySource:LogDeliverySource")

# URNs and ARNs that some log delivery source reads from (built once).
delivered := stack.targets(sources, "resourceArn")

logged(d) if not pulumi.absent(object.get(d.properties, "loggingConfig", {}), "bucket")

logged(d) if pulumi.unknown(d.properties, "loggingConfig")

logged(d) if stack.referenced(d, ["arn"], delivered)

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:cloudfront/distribution:Distribution",
	"aws:cloudwatch/logDeliverySource:LogDeliverySource",
})
