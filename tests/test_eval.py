"""``briefbook eval``: the scoring on a gold set written here, and the command itself."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.analyse.annotations import Annotations
from briefbook.bench.eval import load_bbc_gold, name_key, score_bbc
from briefbook.cli import main
from briefbook.read.book import load_book

ARTICLE = ("Harbour plan approved\n\n"
           "Transport Secretary Olwen Price backed the harbour plan on Friday.\n\n"
           "“The harbour will be ready by 2027,” Mrs Price said.\n\n"
           "“It is a waste of money,” a council official said.\n\n"
           "“We will appeal,” said Ivo Brandt of the Coastal Trust.\n")
GOLD = """\
file: news_001.txt
people:
- {name: Olwen Price, variants: [Mrs Price], role: Transport Secretary}
- {name: Ivo Brandt, variants: [], role: null}
- {name: Somebody Missing, variants: [], role: null}
organizations:
- {name: Coastal Trust, variants: []}
countries: []
quotes:
- {start: The harbour will be ready, speaker: Olwen Price, speaker_kind: person, how: x}
- {start: It is a waste of money, speaker: null, speaker_kind: anonymous, how: x}
- {start: We will appeal, speaker: Ivo Brandt, speaker_kind: person, how: x}
- {start: A quote nobody found here, speaker: Ivo Brandt, speaker_kind: person, how: x}
- {start: unsure one, speaker: Ivo Brandt, speaker_kind: person, how: x, unsure: true}
"""


def test_scores_on_a_written_gold(tmp_path: Path) -> None:
    (tmp_path / "briefing" / "sources").mkdir(parents=True)
    (tmp_path / "briefing" / "sources" / "news_001.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "news_001.yml").write_text(GOLD, "utf-8")
    book = load_book(tmp_path / "briefing")
    notes: list[str] = []
    spans, speakers, anonymous, people = score_bbc(
        book, Annotations(book), load_bbc_gold(tmp_path / "gold"), notes)
    assert (spans.right, spans.found, spans.gold_right, spans.gold) == (3, 3, 3, 4)
    assert (speakers.right, speakers.found, speakers.gold_right, speakers.gold) == (2, 2, 2, 3)
    assert (anonymous.gold_right, anonymous.gold) == (1, 1)
    assert (people.gold_right, people.gold) == (2, 3)
    assert people.right == people.found
    assert notes[-1].startswith("actors that are a sentence opener") and notes[-1].endswith(": 0")


def test_name_key_drops_titles_and_possessives() -> None:
    assert name_key("Mrs Price") == name_key("Price's") == "price"
    assert name_key("Sen. Paul Adeyemi") == "paul adeyemi"


def test_eval_command_prints_sections(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(main, ["eval", "--only", "example", "--gold",
                                       str(root / "tests" / "gold"), "--briefing",
                                       str(root / "briefing")])
    assert result.exit_code == 0, result.output
    assert "== Example book (47 statements" in result.output
    assert "curated registry: 47/47 statements right" in result.output
    assert "eval" in CliRunner().invoke(main, ["--help"]).output
