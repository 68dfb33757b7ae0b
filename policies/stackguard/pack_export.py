"""`stackguard pack export DIR`: a self-contained CrossGuard pack folder for `pulumi up --policy-pack DIR`
and `pulumi policy publish DIR`, with the team's extra rules and exemptions inside.

The folder pins this stackguard version in its requirements; the Pulumi CLI creates the pack's
virtualenv from them. The built-in rules come with that package; the team's travel in `rules/`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from . import __version__
from .errors import InputError
from .project_config import ProjectConfig

POLICY_YAML = """\
# stackguard {version}: `pulumi up --policy-pack <this folder> --policy-pack-config <profile>.json`
runtime:
  name: python
  options:
    virtualenv: venv
version: {version}
description: Secure API integrations on AWS, decided by OPA from stackguard's rules and this team's.
"""
MAIN = '''\
"""Entry point the Pulumi CLI runs: `python -u -m pulumi.policy <engine> <this folder>`."""
import sys
from pathlib import Path

from stackguard.errors import InputError
from stackguard.pack import serve

HERE = Path(__file__).resolve().parent
try:
    serve(extra_rule_dirs=tuple(sorted(p for p in (HERE / "rules").glob("*") if p.is_dir())),
          exemptions_file=HERE / "exemptions.yaml")
except InputError as err:
    sys.stderr.write(f"stackguard policy pack: {err}\\n")
    sys.exit(2)
'''


def export(target: Path, config: ProjectConfig, requirement: str | None = None) -> list[Path]:
    """Write the pack into `target` (which must be empty or absent); return what was written."""
    if target.exists() and any(target.iterdir()):
        raise InputError(str(target), "DIR", "is not empty; export into a new folder")
    target.mkdir(parents=True, exist_ok=True)
    (target / "PulumiPolicy.yaml").write_text(POLICY_YAML.format(version=__version__))
    (target / "requirements.txt").write_text(f"{requirement or f'stackguard=={__version__}'}\n")
    (target / "__main__.py").write_text(MAIN)
    for index, folder in enumerate(config.rule_dirs):
        destination = target / "rules" / f"{index:02d}-{folder.name}"
        shutil.copytree(folder, destination, ignore=lambda _d, names: [n for n in names if n.endswith("_test.rego")])
    if config.exemptions.exists():
        shutil.copyfile(config.exemptions, target / "exemptions.yaml")
    return sorted(p for p in target.rglob("*") if p.is_file())
