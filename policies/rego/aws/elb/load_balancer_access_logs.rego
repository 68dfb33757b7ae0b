package aws.elb.load_balancer_access_logs

import data.lib.pulumi

# METADATA
# title: Classic Load Balancers write access logs
# description: |
#   A Classic Load Balancer without access logs keeps no record of the requests and
#   connections it forwarded, so an attack through it cannot be traced afterwards.
#   accessLogs must name an S3 bucket and not be disabled (enabled defaults to true
#   once accessLogs is given). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-access-logs
#   severity: medium
#   concern: logging
#   remediation: Set access_logs=aws.elb.LoadBalancerAccessLogsArgs(bucket=logs.bucket, interval=60) on aws.elb.LoadBalancer, or move to an Application Load Balancer with access logs.
#   compliance:
#     fsbp: ["ELB.5"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	not logging_enabled(input.properties)
	not pulumi.unknown(input.properties, "accessLogs")
	not pulumi.unknown(object.get(input.properties, "accessLogs", {}), "enabled")
	msg := sprintf("Classic Load Balancer %q does not write access logs: set accessLogs with an S3 bucket.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})

logging_enabled(props) if {
	not props.accessLogs.enabled == false
	not pulumi.absent(props.accessLogs, "bucket")
}
