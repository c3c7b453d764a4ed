"""``briefbook eval``: extraction measured against the hand annotations (imported lazily)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefbook.bench.eval import (
    BBC_CORPUS,
    DEV_SETS,
    GOLD_DIR,
    SECTION_NAMES,
    EvalConfig,
    EvalError,
    Section,
    run,
    score_set,
)


@click.command("eval")
@click.option("--gold", type=click.Path(file_okay=False, path_type=Path), default=GOLD_DIR,
              show_default=True,
              help="Folder of the gold sets (quotes.yml, bbc/, bbc-heldout2/, "
                   "bbc-heldout2-second/, bbc-heldout3/ ... bbc-heldout6/, "
                   "bbc-dev/ ... bbc-dev19/).")
@click.option("--briefing", type=click.Path(file_okay=False, path_type=Path),
              default="briefing", show_default=True, help="The example book's briefing folder.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=BBC_CORPUS,
              show_default=True, help="Folder holding the annotated BBC articles.")
@click.option("--only", multiple=True, type=click.Choice(list(SECTION_NAMES)),
              help="Run only these sections (repeatable).")
@click.option("--dev", is_flag=True,
              help="Only the example book and the development sets: what rules may be tuned "
                   "on (every set but the frozen held-out ones, bbc-heldout4, 5 and 6).")
@click.option("--set", "sets", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Score a folder of your own annotations (one *.yml per article, "
                   "tests/gold/bbc/README.md), each 'file:' a path under --corpus "
                   "(repeatable). Alone, only these sets are scored.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and wrong answer.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold: Path, briefing: Path, corpus: Path, only: tuple[str, ...], dev: bool,
             sets: tuple[Path, ...], verbose: bool, as_json: bool) -> None:
    """Precision and recall of speakers, quotation spans, people and the chronology.

    A gold set that cannot be scored in full (a missing folder or article, an annotation with
    no ``file:``) stops the command with the file and the fix, never with partial figures.
    """
    names = list(only) + (["example", *DEV_SETS] if dev else [])
    chosen = [SECTION_NAMES[name] for name in dict.fromkeys(names)]
    config = EvalConfig(gold=gold, briefing=briefing, corpus=corpus, verbose=verbose)
    try:
        sections: list[Section] = run(config, chosen) if chosen or not sets else []
        sections += [score_set(config, folder) for folder in sets]
    except EvalError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        click.echo(json.dumps([{"title": s.title, "scores": [x.as_dict() for x in s.scores],
                                "notes": s.notes} for s in sections], indent=2,
                              ensure_ascii=False))
        return
    click.echo("\n\n".join(s.text() for s in sections))
