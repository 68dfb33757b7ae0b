package lib.secrets_test

import data.lib.secrets

test_secret_names if {
	secrets.secret_name("DB_PASSWORD")
	secrets.secret_name("stripeApiKey")
	secrets.secret_name("GITHUB_TOKEN")
}

test_references_and_plain_settings_are_not_secrets if {
	not secrets.secret_name("DB_PASSWORD_ARN")
	not secrets.secret_name("TOKEN_TTL")
	not secrets.secret_name("ACCOUNT_ID")
	not secrets.secret_name("REGION")
	not secrets.secret_name(42)
}
