"""Forward an API Gateway proxy request to the partner API over HTTPS with the partner's API key.

Environment: SECRET_ARN (a Secrets Manager secret holding {"key_id": ..., "api_key": ...}, or the
bare key as first stored) and PARTNER_URL (https://...). The key is read at run time, cached for a few minutes, and re-read once
when the partner answers 401 (the key was just rotated). It is never logged nor returned.
"""
import base64
import json
import logging
import os
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

SECRET_ARN = os.environ["SECRET_ARN"]
PARTNER_URL = os.environ["PARTNER_URL"].rstrip("/")
if not PARTNER_URL.startswith("https://"):
    raise RuntimeError("PARTNER_URL must be an https:// URL")

CACHE_SECONDS = 300
ALLOWED_METHODS = {"GET", "POST"}
FORWARDED_HEADERS = {"content-type", "accept"}

_secrets = boto3.client("secretsmanager")
_cache = {"api_key": None, "read_at": 0.0}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could carry the key to another host or to plain HTTP: treat it as an error.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect(), urllib.request.HTTPSHandler(context=ssl.create_default_context()))


def _parse(value):
    try:
        document = json.loads(value)
    except ValueError:
        return value
    return document["api_key"] if isinstance(document, dict) else value


def _api_key(refresh=False):
    if refresh or _cache["api_key"] is None or time.time() - _cache["read_at"] > CACHE_SECONDS:
        value = _secrets.get_secret_value(SecretId=SECRET_ARN, VersionStage="AWSCURRENT")["SecretString"]
        _cache["api_key"] = _parse(value)
        _cache["read_at"] = time.time()
    return _cache["api_key"]


def _request(event):
    """Method, partner URL, headers and body of the incoming REST (v1) or HTTP API (v2) proxy event."""
    method = event.get("httpMethod") or event.get("requestContext", {}).get("http", {}).get("method", "")
    path = (event.get("pathParameters") or {}).get("proxy", "")
    query = urllib.parse.urlencode(event.get("queryStringParameters") or {})
    url = PARTNER_URL + "/" + urllib.parse.quote(path.lstrip("/"), safe="/") + ("?" + query if query else "")
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items() if k.lower() in FORWARDED_HEADERS}
    body = event.get("body")
    if body is not None and event.get("isBase64Encoded"):
        data = base64.b64decode(body)
    else:
        data = body.encode() if body is not None else None
    return method.upper(), url, headers, data


def _call(method, url, headers, data, api_key, timeout):
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    # Unredirected: never copied to another request, even if a redirect were followed.
    request.add_unredirected_header("Authorization", "Bearer " + api_key)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", "application/json"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", "application/json"), err.read()


def _response(status, body, content_type="application/json"):
    return {"statusCode": status, "headers": {"Content-Type": content_type}, "body": body, "isBase64Encoded": False}


def handler(event, context):
    method, url, headers, data = _request(event)
    if method not in ALLOWED_METHODS:
        return _response(405, json.dumps({"message": "method not allowed"}))
    timeout = max(1.0, context.get_remaining_time_in_millis() / 1000 - 1)
    try:
        status, content_type, body = _call(method, url, headers, data, _api_key(), timeout)
        if status == 401:
            status, content_type, body = _call(method, url, headers, data, _api_key(refresh=True), timeout)
    except (urllib.error.URLError, TimeoutError) as err:
        logger.error("partner unreachable: %s", type(err).__name__)
        return _response(502, json.dumps({"message": "partner unavailable"}))
    logger.info("partner call %s %s -> %d", method, urllib.parse.urlsplit(url).path, status)
    if status in (401, 403) or 300 <= status < 400 or status >= 500:
        # Our credentials, a refused redirect or the partner failed, not the caller: do not relay the body.
        return _response(502, json.dumps({"message": "partner error"}))
    try:
        return _response(status, body.decode("utf-8"), content_type)
    except UnicodeDecodeError:
        return _response(502, json.dumps({"message": "partner returned a non-text response"}))
