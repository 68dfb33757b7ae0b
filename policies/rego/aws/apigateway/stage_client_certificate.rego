package aws.apigateway.stage_client_certificate

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: REST API stages that call HTTP backends present a client certificate
# description: |
#   A REST API stage whose API has HTTP or HTTP_PROXY integrations must set
#   clientCertificateId, so that the backend can verify that requests come from API
#   Gateway and not from anyone who found its URL. Stages of APIs that only call
#   Lambda, AWS services or mocks need none and are not flagged. The stage and the
#   integrations are joined through their restApi (propertyDependencies or value).
# scope: document
# custom:
#   id: aws-apigateway-stage-client-certificate
#   severity: medium
#   concern: https
#   remediation: Create an aws.apigateway.ClientCertificate and set the stage's client_certificate_id; have the backend verify it (stackguard.components.RestApi does this for HTTP backends).
#   compliance:
#     fsbp: ["APIGateway.2"]
#     nist-800-53: ["IA-3", "SC-8"]
stack_deny contains {"urn": s.urn, "message": msg} if {
	some s in stack.of_type("aws:apigateway/stage:Stage")
	pulumi.absent(s.properties, "clientCertificateId")
	apis := stack.refs(s, "restApi")
	some i in stack.of_type("aws:apigateway/integration:Integration")
	i.properties.type in {"HTTP", "HTTP_PROXY"}
	count(apis & stack.refs(i, "restApi")) > 0
	msg := sprintf("API Gateway stage %q calls HTTP backends (integration %q) without a client certificate: set clientCertificateId so the backend can verify the caller is API Gateway.", [s.name, i.name])
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigateway/integration:Integration",
	"aws:apigateway/stage:Stage",
})
