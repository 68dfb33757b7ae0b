"""The baseline for the preflight benchmark: run a stack's program on the mock runtime, nothing else.

    .venv/bin/python benchmarks/bare_program_run.py --stack prod [--project .]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from stackguard import pulumi_project
from stackguard.preflight import run_stack_program


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    project = pulumi_project.load(args.project)
    monitor = run_stack_program(project, args.stack, project.stack_config(args.stack))
    print(len(monitor.registrations))


if __name__ == "__main__":
    main()
