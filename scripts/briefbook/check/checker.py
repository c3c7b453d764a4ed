"""``briefbook check SITE_DIR``: verify a built site from its HTML, independently of MkDocs.

The check reads every HTML page of the site (:mod:`~briefbook.check.scan`: every URL a browser
would fetch, ``<base href>``, pages without a declared charset read as UTF-8), then reports:

- broken links and assets, missing anchors and text fragments not found, and lists (or with
  ``--online`` fetches, each request within a total deadline; :mod:`~briefbook.check.online`)
  the external URLs (:mod:`~briefbook.check.links`);
- unresolved citations, missing paragraph anchors and quotations not verbatim in the built
  source pages (:mod:`~briefbook.check.citing`);
- **active content** (:mod:`~briefbook.check.active`): event-handler attributes,
  ``javascript:`` URLs and scripts that are not the theme's own assets, on every page;
- **unreadable pages**: a page libxml2 cannot parse whole (nested deeper than it allows) is
  reported rather than checked in part;
- **files outside the site** (:mod:`~briefbook.check.sitefiles`): a symbolic link in the site
  that points outside it is reported and never read or followed, so links through it do not
  count as valid.

The verbatim originals of saved pages (``data/originals/``) are published as downloads: they
are linked and must exist, but they are not pages of the site, so their own links are not
checked.

Exit codes: 0 when no problem is found, 1 when any problem is found, 2 on a usage or I/O
error (the site folder or its citation data cannot be read).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from briefbook.check.citing import check_citations, html_of, load_records
from briefbook.check.links import check_external, check_links
from briefbook.check.report import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_PROBLEMS,
    CheckProblem,
    Report,
    SiteError,
    format_json,
    format_text,
)
from briefbook.check.scan import (
    URL_ATTRIBUTES,
    PageScan,
    scan_page,
    scan_site,
    site_base,
)
from briefbook.check.sitefiles import html_pages, site_walk

__all__ = [
    "EXIT_CLEAN", "EXIT_ERROR", "EXIT_PROBLEMS", "URL_ATTRIBUTES", "CheckProblem", "PageScan",
    "Report", "SiteError", "check_site", "format_json", "format_text", "html_of", "html_pages",
    "scan_page",
]
#: Kept for callers of the former single module.
_html_of = html_of


def check_site(site: Path, *, data_dir: str = "data", jobs: int | None = None,
               online: bool = False, concurrency: int = 8, timeout: float = 10.0,
               retries: int = 2) -> Report:
    """Check a built site; the pure-ish core of ``briefbook check``."""
    started = time.perf_counter()
    report = Report(site=str(site))
    pages, escaping = site_walk(site, exclude=(f"{data_dir.strip('/')}/originals",))
    report.pages = len(pages)
    for link in escaping:
        report.problems.append(CheckProblem(
            page=link, kind="page", href=os.readlink(site / link),
            message="a symbolic link to outside the site: not read, and links through it do "
                    "not count"))
    scans = scan_site(site, pages, base=site_base(site), jobs=jobs)
    records = load_records(site, data_dir)
    sources = {html_of(str(r.get("page")), site): str(r.get("page")) for r in records}
    check_links(site, scans, sources, report)
    check_citations(site, records, scans, report)
    if online:
        check_external(report.external, scans, report, concurrency=concurrency,
                       timeout=timeout, retries=retries)
    report.problems.sort(key=lambda p: (p.page, p.line or 0, p.kind, p.href))
    report.seconds = time.perf_counter() - started
    return report
