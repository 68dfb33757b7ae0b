"""Runs a Pulumi program inside its own environment, the way Pulumi's Python language host does:
the Pulumi runtime configured for a preview (dry run) against the resource monitor and engine that
stackguard serves from its own process (program_monitor.py).

Started by program_runner.py as `<program's python> -m _stackguard_host.program_host <result fd>`
with a copy of this package on PYTHONPATH. It needs nothing but `pulumi` in the program's
environment: standard library, pulumi, and the sibling module copied with it.

Protocol: the run's settings (with the monitor's address) arrive as one JSON document on stdin.
Every registration goes to the monitor, which keeps the record the gate judges. The result pipe
carries only why a run failed (an error, missing config, `sys.exit`): whatever is written there can
make a run fail, never pass, since the program runs in this process and could write it too.
Every text that leaves this process has the stack's decrypted secrets replaced by [secret].
"""
from __future__ import annotations

import json
import os
import runpy
import shutil
import sys
import traceback
from pathlib import Path
from typing import Any, Optional

from . import sdk_support

SCRUBBED = "[secret]"
NO_PULUMI_EXIT = 86
MAX_PROBLEM_CHARS = 2000


class Scrubber:
    """Replaces every decrypted secret value (and its quoted forms) by [secret]."""

    def __init__(self, secrets: list[str]):
        forms = set()
        for secret in secrets:
            if secret:
                forms.update({secret, repr(secret)[1:-1], json.dumps(secret)[1:-1]})
        self.forms = sorted(forms, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for form in self.forms:
            text = text.replace(form, SCRUBBED)
        return text

    def deep(self, value: Any) -> Any:
        """The same document with every string scrubbed (keys and structure untouched)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def _chain(err: BaseException) -> list[BaseException]:
    """The error and those it was raised from: an error inside an `apply` is re-raised by the SDK
    where the output is used, with the callback's frames only on the original."""
    chain: list[BaseException] = []
    current: Optional[BaseException] = err
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _frames(err: BaseException) -> list[tuple[str, int]]:
    callback = getattr(err, "_stackguard_frames", None)  # set where an apply callback raised it
    frames = [(f.filename, f.lineno) for f in traceback.extract_tb(err.__traceback__)]
    if isinstance(err, SyntaxError) and err.filename and err.lineno:
        # A syntax error happens in the compiler, not in a frame: its traceback ends in runpy or
        # importlib, and only the error itself names the program's line.
        frames.append((err.filename, err.lineno))
    return (callback or []) + frames


def _where(err: BaseException, program_dir: Path) -> Optional[str]:
    """The deepest line of the user's program (not its libraries) where the error was raised."""
    for error in reversed(_chain(err)):
        for filename, lineno in reversed(_frames(error)):
            if filename.startswith("<"):  # `<frozen importlib._bootstrap>`, `<string>`: no file, and
                continue                  # resolving one would place it in the working (program) folder
            path = Path(filename).resolve()
            if "site-packages" not in path.parts and path.is_relative_to(program_dir) and lineno:
                return f"{path.relative_to(program_dir).as_posix()}:{lineno}"
    return None


def _trace_apply_callbacks(pulumi) -> None:
    """Keep the frames of an error raised inside an `apply` callback: the SDK re-raises it where the
    output is awaited, and that traceback no longer reaches the program's line."""
    original = pulumi.Output.apply

    def apply(self, func, run_with_unknowns=False):
        def traced(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as err:
                if not hasattr(err, "_stackguard_frames"):
                    err._stackguard_frames = [(f.filename, f.lineno) for f in traceback.extract_tb(err.__traceback__)]
                raise

        return original(self, traced, run_with_unknowns)

    pulumi.Output.apply = apply


def _problem(err: BaseException) -> str:
    errors = getattr(err, "errors", None)
    if type(err).__name__ == "ValidationError" and callable(errors):
        # pydantic: field and problem only, its own text quotes the input, which may be a secret.
        title = getattr(err, "title", "")
        return "; ".join(f"{title}.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors())
    # Pulumi puts the cause on the lines after the first ("While processing resource ...", then the
    # error it wraps): the whole text, folded to one line and bounded, so the report shows the cause.
    text = " ".join(line.strip() for line in str(err).strip().splitlines() if line.strip())
    return text if len(text) <= MAX_PROBLEM_CHARS else text[:MAX_PROBLEM_CHARS] + " [...]"


def _failure(err: BaseException, program_dir: Path) -> dict[str, Any]:
    import pulumi
    from pulumi.config import ConfigMissingError

    if isinstance(err, ConfigMissingError):
        return {"status": "config-missing", "key": err.key, "secret": bool(getattr(err, "secret", False))}
    if isinstance(err, pulumi.RunError):
        # Programs report bad configuration with RunError, as "<file>: <key>: <what is allowed>".
        return {"status": "run-error", "message": str(err)}
    return {"status": "failed", "where": _where(err, program_dir), "type": type(err).__name__, "problem": _problem(err)}


def _system_exit(err: BaseException) -> Optional[SystemExit]:
    """The SystemExit behind an error, if the program asked to exit (Pulumi may wrap it)."""
    return next((e for e in _chain(err) if isinstance(e, SystemExit)), None)


def _placeholder(typ: Optional[type]) -> Any:
    """A result of type `typ` whose strings are Pulumi's unknown sentinel: what a plain (not Output)
    invoke gives when the data source has no known answer. Strings stay unknown to the rules; lists
    of strings hold one unknown so `ids[0]` works as it would after a real lookup."""
    import inspect
    import typing
    from collections import abc

    from .invokes import UNKNOWN_STRING

    if typ is None:
        return {}
    values: dict[str, Any] = {}
    for name in inspect.signature(typ).parameters:
        getter = getattr(typ, name, None)
        try:
            hint = typing.get_type_hints(getter.fget).get("return") if isinstance(getter, property) else None
        except Exception:  # noqa: BLE001 - an unresolvable hint just gets no placeholder
            hint = None
        if typing.get_origin(hint) is typing.Union:  # Optional[X]: the placeholder of X
            hint = next((a for a in typing.get_args(hint) if a is not type(None)), None)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if hint is str:
            values[name] = UNKNOWN_STRING
        elif origin in (list, abc.Sequence) and args and args[0] is str:
            values[name] = [UNKNOWN_STRING]
        elif origin in (list, abc.Sequence):
            values[name] = []
        elif origin in (dict, abc.Mapping):
            values[name] = {}
    return typ(**values)


def _unknown_plain_invokes(pulumi) -> None:
    """Plain invokes without a known answer return a placeholder result instead of None (which the
    generated SDK code cannot read); Output invokes stay wholly unknown."""
    original = pulumi.runtime.invoke

    def invoke(tok, props, *args, **kwargs):
        result = original(tok, props, *args, **kwargs)
        if getattr(result, "is_known", True) or result.value is not None:
            return result
        typ = kwargs.get("typ", args[1] if len(args) > 1 else None)
        return type(result)(_placeholder(typ), is_secret=False, is_known=False)

    pulumi.runtime.invoke = invoke


def _configure(pulumi, spec: dict[str, Any]) -> None:
    """Configure the runtime as the Pulumi CLI's exec script does: config, then the settings this SDK
    version accepts (older ones lack the organization and root directory)."""
    import inspect

    runtime = pulumi.runtime
    if hasattr(runtime, "set_all_config"):
        runtime.set_all_config(spec["config"], spec["secret_keys"])
    else:
        for key, value in spec["config"].items():
            runtime.set_config(key, value)
    settings = {"monitor": spec["monitor"], "engine": spec["monitor"], "project": spec["project"],
                "stack": spec["stack"], "dry_run": True, "organization": spec.get("organization", "organization"),
                "root_directory": spec["program_dir"]}
    accepted = inspect.signature(runtime.Settings.__init__).parameters
    runtime.configure(runtime.Settings(**{k: v for k, v in settings.items() if k in accepted}))


def _run_path(program_dir: Path) -> None:
    runpy.run_path(str(program_dir), run_name="__main__")


def run(spec: dict[str, Any]) -> Optional[dict[str, Any]]:
    """Run the program; None when it completed, otherwise why it failed."""
    import asyncio

    import pulumi

    program_dir = Path(spec["program_dir"]).resolve()
    _unknown_plain_invokes(pulumi)
    _trace_apply_callbacks(pulumi)
    _configure(pulumi, spec)
    os.chdir(program_dir)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(lambda: _run_path(program_dir)))
    except BaseException as err:  # noqa: BLE001 - whatever the program raises is reported, never a host crash
        exit_request = _system_exit(err)
        if exit_request is not None:
            return {"status": "exited", "code": str(exit_request.code)}
        if isinstance(err, KeyboardInterrupt):
            raise
        return _failure(err, program_dir)
    _signal_completion(spec["monitor"])
    return None


def _signal_completion(address: str) -> None:
    """Tell the monitor the runtime finished every registration, output and RPC: what newer SDKs do
    themselves once the program succeeded (SignalAndWaitForShutdown), sent by the host for every SDK."""
    import grpc
    from google.protobuf import empty_pb2

    with grpc.insecure_channel(address) as channel:
        done = channel.unary_unary("/pulumirpc.ResourceMonitor/SignalAndWaitForShutdown",
                                     request_serializer=empty_pb2.Empty.SerializeToString,
                                     response_deserializer=empty_pb2.Empty.FromString)
        done(empty_pb2.Empty(), timeout=60)


def _remove_own_copy(load_siblings: bool = True) -> None:
    """Import the sibling modules, then remove the private folder they were copied to: the run needs
    nothing from it any more, so even a SIGKILL of stackguard (which this process follows through
    PR_SET_PDEATHSIG) leaves no stackguard-host-* folder behind once the program is running. A run
    refused for its SDK loads none of them (an old SDK may not have what they import)."""
    if load_siblings:
        from . import invokes  # noqa: F401 - loaded before its file goes

    folder = Path(__file__).resolve().parent.parent
    if folder.name.startswith("stackguard-host-"):
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    result_fd = int(sys.argv[1])
    try:
        import pulumi  # the one thing the program's environment must provide
    except ImportError as err:
        sys.stderr.write(f"{err}\n")
        sys.exit(NO_PULUMI_EXIT)
    refused = sdk_support.refusal(pulumi)
    _remove_own_copy(load_siblings=refused is None)
    spec = json.load(sys.stdin)  # sent once stackguard's monitor is up (pulumi loaded meanwhile)
    scrub = Scrubber(spec.get("secrets", []))
    failure = refused or run(spec)
    if failure is not None:
        with os.fdopen(result_fd, "w") as result:
            json.dump(scrub.deep(failure), result)
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter teardown: the runtime leaves event loops on worker threads whose
    # finalizers only print noise once their file descriptors are gone.
    os._exit(0)


if __name__ == "__main__":
    main()
