package aws.elb.load_balancer_tls_policy

import data.lib.pulumi

# METADATA
# title: Classic Load Balancer TLS negotiation policies allow only TLS 1.2 and strong ciphers
# description: |
#   A Classic Load Balancer's HTTPS/SSL listeners negotiate with the SSLNegotiationPolicyType
#   policy attached to them. An aws.elb.LoadBalancerPolicy of that type that references a
#   predefined policy other than ELBSecurityPolicy-TLS-1-2-2017-01 (the older ones allow
#   TLS 1.0/1.1 and CBC/SHA-1 ciphers), or that turns on Protocol-SSLv3, Protocol-TLSv1 or
#   Protocol-TLSv1.1 or a cipher known to be weak (RC4, 3DES, export, NULL or anonymous
#   suites), lets clients and attackers downgrade the connection. Unknown attributes are
#   not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-tls-policy
#   severity: high
#   concern: https
#   remediation: 'Use policy_attributes=[aws.elb.LoadBalancerPolicyPolicyAttributeArgs(name="Reference-Security-Policy", value="ELBSecurityPolicy-TLS-1-2-2017-01")], or move to an Application Load Balancer with a TLS 1.2/1.3 policy.'
#   compliance:
#     fsbp: ["ELB.8"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	ssl_negotiation_policy
	some attribute in attributes
	attribute.name == "Reference-Security-Policy"
	is_string(attribute.value)
	not pulumi.is_unknown(attribute.value)
	attribute.value != strong_policy
	msg := sprintf("Classic Load Balancer policy %q references %s, which allows old TLS versions or weak ciphers: reference %s.", [input.name, attribute.value, strong_policy])
}

deny contains msg if {
	ssl_negotiation_policy
	some attribute in attributes
	weak_attribute(attribute.name)
	lower(sprintf("%v", [attribute.value])) == "true"
	msg := sprintf("Classic Load Balancer policy %q enables %s: turn it off and reference %s.", [input.name, attribute.name, strong_policy])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancerPolicy:LoadBalancerPolicy"})

strong_policy := "ELBSecurityPolicy-TLS-1-2-2017-01"

ssl_negotiation_policy if {
	input.type in resource_types
	input.properties.policyTypeName == "SSLNegotiationPolicyType"
}

attributes := [a | some a in object.get(input.properties, "policyAttributes", []); is_object(a)]

weak_attribute(name) if name in {"Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

weak_attribute(name) if regex.match(`(?i)(RC4|DES-CBC3|3DES|EXP-|NULL|ADH-|AECDH-)`, name)
