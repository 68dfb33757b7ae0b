"""Where a scan finds the deployed stacks: Pulumi DIY backends read in their documented layout, and export files.

    file:///srv/pulumi-state            a folder `pulumi login file://...` writes to
    s3://bucket/prefix?region=eu-west-1 a bucket `pulumi login s3://...` writes to (endpoint=, profile= as Pulumi takes them)
    exports/payments-prod.json          a `pulumi stack export` file

A backend keeps the current state of each stack in `.pulumi/stacks/<project>/<stack>.json`, or
`<stack>.json.gz` when PULUMI_SELF_MANAGED_STATE_GZIP is set (Pulumi deletes the other one when it
writes; if both are there the newer is read, as it is the one Pulumi wrote last). Backups (`.bak`),
attributes (`.attrs`), history, locks and `meta.yaml` are not state and are not read. States written
before project-scoped stacks (`.pulumi/stacks/<stack>.json`) are read too, their project taken from
their resources. Secrets stay as Pulumi encrypted them: the reader replaces every secret value with a
marker before anything else sees it, and nothing is ever decrypted.
"""
from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import parse_qs, unquote, urlparse

from .. import inputs, readers
from ..errors import InputError
from ..model import Stack

STACKS_FOLDER = ".pulumi/stacks"
STATE_SUFFIXES = (".json", ".json.gz")
# Query parameters Pulumi's s3:// backend URLs carry. Only those that say where the bucket is matter to a
# reader; the path-style and TLS switches are accepted so that the same URL serves `pulumi login` and a scan.
S3_PARAMETERS = {"region", "endpoint", "profile", "s3ForcePathStyle", "use_path_style", "disableSSL", "disable_https", "awssdk"}
EXPECTED = "a Pulumi state: a backend checkpoint (checkpoint.latest) or a `pulumi stack export` file (deployment)"


@dataclass(frozen=True)
class StackState:
    """One stack's current state as a source holds it: the bytes, not yet parsed."""

    project: str  # "" when only the resources can tell (an export file, a state from before project-scoped stacks)
    stack: str
    origin: str  # where it was read: a path or an s3:// URL, for messages
    data: bytes
    problem: str = ""  # why the bytes could not be read (then data is empty)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ScannedStack:
    """A stack read and parsed: what the gate evaluates, keyed by project and stack."""

    project: str
    name: str
    origin: str
    digest: str
    stack: Stack

    @property
    def key(self) -> str:
        return f"{self.project}/{self.name}"


@dataclass(frozen=True)
class Unreadable:
    """A stack whose state could not be read or parsed (corrupt JSON, an unreadable file, an S3 object that
    fails): not checked, so reported as such and alerted as a failure, while the other stacks are scanned."""

    stack: str  # <project>/<stack>, or where it was read when the state is an export file that could not be parsed
    origin: str
    reason: str


def read_all(locations: Iterable[str]) -> tuple[list[ScannedStack], list[Unreadable]]:
    """Every stack of every location, parsed, each stack once (two locations holding the same
    project/stack are refused: which one is deployed would be a guess), and the stacks that could not be read.
    A location that is wrong as a whole (no backend there, a bucket that cannot be listed) is bad input."""
    seen: dict[str, str] = {}
    stacks, unreadable = [], []
    for location in locations:
        found = 0
        for state in states(location):
            found += 1
            try:
                if state.problem:
                    raise InputError(state.origin, "(file)", state.problem)
                scanned = parse(state)
            except InputError as err:
                key = f"{state.project}/{state.stack}" if state.stack else state.origin
                unreadable.append(Unreadable(key, state.origin, str(err)))
                continue
            if scanned.key in seen:
                raise InputError(state.origin, "(stack)", f"{scanned.key} is also read from {seen[scanned.key]}; "
                                                          "scan each stack from one place")
            seen[scanned.key] = state.origin
            stacks.append(scanned)
        if not found:
            # A wrong prefix or folder must not read as "every stack is clean".
            raise InputError(location, STACKS_FOLDER, "holds no stack state: is it the folder or bucket `pulumi login` was given?")
    return sorted(stacks, key=lambda s: s.key), sorted(unreadable, key=lambda u: u.stack)


