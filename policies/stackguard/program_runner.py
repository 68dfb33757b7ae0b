"""Run a stack's program in a child process with the program's own Python environment, as the Pulumi
CLI's language host does, against the resource monitor this process serves (program_monitor.py),
which records what it registered.

The interpreter comes from Pulumi.yaml's `runtime.options` (`virtualenv`, `toolchain: pip|poetry|uv`);
stackguard's host (program_host.py) is copied to a private folder put on PYTHONPATH, so the
program's environment needs only `pulumi`. The child runs in its own process group and dies with
stackguard (PR_SET_PDEATHSIG); the group is killed whatever way the run ends.

The run's result is this process's record, never the child's word: the program runs inside the
child and could say anything there. A run counts only when the root stack registered its outputs
and the program exited 0; the child's result pipe can only say why a run failed.
"""
from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from . import opa_server, program_host, sdk_support
from .errors import EngineError, InputError
from .pulumi_project import Project, StackConfig
from .registration import Registration

if TYPE_CHECKING:  # grpc and pulumi load only once a program runs
    from .program_monitor import MonitorServer, Record

HOST_PACKAGE = "_stackguard_host"
# The modules the host needs, all standard library + pulumi only.
HOST_MODULES = ("program_host.py", "sdk_support.py", "invokes.py")
DEFAULT_ACCOUNT = "123456789012"
DEFAULT_REGION = "us-east-1"
# Variables the program has no use for and must not see.
_PRIVATE_ENV = ("PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "STACKGUARD_OPA_TOKEN")


@dataclass
class ProgramRun:
    registrations: list[Registration]
    reads: list[dict[str, Any]] = field(default_factory=list)
    generic_invokes: list[str] = field(default_factory=list)


def _venv_python(project: Project, venv: str, key: str, create: str) -> Path:
    directory = (project.directory / venv).resolve()
    python = directory / "bin" / "python"
    if not python.exists():
        raise InputError(str(project.file), key,
                         f"the program's environment {directory} does not exist; create it: {create}")
    return python


def interpreter(project: Project) -> Path:
    """The Python that runs the program, chosen as the Pulumi CLI chooses it."""
    options = project.runtime_options
    toolchain = options.get("toolchain", "pip")
    venv = options.get("virtualenv")
    install = ("pip install -r requirements.txt" if (project.directory / "requirements.txt").exists()
               else "pip install <the program's dependencies>")
    if toolchain not in ("pip", "poetry", "uv"):
        raise InputError(str(project.file), "runtime.options.toolchain", f"{toolchain!r} is not one of pip, poetry, uv")
    if toolchain == "poetry":
        return _poetry_python(project)
    if venv:
        create = (f"cd {project.directory} && uv sync" if toolchain == "uv" else
                  f"cd {project.directory} && python3 -m venv {venv} && {venv}/bin/{install}")
        return _venv_python(project, str(venv), "runtime.options.virtualenv", create)
    if toolchain == "uv":
        return _venv_python(project, ".venv", "runtime.options.toolchain", f"cd {project.directory} && uv sync")
    # No virtualenv named: a venv/ or .venv/ beside Pulumi.yaml if there is one, otherwise the Python
    # Pulumi would find (PULUMI_PYTHON_CMD), otherwise the one running stackguard.
    for candidate in ("venv", ".venv"):
        python = project.directory / candidate / "bin" / "python"
        if python.exists():
            return python
    command = os.environ.get("PULUMI_PYTHON_CMD")
    found = shutil.which(command) if command else None
    return Path(found) if found else Path(sys.executable)


def _poetry_python(project: Project) -> Path:
    poetry = shutil.which("poetry")
    if poetry is None:
        raise InputError(str(project.file), "runtime.options.toolchain",
                         "poetry is not installed; install it (pipx install poetry), then run `poetry install` "
                         f"in {project.directory}")
    found = subprocess.run([poetry, "env", "info", "--executable"], cwd=project.directory, capture_output=True,
                           text=True, timeout=60)
    python = Path(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else None
    if python is None or not python.exists():
        raise InputError(str(project.file), "runtime.options.toolchain",
                         f"poetry has no environment for this project; run `poetry install` in {project.directory}")
    return python


def _host_dir() -> Path:
    """A private folder holding a copy of the host package, for the program's PYTHONPATH."""
    folder = Path(tempfile.mkdtemp(prefix="stackguard-host-"))
    package = folder / HOST_PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    source = Path(program_host.__file__).parent
    for module in HOST_MODULES:
        shutil.copy(source / module, package / module)
    return folder


def _environment(python: Path, host_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _PRIVATE_ENV and k != "PYTHONHOME"}
    venv = python.parent.parent
    if (venv / "pyvenv.cfg").exists():  # activate it as Pulumi does: VIRTUAL_ENV and its bin first on PATH
        env["VIRTUAL_ENV"] = str(venv)
        env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(host_dir), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _die_with_parent() -> None:
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _adopt_orphans() -> None:
    """Make this process the subreaper of its descendants (PR_SET_CHILD_SUBREAPER): a process the
    program starts and then orphans (a double fork with setsid, out of the program's process group)
    becomes this process's child instead of init's, so `_sweep` can find and end it."""
    if sys.platform == "linux":
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(36, 1)


def _children() -> set[int]:
    """The process ids whose parent is this process, read from /proc."""
    me, found = os.getpid(), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended while we looked
        if int(fields[1]) == me:
            found.add(int(stat.parent.name))
    return found


def _sweep(kept: set[int]) -> None:
    """Kill and reap every child of this process that is not in `kept` (the children it had before the
    program started) nor one of its OPA servers: what the program left behind, adopted through
    `_adopt_orphans`. Each round can adopt the children of those it killed; a few rounds end it."""
    if sys.platform != "linux":
        return
    for _ in range(20):
        left = _children() - kept - opa_server.RUNNING
        if not left:
            return
        for pid in left:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        for pid in left:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _account_and_region(config: StackConfig) -> tuple[str, str]:
    """The account and region to answer for: aws:allowedAccountIds[0] and aws:region of the stack."""
    try:
        accounts = json.loads(config.values.get("aws:allowedAccountIds", "[]") or "[]")
    except ValueError:
        accounts = []
    account = str(accounts[0]) if isinstance(accounts, list) and accounts else DEFAULT_ACCOUNT
    # The AWS provider falls back to the environment when the stack sets no region.
    region = (config.values.get("aws:region") or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
              or DEFAULT_REGION)
    return account, region


def kill_group(process: subprocess.Popen) -> None:
    """Kill the child and anything it started (its process group), then reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


class _Forward(threading.Thread):
    """Copies the program's output to stderr, scrubbed, so a JSON report on stdout stays intact."""

    def __init__(self, stream, scrub: Callable[[str], str]):
        super().__init__(daemon=True)
        self.stream, self.scrub = stream, scrub

    def run(self) -> None:
        for line in iter(self.stream.readline, b""):
            sys.stderr.write(self.scrub(line.decode("utf-8", "replace")))
        sys.stderr.flush()


class _Collect(threading.Thread):
    def __init__(self, fd: int):
        super().__init__(daemon=True)
        self.fd, self.data = fd, b""

    def run(self) -> None:
        with os.fdopen(self.fd, "rb") as stream:
            self.data = stream.read()


class RunningProgram:
    """The program, started in its child process: `result()` waits for it and reads what the monitor
    recorded; `stop()` (or leaving the `with` block) ends it and everything it started."""

    def __init__(self, project: Project, stack: str, config: StackConfig):
        self.project, self.config = project, config
        self.python = interpreter(project)
        secret_values = [config.values[k] for k in config.secret_keys]
        self.scrub = program_host.Scrubber(secret_values)
        account, region = _account_and_region(config)
        spec: dict[str, Any] = {"program_dir": str(project.program_dir), "project": project.name, "stack": stack,
                                "config": config.values, "secret_keys": config.secret_keys, "secrets": secret_values}
        self.started, self.stopped = time.monotonic(), False
        _adopt_orphans()
        self.children_before = _children()
        self.host_dir = _host_dir()
        read_end, write_end = os.pipe()
        try:
            # Started before the monitor's gRPC threads exist (a fork beside them is unsafe); the child
            # loads `pulumi` while the monitor starts, then reads its settings.
            self.process = subprocess.Popen(
                [str(self.python), "-m", f"{HOST_PACKAGE}.program_host", str(write_end)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, pass_fds=(write_end,),
                cwd=project.program_dir, env=_environment(self.python, self.host_dir), start_new_session=True,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        except OSError as err:
            os.close(read_end)
            os.close(write_end)
            shutil.rmtree(self.host_dir, ignore_errors=True)
            raise InputError(str(project.file), "runtime",
                             f"cannot start the program's Python {self.python}: {err.strerror}") from None
        os.close(write_end)
        self.collect, self.forward = _Collect(read_end), _Forward(self.process.stdout, self.scrub)
        self.collect.start()
        self.forward.start()
        try:
            from .program_monitor import MonitorServer  # noqa: F811 - the real import, once the child runs

            self.monitor: MonitorServer | None = MonitorServer(project.name, stack, account, region, self.scrub, _write_stderr)
        except BaseException:
            self.monitor = None
            self.stop()
            raise
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({**spec, "monitor": self.monitor.address}).encode())
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # the child ended before reading its settings: its exit code says why

    def result(self, timeout: float | None = None) -> ProgramRun:
        """Wait until the program ends (`timeout` counts from its start); InputError when it failed,
        EngineError when it did not complete, was killed or was too slow."""
        remaining = None if timeout is None else max(0.0, timeout - (time.monotonic() - self.started))
        try:
            code = self.process.wait(timeout=remaining)
        except subprocess.TimeoutExpired:
            raise EngineError(f"the program did not finish within {round(timeout or 0, 1):g} s (stage: running "
                              f"the program {self.project.program_dir} as a preview); use --timeout to allow more") from None
        finally:
            self.stop()
        assert self.monitor is not None
        return _outcome(self.project, self.config, self.python, code, self.collect.data, self.scrub, self.monitor.record)

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        kill_group(self.process)
        _sweep(self.children_before)
        monitor = getattr(self, "monitor", None)
        if monitor is not None:
            monitor.stop()
        self.collect.join(timeout=5)
        self.forward.join(timeout=5)
        shutil.rmtree(self.host_dir, ignore_errors=True)

    def __enter__(self) -> "RunningProgram":
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def _write_stderr(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def run(project: Project, stack: str, config: StackConfig, timeout: float | None = None) -> ProgramRun:
    """Run the program to its end; raise InputError when it fails, EngineError when it does not complete,
    is killed or is too slow."""
    with RunningProgram(project, stack, config) as program:
        return program.result(timeout)


def _outcome(project: Project, config: StackConfig, python: Path, code: int, data: bytes,
             scrub: program_host.Scrubber, record: Record) -> ProgramRun:
    main = str(project.program_dir / "__main__.py")
    if code == program_host.NO_PULUMI_EXIT and not data:
        raise InputError(str(project.file), "runtime",
                         f"the program's environment ({python}) has no `pulumi` package; install the program's "
                         f"dependencies into it ({python} -m pip install -r requirements.txt)")
    if record.failure:
        raise EngineError(f"stackguard's resource monitor failed ({record.failure}); nothing was checked")
    reported = _reported_failure(data)
    if reported is not None:
        _failed(project, config, python, main, reported, scrub)
    if code < 0:
        raise EngineError(f"the program was killed by {signal.Signals(-code).name} before it finished")
    if code != 0 or not record.completed:
        raise EngineError(f"the program ended (exit code {code}) before its stack completed: the Pulumi runtime "
                          f"never signalled that its registrations were done, so what reached stackguard's monitor "
                          f"is not the whole program (it called os._exit or was ended from inside)")
    if data:
        raise EngineError("something other than stackguard's host wrote to the host's result pipe (the host writes "
                          "there only when a run fails)")
    with record.lock:
        return ProgramRun(registrations=list(record.registrations),
                          reads=[{"urn": r.urn, "type": r.type, "id": r.id} for r in record.reads],
                          generic_invokes=sorted(record.generic_invokes))


def _reported_failure(data: bytes) -> dict[str, Any] | None:
    """The failure the result pipe reports, if it holds one; anything else there is ignored here."""
    try:
        outcome = json.loads(data) if data else None
    except ValueError:
        return None
    return outcome if isinstance(outcome, dict) and outcome.get("status") in _FAILURES else None


_FAILURES = ("exited", "config-missing", "run-error", "failed", sdk_support.STATUS)


def _failed(project: Project, config: StackConfig, python: Path, main: str, outcome: dict[str, Any],
            scrub: program_host.Scrubber) -> None:
    """Raise the failure the host reported: whatever the pipe says can only block the run, so the program
    gains nothing by writing there itself."""
    status = outcome["status"]
    if status == sdk_support.STATUS:
        minimum = sdk_support.MINIMUM_TEXT
        raise InputError(str(project.file), "runtime", (
            f"the program's environment ({python}) has pulumi {scrub(str(outcome.get('version')))}; preflight runs "
            f"programs on pulumi {minimum} or newer (older runtimes end without signalling that their registrations "
            f"were done): upgrade it ({python} -m pip install 'pulumi>={minimum}'), or gate a real "
            f"`pulumi preview --json` with `stackguard check`"))
    if status == "exited":
        raise InputError(main, "(exit)", f"the program called sys.exit({outcome.get('code')}) before it finished; "
                                         "nothing was checked")
    if status == "config-missing":
        value = "{secure: <encrypted value>}" if outcome.get("secret") else "<value>"
        raise InputError(str(config.file), str(outcome.get("key")),
                         f"is required by the program but not set; add this line under `config:` in "
                         f"{config.file.name}:\n    {outcome.get('key')}: {value}")
    if status == "run-error":
        raise InputError.parse(scrub(str(outcome.get("message"))))
    where = f"{project.program_dir / str(outcome['where'])}" if outcome.get("where") else main
    problem = f"the program failed: {scrub(str(outcome.get('problem')))}"
    if outcome.get("type") == "ModuleNotFoundError":
        problem += (f" (in the program's environment, {python}: install the program's dependencies into it, "
                    f"e.g. {python} -m pip install -r requirements.txt)")
    raise InputError(where, str(outcome.get("type")), problem)
