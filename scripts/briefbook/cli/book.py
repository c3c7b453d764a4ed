"""Commands that make and change a book: add, new, pages, build, review and sources.

``sources`` has ``import`` (a reference list), ``set`` (edit one source's metadata) and
``show`` (a source's metadata and where each value comes from).

The ingest code (HTML extraction, URL fetching, bibliography import) is imported by the
commands that use it, so that ``briefbook new`` and ``briefbook build`` do not load it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import review_items
from briefbook.cli.common import echo_problems, fail_on_errors
from briefbook.core.errors import ArticleError, DataError, ToolError, did_you_mean
from briefbook.core.model import PARAGRAPH_RULES
from briefbook.core.yamlio import atomic_write
from briefbook.ingest.scaffold import new_book
from briefbook.ingest.sourcemeta import describe, parse_assignments, set_source
from briefbook.read.book import load_book
from briefbook.read.sources import reread
from briefbook.render.base import Settings
from briefbook.render.numbering import rule_change, source_record
from briefbook.render.pages import build_pages
from briefbook.site.output import (
    SiteDirError,
    check_target,
    place_subsite,
    site_lock,
    staging_dir,
    subsite_folder,
    swap_in,
    write_marker,
)


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--id", "source_id",
              help="Source id (one file only); default: the file name when short and "
                   "readable, else the headline, at most 40 characters.")
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

    The entry records how the paragraphs were found ('paragraphs: blank-lines', 'lines',
    'wrapped' or 'sentences', so their numbers never move) and, under 'suggested:', what the
    text says about itself (headline, outlet, byline, dateline; basis 'from text'); options
    given here win over the suggestions.

    A saved web page (.html, .htm) or an http(s) URL is reduced to its article's main text;
    the page is kept as the original, and its metadata fills the entry (options win). Text
    already in the book (the same bytes, or a near-verbatim copy) is refused unless --force.
    """
    meta = {"outlet": outlet, "date": date, "date_basis": date_basis, "title": title,
            "url": url, "author": list(author) or None}
    if source_id and len(files) > 1:
        raise click.UsageError("--id names one source: give one file with it")
    from briefbook.ingest.html import add_inputs  # trafilatura, lxml: only for 'add'

    result = add_inputs(briefing, list(files), source_id=source_id, meta=meta, force=force)
    for added in result.added:
        click.echo(f"added {added.id} ({added.paragraphs} paragraphs) from {added.origin}")
    echo_problems(result.problems)
    if not result.added or any(p.level == "error" for p in result.problems):
        raise SystemExit(1)


@click.command()
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
    click.echo(f"created {directory / 'briefing' / 'sources'}/ (the articles go here)")
    click.echo(f"Next: add articles with 'briefbook add --briefing {directory}/briefing FILE', "
               f"then 'mkdocs serve --dirty -f {directory}/mkdocs.yml' (--dirty rebuilds only "
               "the pages an edit changes).")


@click.command()
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
    echo_problems(book.problems)
    handwritten = {p.relative_to(docs).as_posix(): p.read_text("utf-8")
                   for p in sorted(docs.rglob("*.md"))} if docs.is_dir() else {}
    built = build_pages(book, handwritten, Settings(docs_dir=docs.name))
    echo_problems(built.problems)
    manifest = out / ".briefbook-pages"
    if out.exists() and any(out.iterdir()) and not manifest.exists():
        raise click.ClickException(f"{out} is not empty and was not written by 'briefbook "
                                   "pages'; choose an empty or new folder")
    for path, markdown in built.pages.items():
        atomic_write(out / path, markdown.encode("utf-8"))
    atomic_write(manifest, "\n".join(built.pages).encode("utf-8") + b"\n")
    fail_on_errors([*book.problems, *built.problems], "written")
    click.echo(f"wrote {len(built.pages)} pages to {out}")