def states(location: str) -> Iterator[StackState]:
    """The states at one location (a file:// folder, an s3:// bucket or an export file)."""
    scheme = urlparse(location).scheme
    if scheme == "file":
        yield from _folder_states(_file_url_path(location), location)
    elif scheme == "s3":
        yield from _bucket_states(location)
    elif scheme:
        raise InputError(location, "(source)", f"{scheme}:// is not a source; allowed: file://FOLDER, s3://BUCKET[/PREFIX], or an export file")
    else:
        path = Path(location)
        if path.is_dir():
            raise InputError(location, "(source)", f"is a folder; for a Pulumi file backend write file://{path.resolve()}")
        if not path.exists():
            raise InputError(location, "(source)", "does not exist; name a `pulumi stack export` file, file://FOLDER or s3://BUCKET")
        yield _read("", "", location, partial(inputs.read_bytes, path))


def _read(project: str, stack: str, origin: str, load: Callable[[], bytes]) -> StackState:
    """One state's bytes (gunzipped), or why they could not be read: one stack's problem does not stop the others."""
    try:
        return StackState(project, stack, origin, _maybe_gunzip(load(), origin))
    except InputError as err:
        return StackState(project, stack, origin, b"", problem=err.problem)


def parse(state: StackState) -> ScannedStack:
    """The stack in a state document: a backend checkpoint or an export, secrets masked by the reader."""
    document = inputs.parse_json(state.data, state.origin, EXPECTED)
    if isinstance(document, dict) and "checkpoint" in document:
        resources = readers.read_document(_deployment_of(document, state.origin), state.origin) if _has_deployment(document) else []
    elif isinstance(document, dict) and "deployment" in document:
        resources = readers.read_document(document, state.origin)
    else:  # a preview describes what a deployment would do, not what is deployed
        raise InputError(state.origin, "(top level)", f"has neither 'checkpoint' nor 'deployment'; expected {EXPECTED}")
    project, name = state.project, state.stack
    if resources and (not project or not name):
        # urn:pulumi:<stack>::<project>::...
        urn_stack, urn_project = resources[0].urn.removeprefix("urn:pulumi:").split("::")[:2]
        project, name = project or urn_project, name or urn_stack
    if not project or not name:
        raise InputError(state.origin, "deployment.resources", "holds no resources, so neither its project nor its stack is known; "
                                                               "scan the backend it belongs to instead")
    return ScannedStack(project, name, state.origin, state.digest, Stack(name=name, resources=resources))


def _has_deployment(document: dict[str, Any]) -> bool:
    checkpoint = document["checkpoint"]
    # A stack that was created (`pulumi stack init`) but never deployed has no `latest`: it holds nothing.
    return not (isinstance(checkpoint, dict) and checkpoint.get("latest") is None)


def _deployment_of(document: dict[str, Any], source: str) -> dict[str, Any]:
    """A checkpoint (`{version, checkpoint: {stack, latest}}`) as the export document its `latest` is."""
    checkpoint = document["checkpoint"]
    if not isinstance(checkpoint, dict) or not isinstance(checkpoint.get("latest"), dict):
        raise InputError(source, "checkpoint.latest", "must be the stack's deployment (an object with resources)")
    return {"version": document.get("version"), "deployment": checkpoint["latest"]}


def _maybe_gunzip(data: bytes, origin: str) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        # One byte past the limit tells an oversized state from one that just fits.
        inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, inputs.MAX_INPUT_BYTES + 1)
    except zlib.error:
        raise InputError(origin, "(file)", "is not a valid gzip file") from None
    if len(inflated) > inputs.MAX_INPUT_BYTES:
        raise InputError(origin, "(file)", f"inflates past the {inputs.MAX_INPUT_BYTES // (1024 * 1024)} MiB input limit")
    return inflated


def _state_name(file_name: str) -> str | None:
    """The stack a file in .pulumi/stacks holds the state of, or None for a backup, attributes or other file."""
    for suffix in STATE_SUFFIXES:
        if file_name.endswith(suffix) and len(file_name) > len(suffix):
            return file_name[: -len(suffix)]
    return None


def _newest(candidates: dict[tuple[str, str], tuple[float, Any]], project: str, stack: str, modified: float, handle: Any) -> None:
    """Keep, per stack, the state file written last (a .json and a .json.gz of the same stack)."""
    current = candidates.get((project, stack))
    if current is None or modified > current[0]:
        candidates[(project, stack)] = (modified, handle)


def _file_url_path(url: str) -> Path:
    parsed = urlparse(url)
    raw = unquote(parsed.netloc + parsed.path)
    if not raw:
        raise InputError(url, "(source)", "names no folder; write file:///absolute/path or file://relative/path")
    return Path(os.path.expanduser(raw))


