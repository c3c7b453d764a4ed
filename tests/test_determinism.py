"""Nothing lost: identical inputs give byte-identical sites; a failed build keeps the old site.

MkDocs stamps ``sitemap.xml`` (``lastmod``) and the gzip header of ``sitemap.xml.gz`` with the
build date unless ``SOURCE_DATE_EPOCH`` is set, so the builds here set it (as a reproducible
release build should).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from bookkit import mkdocs_build, write_book
from briefbook.cli import main

ARTICLES = {
    "river-gazette.txt": " date 2020-05-04 Local\nThe river rose two metres overnight.\n\n"
                         "\u201cWe have never seen it this high,\u201d said a warden.\n",
    "valley-times.txt": "Flood barriers held in the lower valley.\r\n"
                        "Residents were told to stay indoors on Tuesday.\r\n",
}
PAGE = ("# Flood\n\nThe river rose [@river-gazette, \u00b6 1]. A warden said \u201cwe have "
        "never seen it this high\u201d [@river-gazette, \u00b6 2]. Barriers held "
        "[@valley-times, \u00b6\u00b6 1-2].\n")


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_inputs_are_byte_identical(tmp_path: Path):
    root = write_book(tmp_path / "book", ARTICLES, docs={"flood.md": PAGE})
    env = {"SOURCE_DATE_EPOCH": "1600000000"}
    first, second = tmp_path / "site1", tmp_path / "site2"
    for site in (first, second):
        result = mkdocs_build(root, site=site, env=env)
        assert result.returncode == 0, result.stderr
    a, b = digest(first), digest(second)
    assert len(a) > 10
    assert a.keys() == b.keys()
    differing = [name for name in a if a[name] != b[name]]
    assert differing == []


def test_failed_build_leaves_the_previous_site_intact(tmp_path: Path, monkeypatch):
    root = write_book(tmp_path / "book", ARTICLES, docs={"flood.md": PAGE})
    site = tmp_path / "out" / "site"
    runner = CliRunner()
    config = str(root / "mkdocs.yml")
    result = runner.invoke(main, ["build", "-f", config, "-d", str(site)])
    assert result.exit_code == 0, result.output
    before = digest(site)
    assert "flood/index.html" in before
    (root / "docs" / "flood.md").write_text(PAGE + "\nBroken [@river-gazette, \u00b6 99].\n",
                                            "utf-8")
    result = runner.invoke(main, ["build", "-f", config, "-d", str(site)])
    assert result.exit_code != 0
    assert "left as it was" in result.output
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # no staging left over
