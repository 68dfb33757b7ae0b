"""stackguard: the policy gate for Pulumi stacks on AWS (OPA rules, CrossGuard pack, CLI)."""

import os

__version__ = "0.3.1"

# stackguard's processes start others (OPA, git, the program) with a preexec_fn, while a gRPC server may be
# running (the preflight monitor): gRPC's fork handlers, on by default in its Python wheels, then run in
# the forked child and write poller errors into its stderr (OPA's start-up message). gRPC reads this once,
# when it is first imported, so it is set here, on the package's first import, before any gRPC import.
os.environ.setdefault("GRPC_ENABLE_FORK_SUPPORT", "false")
