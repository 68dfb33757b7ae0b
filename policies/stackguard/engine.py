"""The policy engine as the pack sees it: one OPA query per resource, one per stack.

Talks to OPA through opa-python-client. Every failure (unreachable, slow, an error status, a reply
of the wrong shape, a rule id the catalog does not know) raises EngineError so that callers fail
closed; nothing here ever turns "no answer" into "no findings".
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import requests
from opa_client import OpaClient

from .errors import EngineError

DEFAULT_TIMEOUT_SECONDS = 5.0
ENTRYPOINT_PACKAGE = "stackguard"


@dataclass(frozen=True)
class RawFinding:
    rule: str
    message: str
    urn: str | None = None


@dataclass(frozen=True)
class EngineSettings:
    """Where OPA is and how to reach it: STACKGUARD_OPA_URL, _TOKEN, _CA_BUNDLE, _TIMEOUT."""

    url: str
    token: str | None = None
    ca_bundle: str | None = None
    timeout: float = DEFAULT_TIMEOUT_SECONDS

    @classmethod
    def from_env(cls, url: str | None = None) -> "EngineSettings":
        timeout_text = os.environ.get("STACKGUARD_OPA_TIMEOUT", str(DEFAULT_TIMEOUT_SECONDS))
        try:
            timeout = float(timeout_text)
        except ValueError:
            raise EngineError(f"STACKGUARD_OPA_TIMEOUT must be a number of seconds, got {timeout_text!r}") from None
        return cls(
            url=url or os.environ["STACKGUARD_OPA_URL"],
            token=os.environ.get("STACKGUARD_OPA_TOKEN") or None,
            ca_bundle=os.environ.get("STACKGUARD_OPA_CA_BUNDLE") or None,
            timeout=timeout,
        )


class PolicyEngine:
    def __init__(self, settings: EngineSettings, known_rules: set[str]):
        parsed = urlparse(settings.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise EngineError(f"the OPA address {settings.url!r} is not an http(s) URL")
        https = parsed.scheme == "https"
        self.url = settings.url
        self._known = known_rules
        self._client = OpaClient(
            host=parsed.hostname,
            port=parsed.port or (443 if https else 80),
            ssl=(settings.ca_bundle or True) if https else False,
            token=settings.token,
            retries=1,
            timeout=settings.timeout,
        )

    def resource_findings(self, resource: dict[str, Any]) -> list[RawFinding]:
        return [RawFinding(f["rule"], f["message"]) for f in self._query("deny", resource, with_urn=False)]

    def stack_findings(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        rows = self._query("stack_deny", {"resources": resources, "config": config}, with_urn=True)
        return [RawFinding(f["rule"], f["message"], f["urn"]) for f in rows]

    def _query(self, rule: str, document: dict[str, Any], with_urn: bool) -> list[dict[str, Any]]:
        try:
            reply = self._client.query_rule(document, ENTRYPOINT_PACKAGE, rule)
        except requests.Timeout:
            raise EngineError(f"OPA at {self.url} did not answer within {self._client.timeout:g}s") from None
        except requests.HTTPError as err:
            raise EngineError(f"OPA at {self.url} answered HTTP {err.response.status_code}") from None
        except (requests.exceptions.JSONDecodeError, ValueError):
            raise EngineError(f"OPA at {self.url} answered something that is not JSON") from None
        except requests.RequestException as err:
            raise EngineError(f"OPA at {self.url} is unreachable ({type(err).__name__})") from None
        return self._validated(reply, rule, with_urn)

    def _validated(self, reply: Any, rule: str, with_urn: bool) -> list[dict[str, Any]]:
        rows = reply.get("result") if isinstance(reply, dict) else None
        if not isinstance(rows, list):
            raise EngineError(f"OPA at {self.url} answered without a result for data.{ENTRYPOINT_PACKAGE}.{rule}: are the stackguard rules loaded?")
        for row in rows:
            fields = ("rule", "message", "urn") if with_urn else ("rule", "message")
            if not isinstance(row, dict) or not all(isinstance(row.get(f), str) for f in fields):
                raise EngineError(f"OPA at {self.url} answered a malformed finding for data.{ENTRYPOINT_PACKAGE}.{rule}")
            if row["rule"] not in self._known:
                raise EngineError(f"OPA at {self.url} reported rule {row['rule']!r}, which this pack does not know: the rules it serves differ from policies/rego")
        return rows

    def close(self) -> None:
        self._client.close_connection()
