"""`stackguard pack export DIR`: a CrossGuard pack folder a team publishes (`pulumi policy publish DIR`)
and runs (`pulumi up --policy-pack DIR`), with the team's rules, exemptions and profiles inside.

    DIR/PulumiPolicy.yaml    the team's pack version (stackguard.yaml `pack:`)
    DIR/__main__.py          serves the pack under the team's name
    DIR/requirements.txt     every dependency pinned by version and SHA-256 (pip's hash-checking mode)
    DIR/wheels/              the stackguard wheel, vendored (with --wheel), found through --find-links
    DIR/rules/ DIR/exemptions.yaml DIR/profiles/<name>.json    the team's own, as stackguard.yaml resolves them
    DIR/.gitignore           keeps the local venv/ out of the repository and of a publish

The dependencies are resolved by pip against the package index, constrained to the versions installed
beside this stackguard (what the team tested), for this platform and Python: the Pulumi CLI creates
the pack's virtualenv with `pip install -r requirements.txt`, which then refuses any file whose hash
differs, and a stackguard from anywhere but the vendored wheel or the pinned hash.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

from . import __version__, paths, profiles
from .errors import InputError
from .project_config import ProjectConfig

MARKER = "# written by `stackguard pack export`"
POLICY_YAML = MARKER + """: `pulumi up --policy-pack <this folder> --policy-pack-config profiles/<stack>.json`
runtime:
  name: python
  options:
    virtualenv: venv
