"""The baseline for the preflight benchmarks: run a stack's program on the mock runtime, nothing else
(the same child process in the program's own environment that preflight starts, no policy pack).

    .venv/bin/python benchmarks/bare_program_run.py --stack prod [--project .]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from stackguard import program_runner, pulumi_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    project = pulumi_project.load(args.project)
    run = program_runner.run(project, args.stack, project.stack_config(args.stack), timeout=300)
    print(len(run.registrations))


if __name__ == "__main__":
    main()
