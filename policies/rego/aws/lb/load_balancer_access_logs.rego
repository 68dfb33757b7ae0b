package aws.lb.load_balancer_access_logs

import data.lib.pulumi

# METADATA
# title: Application and Network Load Balancers write access logs
# description: |
#   An ALB or NLB without access logs keeps no record of the requests it forwarded:
#   client addresses, paths, TLS versions and response codes of an attack are gone.
#   accessLogs must be enabled with an S3 bucket. Gateway Load Balancers have no access
#   logs and are not judged; an unknown setting is not judged either.
# scope: document
# custom:
#   id: aws-lb-load-balancer-access-logs
#   severity: medium
#   concern: logging
#   remediation: Set access_logs=aws.lb.LoadBalancerAccessLogsArgs(bucket=logs.bucket, enabled=True) on aws.lb.LoadBalancer (the bucket policy must let the Elastic Load Balancing log delivery write).
#   compliance:
#     fsbp: ["ELB.5"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	not input.properties.loadBalancerType == "gateway"
	not logging_enabled(input.properties)
	not pulumi.unknown(input.properties, "accessLogs")
	not pulumi.unknown(object.get(input.properties, "accessLogs", {}), "enabled")
	msg := sprintf("Load balancer %q does not write access logs: set accessLogs with enabled true and an S3 bucket.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/loadBalancer:LoadBalancer"})

logging_enabled(props) if {
	props.accessLogs.enabled == true
	not pulumi.absent(props.accessLogs, "bucket")
}
