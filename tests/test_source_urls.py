"""A source's url is a web address: javascript:, data: and the like are refused everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli import main
from briefbook.read.book import load_book

BAD = ["javascript:alert(10)", "JavaScript:void(0)", "data:text/html,<script>x()</script>",
       "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x", "example.org/page",
       "https://exa mple.org/a", "https:example.org"]
ARTICLE = "Tea house\n\nThe tea house opened on Tuesday, the owner said.\n"


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    folder = tmp_path / "briefing"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "tea.txt").write_text(ARTICLE, "utf-8")
    (folder / "sources.yml").write_text("- id: tea\n  file: tea.txt\n", "utf-8")
    return folder


@pytest.mark.parametrize("url", BAD)
def test_sources_set_refuses_it_and_writes_nothing(briefing: Path, url: str) -> None:
    before = (briefing / "sources.yml").read_bytes()
    result = CliRunner().invoke(main, ["sources", "set", "tea", f"url={url}",
                                       "--briefing", str(briefing)])
    assert result.exit_code == 1 and "is not a web address" in result.output
    assert (briefing / "sources.yml").read_bytes() == before


@pytest.mark.parametrize("url", BAD)
def test_add_refuses_it(briefing: Path, tmp_path: Path, url: str) -> None:
    (tmp_path / "shop.txt").write_text("Bakery\n\nA bakery on Mill Lane shut after a fire on "
                                       "Sunday night, firefighters said.\n", "utf-8")
    result = CliRunner().invoke(main, ["add", str(tmp_path / "shop.txt"), "--url", url,
                                       "--briefing", str(briefing)])
    assert result.exit_code == 1 and "is not a web address" in result.output
    assert not (briefing / "sources" / "shop.txt").exists()


@pytest.mark.parametrize("url", BAD)
def test_a_hand_edited_one_is_an_error_of_the_build(briefing: Path, url: str) -> None:
    (briefing / "sources.yml").write_text(f"- id: tea\n  file: tea.txt\n  url: '{url}'\n",
                                          "utf-8")
    book = load_book(briefing)
    [problem] = [p for p in book.problems if p.key == "url"]
    assert problem.level == "error" and problem.line == 3


@pytest.mark.parametrize("url", ["https://example.org/tea", "http://news.example/a?b=1#p2"])
def test_a_web_address_is_kept(briefing: Path, url: str) -> None:
    result = CliRunner().invoke(main, ["sources", "set", "tea", f"url={url}",
                                       "--briefing", str(briefing)])
    assert result.exit_code == 0, result.output
    assert load_book(briefing).sources[0].url == url
