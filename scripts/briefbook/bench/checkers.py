"""``briefbook bench check``: compare ``briefbook check`` with established link checkers.

On two built sites (the book, and a large book built from a folder of articles), plant the
same breakage in a copy of each, run every checker that is installed, and measure wall time,
peak memory (``/usr/bin/time -v``), exit code and recall on the planted breakage, plus the
valid "controls" each checker wrongly flags (false positives). External checkers are optional
and never needed by the tests; how to install them is in ``docs/performance-check.md``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from briefbook.check.citing import html_of as _html_of
from briefbook.check.sitefiles import html_pages
from briefbook.core.errors import ToolError
from briefbook.ingest.scaffold import new_book
from briefbook.read.book import load_book
from briefbook.read.sources import source_id_for

#: Per-checker time limit in seconds.
TIMEOUT = 15 * 60
_WORD_RE = re.compile(r"^[A-Za-z][A-Za-z'-]*[A-Za-z,.]?$")


@dataclass(frozen=True, kw_only=True)
class Plant:
    """One planted item: broken (should be reported) or a valid control (should not be)."""

    kind: str
    page: str
    token: str
    broken: bool = True


@dataclass(kw_only=True)
class Run:
    """One checker's run on one site."""

    checker: str
    site: str
    seconds: float | None
    peak_mb: float | None
    exit_code: int | None
    found: int
    planted: int
    controls_flagged: int
    note: str = ""
    missed: tuple[str, ...] = ()


def _quote_words(text: str, n: int = 7) -> str | None:
    words = text.split()
    for start in range(0, max(1, len(words) - n)):
        chunk = words[start:start + n]
        if len(chunk) == n and all(_WORD_RE.match(w) for w in chunk):
            return " ".join(chunk).rstrip(",.")
    return None


