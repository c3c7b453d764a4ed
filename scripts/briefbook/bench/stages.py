"""``briefbook bench``: how long each stage takes on books of 5, 200 and 2,000 articles.

A benchmark, not a test. Each size is measured in fresh processes (so nothing is warm and peak
memory belongs to that size alone):

- **stages**: ``load`` (:func:`briefbook.read.book.load_book`), ``analyse`` (every cached property
  of :class:`~briefbook.analyse.annotations.Annotations`), ``render``
  (:func:`briefbook.render.pages.build_pages`);
- **build**: the real MkDocs build through its Python API; the plugin's hooks and the citation
  extension's processors (which run inside MkDocs' Markdown conversion of each page) are timed
  as ours, and MkDocs' own work is the whole build minus those;
- **check**: :func:`briefbook.check.checker.check_site` on the built site;
- **incremental**: the same plugin instance rebuilds (as ``mkdocs serve`` does) after one
  hand-written page is edited and after one article is added.

Peak memory is the peak resident set size (``resource.getrusage`` ``ru_maxrss``) of the process
that ran the stage, so it includes the interpreter and MkDocs. Books other than the
repository's are made under a temporary folder with :func:`briefbook.ingest.scaffold.new_book`;
their
articles are symbolic links to a corpus (``../shared/corpora/bbc`` when it exists, never
copied), else generated deterministically.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent

from briefbook.analyse.annotations import Annotations
from briefbook.bench.serve import serve_loop
from briefbook.check.checker import check_site
from briefbook.core import cache
from briefbook.core.errors import ToolError
from briefbook.ingest.scaffold import new_book
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.mdext import PROCESSORS
from briefbook.render.pages import build_pages
from briefbook.site.plugin import BriefbookPlugin

#: Where the shared benchmark corpus lives, relative to the repository.
SHARED_CORPUS = Path("..") / "shared" / "corpora" / "bbc"
STAGES = ("load", "analyse", "render", "mkdocs", "build", "check")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_WORDS = ("the government said on officials would report talks market plans new year growth "
          "minister agreed vote company shares club match season film award record deal "
          "council budget figures rise fall week after before during strong weak called").split()
_NAMES = ("Alice Moreno", "Bram Okafor", "Chen Li", "Dana Whitfield", "Emil Novak",
          "Farah Haddad", "Goran Petrov", "Hana Sato", "Ivo Berg", "Jun Park")
_PLACES = ("Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Perth", "Accra", "Oslo")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def generated_article(index: int) -> str:
    """A deterministic pseudo-random article: title, blank line, paragraphs.

    It has what the analysis stages look for: names, places, quotations with a speaker and
    date phrases, in plain-text layout like the shared corpus.
    """
    rng = random.Random(index)

    def sentence() -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
        return " ".join(words).capitalize() + "."

    title = f"{rng.choice(_PLACES)} {rng.choice(_WORDS)} {rng.choice(_WORDS)} {index}"
    paras = []
    for _ in range(rng.randint(6, 14)):
        kind = rng.random()
        name, place = rng.choice(_NAMES), rng.choice(_PLACES)
        if kind < 0.3:
            text = (f'"{sentence()[:-1]}," {name} said in {place} on '
                    f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2001, 2006)}.")
        elif kind < 0.5:
            text = f"{name} met officials in {place} last Tuesday. {sentence()}"
        else:
            text = " ".join(sentence() for _ in range(rng.randint(1, 4)))
        paras.append(text)
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def corpus_files(corpus: Path | None, n: int, scratch: Path) -> list[Path]:
    """``n`` article files: spread evenly over ``corpus`` (sorted), else generated ones."""
    if corpus is not None:
        files = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix == ".txt")
        if n > len(files):
            raise ToolError(f"{corpus} has {len(files)} articles, fewer than {n}")
        return [files[i * len(files) // n] for i in range(n)]
    folder = scratch / "generated"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"article-{i:05d}.txt"
        if not path.exists():
            path.write_text(generated_article(i), encoding="utf-8")
        out.append(path)
    return out


def make_book(scratch: Path, files: list[Path], name: str) -> Path:
    """A new book under ``scratch`` whose sources link to ``files``; returns its mkdocs.yml."""
    root = scratch / name
    if root.exists():
        shutil.rmtree(root)
    new_book(root, title=f"Benchmark: {len(files)} articles")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "    - navigation.indexes\n", "    - navigation.indexes\n    - navigation.prune\n")
    config.write_text(text, "utf-8")
    for path in files:
        (root / "briefing" / "sources" / path.name).symlink_to(path.resolve())
    return config


def copy_book(config: Path, scratch: Path) -> Path:
    """A copy of a book that may be edited (docs and briefing copied, the rest linked)."""
    root = scratch / "book-copy"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    skip = {".git", ".venv", "site", ".cache", "node_modules"}
    for entry in sorted(config.parent.iterdir()):
        if entry.name in skip:
            continue
        if entry.name in ("docs", "briefing") or entry == config:
            if entry.is_dir():
                shutil.copytree(entry, root / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, root / entry.name)
        else:
            (root / entry.name).symlink_to(entry.resolve())
    return root / config.name


def _quiet_logs() -> list[logging.LogRecord]:
    """Silence MkDocs' console output but keep its warnings (counted by the caller)."""
    warnings: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record)

    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    keep = Keep(level=logging.WARNING)
    logger.addHandler(keep)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return warnings


