"""Long generated pages (the Review page, the sources index, the chronology) are split into an
overview and stable parts; every link still resolves and a dirty build equals a full one."""

from __future__ import annotations

import json
import logging
import random
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from bookkit import write_book
from briefbook.analyse.review import ReviewItem, ranked
from briefbook.check.checker import check_site
from briefbook.core.model import Book, Paragraph, Source
from briefbook.render import eventpages
from briefbook.render import review as review_render
from briefbook.render import sources as sources_render
from briefbook.render.parts import is_cut, stable_parts
from briefbook.render.review import REVIEW_PAGE, render_review, render_review_pages
from briefbook.render.sources import SOURCES_INDEX, render_sources_index, render_sources_pages
from briefbook.site.plugin import _listed_by_index


def _ids(rng: random.Random, n: int) -> list[str]:
    words = ("harbour", "tribune", "gazette", "courier", "wire", "post", "zeitung", "ledger")
    return sorted({f"{rng.choice(words)}-{rng.randint(1990, 2030)}-{rng.randint(1, 9999):04d}"
                   for _ in range(n)})


def _small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split thresholds small enough for a book of a dozen articles."""
    monkeypatch.setattr(review_render, "REVIEW_SPLIT_FROM", 5)
    monkeypatch.setattr(review_render, "REVIEW_PART_SOURCES", 3)
    monkeypatch.setattr(sources_render, "SOURCES_SPLIT_FROM", 5)
    monkeypatch.setattr(sources_render, "SOURCES_PART_SIZE", 4)
    monkeypatch.setattr(eventpages, "CHRONOLOGY_SPLIT_FROM", 3)


@pytest.mark.parametrize("seed", range(5))
def test_adding_a_key_changes_only_the_parts_of_its_own_run(seed: int) -> None:
    rng = random.Random(seed)
    keys = _ids(rng, 300)
    before = {p.name: p.keys for p in stable_parts(keys, 8)}
    assert sorted(k for part in before.values() for k in part) == keys
    assert max(len(k) for k in before.values()) <= 16
    for new in _ids(rng, 20):
        if new in keys:
            continue
        after = {p.name: p.keys for p in stable_parts([*keys, new], 8)}
        changed = {n for n in set(before) | set(after) if before.get(n) != after.get(n)}
        holding = next(n for n, k in after.items() if new in k)
        assert holding in changed
        # the old run between the cuts by digest around the new key (the new key may cut it
        # in two): nothing outside it changes
        everything = sorted([*keys, new])
        at = everything.index(new)
        start = max((i + 1 for i in range(at) if is_cut(everything[i], 8)), default=0)
        end = next((i for i in range(at + 1, len(everything)) if is_cut(everything[i], 8)),
                   len(everything) - 1)
        run = set(everything[start:end + 1])
        for name in changed:
            assert set(before.get(name, ())) | set(after.get(name, ())) <= run, (new, name)
        if len(run) <= 16:  # a short run: one part changes (or splits in two)
            assert len(changed) <= 2


def test_parts_are_independent_of_input_order() -> None:
    keys = _ids(random.Random(7), 200)
    shuffled = keys[:]
    random.Random(8).shuffle(shuffled)
    assert stable_parts(keys, 5) == stable_parts(shuffled, 5)
    assert stable_parts([], 5) == []
    assert all(len(p.keys) == 1 for p in stable_parts(keys, 1))


def _items(sources: list[str], per: int = 3) -> list[ReviewItem]:
    items = [ReviewItem(kind="unattributed-quote", text=f"“Quoted words {n}” in {s}", source=s,
                        paragraph=n + 1, affects="speaker", confidence=0.6)
             for s in sources for n in range(per)]
    items.append(ReviewItem(kind="near-miss", text="“Smyth” and “Smith”", affects="profile"))
    return items


def test_below_the_threshold_the_page_is_one_page() -> None:
    items = _items(["a-1", "b-2"])
    pages = render_review_pages(items, split_from=len(items) + 1)
    assert pages == {REVIEW_PAGE: render_review(items)}


def test_above_the_threshold_every_source_is_on_exactly_one_listed_part() -> None:
    sources = _ids(random.Random(3), 40)
    items = ranked(_items(sources))
    pages = render_review_pages(items, split_from=10, every=4, stale=["unknown:key"])
    overview = pages.pop(REVIEW_PAGE)
    assert pages, "no parts"
    for source in sources:
        holding = [p for p, text in pages.items() if f"{{#review-{source}}}" in text]
        assert len(holding) == 1, source
        # the overview lists the part, and keeps the old anchor as a link to the section
        assert f"]({holding[0]})" in overview
        assert f'id="review-{source}"' in overview
    for path, text in pages.items():
        assert path.startswith("review/") and text.startswith("---\ntitle:")
        assert "(../sources/" in text and "](../review.md)" in text
    assert "{#review-book}" in overview and "Smyth" in overview
    assert "{#review-stale}" in overview
    assert sum(t.count("<br>key `") for t in pages.values()) == len(items) - 1
    # the same items found in another order give the same pages
    again = render_review_pages(ranked(list(reversed(items))), split_from=10, every=4,
                                stale=["unknown:key"])
    assert again == {REVIEW_PAGE: overview, **pages}


def _book(ids: list[str]) -> Book:
    return Book(root="x", sources=tuple(
        Source(id=i, file=f"{i}.txt", sha256="", size=0, date=f"20{n % 30:02d}-01-0{n % 9 + 1}",
               paragraphs=(Paragraph(number=1, text="Text.", line=1),))
        for n, i in enumerate(ids)))


def test_a_small_sources_index_is_one_page() -> None:
    book = _book(["a-1", "b-2", "c-3"])
    assert render_sources_pages(book, cited_by={}) == {
        SOURCES_INDEX: render_sources_index(book, cited_by={})}


def test_a_large_sources_index_lists_parts_holding_every_source_once() -> None:
    ids = _ids(random.Random(5), 60)
    pages = render_sources_pages(_book(ids), cited_by={}, split_from=10, every=6)
    overview = pages.pop(SOURCES_INDEX)
    assert len(pages) >= 3
    for source in ids:
        holding = [p for p, text in pages.items() if f"<code>{source}</code>" in text]
        assert len(holding) == 1, source
        # a part's link to the source page climbs out of sources/index/<part>/
        assert f'href="../../{source}/"' in pages[holding[0]]
    for path in pages:
        name = path.removeprefix("sources/index/").removesuffix(".md")
        assert f'href="index/{name}/"' in overview
        assert _listed_by_index(path, {**pages, SOURCES_INDEX: overview})
    assert _listed_by_index("review/through-x.md", {"review.md": "", "review/through-x.md": ""})
    assert not _listed_by_index("review.md", {"review.md": ""})


_ARTICLE = """{title}

