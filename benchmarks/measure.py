"""Time a command and the peak memory of its process tree, in a fresh wrapper per run."""
from __future__ import annotations

import json
import subprocess
import sys
import time

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(json.dumps({"seconds": time.perf_counter() - start, "code": code,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall time, exit code and the largest resident set of any process the command waited for."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(command)], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout)


def best_of(repeats: int, command: list[str], env: dict[str, str] | None = None) -> dict:
    runs = [run(command, env) for _ in range(repeats)]
    fastest = min(runs, key=lambda r: r["seconds"])
    return {**fastest, "runs": [round(r["seconds"], 3) for r in runs], "peak_rss_mib": max(r["peak_rss_mib"] for r in runs)}


def stamp() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def print_table(rows: list[dict], columns: dict[str, str]) -> None:
    """Print the chosen row keys under their headings, right-aligned."""
    widths = {key: max(len(heading), *(len(str(r[key])) for r in rows)) for key, heading in columns.items()}
    print(" ".join(heading.rjust(widths[key]) for key, heading in columns.items()))
    for row in rows:
        print(" ".join(str(row[key]).rjust(widths[key]) for key in columns))
