"""Secrets Manager rotation of the partner API key, in the four steps Secrets Manager calls.

The secret holds {"key_id": ..., "api_key": ...}; the first value may be the bare key the partner
issued, whose id is unknown. Environment: PARTNER_URL (https://...); the partner's key-rotation
endpoint is <PARTNER_URL>/keys: PUT /keys/<key_id> registers a key (authenticated with the current
key, idempotent), GET /keys/<key_id> answers 200 to a request made with that key, DELETE
/keys/<key_id> revokes a key.

    createSecret  generate a new key and store it as the AWSPENDING version (key_id = the version id)
    setSecret     register the pending key with the partner, authenticated with the AWSCURRENT key
    testSecret    call the partner with the pending key
    finishSecret  move AWSCURRENT to the pending version, then revoke the previous key at the partner

Every step is idempotent, since Secrets Manager retries failed steps. Key values are never logged.
"""
import json
import logging
import os
import secrets
import ssl
import urllib.error
import urllib.parse
import urllib.request

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

PARTNER_URL = os.environ["PARTNER_URL"].rstrip("/")
if not PARTNER_URL.startswith("https://"):
    raise RuntimeError("PARTNER_URL must be an https:// URL")
PARTNER_KEYS_URL = PARTNER_URL + "/keys"

_secrets = boto3.client("secretsmanager")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could carry a key to another host or to plain HTTP: treat it as an error.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect(), urllib.request.HTTPSHandler(context=ssl.create_default_context()))


def _partner(method, key_id, api_key, body=None):
    """Status code of a call to the partner's key endpoint for key_id, authenticated with api_key."""
    url = PARTNER_KEYS_URL + "/" + urllib.parse.quote(key_id, safe="")
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    request.add_unredirected_header("Authorization", "Bearer " + api_key)
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def _secret(arn, stage, version_id=None):
    kwargs = {"SecretId": arn, "VersionStage": stage}
    if version_id:
        kwargs["VersionId"] = version_id
    value = _secrets.get_secret_value(**kwargs)["SecretString"]
    try:
        document = json.loads(value)
    except ValueError:
        document = None
    if isinstance(document, dict) and "api_key" in document:
        return document
    return {"key_id": None, "api_key": value}


def create_secret(arn, token):
    _secret(arn, "AWSCURRENT")  # fail early if there is no current key to rotate from
    try:
        _secret(arn, "AWSPENDING", token)
        logger.info("createSecret: pending version already exists for %s", arn)
        return
    except _secrets.exceptions.ResourceNotFoundException:
        pass
    pending = {"key_id": token, "api_key": secrets.token_urlsafe(48)}
    _secrets.put_secret_value(
        SecretId=arn, ClientRequestToken=token, SecretString=json.dumps(pending), VersionStages=["AWSPENDING"]
    )
    logger.info("createSecret: stored a new pending version for %s", arn)


def set_secret(arn, token):
    current = _secret(arn, "AWSCURRENT")
    pending = _secret(arn, "AWSPENDING", token)
    status = _partner("PUT", pending["key_id"], current["api_key"], {"api_key": pending["api_key"]})
    if status not in (200, 201, 204):
        raise RuntimeError(f"setSecret: the partner refused the new key (HTTP {status})")
    logger.info("setSecret: registered the pending key with the partner for %s", arn)


def test_secret(arn, token):
    pending = _secret(arn, "AWSPENDING", token)
    status = _partner("GET", pending["key_id"], pending["api_key"])
    if status != 200:
        raise RuntimeError(f"testSecret: the partner rejected the pending key (HTTP {status})")
    logger.info("testSecret: the pending key works for %s", arn)


def finish_secret(arn, token, versions):
    current_version = next((v for v, stages in versions.items() if "AWSCURRENT" in stages), None)
    if current_version != token:
        move = {"SecretId": arn, "VersionStage": "AWSCURRENT", "MoveToVersionId": token}
        if current_version:
            move["RemoveFromVersionId"] = current_version
        _secrets.update_secret_version_stage(**move)
        logger.info("finishSecret: version %s is now AWSCURRENT for %s", token, arn)
    # Revoke the key that was current before, with the new one; 404 means a retry already revoked it.
    try:
        previous = _secret(arn, "AWSPREVIOUS")
    except _secrets.exceptions.ResourceNotFoundException:
        return
    if previous["key_id"] == token:
        return
    if previous["key_id"] is None:
        logger.warning("finishSecret: the previous key of %s has no key_id; revoke it in the partner's portal", arn)
        return
    status = _partner("DELETE", previous["key_id"], _secret(arn, "AWSCURRENT")["api_key"])
    if status not in (200, 202, 204, 404):
        raise RuntimeError(f"finishSecret: the partner did not revoke the previous key (HTTP {status})")
    logger.info("finishSecret: revoked the previous key for %s", arn)


def handler(event, context):
    arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    metadata = _secrets.describe_secret(SecretId=arn)
    if not metadata.get("RotationEnabled"):
        raise ValueError(f"rotation is not enabled for {arn}")
    versions = metadata["VersionIdsToStages"]
    if token not in versions:
        raise ValueError(f"version {token} is not a version of {arn}")
    stages = versions[token]
    if "AWSPENDING" not in stages and "AWSCURRENT" not in stages:
        raise ValueError(f"version {token} of {arn} is neither AWSPENDING nor AWSCURRENT")
    if step == "finishSecret":
        finish_secret(arn, token, versions)
        return
    if "AWSCURRENT" in stages:
        logger.info("%s: version %s is already AWSCURRENT for %s", step, token, arn)
        return
    steps = {"createSecret": create_secret, "setSecret": set_secret, "testSecret": test_secret}
    if step not in steps:
        raise ValueError(f"unknown rotation step {step!r}")
    steps[step](arn, token)