@click.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: the config's site_dir).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any warning (unresolved citation, broken link, …).")
def build(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Build the site into a staging folder, then swap it into place.

    A failed build leaves the previous site untouched. The site folder must be empty or a
    site briefbook built (it holds a .briefbook-site file): nothing else is ever deleted.
    """
    config = load_config(str(config_file))
    target = (site_dir or Path(config.site_dir)).absolute()
    book_dir = config_file.resolve().parent
    docs_dir = Path(config.docs_dir).resolve()
    try:
        check_target(target, book_dir=book_dir, docs_dir=docs_dir)
        with site_lock(target) as recovered:
            for path in recovered:
                click.echo(f"cleaned up after an interrupted build: {path}", err=True)
            check_target(target, book_dir=book_dir, docs_dir=docs_dir)  # under the lock
            staging = staging_dir(target)
            cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d",
                   str(staging)]
            if strict:
                cmd.append("--strict")
            completed = subprocess.run(cmd, check=False)
            if completed.returncode != 0:
                shutil.rmtree(staging, ignore_errors=True)
                raise click.ClickException(f"the build failed; {target} was left as it was")
            try:
                _build_subsites(config, book_dir, staging, strict=strict)
            except (click.ClickException, SiteDirError):
                shutil.rmtree(staging, ignore_errors=True)
                raise
            write_marker(staging)
            swap_in(staging, target)
    except SiteDirError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"built {target}")


def _build_subsites(config: MkDocsConfig, book_dir: Path, staging: Path, *,
                    strict: bool) -> None:
    """Build the sites of the plugin option ``subsites`` and publish them inside ``staging``.

    Each is a plain ``mkdocs build`` of its own ``mkdocs.yml`` into a scratch folder inside
    the staging site (removed with it if the command dies), with ``SITE_URL`` set to the
    book's URL plus the folder, then moved into place (replacing the book's placeholder page
    there).

    Raises:
        click.ClickException: a sub-site's configuration is missing or its build failed.
        SiteDirError: a folder is not inside the site, or the book wrote other pages there.
    """
    plugin = config.plugins.get("briefbook")
    subsites: dict[str, str] = dict(getattr(plugin, "config", {}).get("subsites") or {})
    site_url = config.site_url or ""
    for number, (folder, sub_config) in enumerate(sorted(subsites.items())):
        folder = subsite_folder(folder)
        sub_file = (book_dir / sub_config).resolve()
        if not sub_file.is_file():
            raise click.ClickException(f"mkdocs.yml: subsites: {folder}: {sub_config} not found "
                                       f"(a path relative to {book_dir})")
        env = dict(os.environ)
        env.pop("SITE_URL", None)
        if site_url:
            env["SITE_URL"] = site_url.rstrip("/") + f"/{folder}/"
        built = staging / f".subsite-{number}"
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(sub_file), "-d", str(built)]
        if strict:
            cmd.append("--strict")
        click.echo(f"building {sub_config} into {folder}/", err=True)
        if subprocess.run(cmd, check=False, env=env).returncode != 0:
            shutil.rmtree(built, ignore_errors=True)
            raise click.ClickException(f"the build of {sub_config} ({folder}/) failed; the site "
                                       "was left as it was")
        try:
            place_subsite(built, staging, folder)
        finally:
            shutil.rmtree(built, ignore_errors=True)


@click.command()
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--docs", default="docs", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Hand-written pages (their claims are checked against their citations).")
@click.option("--kind", "kinds", multiple=True, help="Only items of this kind (repeatable).")
def review(briefing: Path, docs: Path, kinds: tuple[str, ...]) -> None:
    """List what an editor should look at in the book, most important first.

    Quotations without a speaker, speakers and people found by extraction only, near-miss
    spellings, derivatives and events found by extraction, each with its source and paragraph,
    and claims of the hand-written pages not found in the paragraphs they cite, with page and
    line; what each affects and its key for review.yml (tab-separated). Items decided in
    briefing/review.yml are left out.
    """
    book = load_book(briefing)
    echo_problems(book.problems)
    annotations = Annotations(book)
    found = review_items(book, annotations)
    if docs.is_dir():
        handwritten = {p.relative_to(docs).as_posix(): p.read_text("utf-8")
                       for p in sorted(docs.rglob("*.md"))}
        decided = {d.item for d in book.review}
        found += [i for i in build_pages(book, handwritten, Settings(docs_dir=docs.name),
                                         annotations=annotations).claims
                  if i.key not in decided]
    items = [i for i in found if not kinds or i.kind in kinds]
    for item in items:
        where = item.source or "-"
        if item.paragraph:
            where += f" ¶ {item.paragraph}"
        if item.page:
            where = f"{item.page}:{item.line}" if item.line else item.page
        click.echo(f"{item.kind}\t{where}\t{item.text}" + (f"\t({item.hint})" if item.hint
                                                          else "")
                   + f"\t[{item.affects}; key {item.key}]")
    click.echo(f"{len(items)} items to review", err=True)
    fail_on_errors(book.problems, "listed")


@click.group("sources")
def sources_group() -> None:
    """Manage the sources' metadata."""


