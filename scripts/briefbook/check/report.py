"""What ``briefbook check`` reports: problems, the report, and how it is printed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from briefbook.core.errors import BriefbookError

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True, kw_only=True)
class CheckProblem:
    """One problem found in the built site.

    Attributes:
        page: The HTML file, relative to the site folder.
        kind: ``link``, ``asset``, ``anchor``, ``text-fragment``, ``citation``, ``quotation``,
            ``external``, ``script`` (active content) or ``page`` (unreadable, or outside the
            site).
        href: The URL (or citation) concerned, as written.
        message: What is wrong.
        file: The Markdown file the page was built from, when known.
        line: Line in that Markdown file (or in the article, for a paragraph), when known.
    """

    page: str
    kind: str
    href: str
    message: str
    file: str | None = None
    line: int | None = None


@dataclass(kw_only=True)
class Report:
    """The result of a check."""

    site: str
    pages: int = 0
    urls: int = 0
    citations: int = 0
    quotes: int = 0
    problems: list[CheckProblem] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    online: bool = False
    seconds: float = 0.0


class SiteError(BriefbookError):
    """The site cannot be checked (its citation data is unreadable)."""


def format_text(report: Report) -> str:
    """The report as text, grouped by page."""
    lines: list[str] = []
    current = None
    for problem in report.problems:
        if problem.page != current:
            current = problem.page
            lines.append(f"{problem.page}" + (f" (from {problem.file})" if problem.file else ""))
        where = f"line {problem.line}: " if problem.line else ""
        lines.append(f"  {where}{problem.kind}: {problem.href!r}: {problem.message}")
    external = (f"{len(report.external)} external URLs "
                + ("fetched" if report.online else "listed, not fetched (use --online)"))
    lines.append(f"{report.pages} pages, {report.urls} URLs, {report.citations} citations, "
                 f"{report.quotes} quotations beside citations checked; {external}; "
                 f"{len(report.problems)} problem(s) in {report.seconds:.2f} s")
    return "\n".join(lines)


def format_json(report: Report) -> str:
    """The report as JSON (``problems`` sorted by page, line)."""
    data = asdict(report)
    data["problems"] = [asdict(p) for p in report.problems]
    data.pop("seconds")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
