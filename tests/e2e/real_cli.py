"""The real Pulumi CLI, as a user runs it, on a local backend in a throw-away folder.

Runs in the test process; every `pulumi` it starts is the real engine, the real Python language host and
(for `--policy-pack`) the real analyzer host, with the AWS provider test double on PATH in place of the
provider plugin that cannot be had here.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

ROOT = Path(__file__).resolve().parents[2]
DOUBLE_BIN = Path(__file__).resolve().parent / "bin"
CLI_DIR = Path(os.environ.get("STACKGUARD_PULUMI_DIR", ROOT / ".tools" / "pulumi"))
SHARED_INSTALL = ROOT.parent / "shared" / "tools" / "pulumi" / "install"
# The dev stack's secret is encrypted with this demo passphrase (README, "Secrets in stack config").
PASSPHRASE = "stackguard-dev-demo-passphrase"
COMMAND_SECONDS = 900

Triple = tuple[str, str, str]  # (rule, URN, level) as a user of either side sees it


def missing_reason() -> Optional[str]:
    """Why the real CLI cannot run here, or None when it can."""
    if (CLI_DIR / "pulumi").exists():
        return None
    where = "run `bash scripts/setup --e2e`" if SHARED_INSTALL.exists() else \
        "set STACKGUARD_PULUMI_DIR to a folder holding `pulumi` and its Python language host"
    return f"the real Pulumi CLI is not installed in {CLI_DIR}: {where}"


@dataclass
class Workspace:
    """A PULUMI_HOME and a file:// backend of its own, so tests never share state or credentials."""

    folder: Path
    # Variables the program under test reads from its shell (a corpus program's expected.json `environment`).
    environment: dict[str, str] = field(default_factory=dict)

    def env(self, **extra: str) -> dict[str, str]:
        home, state = self.folder / "home", self.folder / "state"
        home.mkdir(parents=True, exist_ok=True)
        state.mkdir(parents=True, exist_ok=True)
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "STACKGUARD_"))}
        return {
            **keep,
            "PATH": os.pathsep.join([str(DOUBLE_BIN), str(CLI_DIR), str(Path(sys.executable).parent), keep.get("PATH", "")]),
            "PULUMI_HOME": str(home), "PULUMI_BACKEND_URL": f"file://{state}", "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_SKIP_UPDATE_CHECK": "true", "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_SKIP_CONFIRMATIONS": "true", "NO_COLOR": "1",
            "STACKGUARD_E2E_PYTHON": sys.executable, "STACKGUARD_E2E_PROVIDER_LOG": str(self.folder / "provider.jsonl"),
            **self.environment, **extra,
        }

    def pulumi(self, *args: str, cwd: Path, check: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(CLI_DIR / "pulumi"), *args, "--non-interactive"], cwd=cwd, env=self.env(**extra),
                              capture_output=True, text=True, timeout=COMMAND_SECONDS)
        if check and done.returncode != 0:
            raise AssertionError(f"pulumi {' '.join(args)} exited {done.returncode}\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}")
        return done

    def policy_preview(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        """`pulumi preview --json` streaming the engine's events, policy violations among them."""
        return self.pulumi("preview", "--json", *args, cwd=cwd, check=check, PULUMI_ENABLE_STREAMING_JSON_PREVIEW="1")

    def stackguard(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(Path(sys.executable).parent / "stackguard"), *args], cwd=cwd, env=self.env(),
                              capture_output=True, text=True, timeout=COMMAND_SECONDS)

    def created(self) -> list[dict[str, Any]]:
        """What the provider double created (and deleted), in order."""
        log = self.folder / "provider.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def copy_project(source: Path, target: Path, venv: Path) -> Path:
    """The project in a folder of its own (the real CLI writes stack files), its virtualenv linked in."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "venv", ".venv"))
    runtime_venv = _declared_virtualenv(target)
    link = (target / runtime_venv) if runtime_venv else target / "venv"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(venv, target_is_directory=True)
    return target


def _declared_virtualenv(project: Path) -> Optional[str]:
    import yaml

    document = yaml.safe_load((project / "Pulumi.yaml").read_text())
    runtime = document.get("runtime")
    options = runtime.get("options", {}) if isinstance(runtime, dict) else {}
    venv = options.get("virtualenv")
    # A path that leaves the project (`../../.venv` in the examples) is rewritten to the project's own link.
    if venv and ".." in Path(venv).parts:
        text = (project / "Pulumi.yaml").read_text().replace(f"virtualenv: {venv}", "virtualenv: venv")
        (project / "Pulumi.yaml").write_text(text)
        return "venv"
    return venv


def policy_triples(streamed: str) -> set[Triple]:
    """(rule, URN, level) of every policy violation in the engine events of a streamed JSON preview
    (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW=1 pulumi preview --json`)."""
    triples = set()
    for line in streamed.splitlines():
        event = json.loads(line).get("policyEvent") if line.startswith("{") else None
        if event:
            triples.add((event["policyName"], event.get("resourceUrn", ""), event["enforcementLevel"]))
    return triples


def report_triples(report: dict[str, Any]) -> set[Triple]:
    """(rule, URN, level) of a stackguard JSON report, as the pack shows each finding to Pulumi:
    exempted and accepted findings are advisory there."""
    return {(f["rule"], f["urn"], "advisory" if f.get("exempted") or _accepted(f) else f["enforcement"])
            for f in report["findings"]}


def _accepted(finding: dict[str, Any]) -> bool:
    return bool(finding.get("acknowledged")) and finding["acknowledged"].get("accepted") == "true"


def json_report(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as err:
        raise AssertionError(f"not a JSON report (exit {done.returncode}): {done.stdout[-3000:]}\n{done.stderr[-3000:]}") from err


def mandatory(triples: Iterable[Triple]) -> set[Triple]:
    return {t for t in triples if t[2] == "mandatory"}


def record_comparison(name: str, **paths: set[Triple]) -> None:
    """Append what each path found to $STACKGUARD_E2E_TABLE (JSON lines), where set: the comparison
    table of a release note comes from the suite's own run."""
    target = os.environ.get("STACKGUARD_E2E_TABLE")
    if target:
        row = {"name": name, **{path: [len(t), len(mandatory(t))] for path, t in paths.items()}}
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
