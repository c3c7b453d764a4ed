"""``briefbook build -d DIR`` never deletes what it did not write and always leaves a site.

The folder must be empty or carry the marker every briefbook build writes; a folder holding an
editor's files (even with an ``index.html``) is refused untouched. The swap keeps a usable
site at every instant, or puts the old one back on the next run; interrupted runs' staging
folders are cleaned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli import main

PAGE_OK = "# Notes\n\nThe pier closed [@one, ¶ 1].\n"


def _build(root: Path, target: Path) -> object:
    return CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml"), "-d",
                                     str(target)])


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def root(book_factory) -> Path:
    return book_factory({"one.txt": "The pier closed on Tuesday.\n"}, docs={"notes.md": PAGE_OK})


def test_a_folder_with_an_index_html_and_other_files_is_refused_untouched(
        root: Path, tmp_path: Path) -> None:
    target = tmp_path / "public"
    (target / "photos").mkdir(parents=True)
    (target / "index.html").write_text("<p>my own home page</p>", "utf-8")
    (target / "budget.xlsx").write_bytes(b"PK\x03\x04 editor's spreadsheet")
    (target / "photos" / "pier.jpg").write_bytes(b"\xff\xd8 a photo")
    before = _tree(target)
    result = _build(root, target)
    assert result.exit_code != 0
    assert "was not built by briefbook (no .briefbook-site file); nothing was deleted" in \
        result.output
    assert _tree(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book0", "public"]  # nothing beside


def test_an_empty_folder_then_its_own_site_are_replaced(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "public"
    target.mkdir()
    first = _build(root, target)
    assert first.exit_code == 0, first.output
    assert (target / ".briefbook-site").is_file() and (target / "notes" / "index.html").is_file()
    (target / "stale.html").write_text("from an older build", "utf-8")
    second = _build(root, target)
    assert second.exit_code == 0, second.output
    assert not (target / "stale.html").exists()  # our own site: replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book0", "public"]  # no leftovers


def test_a_plain_mkdocs_build_with_the_plugin_is_marked_too(root: Path) -> None:
    from bookkit import mkdocs_build

    assert mkdocs_build(root).returncode == 0
    assert (root / "site" / ".briefbook-site").is_file()
    assert _build(root, root / "site").exit_code == 0


def test_a_failed_build_leaves_the_site_and_cleans_its_staging(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "public"
    assert _build(root, target).exit_code == 0
    before = _tree(target)
    (root / "docs" / "notes.md").write_text("# Notes\n\nBroken [@nosuch, ¶ 1].\n", "utf-8")
    result = _build(root, target)
    assert result.exit_code != 0 and "was left as it was" in result.output
    assert _tree(target) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".public.")]


def test_leftovers_of_an_interrupted_build_are_cleaned(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "public"
    assert _build(root, target).exit_code == 0
    stale = tmp_path / ".public.k2j4h5g6"  # a staging folder of a killed build
    (stale / "assets").mkdir(parents=True)
    (stale / "index.html").write_text("half a site", "utf-8")
    unrelated = tmp_path / ".public.notes"  # not our pattern: kept
    unrelated.mkdir()
    result = _build(root, target)
    assert result.exit_code == 0, result.output
    assert not stale.exists() and unrelated.is_dir()
    assert "cleaned up after an interrupted build" in result.output


def test_a_kill_between_the_two_renames_is_repaired_on_the_next_run(
        root: Path, tmp_path: Path) -> None:
    """The old site was set aside, the new one never moved in: the next run puts it back."""
    target = tmp_path / "public"
    assert _build(root, target).exit_code == 0
    before = _tree(target)
    target.rename(tmp_path / ".public.old")  # the state a kill leaves
    (root / "docs" / "notes.md").write_text("# Notes\n\nBroken [@nosuch, ¶ 1].\n", "utf-8")
    result = _build(root, target)  # this build fails: the old site must be back anyway
    assert result.exit_code != 0
    assert _tree(target) == before
    assert not (tmp_path / ".public.old").exists()


def test_the_swap_keeps_a_site_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.site import output

    target, staging = tmp_path / "site", tmp_path / ".site.abcd1234"
    for folder, text in ((target, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, "utf-8")
    seen: list[bool] = []
    real_rmtree = output.shutil.rmtree

    def watching_rmtree(path: Path, *args: object, **kwargs: object) -> None:
        seen.append((target / "index.html").is_file())
        real_rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    renames: list[tuple[Path, Path]] = []
    real_rename = output.os.rename
    monkeypatch.setattr(output.shutil, "rmtree", watching_rmtree)
    monkeypatch.setattr(output.os, "rename", lambda a, b: (renames.append((a, b)),
                                                           real_rename(a, b)))
    output.swap_in(staging, target)
    assert (target / "index.html").read_text("utf-8") == "new" and not staging.exists()
    assert seen == [True]  # the site was in place when the old one was removed
    assert renames == []  # one atomic exchange (Linux): no moment without a site

    staging.mkdir()
    (staging / "index.html").write_text("newer", "utf-8")
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)  # e.g. not Linux
    output.swap_in(staging, target)
    assert (target / "index.html").read_text("utf-8") == "newer"
    assert not (tmp_path / ".site.old").exists()
