"""An alias that differs from a registered spelling only by look-alike characters is flagged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import review_items
from briefbook.cli import main
from briefbook.read.book import load_book

ARTICLE = "Olena Kovalenko, the port director, spoke in Kyiv on Monday.\n"
ACTORS = """\
- id: olena-kovalenko
  name: Olena Kovalenko
  aliases: [Kovalenko, "Olena Kovalenkо"]
- id: kyiv
  name: Kyiv
  kind: state
- id: kyiv-city
  name: "Kyіv City Council"
  kind: government
  aliases: ["Kyіv"]
- id: petro-shevchenko
  name: Петро Шевченко
  aliases: [Petro Shevchenko, Shevchenko]
"""


def _book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "book", {"port.txt": ARTICLE}, yml={"actors.yml": ACTORS})


def test_look_alike_aliases_are_review_items(tmp_path: Path) -> None:
    root = _book(tmp_path)
    book = load_book(root / "briefing")
    items = [i for i in review_items(book, Annotations(book)) if i.kind == "homoglyph"]
    texts = [i.text for i in items]
    assert texts == [
        "alias “Kyіv” of 'kyiv-city' looks like “Kyiv”, a spelling of 'kyiv', but is written "
        "with other characters: 'і' (CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I) for 'i'",
        "alias “Olena Kovalenkо” of 'olena-kovalenko' looks like “Olena Kovalenko”, another "
        "spelling of the same actor, but is written with other characters: 'о' (CYRILLIC "
        "SMALL LETTER O) for 'o'",
    ]
    assert all("retype the alias" in i.hint for i in items)


def test_a_name_in_another_script_is_not_a_look_alike(tmp_path: Path) -> None:
    """A Cyrillic name and its Latin transliteration are spellings, not spoofs."""
    root = _book(tmp_path)
    book = load_book(root / "briefing")
    items = [i for i in review_items(book, Annotations(book)) if i.kind == "homoglyph"]
    assert not any("petro" in i.text.lower() or "Шевченко" in i.text for i in items)


def test_the_review_command_lists_them(tmp_path: Path) -> None:
    root = _book(tmp_path)
    result = CliRunner().invoke(main, ["review", "--briefing", str(root / "briefing"), "--kind",
                                       "homoglyph"])
    assert result.exit_code == 0
    assert result.output.count("homoglyph\t") == 2
