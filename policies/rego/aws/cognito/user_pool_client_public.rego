package aws.cognito.user_pool_client_public

import data.lib.pulumi

# METADATA
# title: Cognito app clients are confidential clients with a secret
# description: |
#   An app client without a client secret is a public client: anyone who reads its
#   client id out of a web page or mobile app can start the authorization code flow
#   (Cognito does not force PKCE on it) or call the sign-in APIs with it. That is the
#   accepted design of a single-page or mobile app that uses PKCE, and such a client must
#   be a visible, deliberate exception: stackguard.components.UserDirectory drops the secret only
#   with client.allow_public_client. Clients allowed client_credentials are judged by
#   aws-cognito-user-pool-client-secret instead.
# scope: document
# custom:
#   id: aws-cognito-user-pool-client-public
#   severity: medium
#   concern: auth
#   remediation: Set generateSecret to true and keep the secret in a backend; for a SPA or mobile app that cannot keep one, use the code flow with PKCE and record the exemption.
#   compliance:
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "generateSecret")
	not client_credentials
	msg := sprintf(
		"Cognito app client %q is a public client without a client secret (generateSecret is not true): anyone holding its client id can request tokens through it; set generateSecret to true, or make sure the app uses the code flow with PKCE.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:cognito/userPoolClient:UserPoolClient"})

# client_credentials clients without a secret are reported by aws-cognito-user-pool-client-secret.
client_credentials if {
	flows := input.properties.allowedOauthFlows
	is_array(flows)
	"client_credentials" in flows
}
