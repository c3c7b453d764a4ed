"""The command line: new, pages and build (add has its own tests)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bookkit import mkdocs_build
from briefbook.cli import main


def test_new_scaffolds_a_book_that_builds_at_once(tmp_path: Path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "b"), "--title", "My book"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b" / "briefing" / "sources").is_dir()
    # the (empty) articles folder is named too, and the fast serve mode suggested
    assert f"created {tmp_path / 'b' / 'briefing' / 'sources'}/" in result.output
    assert "mkdocs serve --dirty" in result.output
    assert mkdocs_build(tmp_path / "b").returncode == 0
    (tmp_path / "b" / "article.txt").write_text("A council voted.\nIt passed.\n", "utf-8")
    added = CliRunner().invoke(main, ["add", "--briefing", str(tmp_path / "b" / "briefing"),
                                      str(tmp_path / "b" / "article.txt")])
    assert added.exit_code == 0, added.output
    build = mkdocs_build(tmp_path / "b")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "b" / "site" / "sources" / "article" / "index.html").exists()


def test_new_refuses_to_overwrite(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", "utf-8")
    result = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert result.exit_code != 0
    assert "already exist" in result.output
    assert (tmp_path / "mkdocs.yml").read_text("utf-8") == "site_name: mine\n"


def test_pages_writes_the_generated_markdown(book_factory, tmp_path: Path):
    root = book_factory({"one.txt": "Para one.\nPara two.\n"})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["pages", str(out), "--briefing", str(root / "briefing"),
                                       "--docs", str(root / "docs")])
    assert result.exit_code == 0, result.output
    page = (out / "sources" / "one.md").read_text("utf-8")
    assert 'id="one-p2"' in page
    assert (out / "sources" / "index.md").exists()
    assert not (root / "docs" / "sources").exists()  # nothing written into docs/


def test_pages_refuses_a_folder_it_did_not_write(book_factory, tmp_path: Path):
    root = book_factory({"one.txt": "Para one.\n"})
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("keep me", "utf-8")
    result = CliRunner().invoke(main, ["pages", str(out), "--briefing", str(root / "briefing")])
    assert result.exit_code != 0
    assert (out / "notes.md").read_text("utf-8") == "keep me"


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(book_factory):
    root = book_factory({"one.txt": "Para one.\n"})
    for target in (root / "briefing", root / "docs", root):
        before = sorted(p.relative_to(root) for p in root.rglob("*"))
        result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml"),
                                           "-d", str(target)])
        assert result.exit_code != 0
        assert "choose another --site-dir" in result.output
        assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
