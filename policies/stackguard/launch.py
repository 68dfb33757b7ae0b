"""The `stackguard` command's entry point. Runs in the CLI's process, before anything else loads.

A run that will query the private OPA (`check`, `preflight`, `scan`) starts it here, on the built-in rules,
before the CLI's own modules load (about a quarter of a second), so that OPA boots meanwhile. The
gate adopts it when the run's rules are exactly the built-in ones and stops it otherwise (a team's
extra rule folders, a central OPA): starting early never changes what is evaluated.

Once the CLI's modules are loaded, their objects are frozen out of the cyclic garbage collector
(`gc.freeze`): a run lives for seconds, and each full collection would walk every module's objects
again (about 20 ms each) while a stack's resources are read and decided.
"""
from __future__ import annotations

import gc
import os
import sys

ENGINE_COMMANDS = ("check", "preflight", "scan")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ENGINE_COMMANDS and not os.environ.get("STACKGUARD_OPA_URL"):
        from . import opa_server

        opa_server.start_early()
    from .cli import main as cli_main

    gc.freeze()
    cli_main()
