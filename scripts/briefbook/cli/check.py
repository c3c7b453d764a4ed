"""Commands that read a built site: ``check`` and ``pdf``."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click
from mkdocs.config import load_config

from briefbook.check.checker import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_PROBLEMS,
    SiteError,
    check_site,
    format_json,
    format_text,
)
from briefbook.read.book import load_book


@click.command("check")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--data-dir", default="data", show_default=True,
              help="Folder of the site holding citations.json.")
@click.option("--online", is_flag=True, help="Also fetch external links.")
@click.option("--jobs", type=int, default=None, help="Parallel parser processes (default: CPUs).")
@click.option("--concurrency", default=8, show_default=True, help="Parallel fetches (--online).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per fetch (--online).")
@click.option("--retries", default=2, show_default=True, help="Retries per URL (--online).")
def check(site_dir: Path, fmt: str, data_dir: str, online: bool, jobs: int | None,
          concurrency: int, timeout: float, retries: int) -> None:
    """Check the built site in SITE_DIR: links, anchors, assets, citations, quotations.

    Exit status: 0 no problem found, 1 problems found, 2 usage or I/O error.
    """
    try:
        report = check_site(site_dir, data_dir=data_dir, jobs=jobs, online=online,
                            concurrency=concurrency, timeout=timeout, retries=retries)
    except SiteError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(EXIT_ERROR) from exc
    click.echo(format_json(report) if fmt == "json" else format_text(report))
    raise SystemExit(EXIT_PROBLEMS if report.problems else EXIT_CLEAN)


@click.command()
@click.option("-o", "--output", default="book.pdf", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The PDF to write.")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the offline site built for the PDF here, with the whole book as one "
                   "page in print.html (default: a temporary folder).")
@click.option("--chromium", default=lambda: os.environ.get("BRIEFBOOK_CHROMIUM",
                                                           "/usr/bin/chromium"),
              show_default="/usr/bin/chromium", help="The Chromium binary to print with.")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any warning of the build (unresolved citation, broken link, …).")
def pdf(output: Path, config_file: Path, site_dir: Path | None, chromium: str,
        strict: bool) -> None:
    """Build the book strictly and print all of it to one PDF.

    The PDF has a cover with the as-of date (the latest source date and its basis), a table
    of contents, every page in navigation order and page numbers. Needs Chromium and the
    Python package ``playwright`` (``pip install 'briefbook[pdf]'``; no browser download).
    """
    from briefbook.site.printview import PRINT_PAGE, as_of, print_document, render_pdf

    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise click.ClickException("the Python package 'playwright' is missing: pip install "
                                   "'briefbook[pdf]' (Chromium itself comes from the system)"
                                   ) from exc
    if not Path(chromium).is_file():
        raise click.ClickException(f"{chromium} not found: install Chromium (Debian: "
                                   "apt-get install chromium) or pass --chromium PATH")
    if output.exists() and (not output.is_file() or output.read_bytes()[:5] != b"%PDF-"):
        raise click.ClickException(f"{output} exists and is not a PDF; nothing was written "
                                   "(choose another -o)")
    config = load_config(str(config_file))
    briefing = Path(config.config_file_path).parent / config.plugins["briefbook"].config.briefing
    book = load_book(briefing)
    with tempfile.TemporaryDirectory(prefix="briefbook-pdf-") as tmp:
        site = site_dir or Path(tmp) / "site"
        cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file),
               "-d", str(site)] + (["--strict"] if strict else [])
        completed = subprocess.run(
            cmd, check=False,
            env={**os.environ, "BRIEFBOOK_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"})
        if completed.returncode != 0:
            raise click.ClickException("the build failed; no PDF was written")
        document = site / PRINT_PAGE
        document.write_text(print_document(site, site_name=config.site_name, when=as_of(book)),
                            "utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        render_pdf(document, output, chromium=chromium)
    click.echo(f"wrote {output}")