"We will not sign this agreement," said {name}, the {role} of the {org}, on {day} March {year}.

"Nobody asked us," a spokesman replied.

{name} met officials of the {org} in {place} on {day} April {year}. "It was a long day," {name}
told reporters.
"""


def _articles(n: int) -> dict[str, str]:
    rng = random.Random(11)
    names = ("Ilse Vargas", "Tomasz Oyelaran", "Mireille Duchamp", "Kwame Asante",
             "Sigrid Halvorsen", "Ana Lúcia Prado")
    out = {}
    for i in range(n):
        out[f"wire-{i:03d}.txt"] = _ARTICLE.format(
            title=f"Talks in {rng.choice(['Ghent', 'Kumasi', 'Bergen', 'Recife'])} stall {i}",
            name=rng.choice(names), role=rng.choice(["chair", "treasurer", "spokesperson"]),
            org=rng.choice(["Dockers' Guild", "Harbour Board", "Pilots' Union"]),
            place=rng.choice(["Ghent", "Kumasi"]), day=rng.randint(1, 28),
            year=2003 + i % 3)
    return out


@pytest.fixture(autouse=True)
def fresh_plugins() -> object:
    """MkDocs keeps a plugin with ``on_startup`` for the whole process (``mkdocs serve``):
    forget it around each test, so that each build here starts as a new process would."""
    MkDocsConfig.plugins.plugin_cache.clear()
    yield
    MkDocsConfig.plugins.plugin_cache.clear()


def _rows(root: Path) -> dict[str, str]:
    """The sources index's rows by source id, from the files backing its parts."""
    rows = {}
    for part in (root / ".cache").rglob("index/*.md"):
        for row in re.findall(r"<tr><td>.*?</tr>", part.read_text("utf-8")):
            found = re.search(r"<code>([^<]+)</code>", row)
            assert found is not None
            rows[found.group(1)] = row
    return rows


def _build(root: Path, site: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)


