"""KMS keys and a secret parameter, shaped by stack config, so a test can fix one finding and add another.

Config (all optional): `keys` is a JSON list of {"name", "rotate"}; `dbPassword` (a secret) goes into an
SSM SecureString parameter, so the state holds an encrypted secret the scan must never reveal.
"""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
keys = json.loads(config.get("keys") or '[{"name": "data", "rotate": true}]')
for key in keys:
    aws.kms.Key(key["name"], enable_key_rotation=key["rotate"], deletion_window_in_days=30,
                description=f"{key['name']} key")
password = config.get_secret("dbPassword")
if password is not None:
    aws.ssm.Parameter("db-password", type="SecureString", value=password)
