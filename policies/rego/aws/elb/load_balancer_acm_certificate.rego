package aws.elb.load_balancer_acm_certificate

import data.lib.pulumi

# METADATA
# title: Classic Load Balancer TLS listeners use certificates from ACM
# description: |
#   An HTTPS or SSL listener whose sslCertificateId names an IAM server certificate
#   (arn:aws:iam::...:server-certificate/...) holds a certificate that nobody renews: it
#   expires and takes the service down, or is renewed by hand with its private key passed
#   around. Certificates from AWS Certificate Manager renew themselves. Unknown
#   certificate ids are not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-acm-certificate
#   severity: medium
#   concern: https
#   remediation: 'Request or import the certificate in ACM (aws.acm.Certificate) and set ssl_certificate_id=certificate.arn on each HTTPS/SSL listener.'
#   compliance:
#     fsbp: ["ELB.2"]
#     nist-800-53: ["SC-12", "SC-17"]
deny contains msg if {
	input.type in resource_types
	some listener in object.get(input.properties, "listeners", [])
	certificate := listener.sslCertificateId
	is_string(certificate)
	regex.match(`^arn:[^:]+:iam::`, certificate)
	msg := sprintf("Classic Load Balancer %q uses an IAM server certificate, which does not renew itself: use a certificate from ACM.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})
