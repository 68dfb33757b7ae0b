"""Whatever signal ends a run, nothing it started survives: no OPA, no pack, holding the environment."""
from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.pack_driver import PackProcess
from tests.processes import alive, command, descendants, wait_for
from tests.test_cli_check import STACKGUARD

pytestmark = pytest.mark.slow


def _opa_of(pid: int) -> list[int]:
    return [p for p in descendants(pid) if " run --server " in command(p)]


def _private_folders(temp: Path) -> list[Path]:
    return list(temp.glob("stackguard-opa-*"))


def sleeping_project(tmp_path):
    """A program that never finishes: preflight waits on it with its private OPA already running."""
    (tmp_path / "Pulumi.yaml").write_text("name: sleeper\nruntime: python\n")
    (tmp_path / "Pulumi.dev.yaml").write_text("config: {}\n")
    (tmp_path / "__main__.py").write_text("import time\n\nwhile True:\n    time.sleep(1)\n")
    return tmp_path


# SIGTERM, SIGINT and SIGHUP (exit 3 naming the stage) are covered in test_preflight.py; SIGKILL
# gives the CLI no chance to clean up, so PR_SET_PDEATHSIG must take OPA and the program down.
@pytest.mark.parametrize("signum", [signal.SIGKILL])
def test_cli_killed_while_waiting_leaves_nothing_behind(signum, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**{k: v for k, v in os.environ.items() if k != "STACKGUARD_OPA_URL"}, "TMPDIR": str(temp)}
    cli = subprocess.Popen([STACKGUARD, "preflight", "--project", str(sleeping_project(tmp_path)), "--stack", "dev",
                            "--format", "json"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert wait_for(lambda: _opa_of(cli.pid), 30), "the CLI never started its OPA"
        # Once OPA is up, its folder (bundle, key) is gone: a SIGKILL cannot leave it behind.
        assert wait_for(lambda: not _private_folders(temp), 30), "the private OPA's folder outlived its start"
        started = _opa_of(cli.pid) + [p for p in descendants(cli.pid)]
        cli.send_signal(signum)
        code = cli.wait(timeout=30)
        assert wait_for(lambda: not any(alive(p) for p in started), 10), [command(p) for p in started if alive(p)]
        assert not _private_folders(temp)
        if signum != signal.SIGKILL:
            stderr = cli.stderr.read().decode()
            assert code == 3 and f"stopped by {signal.Signals(signum).name}" in stderr and "Traceback" not in stderr
    finally:
        if cli.poll() is None:
            cli.kill()


def test_pack_killed_takes_its_opa_with_it(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if k != "STACKGUARD_OPA_URL"}, "TMPDIR": str(tmp_path)}
    with PackProcess(env=env) as pack:
        pid = pack._process.pid
        assert wait_for(lambda: _opa_of(pid), 30)
        started = _opa_of(pid)
        assert wait_for(lambda: not _private_folders(tmp_path), 30)
        os.kill(pid, signal.SIGKILL)
        assert wait_for(lambda: not any(alive(p) for p in started), 10)
        assert not _private_folders(tmp_path)


def test_deadline_blocks_with_exit_3_naming_the_stage(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "STACKGUARD_OPA_URL"}
    with subprocess.Popen([STACKGUARD, "check", "-", "--timeout", "2", "--format", "json"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as cli:
        code = cli.wait(timeout=60)
        stderr = cli.stderr.read().decode()
    assert code == 3 and "did not finish within 2s (while reading the input files)" in stderr, stderr


def test_a_program_that_never_finishes_is_stopped_by_the_deadline(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "STACKGUARD_OPA_URL"}
    result = subprocess.run([STACKGUARD, "preflight", "--project", str(sleeping_project(tmp_path)), "--stack", "dev",
                             "--timeout", "3", "--format", "json"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 3 and "did not finish within 3s" in result.stderr, result.stderr
    assert result.stdout == ""
