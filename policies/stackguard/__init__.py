"""stackguard: the policy gate for Pulumi stacks on AWS (OPA rules, CrossGuard pack, CLI)."""

__version__ = "0.3.1"