@sources_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
def import_command(file: Path, briefing: Path, dry_run: bool) -> None:
    """Fill or correct sources.yml from a reference list FILE (CSL-JSON or BibTeX).

    Entries match a source by citation key (the source id), URL, DOI or title. Entries that
    match nothing are listed. The editor's comments and layout in sources.yml are kept.
    """
    try:
        from briefbook.ingest.references import import_references  # bibtexparser

        result = import_references(briefing, file, dry_run=dry_run)
    except DataError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in result.problems:
        click.echo(f"{problem.level.upper()}: {problem}", err=True)
    for sid, changes in sorted(result.changes.items()):
        click.echo(f"{'would update' if dry_run else 'updated'} {sid} (from "
                   f"'{result.matched[sid]}'):")
        for name, old, new in changes:
            click.echo(f"  {name}: {json.dumps(old, ensure_ascii=False)} → "
                       f"{json.dumps(new, ensure_ascii=False)}")
    unchanged = sorted(set(result.matched) - set(result.changes))
    if unchanged:
        click.echo(f"already up to date: {', '.join(unchanged)}")
    for ref in result.unmatched:
        click.echo(f"UNMATCHED: {ref.where}: {ref.title or ref.url or '(no title)'}")
    click.echo(f"{len(result.matched)} matched, {len(result.changes)} changed, "
               f"{len(result.unmatched)} unmatched")


@sources_group.command("set")
@click.argument("source_id")
@click.argument("assignments", nargs=-1, required=True)
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--docs", default="docs", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Hand-written pages (searched for citations a new paragraph rule moves).")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
def set_command(source_id: str, assignments: tuple[str, ...], briefing: Path, docs: Path,
                dry_run: bool) -> None:
    """Set metadata of source SOURCE_ID in sources.yml: ASSIGNMENTS are key=value.

    'key=null' records a value as unknown; 'key=' removes the key (the text's suggestion
    applies again); 'author=' may repeat. The values are validated as the build validates
    them, and sources.yml is rewritten atomically with its comments and layout kept. The
    article file itself is never touched ('id' and 'file' cannot be set). Changing
    'paragraphs' lists the citations whose paragraph numbers would then point elsewhere.
    """
    try:
        values = parse_assignments(assignments)
        if "paragraphs" in values:
            _warn_moved_citations(briefing, docs, source_id, values["paragraphs"])
        result = set_source(briefing, source_id, values, dry_run=dry_run)
    except DataError as exc:
        raise click.ClickException(str(exc)) from exc
    if result.created:
        click.echo(f"{'would add' if dry_run else 'added'} an entry for {source_id} "
                   "(its file was not listed)")
    for key, old, new in result.changes:
        click.echo(f"{'would set' if dry_run else 'set'} {source_id} {key}: "
                   f"{json.dumps(old, ensure_ascii=False)} → "
                   f"{json.dumps(new, ensure_ascii=False)}")
    if not result.changes:
        click.echo(f"{source_id}: nothing to change")


def _warn_moved_citations(briefing: Path, docs: Path, source_id: str, rule: object) -> None:
    """Print which citations a new paragraph rule of ``source_id`` would move."""
    book = load_book(briefing)
    source = book.source(source_id)
    if source is None:
        return  # set_source says what is wrong
    new_rule = rule if rule in PARAGRAPH_RULES else None
    try:
        changed = reread(briefing, source, new_rule)
    except (ArticleError, OSError):
        return
    if changed.paragraph_rule == source.paragraph_rule:
        return
    handwritten = {p.relative_to(docs).as_posix(): p.read_text("utf-8")
                   for p in sorted(docs.rglob("*.md"))} if docs.is_dir() else {}
    built = build_pages(book, handwritten, Settings())
    problem = rule_change(changed, source_record(source), built.cited_by)
    level = "WARNING" if problem.level == "warning" else "NOTE"
    click.echo(f"{level}: {problem}", err=True)


@sources_group.command("show")
@click.argument("source_ids", nargs=-1)
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
def show_command(source_ids: tuple[str, ...], briefing: Path) -> None:
    """Show the metadata of SOURCE_IDS (all sources' ids when none is given).

    Each value says where it comes from: curated in sources.yml, suggested by the text
    (with its paragraph), or unknown; and how the paragraphs were found.
    """
    book = load_book(briefing)
    yaml_problems = [p for p in book.problems if p.file == "sources.yml"]
    echo_problems(yaml_problems)
    if not source_ids:
        for source in book.sources:
            click.echo(f"{source.id}\t{source.paragraph_rule}\t{len(source.paragraphs)} "
                       f"paragraphs\t{source.label}")
        fail_on_errors(yaml_problems, "shown")
        return
    for n, sid in enumerate(source_ids):
        source = book.source(sid)
        if source is None:
            hint = did_you_mean(sid, [s.id for s in book.sources])
            raise click.ClickException(f"no source '{sid}'" + (f" ({hint})" if hint else ""))
        click.echo(("\n" if n else "") + describe(source))
    fail_on_errors(yaml_problems, "shown")
