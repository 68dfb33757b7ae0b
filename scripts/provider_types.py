"""Generate policies/stackguard/provider_types.json: for every resource type of the pinned pulumi-aws
SDK, where its inputs hold a boolean or a number, as the provider's schema types them.

The AWS provider converts a string it is given for such an input to the schema's type ("true" is
true, "22" is 22) before it applies it, so stackguard's Rego input does the same
(`rego_input.coerced`): a rule then judges what the provider will apply, never the Python literal.
The SDK's input classes carry the schema's types in their annotations; this reads them with `ast`
(no import of the 270 MB package).

Output shape, per type token: a tree of the inputs that lead to a boolean or a number, where a leaf is
"bool" or "number", {"list": node} is a list of node, {"map": node} a map of node, and an object is
{"props": {camelCaseName: node}}.

Run after changing the pulumi-aws pin in constraints.txt: `.venv/bin/python scripts/provider_types.py`.
tests/test_provider_types.py fails when the file no longer says what the SDK says.
"""
from __future__ import annotations

import ast
import json
import sys
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "policies" / "stackguard" / "provider_types.json"
SCALARS = {"_builtins.bool": "bool", "bool": "bool", "_builtins.int": "number", "int": "number",
           "_builtins.float": "number", "float": "number"}
WRAPPERS = ("pulumi.Input[", "Optional[", "pulumi.InputType[")
# Terraform's tri-state booleans: inputs the schema types as strings, though their only values are
# "true" and "false" (unset meaning "inherit"), which the provider parses as a boolean (pulumi-aws 7
# types a Redshift cluster's and a launch template volume's `encrypted` so). A program may give either
# form, so they are converted like booleans.
STRING_BOOLEANS = {"encrypted", "deleteOnTermination", "associatePublicIpAddress", "associateCarrierIpAddress"}
STRINGS = {"_builtins.str", "str"}


def _getters(node: ast.ClassDef) -> dict[str, str]:
    """camelCase input name -> the annotation of its getter, for one input class."""
    found: dict[str, str] = {}
    for item in node.body:
        if not isinstance(item, ast.FunctionDef) or item.returns is None:
            continue
        for decorator in item.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if ast.unparse(target) != "pulumi.getter":
                continue
            name = item.name
            if isinstance(decorator, ast.Call):
                for keyword in decorator.keywords:
                    if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                        name = keyword.value.value
            found[name] = ast.unparse(item.returns)
    return found


def _unwrap(annotation: str) -> str:
    text = annotation.strip().strip("'\"")
    changed = True
    while changed:
        changed = False
        for wrapper in WRAPPERS:
            if text.startswith(wrapper) and text.endswith("]"):
                text, changed = text[len(wrapper):-1].strip().strip("'\""), True
    return text


def _split_top(text: str) -> list[str]:
    depth, parts, start = 0, [], 0
    for i, ch in enumerate(text):
        depth += ch == "["
        depth -= ch == "]"
        if ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


class Sdk:
    def __init__(self, package: Path):
        # Input class names repeat across modules (connect's InstanceArgs, ec2's InstanceArgs): each is
        # known as "<module>.<class>", the module being the SDK's sub-package.
        self.classes: dict[str, dict[str, str]] = {}  # "<module>.<class>" -> its getters
        self.resources: dict[str, str] = {}  # type token -> "<module>.<its Args class>"
        for path in sorted(package.rglob("*.py")):
            module = path.parent.relative_to(package).as_posix()
            tree = ast.parse(path.read_text())
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    if node.name.endswith("Args"):
                        self.classes.setdefault(f"{module}.{node.name}", _getters(node))
                    token = self._token(node)
                    if token:
                        self.resources[token] = f"{module}.{node.name}Args"

    @staticmethod
    def _token(node: ast.ClassDef) -> Optional[str]:
        if not any(ast.unparse(b) == "pulumi.CustomResource" for b in node.bases):
            return None
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and ast.unparse(call.func).startswith(f"super({node.name}, __self__).__init__"):
                first = call.args[0] if call.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith("aws:"):
                    return first.value
        return None

    def node(self, annotation: str, module: str, seen: frozenset[str] = frozenset()) -> Any:
        text = _unwrap(annotation)
        if text in SCALARS:
            return SCALARS[text]
        for container, key in (("Sequence[", "list"), ("Mapping[", "map")):
            if text.startswith(container) and text.endswith("]"):
                inner = _split_top(text[len(container):-1])[-1]
                child = self.node(inner, module, seen)
                return {key: child} if child is not None else None
        # 'FooArgs' is of the same module, '_iam.FooArgs' of another.
        where, _, name = text.rpartition(".")
        qualified = f"{where.lstrip('_') or module}.{name}"
        if qualified in self.classes and qualified not in seen:
            return self.object(qualified, seen | {qualified})
        return None

    def input(self, name: str, annotation: str, module: str, seen: frozenset[str]) -> Any:
        if name in STRING_BOOLEANS and _unwrap(annotation) in STRINGS:
            return "bool"
        return self.node(annotation, module, seen)

    def object(self, qualified: str, seen: frozenset[str]) -> Any:
        module = qualified.rsplit(".", 1)[0]
        getters = sorted(self.classes[qualified].items())
        props = {k: n for k, a in getters if (n := self.input(k, a, module, seen)) is not None}
        return {"props": props} if props else None


def main() -> int:
    import pulumi_aws

    package = Path(pulumi_aws.__file__).parent
    sdk = Sdk(package)
    table = {token: tree for token, args in sorted(sdk.resources.items())
             if args in sdk.classes and (tree := sdk.object(args, frozenset({args}))) is not None}
    version = next(package.parent.glob("pulumi_aws-*.dist-info")).name.split("-")[1].removesuffix(".dist")
    OUTPUT.write_text(json.dumps({"pulumi-aws": version, "types": table}, sort_keys=True, separators=(",", ":")) + "\n")
    sys.stdout.write(f"wrote the typed inputs of {len(table)} resource types (pulumi-aws {version}) to {OUTPUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
