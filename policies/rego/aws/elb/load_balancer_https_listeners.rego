package aws.elb.load_balancer_https_listeners

import data.lib.pulumi

# METADATA
# title: Classic Load Balancer listeners terminate HTTPS or TLS
# description: |
#   A Classic Load Balancer listener with lbProtocol http or tcp accepts clients in clear
#   text: credentials, cookies and data cross the network unencrypted. Every listener
#   must use https or ssl with a certificate. An unknown protocol is not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-https-listeners
#   severity: high
#   concern: https
#   remediation: Set lb_protocol="https" (or "ssl") with ssl_certificate_id=certificate.arn on each listener of aws.elb.LoadBalancer, or move to an Application Load Balancer that redirects HTTP to HTTPS.
#   compliance:
#     fsbp: ["ELB.3"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	some listener in object.get(input.properties, "listeners", [])
	protocol := listener.lbProtocol
	is_string(protocol)
	lower(protocol) in {"http", "tcp"}
	msg := sprintf("Classic Load Balancer %q listens on port %v with %s, in clear text: use https or ssl with a certificate.", [input.name, object.get(listener, "lbPort", "?"), lower(protocol)])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})
