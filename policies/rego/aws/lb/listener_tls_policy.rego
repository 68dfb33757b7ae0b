package aws.lb.listener_tls_policy

import data.lib.pulumi

# METADATA
# title: HTTPS and TLS listeners use a modern TLS security policy
# description: |
#   An HTTPS (Application Load Balancer) or TLS (Network Load Balancer) listener must
#   use a security policy that refuses TLS 1.0 and 1.1 and offers TLS 1.3: any
#   ELBSecurityPolicy-TLS13-1-2-* or -TLS13-1-3-* policy (including the FIPS, PQ,
#   Ext and RFC9151 variants), or the forward-secret ELBSecurityPolicy-FS-1-2-Res-*
#   policies. Without sslPolicy, AWS applies ELBSecurityPolicy-2016-08, which accepts
#   TLS 1.0 and 1.1, so a missing policy is flagged. The TLS13-1-0 / TLS13-1-1 and
#   older 2015-2019 policies are flagged.
# scope: document
# custom:
#   id: aws-lb-listener-tls-policy
#   severity: high
#   concern: https
#   remediation: Set sslPolicy to "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" (or another ELBSecurityPolicy-TLS13-1-2-* / TLS13-1-3-* policy).
#   compliance:
#     fsbp: ["ELB.17"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	tls_listener
	pulumi.absent(input.properties, "sslPolicy")
	msg := sprintf("Load balancer listener %q does not set sslPolicy, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1: set sslPolicy to \"ELBSecurityPolicy-TLS13-1-2-Res-2021-06\" or another TLS 1.2+ policy.", [input.name])
}

deny contains msg if {
	tls_listener
	pulumi.known(input.properties, "sslPolicy")
	policy := input.properties.sslPolicy
	not modern_policy(policy)
	msg := sprintf("Load balancer listener %q uses security policy %q, which is outdated (it accepts TLS versions before 1.2 or offers no TLS 1.3): set sslPolicy to \"ELBSecurityPolicy-TLS13-1-2-Res-2021-06\" or another TLS 1.2+ policy.", [input.name, policy])
}

resource_types := pulumi.with_aliases({"aws:lb/listener:Listener"})

tls_listener if {
	input.type in resource_types
	is_string(input.properties.protocol)
	upper(input.properties.protocol) in {"HTTPS", "TLS"}
}

# Every policy of the TLS13-1-2 and TLS13-1-3 families has a TLS 1.2 or 1.3 minimum
# (2021-06, FIPS-2023-04, RFC9151-FIPS-2023-07, PQ-2025-09, Res/Ext0/Ext1/Ext2 variants).
modern_policy(policy) if {
	is_string(policy)
	some prefix in {"ELBSecurityPolicy-TLS13-1-2-", "ELBSecurityPolicy-TLS13-1-3-"}
	startswith(policy, prefix)
}

# Forward-secret, TLS 1.2-only policies restricted to AEAD ciphers.
modern_policy("ELBSecurityPolicy-FS-1-2-Res-2020-10")

modern_policy("ELBSecurityPolicy-FS-1-2-Res-2019-08")
