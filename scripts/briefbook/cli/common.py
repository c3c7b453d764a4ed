"""What every command shares: printing problems."""

from __future__ import annotations

from collections.abc import Sequence

import click

from briefbook.core.errors import Problem


def echo_problems(problems: Sequence[Problem]) -> int:
    """Print errors and warnings to stderr; return how many were printed."""
    count = 0
    for problem in problems:
        if problem.level in ("error", "warning"):
            click.echo(f"{problem.level.upper()}: {problem}", err=True)
            count += 1
    return count
