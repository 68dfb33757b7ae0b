"""Time a command and the peak memory of its process tree, in a fresh wrapper per run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

_WRAPPER = """
import json, os, resource, subprocess, sys, threading, time

def tree(root):
    children = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                children.setdefault(int(stat.read().rsplit(")", 1)[1].split()[1]), []).append(int(pid))
        except OSError:
            pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found

def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0

start = time.perf_counter()
process = subprocess.Popen(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# The end is taken by a thread blocked in wait(): the sampling loop below wakes every 0.1 s, and
# timing by it rounded each run up to the next tenth (a tenth of a sub-second program's time).
ended = []

def wait():
    process.wait()
    ended.append(time.perf_counter())

waiter = threading.Thread(target=wait)
waiter.start()
peak_tree = 0
while waiter.is_alive():
    peak_tree = max(peak_tree, sum(rss(pid) for pid in tree(process.pid)))
    waiter.join(0.1)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": ended[0] - start, "code": process.returncode,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024,
                  "peak_tree_mib": peak_tree / 2**20}))
"""


def run(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall time, exit code, the largest resident set of any process the command waited for
    (`peak_rss_mib`), the CPU time of the processes waited for (`cpu_seconds`: on a loaded machine it
    says what the wall time cannot) and the largest sum of the resident sets of its process tree, sampled every
    0.1 s (`peak_tree_mib`: for `check`, the CLI and OPA together)."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(command)], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout)


def best_of(repeats: int, command: list[str], env: dict[str, str] | None = None) -> dict:
    runs = [run(command, env) for _ in range(repeats)]
    fastest = min(runs, key=lambda r: r["seconds"])
    return {**fastest, "runs": [round(r["seconds"], 3) for r in runs], "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
            "peak_tree_mib": max(r["peak_tree_mib"] for r in runs)}


def program_environment(expected: dict) -> dict[str, str]:
    """This process's environment and the shell variables a corpus program reads (its expected.json `environment`)."""
    return {**os.environ, **expected.get("environment", {})}


def stamp() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def print_table(rows: list[dict], columns: dict[str, str]) -> None:
    """Print the chosen row keys under their headings, right-aligned."""
    widths = {key: max(len(heading), *(len(str(r[key])) for r in rows)) for key, heading in columns.items()}
    print(" ".join(heading.rjust(widths[key]) for key, heading in columns.items()))
    for row in rows:
        print(" ".join(str(row[key]).rjust(widths[key]) for key in columns))