def cited_page(root: Path, count: int = 60) -> str:
    """A hand-written page citing ``count`` sources, each with a verbatim quotation."""
    book = load_book(root / "briefing")
    lines = ["# Cited passages", "", "Quotations from the corpus, each cited.", ""]
    for source in book.sources[:: max(1, len(book.sources) // count)][:count]:
        for para in source.paragraphs[1:]:
            quote = None if para.boilerplate else _quote_words(para.text)
            if quote:
                lines.append(f"- The article says \u201c{quote}\u201d "
                             f"[@{source.id}, \u00b6 {para.number}].")
                break
    return "\n".join(lines) + "\n"


def prepare_corpus_book(work: Path, corpus: Path | None, pages: int) -> Path:
    """A book under ``work`` with the corpus' articles (or generated ones) and a cited page."""
    root = work / "corpus-book"
    if root.exists():
        shutil.rmtree(root)
    new_book(root, title="Benchmark corpus")
    target = root / "briefing" / "sources"
    if corpus is not None and corpus.is_dir():
        for path in sorted(corpus.glob("*.txt"))[:pages]:
            shutil.copyfile(path, target / path.name)
    else:
        for i in range(pages):
            body = "\n\n".join(
                f"Paragraph {p} of generated article {i} says the committee met on day {p} "
                f"and agreed on item {i * 7 + p} after a long debate." for p in range(1, 9))
            (target / f"generated-{i:04d}.txt").write_text(body + "\n", "utf-8")
    (root / "docs" / "cited.md").write_text(cited_page(root), "utf-8")
    return root


def mkdocs_build(config: Path, site: Path, *, strict: bool = True) -> tuple[float, str, int]:
    """Build with MkDocs; return seconds, log and exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d",
                           str(site), *(["--strict"] if strict else [])],
                          capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - started, done.stdout + done.stderr, done.returncode


def _insert(path: Path, html: str) -> None:
    text = path.read_text("utf-8")
    at = text.rfind("</article>")
    at = at if at >= 0 else text.rfind("</body>")
    path.write_text(text[:at] + html + text[at:], "utf-8")


def plant(site: Path) -> list[Plant]:
    """Plant every kind of breakage (and valid controls) into the built ``site``."""
    pages = [p for p in html_pages(site) if p.endswith("/index.html") and p.count("/") == 1
             and not p.startswith(("sources/", "assets/", "search/"))]
    page = pages[0] if pages else "index.html"
    depth = "../" * page.count("/")
    sources = site / "sources" / "index.html"
    plants: list[Plant] = []
    html = [
        f'<p><a href="{depth}bbx-missing-page/">missing page</a>',
        f'<a href="{depth}index.html#bbx-anchor-other">other page</a>',
        '<a href="#bbx-anchor-same">same page</a>',
        f'<a href="{depth}sources#bbx-dir-frag">directory URL with fragment</a>',
        '<a href="#bbx-colon:gone">missing id with colon</a>',
        '<a href="#bbx-pct-%C3%A9t%C3%A9">percent-encoded missing</a>',
        '<span id="bbok-colon:here"></span><a href="#bbok-colon:here">colon ok</a>',
        '<span id="bbok-pct-\u00e9t\u00e9"></span><a href="#bbok-pct-%C3%A9t%C3%A9">pct ok</a>',
        f'<a href="{depth}sources#bbok-dirfrag">directory URL ok</a></p>',
    ]
    _insert(site / page, "".join(html))
    _insert(sources, '<span id="bbok-dirfrag"></span>')
    plants += [Plant(kind="missing page", page=page, token="bbx-missing-page"),
               Plant(kind="missing anchor, other page", page=page, token="bbx-anchor-other"),
               Plant(kind="missing anchor, same page", page=page, token="bbx-anchor-same"),
               Plant(kind="directory URL with fragment", page=page, token="bbx-dir-frag"),
               Plant(kind="id containing ':'", page=page, token="bbx-colon"),
               Plant(kind="percent-encoded fragment", page=page, token="bbx-pct"),
               Plant(kind="control: id with ':'", page=page, token="bbok-colon",
                     broken=False),
               Plant(kind="control: percent-encoded id", page=page, token="bbok-pct",
                     broken=False),
               Plant(kind="control: directory URL", page=page, token="bbok-dirfrag",
                     broken=False)]
    plants += _plant_citations(site)
    return plants


def _plant_citations(site: Path) -> list[Plant]:
    records = json.loads((site / "data" / "citations.json").read_text("utf-8"))
    plants: list[Plant] = []
    cited = [r for r in records if r.get("resolved") and r.get("paragraphs")]
    if cited:
        rec = cited[0]
        page = _html(site, rec["page"])
        anchor = f"{rec['source']}-p{rec['paragraphs'][0]}"
        path = site / page
        text = path.read_text("utf-8")
        new = re.sub(rf'(class="bb-cite-link" href="[^"#]*#){re.escape(anchor)}"',
                     rf'\g<1>{rec["source"]}-p9999"', text, count=1)
        if new != text:
            path.write_text(new, "utf-8")
            plants.append(Plant(kind="broken citation", page=page, token="-p9999"))
    quoted = [r for r in records if r.get("resolved") and r.get("quotes") and r.get("paragraphs")]
    if quoted:
        rec = quoted[-1]
        source_page = site / "sources" / rec["source"] / "index.html"
        quote = rec["quotes"][0]
        words = quote.split()
        text = source_page.read_text("utf-8")
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words[:3]), re.IGNORECASE)
        m = pattern.search(text)
        if m and len(words) >= 3:
            at = m.end() - len(words[2])
            source_page.write_text(text[:at] + "bbxaltered " + text[at:], "utf-8")
            plants.append(Plant(kind="altered quotation", page=_html(site, rec["page"]),
                                token=" ".join(quote.split())[:25]))
    return plants


def _html(site: Path, src: str) -> str:

    return _html_of(src, site)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def checkers(tools: Path) -> dict[str, Callable[[Path], list[str] | None]]:
    """Command lines of every checker, or ``None`` when it is not installed."""

    def which(name: str, *extra: Path) -> str | None:
        for folder in extra:
            if (folder / name).exists():
                return str(folder / name)
        return shutil.which(name)

    npm_bin = tools / "node_modules" / ".bin"
    venv_bin = tools / "venv" / "bin"
    lychee = which("lychee", venv_bin)
    proofer = which("htmlproofer")
    linkinator = which("linkinator", npm_bin)
    hyperlink = which("hyperlink", npm_bin)
    linkchecker = which("linkchecker", venv_bin)
    return {
        "briefbook check": lambda s: [sys.executable, "-c",
                                      "from briefbook.cli import main; main()", "check", str(s)],
        "lychee": lambda s: lychee and [
            lychee, "--offline", "--include-fragments", "--index-files", "index.html",
            "--root-dir", str(s.resolve()), "--no-progress", "--format", "detailed",
            f"{s}/**/*.html"],
        "html-proofer": lambda s: proofer and [
            proofer, str(s), "--disable-external", "--allow-hash-href"],
        "linkinator": lambda s: linkinator and [
            linkinator, str(s), "--recurse", "--check-fragments", "--skip",
            r"^https?://(?!localhost|127\.0\.0\.1)"],
        "hyperlink": lambda s: hyperlink and [
            hyperlink, "--root", str(s), "-r", "-i", str(s / "index.html")],
        "linkchecker": lambda s: linkchecker and ["@http", linkchecker, "--no-status",
                                                  "-f", str(_linkchecker_config(s))],
    }


def _linkchecker_config(site: Path) -> Path:
    """A linkcheckerrc enabling its anchor plugin (it is off by default)."""
    path = site.parent / f"{site.name}.linkcheckerrc"
    path.write_text("[AnchorCheck]\n", "utf-8")
    return path


def _run_timed(cmd: list[str], cwd: Path,
               limit: float = TIMEOUT) -> tuple[float | None, float | None, int | None, str]:
    server = None
    if cmd[0] == "@http":
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "-b",
                                   "127.0.0.1", "-d", str(cwd)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(1.0)
        cmd = [*cmd[1:], "--ignore-url", r"^https?://(?!127\.0\.0\.1)",
               f"http://127.0.0.1:{port}/"]
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    proc = subprocess.Popen([*timer, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=limit)
        seconds: float | None = time.perf_counter() - started
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        seconds, code = None, None
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    if peak:
        err = err[:err.rfind("\tCommand being timed")]
    return seconds, int(peak.group(1)) / 1024 if peak else None, code, out + err


def _normal(text: str) -> str:
    text = text.replace("\\n", " ").replace("%3A", ":").replace("%3a", ":")
    return " ".join(text.split())


def score(output: str, plants: list[Plant]) -> tuple[int, int, list[str]]:
    """Planted breakage found, controls flagged, and the kinds missed.

    Lines that report a passing check (TAP ``ok N``, as hyperlink prints) are ignored, and
    of linkchecker's report only the blocks with an error or a missing anchor count (its
    warnings list every anchor the page has).
    """
    if "\nURL        `" in output:  # linkchecker: only blocks with an error or a lost anchor
        blocks = [b for b in output.split("\n\n") if "Result     Error" in b or
                  re.search(r"Anchor `[^']*' \(decoded", b)]
        output = "\n".join(line for b in blocks for line in b.splitlines()
                           if line.startswith(("URL", "Real URL", "Warning", "Result")))
    text = _normal("\n".join(line for line in output.splitlines()
                             if not re.match(r"\s*ok \d+\b", line)))
    found = [p for p in plants if p.broken and _normal(p.token) in text]
    flagged = [p for p in plants if not p.broken and p.token in text]
    missed = [p.kind for p in plants if p.broken and p not in found]
    return len(found), len(flagged), missed


def run_checker(name: str, cmd: list[str] | None, site: Path, label: str,
                plants: list[Plant], log_dir: Path, limit: float = TIMEOUT) -> Run:
    """Run one checker on one planted site and score it."""
    broken = sum(p.broken for p in plants)
    if not cmd:
        return Run(checker=name, site=label, seconds=None, peak_mb=None, exit_code=None,
                   found=0, planted=broken, controls_flagged=0, note="not installed")
    seconds, peak, code, output = _run_timed(cmd, site, limit)
    (log_dir / f"{label}-{name.replace(' ', '-')}.log").write_text(output, "utf-8")
    found, flagged, missed = score(output, plants)
    return Run(checker=name, site=label, seconds=seconds, peak_mb=peak, exit_code=code,
               found=found, planted=broken, controls_flagged=flagged,
               note="timed out" if seconds is None else "", missed=tuple(missed))


def mkdocs_validation(root: Path, work: Path, label: str) -> Run:
    """MkDocs' own ``validation:`` (anchors: warn) on the same breakage planted in Markdown."""
    page = root / "docs" / "bbx-planted.md"
    records_source = next((s for s in sorted((root / "briefing" / "sources").glob("*.txt"))),
                          None)
    sid = source_id_for(records_source.name) if records_source else "none"
    page.write_text(
        "# Planted\n\n## Here {#bbok-colon:here}\n\n"
        "[a](bbx-missing-page.md) [b](index.md#bbx-anchor-other) [c](#bbx-anchor-same) "
        "[d](sources/index.md#bbx-dir-frag) [e](#bbx-colon:gone) [f](#bbx-pct-%C3%A9t%C3%A9) "
        "[ok](#bbok-colon:here)\n\n"
        f"Broken [@{sid}, \u00b6 9999].\n", "utf-8")
    plants = [Plant(kind=k, page="bbx-planted.md", token=t) for k, t in (
        ("missing page", "bbx-missing-page"), ("missing anchor, other page", "bbx-anchor-other"),
        ("missing anchor, same page", "bbx-anchor-same"),
        ("directory URL with fragment", "bbx-dir-frag"), ("id containing ':'", "bbx-colon"),
        ("percent-encoded fragment", "bbx-pct"), ("broken citation", "9999"))]
    plants.append(Plant(kind="control: id with ':'", page="bbx-planted.md", token="bbok-colon",
                        broken=False))
    try:
        seconds, log, code = mkdocs_build(root / "mkdocs.yml", work / f"{label}-mkdocs-site")
    finally:
        page.unlink()
    (work / f"{label}-mkdocs.log").write_text(log, "utf-8")
    found, flagged, missed = score(log, plants)
    return Run(checker="mkdocs build --strict (validation)", site=label, seconds=seconds,
               peak_mb=None, exit_code=code, found=found, planted=len(plants) - 1,
               controls_flagged=flagged, missed=tuple(missed),
               note="Markdown-level plants; altered quotation not planted")


def table(runs: list[Run]) -> str:
    """The results as a Markdown table."""
    rows = ["| Site | Checker | Wall time (s) | Peak memory (MB) | Exit code | Recall | "
            "Controls flagged | Missed / note |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        secs = "timed out" if r.note == "timed out" else (
            f"{r.seconds:.2f}" if r.seconds is not None else "–")
        peak = f"{r.peak_mb:.0f}" if r.peak_mb is not None else "–"
        code = "–" if r.exit_code is None else str(r.exit_code)
        recall = f"{r.found}/{r.planted}" if r.seconds is not None else "–"
        note = "; ".join([*r.missed, r.note] if r.note != "timed out" else [r.note])
        flagged = str(r.controls_flagged) if r.seconds is not None else "–"
        rows.append(f"| {r.site} | {r.checker} | {secs} | {peak} | {code} | {recall} | "
                    f"{flagged} | {note.strip('; ')} |")
    return "\n".join(rows) + "\n"


def bench_check(config: Path, corpus: Path, pages: int, work: Path, tools: Path,
                only: tuple[str, ...], reuse: bool, sites_wanted: str, limit: float,
                json_out: Path | None, echo: Callable[[str], None]) -> None:
    """Benchmark 'briefbook check' against other link checkers on planted breakage."""
    work.mkdir(parents=True, exist_ok=True)
    sites: list[tuple[str, Path, Path]] = []
    if sites_wanted in ("both", "book"):
        seconds, log, code = mkdocs_build(config, work / "book-site")
        if code != 0:
            raise ToolError(f"the book does not build:\n{log[-2000:]}")
        echo(f"book built in {seconds:.1f} s")
        sites.append(("book", work / "book-site", config.parent))
    root = work / "corpus-book"
    if sites_wanted == "book":
        pass
    elif reuse and (work / "corpus-site" / "index.html").is_file() and root.is_dir():
        echo("corpus book: reusing the site built before")
    else:
        root = prepare_corpus_book(work, corpus, pages)
        # Not strict: scraped corpora hold non-UTF-8 bytes, which are warnings.
        seconds, log, code = mkdocs_build(root / "mkdocs.yml", work / "corpus-site",
                                          strict=False)
        if code != 0:
            raise ToolError(f"the corpus book does not build:\n{log[-2000:]}")
        echo(f"corpus book built in {seconds:.1f} s")
    if sites_wanted != "book":
        count = len(html_pages(work / "corpus-site"))
        sites.append((f"{count}-page book", work / "corpus-site", root))
    runs: list[Run] = []
    for label, site, book_root in sites:
        planted_site = work / f"planted-{label.split()[0]}-{os.getpid()}"
        if planted_site.exists():
            shutil.rmtree(planted_site)
        shutil.copytree(site, planted_site)
        plants = plant(planted_site)
        echo(f"{label}: planted {sum(p.broken for p in plants)} problems")
        for name, command in checkers(tools).items():
            if only and name not in only:
                continue
            run = run_checker(name, command(planted_site), planted_site, label.split()[0],
                              plants, work, limit)
            echo(f"  {name}: {run}")
            runs.append(run)
        if book_root == root and (not only or "mkdocs" in only):
            runs.append(mkdocs_validation(root, work, label.split()[0]))
            echo(f"  mkdocs: {runs[-1]}")
    echo(table(runs))
    if json_out:
        json_out.write_text(json.dumps([asdict(r) for r in runs], indent=2) + "\n", "utf-8")
