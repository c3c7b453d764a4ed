"""``briefbook check``: a real build of a small book, then planted breakage, one kind at a time."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bookkit import mkdocs_build, write_book
from briefbook.check.checker import check_site
from briefbook.cli import main

ARTICLE_A = (
    "The harbour council voted on Tuesday to close the old pier.\n\n"
    "\u201cWe cannot keep patching it,\u201d said Mara Quill, the council chair.\n\n"
    "Repairs would have cost more than a new pier, the council's engineers found.\n"
)
ARTICLE_B = (
    "Fishermen protested the closure of the pier on Wednesday.\n"
    "Their union said the decision was taken without consulting them.\n"
)
PAGE = """# Harbour

The council closed the pier [@harbour-news, ¶ 1]. Its chair said \u201cwe cannot keep
patching it\u201d [@harbour-news, ¶ 2]. The fishermen objected [@fisher-post, ¶¶ 1-2].

## Details {#details}

See the [closure](#details), [the index](index.md) and the
[third paragraph](sources/harbour-news.md#harbour-news-p3).
"""


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_book(tmp_path_factory.mktemp("book"),
                      {"harbour-news.txt": ARTICLE_A, "fisher-post.txt": ARTICLE_B},
                      docs={"harbour.md": PAGE})
    site = root / "site"
    result = mkdocs_build(root, site=site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def site(clean_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(clean_site, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def problems(site: Path) -> list[tuple[str, str, str]]:
    return [(p.page, p.kind, p.href) for p in check_site(site, jobs=1).problems]


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.output


def test_clean_build_has_no_problems_and_exits_0(clean_site: Path):
    report = check_site(clean_site, jobs=1)
    assert report.problems == []
    assert report.pages >= 5 and report.citations >= 3 and report.quotes >= 1
    code, out = run_cli(str(clean_site))
    assert code == 0, out
    assert "0 problem(s)" in out


def test_removed_paragraph_anchor_is_reported_by_name(site: Path):
    page = site / "sources" / "harbour-news" / "index.html"
    edit(page, 'id="harbour-news-p3"', 'id="harbour-news-px"')
    found = problems(site)
    assert ("harbour/index.html", "anchor",
            "../sources/harbour-news/#harbour-news-p3") in found
    code, out = run_cli(str(site))
    assert code == 1
    assert "harbour-news-p3" in out and "harbour/index.html" in out


def test_removed_cited_paragraph_is_a_citation_problem(site: Path):
    page = site / "sources" / "harbour-news" / "index.html"
    edit(page, 'id="harbour-news-p2"', 'id="harbour-news-px"')
    kinds = {(p.kind, p.file, p.line) for p in check_site(site, jobs=1).problems}
    assert ("citation", "harbour.md", 4) in kinds


def test_link_to_a_missing_page_is_reported_by_name(site: Path):
    shutil.rmtree(site / "sources" / "fisher-post")
    found = problems(site)
    assert ("harbour/index.html", "citation",
            "../sources/fisher-post/#fisher-post-p1") in found
    assert any(p == "sources/index.html" and k == "link" and h.startswith("fisher-post/")
               for p, k, h in found)
    code, out = run_cli(str(site), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert any(p["href"] == "../sources/fisher-post/#fisher-post-p1" for p in data["problems"])


def test_missing_anchor_on_the_same_page(site: Path):
    edit(site / "harbour" / "index.html", 'href="#details"', 'href="#detail"')
    assert ("harbour/index.html", "anchor", "#detail") in problems(site)


def test_directory_url_with_fragment_and_ids_with_colons(site: Path):
    page = site / "harbour" / "index.html"
    edit(page, "</article>", '<a id="fn:1"></a><a href="../harbour#fn:1">ok</a>'
                             '<a href="../harbour/#fn:2">bad</a>'
                             '<a href="./#fn%3A1">encoded ok</a>'
                             '<a href="../sources#nope">bad dir</a></article>')
    found = problems(site)
    assert ("harbour/index.html", "anchor", "../harbour/#fn:2") in found
    assert ("harbour/index.html", "anchor", "../sources#nope") in found
    assert not any(h in ("../harbour#fn:1", "./#fn%3A1") for _, _, h in found)


def test_percent_encoded_fragment_that_does_not_exist(site: Path):
    edit(site / "harbour" / "index.html", 'href="#details"', 'href="#d%C3%A9tails"')
    assert ("harbour/index.html", "anchor", "#d%C3%A9tails") in problems(site)


def test_broken_asset_is_reported(site: Path):
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    css.unlink()
    assert any(k == "asset" and "main." in h for _, k, h in problems(site))


def test_unresolved_citation_record_is_reported_with_file_and_line(site: Path):
    path = site / "data" / "citations.json"
    records = json.loads(path.read_text("utf-8"))
    records[0]["resolved"] = False
    path.write_text(json.dumps(records), "utf-8")
    found = check_site(site, jobs=1).problems
    assert any(p.kind == "citation" and p.file == records[0]["page"]
               and p.line == records[0]["line"] for p in found)


def test_altered_quotation_in_the_built_source_is_reported(site: Path):
    edit(site / "sources" / "harbour-news" / "index.html", "cannot keep patching",
         "can keep patching")
    found = [p for p in check_site(site, jobs=1).problems if p.kind == "quotation"]
    assert len(found) == 1
    assert found[0].file == "harbour.md" and found[0].line == 4
    assert "cannot keep patching" in found[0].message


def test_parallel_and_serial_scans_agree(site: Path):
    shutil.rmtree(site / "sources" / "fisher-post")
    assert problems(site) == [(p.page, p.kind, p.href) for p in check_site(site, jobs=2).problems]


def test_missing_site_dir_is_a_usage_error(tmp_path: Path):
    code, _ = run_cli(str(tmp_path / "nope"))
    assert code == 2


def test_corrupt_citation_data_is_an_io_error(site: Path):
    (site / "data" / "citations.json").write_text("{not json", "utf-8")
    code, out = run_cli(str(site))
    assert code != 0 and code != 1
    assert "citations.json" in out


def test_online_fetches_external_links_and_reports_failures(site: Path, tmp_path: Path):
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    served = tmp_path / "served"
    served.mkdir()
    (served / "ok.html").write_text("<p>ok</p>", "utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        edit(site / "harbour" / "index.html", "</article>",
             f'<a href="{base}/ok.html">ok</a><a href="{base}/gone.html">gone</a></article>')
        for page in site.rglob("*.html"):  # no network in tests: only the local server
            text = page.read_text("utf-8")
            page.write_text(re.sub(r'href="https?://(?!127\.0\.0\.1)[^"]*"', 'href="#"', text),
                            "utf-8")
        offline = check_site(site, jobs=1)
        assert offline.external == [f"{base}/gone.html", f"{base}/ok.html"]
        assert f"{base}/gone.html" in offline.external and offline.problems == []
        report = check_site(site, jobs=1, online=True, retries=0, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    external = [(p.page, p.href, p.message) for p in report.problems if p.kind == "external"]
    assert ("harbour/index.html", f"{base}/gone.html", "HTTP 404") in external
    assert not any(h.endswith("/ok.html") for _, h, _ in external)


def test_every_breakage_the_benchmark_plants_is_found_and_no_control_is_flagged(site: Path):
    from briefbook.bench.checkers import plant, score
    from briefbook.check.checker import format_text

    plants = plant(site)
    assert {p.kind for p in plants if p.broken} == {
        "missing page", "missing anchor, other page", "missing anchor, same page",
        "directory URL with fragment", "id containing ':'", "percent-encoded fragment",
        "broken citation", "altered quotation"}
    report = check_site(site, jobs=1)
    found, flagged, missed = score(format_text(report), plants)
    assert missed == [] and flagged == 0
    assert found == len([p for p in plants if p.broken])