def test_a_split_review_builds_strictly_and_every_link_resolves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    _small_thresholds(monkeypatch)
    articles = _articles(12)
    first = sorted(articles)[0].removesuffix(".txt")
    # a hand-written page links a source's section and a year by their old anchors
    root = write_book(tmp_path / "book", articles, docs={
        "notes.md": f"# Notes\n\nSee [the review of {first}](review.md#review-{first}), "
                    "[2004](chronology.md#year-2004) and "
                    f"the source.[@{first}, ¶ 2]\n"})
    site = tmp_path / "site"
    _build(root, site)
    parts = sorted((site / "review").glob("*/index.html"))
    assert len(parts) >= 2, "the review was not split"
    overview = (site / "review" / "index.html").read_text("utf-8")
    for part in parts:
        assert f'href="{part.parent.name}/"' in overview
        assert "Review: source" in part.read_text("utf-8")
    # the old anchor is on the overview and leads to the part holding the section
    found = re.search(rf'id="review-{first}" href="([^"]+)"', overview)
    assert found is not None
    target, _, anchor = found.group(1).partition("#")
    part = (site / "review" / target / "index.html").resolve()
    assert f'id="{anchor}"' in part.read_text("utf-8")
    index_parts = sorted((site / "sources" / "index").glob("*/index.html"))
    assert len(index_parts) >= 2, "the sources index was not split"
    listed = sum(part.read_text("utf-8").count("<tr><td>") for part in index_parts)
    assert listed == len(articles)
    # the chronology: a page per year; every event's old anchor on the overview leads to it
    years = sorted((site / "chronology").glob("*/index.html"))
    assert [y.parent.name for y in years] == ["2003", "2004", "2005"]
    overview = (site / "chronology" / "index.html").read_text("utf-8")
    records = json.loads((site / "data" / "chronology.json").read_text("utf-8"))
    assert records
    for record in records:
        page, _, anchor = record["url"].partition("#")
        year = page.strip("/").rsplit("/", 1)[-1]
        assert page.startswith("chronology/") and year in {y.parent.name for y in years}
        held = (site / "chronology" / year / "index.html").read_text("utf-8")
        assert held.count(f"id='{anchor}'") + held.count(f'id="{anchor}"') == 1
        assert f"id='{anchor}'" in overview or f'id="{anchor}"' in overview
    # a citation on a year page is listed on its source page, linking the event there
    cited = "".join(p.read_text("utf-8") for p in (site / "sources").glob("wire-*/index.html"))
    assert re.search(r'href="\.\./\.\./chronology/200[345]/#event-', cited)
    report = check_site(site)
    assert [str(p) for p in report.problems] == []
    # the print view holds every part, after the pages of the navigation
    printed = (site / "print.html").read_text("utf-8")
    for part in parts:
        title = re.search(r"<h1[^>]*>(Review: [^<]+)", part.read_text("utf-8"))
        assert title is not None and title.group(1) in printed


def test_a_dirty_build_after_an_added_article_matches_a_full_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    _small_thresholds(monkeypatch)
    root = write_book(tmp_path / "book", _articles(10))
    served = tmp_path / "served"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    parts_before = {p: p.stat().st_mtime_ns for p in (root / ".cache").rglob("*.md")
                    if p.parent.name in ("review", "index")}
    rows_before = _rows(root)
    assert len([p for p in parts_before if p.parent.name == "review"]) >= 2
    (root / "briefing" / "sources" / "wire-zzz.txt").write_text(
        _ARTICLE.format(title="A late report", name="Odile Marchetti", role="chair",
                        org="Harbour Board", place="Ghent", day=9, year=2004), "utf-8")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(served)), dirty=True)
    parts_after = {p: p.stat().st_mtime_ns for p in (root / ".cache").rglob("*.md")
                   if p.parent.name in ("review", "index")}
    rewritten = {p for p in parts_after if parts_before.get(p) != parts_after[p]
                 and p.parent.name == "review"}
    assert len(rewritten) <= 2, rewritten  # the part taking the new source (or its split)
    # an index part is rewritten only when one of its rows changed (the new source's, or a
    # source whose times cited changed: the new article's events merge with others')
    rows_after = _rows(root)
    changed_rows = {sid for sid in rows_after if rows_before.get(sid) != rows_after[sid]}
    assert "wire-zzz" in changed_rows and len(changed_rows) < len(rows_after)
    for path, stamp in parts_after.items():
        if path.parent.name == "index" and parts_before.get(path) != stamp:
            assert any(f"<code>{sid}</code>" in path.read_text("utf-8") for sid in changed_rows)
    full = tmp_path / "full"
    MkDocsConfig.plugins.plugin_cache.clear()  # a clean build, as in its own process
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(full)))
    files = {p.relative_to(full).as_posix(): p.read_bytes() for p in full.rglob("*")
             if p.is_file()}
    served_files = {p.relative_to(served).as_posix(): p.read_bytes() for p in served.rglob("*")
                    if p.is_file()}
    assert sorted(set(files) ^ set(served_files)) == []
    assert sorted(p for p in files if files[p] != served_files[p]) == []
