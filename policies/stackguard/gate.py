"""The gate of `check` and `preflight`, in the CLI's own process: resources in, a Report out.

A stack is evaluated in a few batch queries (every resource rule for a chunk of resources, and the
stack rules once, two queries at a time) against an engine that has proven it serves the local
rules; the decision core turns the answers into findings. The CrossGuard pack reaches the same verdict per resource.
"""
from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from . import opa_server, paths, rego_input
from .acknowledgements import AcknowledgementIndex
from .catalog import Rule
from .decision import Decider, ResourceRef
from .model import Coverage, Finding, NotInspected, Report, Stack
from .opa_server import OpaServer

if TYPE_CHECKING:
    from .engine import PolicyEngine


class EngineSession:
    """The engine for one run: a private OPA or the central one of STACKGUARD_OPA_URL. `start()`
    returns at once; the engine's proof then runs in the background as soon as OPA is up, while
    the caller reads its inputs or runs a program. `engine()` waits until OPA is up; no answer is
    read before the proof has passed."""

    def __init__(self, rules: Iterable[Rule], rego_dirs: Iterable[Path] | None = None):
        self.rule_ids = [r.id for r in rules]
        self.rego_dirs = [Path(d) for d in (rego_dirs or [paths.rego_dir()])]
        self._server: OpaServer | None = None
        self._engine: PolicyEngine | None = None

    def start(self) -> "EngineSession":
        if not os.environ.get("STACKGUARD_OPA_URL"):
            self._server = opa_server.claim(self.rego_dirs) or OpaServer(self.rego_dirs).start()
        # The engine client loads while the private OPA boots.
        from .engine import EngineSettings, LocalRules, PolicyEngine

        if self._server is None:
            settings = EngineSettings.from_env()
        else:
            settings = EngineSettings.from_env(url=self._server.url, token=self._server.token, private=True)
        self._engine = PolicyEngine(settings, self.rule_ids)
        self._engine.prove_alongside(partial(LocalRules.of, self.rule_ids, self.rego_dirs),
                                     ready=self._server.wait_ready if self._server else None,
                                     signed_bundle=self._server is not None)
        return self

    def engine(self) -> PolicyEngine:
        assert self._engine is not None, "start() the session first"
        self._engine.up()
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        if self._server is not None:
            self._server.stop()

    def __enter__(self) -> "EngineSession":
        try:
            return self.start()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *_exc) -> None:
        self.close()


def evaluate(engine: PolicyEngine, stacks: list[Stack], decider: Decider, config: dict,
             progress: Callable[[str], None] = lambda _message: None) -> Report:
    """Every resource of every stack through a proven engine; EngineError when it could not decide."""
    findings: list[Finding] = []
    for stack in stacks:
        progress(f"analyzing {len(stack.resources)} resources of stack {stack.name}")
        # The private OPA judges secrets' plaintext; a central one gets the marker (nothing leaves the machine).
        revealed = rego_input.Revealed() if engine.settings.private else None
        documents = [rego_input.from_stack_resource(r, revealed) for r in stack.resources]
        raws = engine.stack_answers(documents, config)
        if revealed:
            raws = revealed.masked(raws)
            documents = [rego_input.from_stack_resource(r) for r in stack.resources]
        refs = [ResourceRef.of(r) for r in stack.resources]
        findings += decider.stack_findings(raws, refs, AcknowledgementIndex.of(documents))
    names = ", ".join(dict.fromkeys(s.name for s in stacks))
    notices = decider.notices([r.urn for s in stacks for r in s.resources])
    report = decider.report(names, sum(len(s.resources) for s in stacks), findings, notices)
    return report.model_copy(update={"coverage": Coverage(not_judged=not_judged(stacks))})


# Types that are part of every stack and that no rule is meant to judge.
_ENGINE_TYPES = ("pulumi:pulumi:Stack", "pulumi:providers:")


def not_judged(stacks: list[Stack]) -> list[NotInspected]:
    """The resources the rule catalog never judges: custom resources of a type outside `aws:` (the
    built-in rules judge AWS resources only). Components are not listed: their children are judged."""
    return [NotInspected(urn=r.urn, type=r.type, reason=f"no rule judges resources of type {r.type} (only aws: types are judged)")
            for stack in stacks for r in stack.resources
            if r.custom and not r.type.startswith("aws:") and not r.type.startswith(_ENGINE_TYPES)]
