"""The `stackguard` command's entry point. Runs in the CLI's process, before anything else loads.

A run that will query the private OPA (`check`, `preflight`, `scan`) starts it here, on the built-in rules,
before the CLI's own modules load (about a quarter of a second), so that OPA boots meanwhile. The
gate adopts it when the run's rules are exactly the built-in ones and stops it otherwise (a team's
extra rule folders, a central OPA): starting early never changes what is evaluated.

Once the CLI's modules are loaded, their objects are frozen out of the cyclic garbage collector
(`gc.freeze`): a run lives for seconds, and each full collection would walk every module's objects
again (about 20 ms each) while a stack's resources are read and decided. A run that evaluates
(`check`, `preflight`, `scan`) then turns the cyclic collector off: the documents it reads and
the findings it decides are trees, which reference counting frees, and the collections that
their millions of objects set off cost 45% of the CLI's time on a 100,000-resource stack and
free nothing. Each run ends in seconds or minutes, so what a rare cycle holds goes with it.
"""
from __future__ import annotations

import gc
import os
import sys

ENGINE_COMMANDS = ("check", "preflight", "scan")


def main() -> None:
    evaluates = len(sys.argv) > 1 and sys.argv[1] in ENGINE_COMMANDS
    if evaluates and not os.environ.get("STACKGUARD_OPA_URL"):
        from . import opa_server

        opa_server.start_early()
    from .cli import main as cli_main

    gc.freeze()
    if evaluates:
        gc.disable()
    cli_main()
