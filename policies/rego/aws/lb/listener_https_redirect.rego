package aws.lb.listener_https_redirect

import data.lib.pulumi

# METADATA
# title: Plain-HTTP load balancer listeners only redirect to HTTPS
# description: |
#   An Application Load Balancer listener on HTTP must not serve traffic: its default
#   actions must be a redirect to HTTPS and nothing else, so that no request or
#   response crosses the network unencrypted. A listener without a protocol is an
#   HTTP listener on an Application Load Balancer (the AWS default) and is checked too;
#   Gateway Load Balancer listeners, which have neither port nor protocol, are not.
#   Listener rules (aws:lb/listenerRule) are not considered.
# scope: document
# custom:
#   id: aws-lb-listener-https-redirect
#   severity: high
#   concern: https
#   remediation: Make the HTTP listener's only default action {type "redirect", redirect {protocol "HTTPS", port "443", statusCode "HTTP_301"}} and serve the application on an HTTPS listener.
#   compliance:
#     fsbp: ["ELB.1"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	is_listener
	http_listener(input.properties)
	actions := input.properties.defaultActions
	is_array(actions)
	count(actions) > 0
	not any_unknown_action(actions)
	some action in actions
	not https_redirect(action)
	msg := sprintf("Load balancer listener %q accepts plain HTTP and does not only redirect to HTTPS: make its default action a redirect with redirect.protocol \"HTTPS\" and serve the application on an HTTPS listener.", [input.name])
}

deny contains msg if {
	is_listener
	http_listener(input.properties)
	no_actions(input.properties)
	msg := sprintf("Load balancer listener %q accepts plain HTTP and has no default action: add a redirect to HTTPS (type \"redirect\", redirect.protocol \"HTTPS\").", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/listener:Listener"})

is_listener if input.type in resource_types

http_listener(props) if upper(props.protocol) == "HTTP"

http_listener(props) if {
	pulumi.absent(props, "protocol")
	pulumi.known(props, "port")
}

no_actions(props) if pulumi.absent(props, "defaultActions")

no_actions(props) if props.defaultActions == []

https_redirect(action) if {
	lower(action.type) == "redirect"
	upper(action.redirect.protocol) == "HTTPS"
}

# An action whose type or redirect protocol is not known yet cannot be judged.
any_unknown_action(actions) if {
	some action in actions
	unknown_action(action)
}

unknown_action(action) if pulumi.is_unknown(action)

unknown_action(action) if pulumi.unknown(action, "type")

unknown_action(action) if pulumi.unknown(action, "redirect")

unknown_action(action) if pulumi.unknown(action.redirect, "protocol")
