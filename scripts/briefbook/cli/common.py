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


def fail_on_errors(problems: Sequence[Problem], what: str) -> None:
    """Exit with status 1 when any of ``problems`` is an error (already printed).

    For commands that read the book and print what they found: their output was made
    without what the errors name (a curation file that did not parse, an unreadable
    article), so it may be incomplete, and a script must be able to tell.
    """
    errors = sum(p.level == "error" for p in problems)
    if errors:
        click.echo(f"{what} without what {errors} error{'s' if errors > 1 else ''} above "
                   "name: fix them and run again", err=True)
        raise SystemExit(1)
