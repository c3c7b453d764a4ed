"""The ``briefbook`` command line: a thin shell over the stages.

Commands translate :class:`~briefbook.core.errors.BriefbookError` into a ``click`` error with
the hint, and exit non-zero when anything is wrong. ``click`` is imported here and nowhere
else in the engine. The benchmark, evaluation, PDF and ingest code load only when their
commands run.
"""

from __future__ import annotations

import logging

import click

from briefbook.cli.book import add, build, new, pages, review, sources_group
from briefbook.cli.check import check, pdf

__all__ = ["main"]


class _LazyGroup(click.Group):
    """A group whose ``bench`` and ``eval`` subcommands are imported only when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), "bench", "eval"])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "bench":
            from briefbook.cli.bench import bench  # benchmark code: only for this command

            return bench
        if cmd_name == "eval":
            from briefbook.cli.evaluate import evaluate  # evaluation code: only for this command

            return evaluate
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefbook")
def main() -> None:
    """Turn news articles into a cited, cross-linked MkDocs briefing book."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


for _command in (add, new, pages, build, review, sources_group, check, pdf):
    main.add_command(_command)
