"""Links: missing targets, missing anchors, text fragments, and external URLs (``--online``).

- **links and assets**: every internal URL whose target file does not exist (directory URLs
  resolve to ``index.html``; percent-encoding is decoded);
- **anchors**: every ``#fragment`` missing from the ids actually present in the target page
  (compared raw and percent-decoded, ids with ``:`` included); ``#`` and ``#top`` always exist
  (HTML standard, "scroll to the fragment"); a fragment on a file that is not HTML (a PDF, an
  image, a data file) is not checked;
- **text fragments** (``#:~:text=[prefix-,]start[,end][,-suffix]``, the URL Fragment Text
  Directives specification): valid when the text occurs in the target page's visible text
  after white space is folded (matching ignores case, as browsers do); otherwise "text
  fragment not found". An element id before ``:~:`` is checked as an anchor;
- **active content**: what a browser would run that is not the theme's own, and pages that
  cannot be read whole (kinds ``script`` and ``page``);
- **external links**: listed, fetched only with ``--online`` (bounded concurrency, a total
  deadline per request, retries; :mod:`~briefbook.check.online`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote

from briefbook.check.online import check_external as fetch_external
from briefbook.check.report import CheckProblem, Report
from briefbook.check.scan import PageScan, read_ids, read_page_text

_DIRECTIVE = ":~:"


def has_anchor(ids: frozenset[str], fragment: str) -> bool:
    """Whether ``fragment`` names an element of a page with these ids (or the top)."""
    if fragment == "" or fragment.lower() == "top":
        return True
    return fragment in ids or unquote(fragment) in ids


def text_directives(fragment: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    """A fragment's element id and its text directives ``(prefix, start, end, suffix)``.

    ``#id:~:text=a-,b,c,-d&text=e`` → ``("id", [("a", "b", "c", "d"), ("", "e", "", "")])``.
    Each part is percent-decoded; other directives are ignored.
    """
    element, _, directives = fragment.partition(_DIRECTIVE)
    found: list[tuple[str, str, str, str]] = []
    for directive in directives.split("&"):
        if not directive.startswith("text="):
            continue
        parts = directive[5:].split(",")
        prefix = unquote(parts.pop(0)[:-1]) if parts and parts[0].endswith("-") else ""
        suffix = unquote(parts.pop()[1:]) if parts and parts[-1].startswith("-") else ""
        if not parts or len(parts) > 2:
            found.append((prefix, "", "", suffix))  # malformed: nothing can match it
            continue
        start = unquote(parts[0])
        end = unquote(parts[1]) if len(parts) == 2 else ""
        found.append((prefix, start, end, suffix))
    return element, found


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_found(text: str, directive: tuple[str, str, str, str]) -> bool:
    """Whether a text directive matches a page's visible text (white space folded, any case)."""
    prefix, start, end, suffix = (_fold(p) for p in directive)
    if not start:
        return False
    page = _fold(text)
    pos = page.find(start)
    while pos >= 0:
        ok = True
        if prefix:
            before = page[:pos].rstrip()
            ok = before.endswith(prefix)
        stop = pos + len(start)
        if ok and end:
            at = page.find(end, stop)
            ok = at >= 0
            stop = at + len(end) if ok else stop
        if ok and suffix:
            ok = page[stop:].lstrip().startswith(suffix)
        if ok:
            return True
        pos = page.find(start, pos + 1)
    return False


def check_links(site: Path, scans: Sequence[PageScan], sources: dict[str, str],
                report: Report) -> None:
    """Report missing targets, anchors and text fragments; list the external URLs."""
    ids = {scan.page: scan.ids for scan in scans}
    texts: dict[str, str | None] = {}
    external: set[str] = set()
    for scan in scans:
        file = sources.get(scan.page)
        if scan.error:
            report.problems.append(CheckProblem(page=scan.page, kind="link", href="",
                                                message=f"cannot read: {scan.error}", file=file))
            continue
        if scan.partial:
            report.problems.append(CheckProblem(
                page=scan.page, kind="page", href="", file=file,
                message=f"the page cannot be read whole ({scan.partial}); its links and "
                        "anchors past that point are not checked"))
        for what, detail in scan.active:
            report.problems.append(CheckProblem(page=scan.page, kind="script", href=detail,
                                                file=file, message=what))
        report.urls += scan.urls
        external.update(scan.external)
        for kind, tag, url in scan.missing:
            report.problems.append(CheckProblem(
                page=scan.page, kind=kind, href=url, file=file,
                message=f"<{tag}> points to a missing "
                        f"{'page' if tag in ('a', 'area') else 'file'}"))
        for url, target, fragment, is_cite in scan.fragments:
            if not target.endswith((".html", ".htm")):
                continue  # a PDF's or an image's fragment is not an id of ours to check
            where = "this page" if target == scan.page else target
            element, directives = text_directives(fragment) if _DIRECTIVE in fragment \
                else (fragment, [])
            target_ids = ids.get(target)
            if target_ids is None:
                target_ids = ids[target] = read_ids(site, target)
            if (element or not directives) and not has_anchor(target_ids, element):
                report.problems.append(CheckProblem(
                    page=scan.page, kind="citation" if is_cite else "anchor", href=url,
                    file=file, message=f"no element with id '{unquote(element)}' on {where}"))
            for directive in directives:
                if target not in texts:
                    texts[target] = read_page_text(site, target)
                if not text_found(texts[target] or "", directive):
                    shown = ", ".join(p for p in directive if p)
                    report.problems.append(CheckProblem(
                        page=scan.page, kind="text-fragment", href=url, file=file,
                        message=f"text fragment not found on {where}: \u201c{shown}\u201d"))
    report.external = sorted(external)


def check_external(urls: Iterable[str], scans: Sequence[PageScan], report: Report, *,
                   concurrency: int, timeout: float, retries: int) -> None:
    """Fetch external URLs (deduplicated, each within ``timeout`` s) and report the failures."""
    report.problems.extend(
        CheckProblem(page=f.page, kind="external", href=f.url, message=f.message)
        for f in fetch_external(urls, scans, concurrency=concurrency, timeout=timeout,
                                retries=retries))
    report.online = True
