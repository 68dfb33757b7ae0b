"""A payments team's stack: its own key, a webhook signing secret, and a role that may read it."""
import pulumi

from stackguard.components import EncryptionKey, SecretStore, ServiceRole

key = EncryptionKey("payments", {"alias": "alias/payments", "service_principals": ["secretsmanager.amazonaws.com"]})
role = ServiceRole("webhook-signer", {"trusted_service": "lambda.amazonaws.com"})
secret = SecretStore("webhook-signing-key", {
    "kms_key_arn": key.key_arn,
    "reader_role_arns": [role.role_arn],
    "allow_no_rotation": {"reason": "the card network issues this key yearly; rotated by runbook",
                          "owner": "payments-team"},
})

pulumi.export("secret_arn", secret.secret_arn)
