"""Several `stackguard check` runs against one central OPA at once (issue #22, item 5): one run alone,
then `--runs` at the same time on the same generated export, all against one `opa run --server`
serving policies/rego (a private OPA started here, reached as STACKGUARD_OPA_URL). Reports the
throughput and whether every report is byte-identical (SOURCE_DATE_EPOCH fixes `run.timestamp`).

    .venv/bin/python benchmarks/concurrent_checks.py [--resources 1000] [--runs 8]

Writes benchmarks/results/concurrent_checks.json and prints a summary.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import measure
import stack_generator

from stackguard.opa_server import OpaServer

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    with tempfile.TemporaryDirectory() as work, OpaServer() as opa:
        export = Path(work, "export.json")
        export.write_text(json.dumps(stack_generator.export(args.resources)))
        env = {**os.environ, "STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token,
               "STACKGUARD_OPA_TIMEOUT": "120", "SOURCE_DATE_EPOCH": "1764806400"}

        def check(index: int) -> dict:
            return measure.run([stackguard, "check", str(export), "--profile", "prod", "--format", "json",
                                "--output", str(Path(work, f"report-{index}.json"))], env)

        alone = check(-1)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.runs) as pool:
            runs = list(pool.map(check, range(args.runs)))
        wall = time.perf_counter() - started
        reports = {Path(work, f"report-{i}.json").read_bytes() for i in range(args.runs)}
        reports.add(Path(work, "report--1.json").read_bytes())
    result = {
        "benchmark": "concurrent_checks", "when": measure.stamp(), "cores": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 2), "resources": args.resources, "runs": args.runs,
        "alone_seconds": round(alone["seconds"], 2), "concurrent_wall_seconds": round(wall, 2),
        "runs_per_minute": round(60 * args.runs / wall, 1), "resources_per_second": round(args.resources * args.runs / wall),
        "run_seconds": [round(r["seconds"], 2) for r in runs], "exit_codes": sorted({r["code"] for r in runs} | {alone["code"]}),
        "byte_identical_reports": len(reports) == 1,
    }
    (HERE / "results" / "concurrent_checks.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
