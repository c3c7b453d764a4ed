"""Citations and quotations of the built site, from ``data/citations.json`` and the HTML.

- **citations**: every unresolved record of ``data/citations.json`` and every citation whose
  paragraph anchor ``<source>-p<N>`` is missing from the built source pages;
- **quotations**: every quotation recorded with a citation that is not verbatim (after
  folding quote marks, dashes, spaces and case) in the text of the cited paragraphs as built;
  paragraphs that follow one another are joined, as the page-side check joins them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from briefbook.check.report import CheckProblem, Report, SiteError
from briefbook.check.scan import PageScan
from briefbook.check.sitefiles import inside
from briefbook.core.errors import Problem
from briefbook.core.links import page_url
from briefbook.render.quotecheck import fragments, haystack


def html_of(src: str, site: Path) -> str:
    """The HTML file MkDocs writes for a Markdown page (directory URLs or not)."""
    url = page_url(src, directory_urls=True)
    candidate = (url + "index.html") if url.endswith("/") or not url else url
    if (site / candidate).is_file():
        return candidate
    return page_url(src, directory_urls=False) or "index.html"


def check_citations(site: Path, records: Sequence[dict[str, object]],
                    scans: Sequence[PageScan], report: Report) -> None:
    """Check citation records against the paragraphs and their text in the built pages."""
    paragraphs: dict[str, tuple[str, str, int | None]] = {}
    for scan in scans:
        for anchor, text, line in scan.paragraphs:
            paragraphs[anchor] = (scan.page, text, line)
    groups: dict[tuple[str, int, tuple[str, ...]], list[str]] = {}
    for rec in records:
        report.citations += 1
        page_src, line, source = str(rec.get("page")), rec.get("line"), str(rec.get("source"))
        numbers = [int(n) for n in rec.get("paragraphs") or []]  # type: ignore[attr-defined]
        page = html_of(page_src, site)
        label = f"@{source}" + (f", ¶ {', '.join(map(str, numbers))}" if numbers else "")
        line_no = line if isinstance(line, int) else None

        def problem(message: str, label: str = label, page: str = page,
                    page_src: str = page_src, line_no: int | None = line_no) -> None:
            report.problems.append(CheckProblem(page=page, kind="citation", href=label,
                                                message=message, file=page_src, line=line_no))

        if not rec.get("resolved"):
            problem("unresolved citation (unknown source or paragraph)")
            continue
        anchors = [f"{source}-p{n}" for n in numbers] or sorted(
            a for a in paragraphs if a.rsplit("-p", 1)[0] == source)
        if not anchors:
            problem(f"no paragraphs of source '{source}' in the built site")
            continue
        missing = [a for a in anchors if a not in paragraphs]
        for anchor in missing:
            problem(f"paragraph anchor '{anchor}' is missing from the built source page")
        quotes = tuple(str(q) for q in rec.get("quotes") or [])  # type: ignore[attr-defined]
        key = (page_src, line_no or 0, quotes)
        groups.setdefault(key, []).extend(a for a in anchors if a in paragraphs)
    for (page_src, line_no, quotes), anchors in groups.items():
        if not quotes or not anchors:
            continue
        by_source: dict[str, list[tuple[int, str]]] = {}
        for anchor in anchors:
            source, _, number = anchor.rpartition("-p")
            by_source.setdefault(source, []).append((int(number) if number.isdigit() else 0,
                                                     paragraphs[anchor][1]))
        hay = haystack(([n for n, _ in items], [t for _, t in items])
                       for items in (sorted(v) for v in by_source.values()))
        for quote in quotes:
            report.quotes += 1
            lost = [f for f in fragments(quote) if f not in hay]
            if lost:
                report.problems.append(CheckProblem(
                    page=html_of(page_src, site), kind="quotation", href=quote,
                    file=page_src, line=line_no or None,
                    message=f"quotation is not verbatim in {', '.join(anchors)} "
                            f"(not found: \u201c{lost[0]}\u201d)"))


def load_records(site: Path, data_dir: str) -> list[dict[str, object]]:
    """The citation records published with the site (none when the file is absent).

    Raises:
        SiteError: the file exists but is not a JSON list, or is a link out of the site.
    """
    path = site / data_dir / "citations.json"
    if not path.is_file():
        return []
    if not inside(os.path.realpath(site), str(path)):
        raise SiteError(Problem(file=str(path), level="error",
                                message="a symbolic link to a file outside the site",
                                hint="remove the link; the checker reads only the site"))
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SiteError(Problem(file=str(path), level="error",
                                message=f"cannot read citation data: {exc}")) from exc
    if not isinstance(data, list):
        raise SiteError(Problem(file=str(path), level="error",
                                message="expected a JSON list of citation records"))
    return [r for r in data if isinstance(r, dict)]


