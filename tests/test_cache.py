"""The analysis cache: hits by content, recovery from bad entries, identical output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.analyse.annotations import Annotations
from briefbook.bench.stages import generated_article
from briefbook.cli.bench import bench
from briefbook.core import cache
from briefbook.core.cache import Cache, key_of
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.pages import build_pages


def test_hit_and_miss_by_content_key(tmp_path: Path) -> None:
    store = Cache(tmp_path / "c")
    calls: list[str] = []

    def compute(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert store.get_or_compute("ns", key_of("abc"), lambda: compute("abc")) == "ABC"
    assert store.get_or_compute("ns", key_of("abc"), lambda: compute("abc")) == "ABC"
    assert calls == ["abc"]
    assert store.get_or_compute("ns", key_of("abd"), lambda: compute("abd")) == "ABD"
    assert calls == ["abc", "abd"]
    store.flush()
    # a new process (fresh memory) reads the disk entry instead of recomputing
    again = Cache(tmp_path / "c")
    assert again.get_or_compute("ns", key_of("abc"), lambda: compute("abc")) == "ABC"
    assert calls == ["abc", "abd"] and again.hits == 1 and again.misses == 0


def test_engine_version_is_part_of_the_key(tmp_path: Path) -> None:
    old = Cache(tmp_path, version="1")
    old.get_or_compute("ns", "k", lambda: "old")
    old.flush()
    assert Cache(tmp_path, version="1").get_or_compute("ns", "k", lambda: "x") == "old"
    assert Cache(tmp_path, version="2").get_or_compute("ns", "k", lambda: "new") == "new"


def test_corrupt_entry_is_recomputed(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    store.get_or_compute("ns", "k", lambda: [1, 2, 3])
    store.flush()
    path = store.path("ns")
    assert path is not None and path.is_file()
    for damaged in (b"\x80\x04 not a pickle", path.read_bytes()[:20], b""):
        path.write_bytes(damaged)
        fresh = Cache(tmp_path)
        assert fresh.get_or_compute("ns", "k", lambda: [4]) == [4]
        assert fresh.misses == 1
        fresh.flush()
    # and the file was rewritten: a later process reads the good value
    assert Cache(tmp_path).get_or_compute("ns", "k", lambda: [5]) == [4]


def test_deleting_the_folder_is_safe(tmp_path: Path) -> None:
    store = Cache(tmp_path / "c")
    store.get_or_compute("ns", "k", lambda: "v")
    store.flush()
    shutil.rmtree(tmp_path / "c")
    again = Cache(tmp_path / "c")
    assert again.get_or_compute("ns", "k", lambda: "w") == "w"
    again.flush()
    assert (tmp_path / "c" / f"{key_of('ns')}.pickle").is_file()


def _book(root: Path) -> Path:
    sources = root / "briefing" / "sources"
    sources.mkdir(parents=True)
    for i in range(4):
        (sources / f"article-{i}.txt").write_text(generated_article(i), "utf-8")
    (sources / "ugly.txt").write_text('“Ünïcode” said Zoë O’Brien on 3 March 2005.\n\n'
                                      "Then nothing.\n", "utf-8")
    return root / "briefing"


def _render(briefing: Path) -> dict[str, str]:
    book = load_book(briefing)
    annotations = Annotations(book)
    return build_pages(book, {"index.md": "# Home\n"}, Settings(),
                       annotations=annotations).pages


def test_output_identical_with_and_without_cache(tmp_path: Path) -> None:
    briefing = _book(tmp_path)
    try:
        cache.configure(None)
        cache.active().clear_memory()
        plain = _render(briefing)
        disk = cache.configure(tmp_path / "cache")
        cold = _render(briefing)
        assert disk.misses > 0
        disk.flush()
        disk.clear_memory()
        warm = _render(briefing)
        assert disk.hits > 0
        assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
            f"{key_of(n)}.pickle" for n in ("annotations.actors", "annotations.chronology",
                                            "annotations.near_misses",
                                            "chronology.clauses", "compare.book",
                                            "data.downloads", "pages.generated",
                                            "homoglyphs.look_alikes",
                                            "mentions.source", "mentions.words",
                                            "people.names", "quotes.extracted_speakers",
                                            "quotes.source", "review.items",
                                            "source_dates.proposal"))
        assert plain == cold == warm
    finally:
        cache.configure(None)


def test_bench_reports_every_stage(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"a{i}.txt").write_text(generated_article(i), "utf-8")
    result = CliRunner().invoke(bench, ["--sizes", "6", "--corpus", str(corpus), "--json",
                                        "--no-incremental"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    (row,) = report["results"]
    assert row["sources"] == 6
    for stage in ("load", "analyse", "render", "mkdocs", "build", "check"):
        assert row[stage]["seconds"] > 0, stage  # every stage ran and was timed
    assert row["build"]["hooks"], "the plugin's hooks were not timed"
    assert report["machine"]["cpus"]


def test_a_new_process_reads_no_article_twice(tmp_path: Path, monkeypatch) -> None:
    """An article read in an earlier build comes from the disk cache, problems relocated."""
    from briefbook.read import sources

    data = "Títle line\n\n«Quoted» words, said Ana Pérez.\x07\n\nA second paragraph.\n".encode()
    try:
        store = cache.configure(tmp_path / "cache")
        sources._READ_CACHE.clear()
        first = sources.read_cached(data, "one.txt", language="en")
        assert first.problems and first.problems[0].file == "one.txt"
        store.flush()
        cache.configure(tmp_path / "cache")  # a new build process: nothing in memory
        sources._READ_CACHE.clear()

        def no_compiling(*_: object) -> object:
            raise AssertionError("the boilerplate patterns were compiled for a cached read")

        monkeypatch.setattr(sources, "compile_boilerplate", no_compiling)
        again = sources.read_cached(data, "two.txt", language="en")
        assert again.paragraphs == first.paragraphs and again.text_meta == first.text_meta
        assert [p.file for p in again.problems] == ["two.txt"]
        # other bytes are read, not served from the entry of the first
        with pytest.raises(AssertionError, match="compiled"):
            sources.read_cached(data + b"More.\n", "three.txt", language="en")
    finally:
        sources._READ_CACHE.clear()
        cache.configure(None)


def test_a_new_process_reuses_page_readings(tmp_path: Path, monkeypatch) -> None:
    """Readings and source pages kept by one process serve the first build of the next."""
    from briefbook.render import citestep
    from briefbook.render.citestep import KeptReadings

    briefing = _book(tmp_path)
    handwritten = {"index.md": "# Home\n\nSee [@article-1, ¶ 2].\n"}

    def build() -> dict[str, str]:
        book = load_book(briefing)
        return build_pages(book, handwritten, Settings(), annotations=Annotations(book),
                           kept=KeptReadings()).pages
    try:
        store = cache.configure(tmp_path / "cache")
        first = build()
        store.flush()
        cache.configure(None)
        again = cache.configure(tmp_path / "cache")  # a new process: nothing in memory
        calls: list[str] = []
        read_page = citestep.read_page
        monkeypatch.setattr(citestep, "read_page", lambda text, book, **kw: (
            calls.append(kw["path"]), read_page(text, book, **kw))[1])
        assert build() == first
        # a hand-written page whose claims are checked is read in every build (the claim
        # check reads the whole analysis); none of the generated pages is read again
        assert calls == ["index.md"] and len(first) > 10 and again.hits > 0
        # a generated page whose input changed is read again
        (briefing / "sources" / "article-3.txt").write_text(generated_article(33), "utf-8")
        calls.clear()
        build()
        assert "index.md" in calls and any(p.startswith("actors/") for p in calls)
    finally:
        cache.configure(None)


def test_a_new_process_loads_the_book_wide_analyses(tmp_path: Path, monkeypatch) -> None:
    """Actors, quotations, chronology and near misses of an unchanged book come from disk."""
    from briefbook.analyse import annotations as annotations_module

    briefing = _book(tmp_path)
    wide = ("actor_analysis", "chronology", "near_misses")
    try:
        store = cache.configure(tmp_path / "cache")
        first = Annotations(load_book(briefing))
        expected = {name: getattr(first, name) for name in wide}
        store.flush()
        cache.configure(None)
        cache.configure(tmp_path / "cache")  # a new process: nothing in memory

        def refuse(*_: object) -> object:
            raise AssertionError("recomputed although the book did not change")

        for name in ("analyse", "build_chronology", "near_misses"):
            monkeypatch.setattr(annotations_module, name, refuse)
        again = Annotations(load_book(briefing))
        assert {name: getattr(again, name) for name in wide} == expected
        # any change of the book is a new key: an edited article is analysed again
        (briefing / "sources" / "article-2.txt").write_text(generated_article(22), "utf-8")
        with pytest.raises(AssertionError, match="recomputed"):
            _ = Annotations(load_book(briefing)).actor_analysis
    finally:
        cache.configure(None)


def test_the_book_key_covers_every_record(tmp_path: Path) -> None:
    """Changing any record analysis may read (not the folder) changes the book's key."""
    from dataclasses import replace

    from briefbook.core.model import Actor

    book = load_book(_book(tmp_path))
    key = Annotations(book).book_key
    source = replace(book.sources[0], date="1999-01-02")
    actor = Actor(id="zoe-obrien", name="Zoë O’Brien", kind="person")
    variants = [replace(book, sources=(source, *book.sources[1:])),
                replace(book, actors=(*book.actors, actor)),
                replace(book, settings={"language": "fr"})]
    keys = {Annotations(b).book_key for b in variants}
    assert key not in keys and len(keys) == len(variants)
    assert Annotations(replace(book, root=str(tmp_path / "elsewhere"))).book_key == key
