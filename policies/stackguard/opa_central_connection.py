"""The connection to a central OPA (STACKGUARD_OPA_URL): opa-python-client's requests session,
with the environment kept out. Loaded only when a run uses a central OPA. Answers are judged by
`opa_connection.read_reply`, as the private connection's are."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import requests
from opa_client import OpaClient

from .errors import EngineError
from .opa_connection import CHUNK_BYTES, is_loopback, read_reply

if TYPE_CHECKING:
    from .engine import EngineSettings


class _HardenedClient(OpaClient):
    """opa-python-client's session with no redirects, no proxy for loopback, no
    REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE overriding the pinned CA bundle and no retries."""

    def _init_session(self) -> requests.Session:
        session = super()._init_session()
        session.trust_env = False
        session.max_redirects = 0
        for scheme in ("http://", "https://"):
            # No retry wrapper: a read timeout stays a Timeout, and a query is never sent twice.
            session.mount(scheme, requests.adapters.HTTPAdapter(max_retries=0))
        return session

    def send(self, method: str, url: str, payload: bytes | None, timeout: float, verify: bool | str,
             proxies: dict[str, str]) -> requests.Response:
        return self._session.request(
            method, url, data=payload, headers={"Content-Type": "application/json"}, stream=True,
            allow_redirects=False, timeout=(timeout, timeout), verify=verify, proxies=proxies,
        )


class CentralConnection:
    """One session to a central OPA: the token only as opa-python-client sends it, TLS verified
    against STACKGUARD_OPA_CA_BUNDLE (or the system's CAs), proxies from the environment except for
    loopback."""

    def __init__(self, settings: "EngineSettings"):
        parsed = urlparse(settings.url)
        https = parsed.scheme == "https"
        self._settings = settings
        self._verify: bool | str = (settings.ca_bundle or True) if https else False
        self._proxies = {} if is_loopback(parsed.hostname or "") else requests.utils.get_environ_proxies(settings.url)
        self._client = _HardenedClient(
            host=parsed.hostname, port=parsed.port or (443 if https else 80), ssl=https,
            token=settings.token, retries=0, timeout=settings.timeout,
        )

    def call(self, method: str, path: str, payload: bytes | None, deadline: float) -> Any:
        url = f"{self._client.root_url}/{path}"
        timeout = deadline - time.monotonic()  # what remains of the query's budget, as for a private OPA
        if timeout <= 0:
            raise TimeoutError
        try:
            with self._client.send(method, url, payload, timeout, self._verify, self._proxies) as response:
                return read_reply(response.status_code, response.iter_content(chunk_size=CHUNK_BYTES), deadline, self._settings)
        except requests.Timeout:
            raise TimeoutError from None
        except requests.TooManyRedirects:
            raise EngineError(f"OPA at {self._settings.url} answered a redirect; stackguard never follows redirects") from None
        except requests.exceptions.SSLError:
            raise EngineError(f"OPA at {self._settings.url} failed TLS verification against STACKGUARD_OPA_CA_BUNDLE") from None
        except requests.RequestException as err:
            raise EngineError(f"OPA at {self._settings.url} is unreachable ({type(err).__name__})") from None

    def close(self) -> None:
        self._client.close_connection()
