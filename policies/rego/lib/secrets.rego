# METADATA
# description: |
#   What a name says about the value it holds: an environment variable named like a
#   password, token or key holds a secret; one named like a reference to it (its ARN,
#   name, id, URL, parameter) or a setting about it (TTL, length, timeout) does not.
package lib.secrets

secret_words := `PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH_?KEY`

reference_suffixes := `_(ARN|NAME|ID|URL|URI|PATH|FILE|ENDPOINT|PARAMETER|HEADER|TTL|LENGTH|EXPIRY|TIMEOUT|ENABLED)$`

# secret_name(name) holds when the variable name says it holds a secret value.
secret_name(name) if {
	is_string(name)
	upper_name := upper(name)
	regex.match(secret_words, upper_name)
	not regex.match(reference_suffixes, upper_name)
}
