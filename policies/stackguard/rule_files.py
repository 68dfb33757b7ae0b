"""The files of a rule folder, read once per process. The private OPA's bundle, the catalog's cache
key and the engine's proof all work from this one read, so the bytes OPA is given are the bytes the
proof compares its answers with."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True)
class RuleFile:
    relative: str  # POSIX path from the folder's root, e.g. aws/kms/key_rotation.rego
    content: bytes

    @property
    def is_module(self) -> bool:
        return self.relative.endswith(".rego")

    @property
    def is_test(self) -> bool:
        return self.relative.endswith("_test.rego")


def placed(rego_dirs: Iterable[Path]) -> list[tuple[str, RuleFile]]:
    """The files a bundle of the folders holds, each with its place in the bundle: every folder's
    modules (not the tests) under `rules<index>/` (a module's place does not matter, its package
    does), data files at their path from the folder's root, which is where they land in `data`, as
    when OPA loads the folder itself."""
    found: list[tuple[str, RuleFile]] = []
    for index, folder in enumerate(rego_dirs):
        for file in read(Path(folder)):
            if file.is_module and not file.is_test:
                found.append((f"rules{index}/{file.relative}", file))
            elif not file.is_module:
                found.append((file.relative, file))
    return found


def read(rego_dir: Path) -> tuple[RuleFile, ...]:
    """Every Rego module and JSON data file under rego_dir, sorted by path."""
    return _read(rego_dir.resolve())


@lru_cache(maxsize=8)
def _read(rego_dir: Path) -> tuple[RuleFile, ...]:
    return tuple(RuleFile(path.relative_to(rego_dir).as_posix(), path.read_bytes())
                 for path in sorted(rego_dir.rglob("*")) if path.suffix in (".rego", ".json") and path.is_file())
