"""What the scan tests stand up on 127.0.0.1: webhook receivers (one that answers, one that is down),
moto's S3 server, and the ASFF JSON Schema built from AWS's own Security Hub service model."""
from __future__ import annotations

import json
import logging
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# moto[server] and boto3 are test extras (pyproject.toml); an environment set up before they were added lacks them.
SETUP_HINT = "moto[server] and boto3 are not installed: run `bash scripts/setup --no-run`"
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
                  "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and answers `status`."""

    port: int = 0
    status: int = 200
    received: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length", "0"))
                receiver.received.append(Received(self.path, dict(self.headers), self.rfile.read(length)))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def at(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A loopback port nothing listens on (a receiver that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MotoS3:
    """moto's S3 in server mode on 127.0.0.1: the real CLI and the scan both talk to it over HTTP."""

    def __init__(self) -> None:
        import pytest

        ThreadedMotoServer = pytest.importorskip("moto.server", reason=SETUP_HINT).ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"

    def client(self) -> Any:
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")

    def backend_url(self, bucket: str) -> str:
        """The URL `pulumi login` and `stackguard scan` are both given."""
        return f"s3://{bucket}?endpoint={self.endpoint}&region=us-east-1&s3ForcePathStyle=true"

    def stop(self) -> None:
        self._server.stop()


def asff_schema() -> dict[str, Any]:
    """A JSON Schema for a list of AwsSecurityFinding, translated shape by shape from the Security Hub
    service model botocore ships (the model AWS's SDKs validate BatchImportFindings against)."""
    import pytest

    shapes = pytest.importorskip("botocore.loaders", reason=SETUP_HINT).Loader().load_service_model("securityhub", "service-2")["shapes"]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/AwsSecurityFindingList",
            "$defs": {name: _shape_schema(shape) for name, shape in shapes.items()}}


def _shape_schema(shape: dict[str, Any]) -> dict[str, Any]:
    kind = shape["type"]
    if kind == "structure":
        return {"type": "object", "additionalProperties": False, "required": list(shape.get("required", [])),
                "properties": {name: {"$ref": f"#/$defs/{member['shape']}"} for name, member in shape["members"].items()}}
    if kind == "list":
        schema: dict[str, Any] = {"type": "array", "items": {"$ref": f"#/$defs/{shape['member']['shape']}"}}
        schema.update({k: shape[m] for k, m in (("minItems", "min"), ("maxItems", "max")) if m in shape})
        return schema
    if kind == "map":
        return {"type": "object", "propertyNames": {"$ref": f"#/$defs/{shape['key']['shape']}"},
                "additionalProperties": {"$ref": f"#/$defs/{shape['value']['shape']}"}}
    if kind == "string":
        schema = {"type": "string"}
        schema.update({k: shape[m] for k, m in (("enum", "enum"), ("pattern", "pattern"), ("minLength", "min"), ("maxLength", "max")) if m in shape})
        return schema
    if kind == "timestamp":
        return {"type": "string", "format": "date-time"}
    if kind in ("integer", "long"):
        return {"type": "integer"}
    if kind in ("double", "float"):
        return {"type": "number"}
    if kind == "boolean":
        return {"type": "boolean"}
    raise AssertionError(f"a Security Hub shape of type {kind} the schema builder does not know")



class Postgres:
    """A real PostgreSQL server (the `pgserver` wheel's binaries) on a unix socket in a private folder,
    with a new database for each test that asks."""

    def __init__(self, folder) -> None:
        import pgserver

        self._server = pgserver.get_server(folder, cleanup_mode="delete")
        self._admin_url = self._server.get_uri()
        self._count = 0

    def database(self) -> str:
        """The URL of a new, empty database."""
        import psycopg

        self._count += 1
        name = f"scan_{self._count}"
        with psycopg.connect(self._admin_url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return self._server.get_uri(name)

    def stop(self) -> None:
        self._server.cleanup()
