"""``briefbook bench``: the benchmarks (imported only when the command runs)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import click

from briefbook.bench.checkers import TIMEOUT, bench_check
from briefbook.bench.eval_chronology import evaluate_chronology, evaluate_discrepancies, report
from briefbook.bench.reading import corpus_figures, format_report, gold_figures
from briefbook.bench.stages import (
    SHARED_CORPUS,
    copy_book,
    corpus_files,
    format_table,
    machine,
    make_book,
    measure,
)
from briefbook.core.errors import ToolError


@click.group("bench", invoke_without_command=True)
@click.option("--sizes", default="book,200,2000", show_default=True,
              help="Comma-separated: 'book' (the book of -f) or a number of corpus articles.")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The book for 'book'.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help=f"Folder of .txt articles (default: {SHARED_CORPUS} if it exists).")
@click.option("--generated", is_flag=True, help="Use generated articles even if a corpus exists.")
@click.option("--incremental/--no-incremental", default=True, show_default=True,
              help="Also time rebuilds after an edit and after adding an article.")
@click.option("--serve-article", "serve_articles", multiple=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="A real article (.txt) the serve loop also adds and times (repeatable).")
@click.option("--serve-dirty/--serve-plain", default=True, show_default=True,
              help="Time the serve loop under 'mkdocs serve --dirty' (what 'make serve' runs) "
                   "or plain 'mkdocs serve'.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench(ctx: click.Context, sizes: str, config_file: Path, corpus: Path | None,
          generated: bool, incremental: bool, serve_articles: tuple[Path, ...],
          serve_dirty: bool, as_json: bool) -> None:
    """Time each stage on books of several sizes (a benchmark, not a test)."""
    if ctx.invoked_subcommand is not None:
        return
    if corpus is None and not generated and SHARED_CORPUS.is_dir():
        corpus = SHARED_CORPUS
    if generated:
        corpus = None
    scratch = Path(tempfile.mkdtemp(prefix="bb-bench-"))
    results = []
    try:
        for size in [s.strip() for s in sizes.split(",") if s.strip()]:
            if size == "book":
                if not config_file.is_file():
                    raise click.ClickException(f"{config_file} not found (size 'book')")
                config = copy_book(config_file.resolve(), scratch)
                label = "book"
            else:
                if not size.isdigit() or int(size) < 1:
                    raise click.BadParameter(f"'{size}' is not 'book' or a positive number",
                                             param_hint="--sizes")
                files = corpus_files(corpus, int(size), scratch)
                config = make_book(scratch, files, f"book-{size}")
                label = corpus.name if corpus else "generated"
            click.echo(f"measuring {label} ({size}) …", err=True)
            results.append(measure(label, config, incremental=incremental,
                                   articles=serve_articles, dirty=serve_dirty))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if as_json:
        click.echo(json.dumps({"results": results, "machine": machine()}, indent=2))
    else:
        click.echo(format_table(results))


@bench.command("check")
@click.option("--config", "config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The book's mkdocs.yml.")
@click.option("--corpus", type=click.Path(path_type=Path),
              default="/work/shared/corpora/bbc", show_default=True,
              help="Folder of .txt articles for the large book (generated when absent).")
@click.option("--pages", default=2000, show_default=True, help="Articles in the large book.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path),
              default="/tmp/briefbook-bench-check", show_default=True,
              help="Scratch folder (never inside the repository).")
@click.option("--tools", type=click.Path(file_okay=False, path_type=Path),
              default="/tmp/briefbook-bench-tools", show_default=True,
              help="Where the optional checkers are installed (venv/ and node_modules/).")
@click.option("--only", multiple=True, help="Run only these checkers (repeatable).")
@click.option("--reuse", is_flag=True, help="Reuse the large book's site if already built.")
@click.option("--sites", "sites_wanted", type=click.Choice(["both", "book", "corpus"]),
              default="both",
              show_default=True, help="Which sites to check.")
@click.option("--limit", default=TIMEOUT, show_default=True,
              help="Seconds each checker may run before it is stopped (reported 'timed out').")
@click.option("--json-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the results as JSON.")
def bench_check_command(config: Path, corpus: Path, pages: int, work: Path, tools: Path,
                        only: tuple[str, ...], reuse: bool, sites_wanted: str, limit: float,
                        json_out: Path | None) -> None:
    """Benchmark 'briefbook check' against other link checkers on planted breakage."""
    try:
        bench_check(config, corpus, pages, work, tools, only, reuse, sites_wanted, limit,
                    json_out, echo=click.echo)
    except ToolError as exc:
        raise click.ClickException(str(exc)) from exc


@bench.command("chronology")
@click.option("--gold", type=click.Path(file_okay=False, path_type=Path),
              default="tests/gold/bbc", show_default=True,
              help="Folder of annotation files (dates of each article).")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              default=str(SHARED_CORPUS), show_default=True,
              help="Folder holding the annotated articles.")
@click.option("--pairs", type=click.Path(file_okay=False, path_type=Path),
              default="tests/gold/discrepancies", show_default=True,
              help="Folder of article pairs with their expected disagreements.")
@click.option("--details", is_flag=True, help="List every wrong and missed item.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_chronology_command(gold: Path, corpus: Path, pairs: Path, details: bool,
                             as_json: bool) -> None:
    """Chronology precision and recall on annotated articles, and discrepancy precision."""
    if not gold.is_dir():
        raise click.ClickException(f"{gold}: no such folder of annotations (see --gold)")
    if not corpus.is_dir():
        raise click.ClickException(f"{corpus}: no such corpus folder (see --corpus)")
    try:
        chronology = evaluate_chronology(gold, corpus)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    sets = sorted({p.parent.parent for p in pairs.rglob("expected.yml")}) if pairs.is_dir() \
        else []
    scores = {(s.relative_to(pairs).as_posix() or "."): evaluate_discrepancies(s) for s in sets}
    if as_json:
        click.echo(json.dumps({
            "chronology": {"articles": chronology.articles, "entries": chronology.entries,
                           "judged": chronology.judged, "correct": chronology.correct,
                           "precision": round(chronology.precision, 4),
                           "annotated": chronology.annotated, "found": chronology.found,
                           "recall": round(chronology.recall, 4),
                           "not_judged": chronology.not_judged},
            "discrepancies": {name: {"pairs": d.pairs, "flagged": d.flagged, "right": d.right,
                                     "precision": round(d.precision, 4),
                                     "expected": d.expected, "found": d.found,
                                     "recall": round(d.recall, 4)}
                              for name, d in scores.items()}}, indent=2))
        return
    click.echo(report(chronology, None, details=details))
    for name, score in scores.items():
        click.echo(f"[{name}] " + report(None, score, details=details))
@bench.command("reading")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              default=str(SHARED_CORPUS), show_default=True,
              help="Folder of .txt articles to read.")
@click.option("--gold", type=click.Path(file_okay=False, path_type=Path),
              default="tests/gold/bbc", show_default=True,
              help="Hand annotations (title, boilerplate) of some of the corpus's articles.")
@click.option("--sample-every", default=100, show_default=True,
              help="Print every n-th article's reading for a check by eye (0: none).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_reading_command(corpus: Path, gold: Path, sample_every: int, as_json: bool) -> None:
    """Measure reading: paragraph rules, titles, boilerplate, on a corpus and on gold."""
    if not corpus.is_dir():
        raise click.ClickException(f"{corpus} is not a folder of articles")
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".txt", ".text", ".md"))
    figures = corpus_figures(files, sample_every=0 if as_json else sample_every,
                             echo=lambda text: click.echo(text, err=True))
    gold_result = gold_figures(gold, corpus) if gold.is_dir() else None
    if as_json:
        click.echo(json.dumps({"corpus": figures, "gold": gold_result}, indent=2,
                              ensure_ascii=False))
    else:
        click.echo(format_report(figures, gold_result))
