package aws.apigateway.stage_client_certificate_test

import data.aws.apigateway.stage_client_certificate

api := {"type": "aws:apigateway/restApi:RestApi", "urn": "urn:api", "name": "api", "properties": {}}

stage(props) := {
	"type": "aws:apigateway/stage:Stage", "urn": "urn:stage", "name": "v1",
	"properties": object.union({"restApi": "api-id"}, props), "propertyDependencies": {"restApi": ["urn:api"]},
}

integration(kind) := {
	"type": "aws:apigateway/integration:Integration", "urn": "urn:int", "name": "orders",
	"properties": {"restApi": "api-id", "type": kind}, "propertyDependencies": {"restApi": ["urn:api"]},
}

test_flags_stage_calling_http_backend_without_certificate if {
	count(stage_client_certificate.stack_deny) == 1 with input as {"resources": [api, stage({}), integration("HTTP_PROXY")]}
}

test_passes_stage_with_certificate if {
	resources := [api, stage({"clientCertificateId": "abc123"}), integration("HTTP")]
	count(stage_client_certificate.stack_deny) == 0 with input as {"resources": resources}
}

test_passes_lambda_backed_api if {
	count(stage_client_certificate.stack_deny) == 0 with input as {"resources": [api, stage({}), integration("AWS_PROXY")]}
}

test_unknown_certificate_is_not_reported if {
	resources := [api, stage({"clientCertificateId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}), integration("HTTP")]
	count(stage_client_certificate.stack_deny) == 0 with input as {"resources": resources}
}
