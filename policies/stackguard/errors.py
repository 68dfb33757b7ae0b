"""The two kinds of failure the CLI maps to exit codes: bad input (2) and no policy decision (3)."""


class InputError(Exception):
    """A user mistake: a file, key or value that is not allowed. The message names all three."""

    def __init__(self, source: str, key: str, problem: str):
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}")


class EngineError(Exception):
    """The policy engine could not give an answer (unreachable, too slow, malformed reply)."""
