"""The ``briefbook`` command line: a thin shell over the stages.

Commands translate :class:`~briefbook.errors.BriefbookError` into a ``click`` error with the
hint, and exit non-zero when anything is wrong.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from .bench import bench
from .book import load_book
from .check import check
from .errors import Problem, ToolError
from .ingest_html import add_inputs
from .pages import Settings, build_pages
from .pdf import pdf
from .references import sources_group
from .review import review
from .scaffold import new_book
from .yamlio import atomic_write


def _echo_problems(problems: list[Problem] | tuple[Problem, ...]) -> int:
    count = 0
    for problem in problems:
        if problem.level in ("error", "warning"):
            click.echo(f"{problem.level.upper()}: {problem}", err=True)
            count += 1
    return count


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefbook")
def main() -> None:
    """Turn news articles into a cited, cross-linked MkDocs briefing book."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--id", "source_id", help="Source id (one file only); default: from the file name.")
@click.option("--outlet", help="Outlet (publication) name.")
@click.option("--date", help="Publication date, ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--date-basis", type=click.Choice(["stated", "inferred", "unknown"]),
              help="Whether the article states the date (default: stated when --date given).")
@click.option("--title", help="Headline.")
@click.option("--url", help="The article's URL.")
@click.option("--author", multiple=True, help="Author (repeat for several).")
@click.option("--force", is_flag=True, help="Add even when the text duplicates a source.")
def add(files: tuple[str, ...], briefing: Path, source_id: str | None, outlet: str | None,
        date: str | None, date_basis: str | None, title: str | None, url: str | None,
        author: tuple[str, ...], force: bool) -> None:
    """Copy article FILES verbatim into the book and record their metadata.

    Each file is copied byte for byte into BRIEFING/sources/ and an entry is appended to
    BRIEFING/sources.yml. An existing id or file is never overwritten. One unreadable file
    does not stop the others; the command exits 1 if any failed.

    A saved web page (.html, .htm) or an http(s) URL is reduced to its article's main text;
    the page is kept as the original, and its metadata fills the entry (options win). Text
    already in the book (the same bytes, or a near-verbatim copy) is refused unless --force.
    """
    meta = {"outlet": outlet, "date": date, "date_basis": date_basis, "title": title,
            "url": url, "author": list(author) or None}
    if source_id and len(files) > 1:
        raise click.UsageError("--id names one source: give one file with it")
    result = add_inputs(briefing, list(files), source_id=source_id, meta=meta, force=force)
    for added in result.added:
        click.echo(f"added {added.id} ({added.paragraphs} paragraphs) from {added.origin}")
    _echo_problems(result.problems)
    if not result.added or any(p.level == "error" for p in result.problems):
        raise SystemExit(1)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Briefing book", show_default=True, help="The site's name.")
def new(directory: Path, title: str) -> None:
    """Create a new, empty book in DIRECTORY that builds at once."""
    try:
        created = new_book(directory, title=title)
    except ToolError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"Next: add articles with 'briefbook add --briefing {directory}/briefing FILE', "
               f"then 'mkdocs serve -f {directory}/mkdocs.yml'.")


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--docs", default="docs", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Hand-written pages.")
def pages(out: Path, briefing: Path, docs: Path) -> None:
    """Write the generated Markdown pages to OUT (for inspection or another builder).

    Refuses to write into a folder that holds files it did not generate.
    """
    book = load_book(briefing)
    _echo_problems(book.problems)
    handwritten = {p.relative_to(docs).as_posix(): p.read_text("utf-8")
                   for p in sorted(docs.rglob("*.md"))} if docs.is_dir() else {}
    built = build_pages(book, handwritten, Settings())
    manifest = out / ".briefbook-pages"
    if out.exists() and any(out.iterdir()) and not manifest.exists():
        raise click.ClickException(f"{out} is not empty and was not written by 'briefbook "
                                   "pages'; choose an empty or new folder")
    for path, markdown in built.pages.items():
        atomic_write(out / path, markdown.encode("utf-8"))
    atomic_write(manifest, "\n".join(built.pages).encode("utf-8") + b"\n")
    click.echo(f"wrote {len(built.pages)} pages to {out}")


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: the config's site_dir).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any warning (unresolved citation, broken link, …).")
def build(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Build the site into a temporary folder, then swap it into place.

    A failed build leaves the previous site untouched.
    """
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    target = (site_dir or Path(config.site_dir)).resolve()
    _refuse_unsafe_target(target, config_file.resolve().parent, Path(config.docs_dir).resolve())
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(staging)]
    if strict:
        cmd.append("--strict")
    completed = subprocess.run(cmd, check=False)
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise click.ClickException(f"the build failed; {target} was left as it was")
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    click.echo(f"built {target}")


main.add_command(check)
main.add_command(bench)
main.add_command(pdf)
main.add_command(sources_group)
main.add_command(review)


def _refuse_unsafe_target(target: Path, book_dir: Path, docs_dir: Path) -> None:
    """Refuse a site folder whose replacement would delete anything but a previous site."""
    if any(target == p or p.is_relative_to(target) for p in (book_dir, docs_dir)):
        raise click.ClickException(f"{target} holds the book itself; choose another --site-dir")
    if target.exists() and (not target.is_dir() or (
            any(target.iterdir()) and not (target / "index.html").is_file())):
        raise click.ClickException(
            f"{target} is not empty and is not a built site (no index.html); nothing was "
            "deleted; choose another --site-dir")