def _plugin_config(config_file: Path) -> Any:

    return load_config(str(config_file), site_dir=tempfile.mkdtemp(prefix="bb-bench-site-"))


def phase_stages(spec: dict[str, Any]) -> dict[str, Any]:
    """Load, analyse and render outside MkDocs, with the cache in memory only (cold)."""
    cache.configure(None)
    _quiet_logs()
    config = _plugin_config(Path(spec["config"]))
    plugin = config.plugins["briefbook"]
    root = Path(config.config_file_path).parent / plugin.config.briefing
    docs = Path(config.docs_dir)
    handwritten = {p.relative_to(docs).as_posix(): p.read_text("utf-8")
                   for p in sorted(docs.rglob("*.md"))}
    shutil.rmtree(config.site_dir, ignore_errors=True)
    out: dict[str, Any] = {}
    start = time.perf_counter()
    book = load_book(root, extra_boilerplate=plugin.config.boilerplate)
    out["load"] = {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    out["sources"] = len(book.sources)
    out["paragraphs"] = sum(len(s.paragraphs) for s in book.sources)
    annotations = Annotations(book)
    parts: dict[str, float] = {}
    start = time.perf_counter()
    for name, attr in vars(Annotations).items():
        if isinstance(attr, cached_property):
            began = time.perf_counter()
            getattr(annotations, name)
            parts[name] = time.perf_counter() - began
    out["analyse"] = {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(),
                      "parts": parts}
    start = time.perf_counter()
    built = build_pages(book, handwritten, Settings(directory_urls=config.use_directory_urls),
                        annotations=annotations)
    out["render"] = {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    out["pages"] = len(built.pages) + len(handwritten)
    out["largest_page_kb"] = max((len(m) for m in built.pages.values()), default=0) / 1024
    return out


def _timed(function: Callable[..., Any], name: str,
           timings: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps MkDocs' event priority attribute
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - began
    return timed


def _time_hooks(plugin_class: type, timings: dict[str, float]) -> None:
    for name in [n for n in vars(plugin_class) if n.startswith("on_") and n != "on_serve"]:
        original = getattr(plugin_class, name)
        if isinstance(original, CombinedEvent):
            setattr(plugin_class, name, CombinedEvent(
                *[_timed(method, name, timings) for method in original.methods]))
        else:
            setattr(plugin_class, name, _timed(original, name, timings))


def _time_extension(timings: dict[str, float]) -> None:
    """Time the citation extension's processors (ours, though MkDocs' Markdown calls them)."""
    for cls, method in PROCESSORS:
        setattr(cls, method, _timed(getattr(cls, method), "citation extension", timings))


def _build_once(config_file: Path, site_dir: str, timings: dict[str, float]) -> float:

    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=site_dir, strict=False)
    build(config)
    return time.perf_counter() - start


def phase_build(spec: dict[str, Any]) -> dict[str, Any]:
    """The whole MkDocs build (non-strict; warnings counted), our hooks timed inside it."""
    cache.configure(None)
    warnings = _quiet_logs()
    timings: dict[str, float] = {}
    _time_hooks(BriefbookPlugin, timings)
    _time_extension(timings)
    site = spec["site"]
    total = _build_once(Path(spec["config"]), site, timings)
    ours = sum(timings.values())
    return {"build": {"seconds": total, "peak_mb": _peak_mb(), "hooks": timings},
            "mkdocs": {"seconds": total - ours},
            "ours_in_build": ours,
            "warnings": [r.getMessage().splitlines()[0][:200] for r in warnings]}


def phase_check(spec: dict[str, Any]) -> dict[str, Any]:
    """``briefbook check`` on the site the build phase wrote."""
    start = time.perf_counter()
    report = check_site(Path(spec["site"]))
    return {"check": {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(),
                      "problems": len(report.problems), "pages": report.pages}}


def phase_incremental(spec: dict[str, Any]) -> dict[str, Any]:
    """Rebuild with the same plugin instance after editing a page and adding an article."""
    _quiet_logs()
    timings: dict[str, float] = {}
    _time_hooks(BriefbookPlugin, timings)
    _time_extension(timings)
    config_file = Path(spec["config"])
    site = tempfile.mkdtemp(prefix="bb-bench-inc-")
    config = load_config(str(config_file))
    root = Path(config.config_file_path).parent
    briefing = root / config.plugins["briefbook"].config.briefing
    shutil.rmtree(root / ".cache", ignore_errors=True)
    out: dict[str, Any] = {"first": _build_once(config_file, site, timings)}
    out["unchanged"] = _build_once(config_file, site, timings)
    page = Path(config.docs_dir) / "index.md"
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\nAn edited paragraph, added by the benchmark.\n")
    timings.clear()
    out["edit_page"] = _build_once(config_file, site, timings)
    out["edit_page_ours"] = sum(timings.values())
    (briefing / "sources" / "zz-bench-added.txt").write_text(
        generated_article(10**6), encoding="utf-8")
    timings.clear()
    out["add_article"] = _build_once(config_file, site, timings)
    out["add_article_ours"] = sum(timings.values())
    shutil.rmtree(site, ignore_errors=True)
    return {"incremental": out}


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "stages": phase_stages, "build": phase_build, "check": phase_check,
    "incremental": phase_incremental,
}


def run_phase(phase: str, spec: dict[str, Any]) -> dict[str, Any]:
    """Run one phase in a fresh Python process; add its wall time and peak RSS."""
    cmd = [sys.executable, "-m", "briefbook.bench", phase, json.dumps(spec)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    _, _, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
    if proc.returncode != 0:
        raise ToolError(f"bench phase {phase} failed:\n{stderr.decode()[-3000:]}")
    result = json.loads(stdout.decode().strip().splitlines()[-1])
    result["process"] = {"seconds": wall,
                         "peak_mb": usage.ru_maxrss / 1024 if usage else None}
    return result


def measure(label: str, config: Path, *, incremental: bool,
            articles: Sequence[Path] = (), dirty: bool = True) -> dict[str, Any]:
    """Every phase for one book; the merged figures.

    ``articles`` and ``dirty`` go to :func:`serve_loop` (``dirty``: ``mkdocs serve --dirty``,
    what ``make serve`` runs; the mode is recorded as ``serve["dirty"]``).
    """
    site = tempfile.mkdtemp(prefix="bb-bench-site-")
    try:
        result: dict[str, Any] = {"book": label}
        result.update(run_phase("stages", {"config": str(config)}))
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        build = run_phase("build", {"config": str(config), "site": site})
        result.update({k: v for k, v in build.items() if k != "process"})
        result["build"]["process_seconds"] = build["process"]["seconds"]
        result.update({k: v for k, v in run_phase(
            "check", {"site": site}).items() if k != "process"})
        warm = run_phase("build", {"config": str(config), "site": site})
        result["build_warm"] = {**warm["build"], "ours": warm["ours_in_build"],
                                "mkdocs": warm["mkdocs"]["seconds"]}
        if incremental:
            result.update({k: v for k, v in run_phase(
                "incremental", {"config": str(config)}).items() if k != "process"})
            result["serve"] = {**serve_loop(config, articles=articles, dirty=dirty),
                               "dirty": dirty}
    finally:
        shutil.rmtree(site, ignore_errors=True)
    ours = sum(result[s]["seconds"] for s in ("load", "analyse", "render"))
    n = max(result["sources"], 1)
    result["ours"] = ours
    result["per_article_ms"] = {s: 1000 * result[s]["seconds"] / n
                                for s in ("load", "analyse", "render", "mkdocs", "build")}
    result["ratio_ours_to_mkdocs"] = result["ours_in_build"] / max(result["mkdocs"]["seconds"],
                                                                   1e-9)
    result["share_of_build"] = result["ours_in_build"] / max(result["build"]["seconds"], 1e-9)
    result["peak_mb"] = max(result[s]["peak_mb"] for s in ("analyse", "render", "build",
                                                          "check"))
    return result


def format_table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table, one row per book and stage."""
    lines = ["| Book | Stage | Wall time (s) | Peak RSS (MB) | Articles/s | ms/article |",
             "|---|---|--:|--:|--:|--:|"]
    for r in results:
        n = r["sources"]
        for stage in STAGES:
            seconds = r[stage]["seconds"]
            peak = r[stage].get("peak_mb")
            rate = n / seconds if seconds > 0 else float("inf")
            lines.append(f"| {r['book']} ({n}) | {stage} | {seconds:.2f} | "
                         f"{'' if peak is None else f'{peak:.0f}'} | {rate:,.0f} | "
                         f"{1000 * seconds / max(n, 1):.2f} |")
        warm = r.get("build_warm")
        if warm:
            lines.append(f"| {r['book']} ({n}) | build, warm cache | {warm['seconds']:.2f} | "
                         f"{warm['peak_mb']:.0f} | {n / warm['seconds']:,.0f} | "
                         f"{1000 * warm['seconds'] / max(n, 1):.2f} |")
    lines += ["", "| Book | load+analyse+render (s) | our hooks in build (s) | share of build | "
                  "ours : MkDocs | ours in build, warm cache (s) | warnings | "
                  "edit page → rebuild (s) | add article → rebuild (s) | "
                  "serve: edit → page served (s, median) | serve: add → page served (s) | "
                  "serve mode |",
              "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
    nan = float("nan")
    for r in results:
        inc = r.get("incremental", {})
        warm_ours = r.get("build_warm", {}).get("ours", nan)
        lines.append(
            f"| {r['book']} ({r['sources']}) | {r['ours']:.2f} | {r['ours_in_build']:.2f} | "
            f"{100 * r['share_of_build']:.1f} % | {r['ratio_ours_to_mkdocs']:.2f} | "
            f"{warm_ours:.2f} | {len(r['warnings'])} | {inc.get('edit_page', nan):.2f} "
            f"(ours {inc.get('edit_page_ours', nan):.2f}) | {inc.get('add_article', nan):.2f} "
            f"(ours {inc.get('add_article_ours', nan):.2f}) | "
            f"{r.get('serve', {}).get('edit_page', {}).get('median', nan):.2f} | "
            f"{r.get('serve', {}).get('add_article', {}).get('median', nan):.2f} | "
            f"{_serve_mode(r.get('serve'))} |")
    return "\n".join(lines)


def _serve_mode(serve: dict[str, Any] | None) -> str:
    """How the serve loop ran: ``--dirty``, ``plain`` or ``—`` (not run)."""
    if not serve:
        return "—"
    return "--dirty" if serve.get("dirty", True) else "plain"


def machine() -> dict[str, Any]:
    """CPU count and model, memory and load, for the report."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"cpus": os.cpu_count(), "cpu_model": model, "python": sys.version.split()[0],
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