version: {version}
description: {name}, stackguard {stackguard} rules and this team's, decided by OPA.
"""
MAIN = '''\
"""Entry point the Pulumi CLI runs: `python -u -m pulumi.policy <engine> <this folder>`."""
import sys
from pathlib import Path

from stackguard.errors import InputError
from stackguard.pack import PackIdentity, serve

HERE = Path(__file__).resolve().parent
try:
    serve(extra_rule_dirs=tuple(sorted(p for p in (HERE / "rules").glob("*") if p.is_dir())),
          exemptions_file=HERE / "exemptions.yaml", identity=PackIdentity({name!r}, {version!r}))
except InputError as err:
    sys.stderr.write(f"stackguard policy pack: {{err}}\\n")
    sys.exit(2)
'''
GITIGNORE = "# The pack's virtualenv is made by the Pulumi CLI on each machine: never commit or publish it.\nvenv/\n__pycache__/\n"
# What an export owns in its folder: replaced on every export, so a re-export leaves nothing stale.
OWNED = ("PulumiPolicy.yaml", "__main__.py", "requirements.txt", ".gitignore", "exemptions.yaml", "rules", "wheels", "profiles")
HASHED = re.compile(r"^stackguard==(?P<version>[^\s;]+)(\s+--hash=sha256:[0-9a-f]{64})+$")


def check_requirement(requirement: str) -> None:
    """Only this stackguard, pinned and hashed: `stackguard==0.3.1 --hash=sha256:<64 hex>`."""
    match = HASHED.match(requirement.strip())
    if match is None:
        raise InputError("--requirement", requirement, f"must pin stackguard by version and hash: "
                                                       f"'stackguard=={__version__} --hash=sha256:<sha256 of the wheel on your index>' "
                                                       "(or vendor the wheel with --wheel FILE)")
    if match["version"] != __version__:
        raise InputError("--requirement", requirement, f"pins stackguard {match['version']}, but this is stackguard {__version__}, "
                                                       "whose rules and exemption format the pack is exported for")


def export(target: Path, config: ProjectConfig, wheel: Optional[Path] = None, requirement: Optional[str] = None) -> list[Path]:
    """Write (or rewrite) the pack in `target`; return the files written."""
    if config.pack is None:
        raise InputError(str(config.file or "stackguard.yaml"), "pack", "name the pack to export: `pack: {name: <team>-policies, "
                                                                        "version: 1.0.0}` (`stackguard init` writes one)")
    if (wheel is None) == (requirement is None):
        raise InputError("pack export", "--wheel", f"give the stackguard wheel to vendor (--wheel dist/stackguard-{__version__}-….whl) "
                                                   f"or a hashed requirement for your index (--requirement 'stackguard=={__version__} "
                                                   "--hash=sha256:…'), one of them")
    if requirement is not None:
        check_requirement(requirement)
    if wheel is not None:
        _check_wheel(wheel)
    _prepare(target)
    pinned = lock(str(wheel.resolve()) if wheel else requirement.split()[0] if requirement else "")
    lines = [MARKER + "; install with: pip install --require-hashes -r requirements.txt"]
    if wheel is not None:
        (target / "wheels").mkdir()
        shutil.copyfile(wheel, target / "wheels" / wheel.name)
        lines.append("--find-links wheels")
        pinned["stackguard"] = (__version__, [hashlib.sha256(wheel.read_bytes()).hexdigest()])
    else:
        assert requirement is not None
        pinned["stackguard"] = (__version__, re.findall(r"sha256:([0-9a-f]{64})", requirement))
    for name, (version, hashes) in sorted(pinned.items()):
        lines.append(f"{name}=={version} " + " ".join(f"--hash=sha256:{h}" for h in hashes))
    (target / "requirements.txt").write_text("\n".join(lines) + "\n")
    identity = config.pack
    (target / "PulumiPolicy.yaml").write_text(POLICY_YAML.format(version=identity.version, name=identity.name, stackguard=__version__))
    (target / "__main__.py").write_text(MAIN.format(name=identity.name, version=identity.version))
    (target / ".gitignore").write_text(GITIGNORE)
    for index, folder in enumerate(config.rule_dirs):
        destination = target / "rules" / f"{index:02d}-{folder.name}"
        shutil.copytree(folder, destination, ignore=lambda _d, names: [n for n in names if n.endswith("_test.rego")])
    if config.exemptions.exists():
        shutil.copyfile(config.exemptions, target / "exemptions.yaml")
    _write_profiles(target / "profiles", config)
    return sorted(p for p in target.rglob("*") if p.is_file() and "venv" not in p.relative_to(target).parts)


def _check_wheel(wheel: Path) -> None:
    if not wheel.is_file() or not wheel.name.startswith(f"stackguard-{__version__}-") or wheel.suffix != ".whl":
        raise InputError(str(wheel), "--wheel", f"must be the stackguard {__version__} wheel (stackguard-{__version__}-….whl, "
                                                "built by `bash scripts/dist` or downloaded from your index)")


def _prepare(target: Path) -> None:
    """An absent or empty folder, or an earlier export (its own files are replaced; venv/ stays)."""
    if target.exists() and any(target.iterdir()):
        policy = target / "PulumiPolicy.yaml"
        if not (policy.is_file() and policy.read_text().startswith(MARKER)):
            raise InputError(str(target), "DIR", "holds files that are not an exported stackguard pack; export into a new folder or an earlier export")
        for name in OWNED:
            owned = target / name
            if owned.is_dir():
                shutil.rmtree(owned)
            elif owned.exists():
                owned.unlink()
    target.mkdir(parents=True, exist_ok=True)


def lock(source: str) -> dict[str, tuple[str, list[str]]]:
    """Every dependency of `source` (a wheel path or `stackguard==X`) as pip resolves it against the index,
    held to the versions installed here: {name: (version, [sha256])}, stackguard itself left out."""
    installed = sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions() if d.metadata["Name"]})
    with tempfile.TemporaryDirectory(prefix="stackguard-lock-") as work:
        constraints = Path(work) / "constraints.txt"
        constraints.write_text("\n".join(line for line in installed if not line.lower().startswith("stackguard==")) + "\n")
        result = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                                 "--only-binary=:all:", "--report", "-", "-c", str(constraints), source],
                                capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise InputError("pack export", "requirements.txt", "pip could not resolve the pack's dependencies from the package index: "
                                                            + " ".join(result.stderr.strip().splitlines()[-3:]))
    report: dict[str, Any] = json.loads(result.stdout)
    pinned: dict[str, tuple[str, list[str]]] = {}
    for item in report["install"]:
        name = item["metadata"]["name"].lower().replace("_", "-")
        hashes = item["download_info"].get("archive_info", {}).get("hashes", {})
        if name != "stackguard":
            if "sha256" not in hashes:
                raise InputError("pack export", "requirements.txt", f"the package index gave no SHA-256 for {name}; the pack pins every file by hash")
            pinned[name] = (item["metadata"]["version"], [hashes["sha256"]])
    return pinned


def _write_profiles(folder: Path, config: ProjectConfig) -> None:
    """The profiles by name, resolved as check and preflight resolve them: stackguard.yaml's first, then the built-ins."""
    folder.mkdir()
    for name in sorted({*profiles.available(), *config.profile_names()}):
        chosen = config.profile(name, name, fallback=name)
        source = Path(chosen) if profiles.is_path(chosen) else paths.profiles_dir() / f"{chosen}.json"
        shutil.copyfile(source, folder / f"{name}.json")
