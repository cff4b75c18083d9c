"""dsfact's errors: each is shown to the user as one line, never as a traceback."""
from __future__ import annotations

# Exit codes: one place decides them (see dsfact.cli.exits).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class DsfactError(Exception):
    """A problem the user can fix; `str()` is the one line shown on stderr."""

    exit_code = EXIT_ERROR


class UsageError(DsfactError):
    """Options or arguments that do not make sense together."""


class InputError(DsfactError):
    """A file that cannot be read or checked: missing, binary, undecodable, a directory without files."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RegistryError(DsfactError):
    """A registry that cannot be used; names the file and line of each fault."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0] if problems else (0, "invalid registry")
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}:{first[0]}: {first[1]}{more}")

    def lines(self) -> list[str]:
        return [f"{self.path}:{line}: {message}" for line, message in self.problems]


class ConfigError(DsfactError):
    """A configuration file with a fault."""
