"""The one error type that bad data raises, shaped so every build stops cleanly.

superfences swallows any exception from a fence that is not a
SuperFencesException, and MkDocs prints a traceback for anything that is not
its own BuildError, so the error is both (MkDocs only where it is installed:
Zensical and plain Python-Markdown do not need it).
"""

from __future__ import annotations

from dataclasses import dataclass

from pymdownx.superfences import SuperFencesException

try:
    from mkdocs.exceptions import BuildError as _BuildError
except ImportError:  # Zensical or plain Python-Markdown: no MkDocs to please
    _BuildError = Exception


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str
    line: int | None
    item: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.item:
            parts.append(self.item)
        if self.field:
            parts.append(f"field '{self.field}'")
        text = ": ".join(parts) + f": {self.message}"
        return text.replace("\r", "\\r").replace("\n", "\\n")  # one line per problem, whatever it quotes


class QuizDataError(SuperFencesException, _BuildError):
    """Bad quiz data or a bad page marker: one line per problem, all at once."""

    def __init__(self, problems: list[Problem], heading: str | None = None):
        self.problems = list(problems)
        count = len(self.problems)
        heading = heading or (
            f"Goal Pyramid found {count} problem{'s' if count != 1 else ''} in its data:"
        )
        lines = [heading] + [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))
