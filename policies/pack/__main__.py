"""Entry point the Pulumi CLI runs (`python -u -m pulumi.policy <engine> policies/pack`).

The analyzer lives in the stackguard package beside this folder (policies/stackguard), so the pack
works from a checkout whether or not stackguard is installed in the interpreter the CLI uses.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stackguard.errors import InputError  # noqa: E402
from stackguard.pack import serve  # noqa: E402

try:
    serve()
except InputError as err:
    sys.stderr.write(f"stackguard policy pack: {err}\n")
    sys.exit(2)
