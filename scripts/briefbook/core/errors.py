"""Problems and the one small exception hierarchy of the core.

Every stage reports what is wrong with the input as :class:`Problem` values (file, line,
message, hint) instead of raising, so that one bad article never stops the rest of the book.
Exceptions are kept for conditions that make a whole operation impossible; the MkDocs plugin
turns them into ``PluginError`` and the CLI into a ``click`` error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can.

    Attributes:
        file: The file (or page) the problem is in, as a path relative to the book.
        line: 1-based line number, or ``None`` when unknown.
        column: 1-based column, or ``None``.
        message: What is wrong, quoting the offending text.
        hint: What would fix it (may include a "did you mean").
        level: ``"error"`` (the item was dropped) or ``"warning"`` (kept, but suspect).
        key: The YAML key or identifier concerned, when there is one.
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    level: str = "warning"
    key: str | None = None

    @property
    def where(self) -> str:
        """``file:line:column`` with the parts that are known."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class BriefbookError(Exception):
    """Base class of the errors the core raises."""

    def __init__(self, problem: Problem | str) -> None:
        if isinstance(problem, str):
            problem = Problem(file="", message=problem, level="error")
        self.problem = problem
        super().__init__(str(problem) if problem.file else problem.message)


class ArticleError(BriefbookError):
    """An article cannot be read at all (empty, binary)."""


class DataError(BriefbookError):
    """A YAML file of the briefing cannot be used."""


class ToolError(BriefbookError):
    """A command cannot do what was asked (would overwrite a file, unknown id, ...)."""


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """Return a "did you mean …?" hint for the closest choice, or ``None``.

    Args:
        word: What was written.
        choices: What would have been valid.
        cutoff: Minimum similarity ratio (0–1) for a suggestion.
    """
    matches = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=cutoff)
    return f"did you mean '{matches[0]}'?" if matches else None
