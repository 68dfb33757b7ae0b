package aws.cognito.user_pool_client_secret

import data.lib.pulumi

# METADATA
# title: Cognito machine clients have a secret and no client uses the implicit flow
# description: |
#   An app client allowed the client_credentials flow authenticates a machine with its
#   client secret alone: without generateSecret true, knowing the client id would be
#   enough to obtain access tokens for the API. The implicit flow returns tokens in the
#   redirect URL fragment, where browser history, referrers and logs can leak them; the
#   authorization code flow (with PKCE) replaces it. stackguard.components.UserDirectory never
#   offers the implicit flow and always generates a secret for client_credentials.
# scope: document
# custom:
#   id: aws-cognito-user-pool-client-secret
#   severity: high
#   concern: auth
#   remediation: Set generateSecret to true on client_credentials clients, and use the "code" flow instead of "implicit" in allowedOauthFlows.
#   compliance:
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	is_client
	"client_credentials" in oauth_flows
	pulumi.is_false(input.properties, "generateSecret")
	msg := sprintf(
		"Cognito app client %q allows the client_credentials flow without a client secret (generateSecret is not true): set generateSecret to true so that a client id alone cannot obtain tokens.",
		[input.name],
	)
}

deny contains msg if {
	is_client
	"implicit" in oauth_flows
	msg := sprintf(
		"Cognito app client %q allows the OAuth implicit flow, which returns tokens in the redirect URL: remove \"implicit\" from allowedOauthFlows and use the \"code\" flow with PKCE.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:cognito/userPoolClient:UserPoolClient"})

is_client if input.type in resource_types

# The known flows; an unknown list or element is no flow (never judged as absent).
oauth_flows contains flow if {
	flows := input.properties.allowedOauthFlows
	is_array(flows)
	some flow in flows
	is_string(flow)
}
