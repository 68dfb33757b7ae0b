"""`stackguard check` against checkov 3.3.30 on the same estate: a stack export for stackguard, the
equivalent Terraform plan (`terraform_plan.py`, with its configuration block) for checkov, both
from `stack_generator`, for each workload: `issue10` (KMS keys, log groups, secrets and IAM
policies, half insecure: the workload issue #10 measured) and `estate` (ten kinds of resource).

    .venv/bin/python benchmarks/check_vs_checkov.py [--sizes 1000] [--workloads issue10 estate] [--repeats 3]

checkov runs from its own virtualenv (benchmarks/out/checkov-venv, created on first use with
`pip install checkov==3.3.30`), never from the project's. Writes benchmarks/results/check_vs_checkov.json.
Target (issue #10): stackguard at least 40x faster, with at most a quarter of checkov's peak memory.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import measure
import stack_generator
import terraform_plan

HERE = Path(__file__).resolve().parent
CHECKOV_VERSION = "3.3.30"
VENV = HERE / "out" / "checkov-venv"


def checkov() -> str:
    binary = VENV / "bin" / "checkov"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", f"checkov=={CHECKOV_VERSION}"], check=True)
    return str(binary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--workloads", nargs="+", default=["issue10", "estate"], choices=sorted(stack_generator.WORKLOADS))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    scanner = checkov()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for workload in args.workloads:
            for size in args.sizes:
                export = stack_generator.export(size, workload)
                export_file, plan_file = Path(work, f"export-{workload}-{size}.json"), Path(work, f"plan-{workload}-{size}.json")
                export_file.write_text(json.dumps(export))
                plan_file.write_text(json.dumps(terraform_plan.plan(export)))
                baseline = measure.best_of(args.repeats, [scanner, "-f", str(plan_file), "--framework", "terraform_plan",
                                                          "--skip-download", "--quiet", "-o", "json"])
                check = measure.best_of(args.repeats, [stackguard, "check", str(export_file), "--profile", "prod",
                                                       "--format", "json", "--output", str(Path(work, "report.json"))])
                assert baseline["code"] in (0, 1) and check["code"] in (0, 1), (baseline, check)
                rows.append({"workload": workload, "resources": size, "checkov_seconds": round(baseline["seconds"], 3),
                             "check_seconds": round(check["seconds"], 3),
                             "speedup": round(baseline["seconds"] / check["seconds"], 1),
                             "check_peak_rss_mib": round(check["peak_rss_mib"], 1),
                             "checkov_peak_rss_mib": round(baseline["peak_rss_mib"], 1),
                             "memory_share": round(check["peak_rss_mib"] / baseline["peak_rss_mib"], 2),
                             "check_runs": check["runs"], "checkov_runs": baseline["runs"]})
    result = {"benchmark": "check_vs_checkov", "checkov": CHECKOV_VERSION, "when": measure.stamp(), "rows": rows}
    (HERE / "results" / "check_vs_checkov.json").write_text(json.dumps(result, indent=2) + "\n")
    measure.print_table(rows, {"workload": "workload", "resources": "resources", "checkov_seconds": "checkov s", "check_seconds": "check s",
                               "speedup": "speedup", "check_peak_rss_mib": "check MiB", "checkov_peak_rss_mib": "checkov MiB"})


if __name__ == "__main__":
    main()
