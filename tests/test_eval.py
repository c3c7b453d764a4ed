"""``briefbook eval``: the scoring on a gold set written here, and the command itself."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.analyse.annotations import Annotations
from briefbook.bench.eval import Score, load_bbc_gold, name_key, score_bbc
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


def test_a_quotation_only_an_unsure_label_matches_is_left_out(tmp_path: Path) -> None:
    """EVAL.md: an unsure label is left out; the quotation it labels is neither right nor wrong.

    Before, the extracted quotation still counted as found (a wrong span and, with a speaker,
    a wrong speaker) although the gold it was scored against had been removed.
    """
    (tmp_path / "briefing" / "sources").mkdir(parents=True)
    (tmp_path / "briefing" / "sources" / "news_002.txt").write_text(
        "Mill closes\n\nMill owner Hedda Lund said the floods had \"badly hurt\" trade.\n\n"
        "The Harwell Valley Trust will pay for repairs.\n\n"
        "“We will reopen in the spring,” Ms Lund said.\n", "utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "news_002.yml").write_text(
        "file: news_002.txt\npeople:\n- {name: Hedda Lund, variants: [Ms Lund]}\n"
        "organizations:\n- {name: Harwell Valley Trust, variants: [], unsure: true}\n"
        "quotes:\n- {start: badly hurt, speaker: Hedda Lund, speaker_kind: person, unsure: true}\n"
        "- {start: We will reopen, speaker: Hedda Lund, speaker_kind: person}\n", "utf-8")
    book = load_book(tmp_path / "briefing")
    annotations = Annotations(book)
    assert len([q for q in annotations.quotes if q.speaker]) == 2
    assert "Harwell Valley Trust" in {a.name for a in annotations.actors}
    spans, speakers, _, people = score_bbc(book, annotations, load_bbc_gold(tmp_path / "gold"),
                                           [])
    assert (people.right, people.found) == (1, 1)  # the unsure trust is left out
    assert (spans.right, spans.found, spans.gold_right, spans.gold) == (1, 1, 1, 1)
    assert (speakers.right, speakers.found, speakers.gold_right, speakers.gold) == (1, 1, 1, 1)


def test_a_quotation_is_scored_against_the_gold_it_equals(tmp_path: Path) -> None:
    """Two gold quotations of one article, ``firm`` and ``firm measures``, by two speakers.

    The extracted ``firm`` starts the gold ``firm measures`` too; it is scored against the gold
    it equals, not the first one in the file. Before, the right answer counted as wrong.
    """
    (tmp_path / "briefing" / "sources").mkdir(parents=True)
    (tmp_path / "briefing" / "sources" / "news_003.txt").write_text(
        "Dock strike\n\nUnion leader Petra Vos called for \"firm measures\" at the docks.\n\n"
        "Port manager Aldo Renzi said the answer would be \"firm\" but fair.\n", "utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "news_003.yml").write_text(
        "file: news_003.txt\npeople:\n- {name: Petra Vos, variants: []}\n"
        "- {name: Aldo Renzi, variants: []}\nquotes:\n"
        "- {start: firm measures, speaker: Petra Vos, speaker_kind: person}\n"
        "- {start: firm, speaker: Aldo Renzi, speaker_kind: person}\n", "utf-8")
    book = load_book(tmp_path / "briefing")
    annotations = Annotations(book)
    found = {q.text: annotations.actors_by_id[q.speaker].name for q in annotations.quotes
             if q.speaker}
    assert found == {"firm measures": "Petra Vos", "firm": "Aldo Renzi"}
    _, speakers, _, _ = score_bbc(book, annotations, load_bbc_gold(tmp_path / "gold"), [])
    assert (speakers.right, speakers.found, speakers.gold_right, speakers.gold) == (2, 2, 2, 2)


def test_eval_prints_the_development_set_on_its_own(tmp_path: Path) -> None:
    """``--only bbc-dev`` scores ``bbc-dev/`` as its own section; ``-v`` lists its misses."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "news_001.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "gold" / "bbc-dev").mkdir(parents=True)
    (tmp_path / "gold" / "quotes.yml").write_text("statements: []\n", "utf-8")
    (tmp_path / "gold" / "bbc-dev" / "news_001.yml").write_text(GOLD, "utf-8")
    result = CliRunner().invoke(main, ["eval", "--only", "bbc-dev", "-v", "--gold",
                                       str(tmp_path / "gold"), "--corpus",
                                       str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert f"== BBC development gold (1 articles, {tmp_path / 'gold' / 'bbc-dev'}," in \
        result.output
    assert "held out" not in result.output
    assert "speakers (person or organisation)  precision 100.0% (2/2)" in result.output
    assert "missed speaker news_001.txt: “A quote nobody found here”" in result.output


def test_eval_prints_the_second_development_set_on_its_own(tmp_path: Path) -> None:
    """``--only bbc-dev2`` scores ``bbc-dev2/`` alone, under its own title."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "news_001.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "gold" / "bbc-dev2").mkdir(parents=True)
    (tmp_path / "gold" / "bbc-dev").mkdir(parents=True)
    (tmp_path / "gold" / "quotes.yml").write_text("statements: []\n", "utf-8")
    (tmp_path / "gold" / "bbc-dev2" / "news_001.yml").write_text(GOLD, "utf-8")
    result = CliRunner().invoke(main, ["eval", "--only", "bbc-dev2", "--gold",
                                       str(tmp_path / "gold"), "--corpus",
                                       str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert f"== BBC second development gold (1 articles, {tmp_path / 'gold' / 'bbc-dev2'}," in \
        result.output
    assert "BBC development gold" not in result.output
    assert "speakers (person or organisation)  precision 100.0% (2/2)" in result.output


def _own_gold(tmp_path: Path, file: str) -> tuple[Path, Path]:
    """A corpus with the article under a category folder and a gold folder naming ``file``."""
    corpus = tmp_path / "corpus"
    (corpus / "harbours").mkdir(parents=True)
    (corpus / "harbours" / "news_001.txt").write_text(ARTICLE, "utf-8")
    gold = tmp_path / "my-annotations"
    gold.mkdir()
    (gold / "news_001.yml").write_text(GOLD.replace("file: news_001.txt", f"file: {file}"),
                                       "utf-8")
    return corpus, gold


def test_eval_scores_a_folder_of_ones_own_annotations(tmp_path: Path) -> None:
    """``--set`` scores any folder, with nested corpus paths, and says which folder it was."""
    corpus, gold = _own_gold(tmp_path, "harbours/news_001.txt")
    result = CliRunner().invoke(main, ["eval", "--set", str(gold), "--corpus", str(corpus),
                                       "--gold", str(tmp_path / "nowhere")])
    assert result.exit_code == 0, result.output
    assert f"== {gold} (1 articles, {gold}, empty registry) ==" in result.output
    assert "tests/gold" not in result.output and "Example book" not in result.output
    assert "speakers (person or organisation)  precision 100.0% (2/2)" in result.output
    assert "recall  66.7% (2/3)" in result.output


def test_eval_stops_on_an_annotated_article_missing_from_the_corpus(tmp_path: Path) -> None:
    """A gold article the corpus lacks is an error with a hint, never a 0/0 read as 100 %."""
    corpus, gold = _own_gold(tmp_path, "harbour/news_001.txt")
    result = CliRunner().invoke(main, ["eval", "--set", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 1
    assert "news_001.yml: the annotated article 'harbour/news_001.txt' is not under" in \
        result.output
    assert "did you mean harbours/news_001.txt?" in result.output
    assert "precision" not in result.output


def test_eval_stops_on_an_empty_or_unnamed_gold(tmp_path: Path) -> None:
    corpus, gold = _own_gold(tmp_path, "harbours/news_001.txt")
    (gold / "news_001.yml").write_text(GOLD.replace("file: news_001.txt\n", ""), "utf-8")
    result = CliRunner().invoke(main, ["eval", "--set", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 1 and "no 'file:' naming the annotated article" in result.output
    (gold / "news_001.yml").unlink()
    result = CliRunner().invoke(main, ["eval", "--set", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 1 and "no annotations (*.yml" in result.output


def test_eval_example_section_needs_its_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--only", "example", "--gold", str(tmp_path)])
    assert result.exit_code == 1
    assert "quotes.yml: not found" in result.output


def test_an_empty_score_prints_as_not_applicable() -> None:
    line = Score(label="speakers").line()
    assert "n/a (0/0)" in line and "100" not in line
    assert Score(label="x").as_dict()["precision"] is None