def _folder_states(root: Path, location: str) -> Iterator[StackState]:
    stacks_dir = root / STACKS_FOLDER
    if not stacks_dir.is_dir():
        raise InputError(location, STACKS_FOLDER, f"{stacks_dir} is not a folder: is {root} a Pulumi file backend (`pulumi login file://...`)?")
    candidates: dict[tuple[str, str], tuple[float, Any]] = {}
    for entry in sorted(stacks_dir.rglob("*")):
        relative = entry.relative_to(stacks_dir).parts
        stack = _state_name(entry.name)
        if stack is None or not entry.is_file() or len(relative) > 2:
            continue
        project = relative[0] if len(relative) == 2 else ""
        _newest(candidates, project, stack, entry.stat().st_mtime, entry)
    for (project, stack), (_, path) in sorted(candidates.items()):
        yield _read(project, stack, str(path), partial(inputs.read_bytes, path))


def _bucket_states(url: str) -> Iterator[StackState]:
    parsed = urlparse(url)
    if not parsed.netloc:
        raise InputError(url, "(source)", "names no bucket; write s3://BUCKET[/PREFIX][?region=...&endpoint=...]")
    options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    unknown = sorted(set(options) - S3_PARAMETERS)
    if unknown:
        raise InputError(url, unknown[0], f"is not an s3:// parameter stackguard reads; allowed: {', '.join(sorted(S3_PARAMETERS))}")
    client = _s3_client(options, url)
    bucket, prefix = parsed.netloc, parsed.path.strip("/")
    base = f"{prefix}/{STACKS_FOLDER}/" if prefix else f"{STACKS_FOLDER}/"
    candidates: dict[tuple[str, str], tuple[float, Any]] = {}
    for item in _listing(client, bucket, base, url):
        relative = item["Key"][len(base):].split("/")
        stack = _state_name(relative[-1])
        if stack is None or len(relative) > 2:
            continue
        _newest(candidates, relative[0] if len(relative) == 2 else "", stack, item["LastModified"].timestamp(), item["Key"])
    for (project, stack), (_, key) in sorted(candidates.items()):
        origin = f"s3://{bucket}/{key}"
        yield _read(project, stack, origin, partial(_object, client, bucket, key, origin))


def _s3_client(options: dict[str, str], url: str) -> Any:
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        raise InputError(url, "(source)", "reading an s3:// backend needs boto3: pip install 'stackguard[s3]'") from None
    endpoint = options.get("endpoint")
    insecure = options.get("disableSSL") == "true" or options.get("disable_https") == "true"
    if endpoint and "://" not in endpoint:
        endpoint = f"{'http' if insecure else 'https'}://{endpoint}"
    path_style = options.get("s3ForcePathStyle") == "true" or options.get("use_path_style") == "true"
    session = boto3.session.Session(profile_name=options.get("profile"), region_name=options.get("region"))
    return session.client("s3", endpoint_url=endpoint,
                          config=Config(s3={"addressing_style": "path" if path_style else "auto"}, retries={"max_attempts": 3}))


def _listing(client: Any, bucket: str, prefix: str, url: str) -> Iterator[dict[str, Any]]:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            yield from page.get("Contents", [])
    except (BotoCoreError, ClientError) as err:
        raise InputError(url, "(source)", f"cannot be listed: {_s3_reason(err)}") from None


def _object(client: Any, bucket: str, key: str, origin: str) -> bytes:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        body = client.get_object(Bucket=bucket, Key=key)["Body"]
        data: bytes = body.read(inputs.MAX_INPUT_BYTES + 1)
    except (BotoCoreError, ClientError) as err:
        raise InputError(origin, "(file)", f"cannot be read: {_s3_reason(err)}") from None
    if len(data) > inputs.MAX_INPUT_BYTES:
        raise InputError(origin, "(file)", f"is larger than the {inputs.MAX_INPUT_BYTES // (1024 * 1024)} MiB input limit")
    return data


def _s3_reason(err: Exception) -> str:
    """What went wrong, without the request's details (a signed URL, credentials)."""
    response = getattr(err, "response", None)
    if isinstance(response, dict):
        error = response.get("Error", {})
        return f"{error.get('Code', 'error')}: {error.get('Message', '')}".rstrip(": ")
    return type(err).__name__

