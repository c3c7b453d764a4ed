"""Topics: loading topics.yml, gathering evidence, the evidence section and generated pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from bookkit import mkdocs_build, write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.evidence import gather_evidence, mention_index
from briefbook.core.model import Topic
from briefbook.read.book import load_book
from briefbook.read.topics import load_topics
from briefbook.render.base import Settings
from briefbook.render.pages import build_pages
from briefbook.render.topics import append_evidence, evidence_section

ROOT = Path(__file__).resolve().parent.parent

TRADE = """\
The two governments resumed the tariff talks in Oslo on Tuesday.
Officials said the Widget Accord of 2015 could be restored within weeks.
A storm closed the harbour; ferries were cancelled.
"""
HARBOUR = """\
Fishermen said the HARBOUR project was late.
The Accord was not mentioned at the meeting, said Ana Ruiz.
Sign up for Daily Newsletters
"""
TOPICS_YML = """\
- id: trade-talks
  title: The trade talks
  phrases: [tariff talks, widget accord]
  keywords: [WTA]
- id: ports
  title: Ports
  keywords: [HARBOUR]
  actors: [ana-ruiz]
"""


def _book(tmp_path: Path, articles: dict[str, str], topics: str = TOPICS_YML,
          docs: dict[str, str] | None = None) -> Path:
    return write_book(tmp_path / "book", articles, yml={"topics.yml": topics}, docs=docs)


def test_load_topics_reads_rules_and_defaults(tmp_path: Path) -> None:
    root = _book(tmp_path, {"a.txt": TRADE})
    topics, problems = load_topics(root / "briefing")
    assert problems == []
    assert [t.id for t in topics] == ["trade-talks", "ports"]
    assert topics[0].phrases == ("tariff talks", "widget accord")
    assert topics[0].path == "topics/trade-talks.md"
    assert topics[1].actors == ("ana-ruiz",)


def test_load_topics_reports_bad_records_with_line_and_hint(tmp_path: Path) -> None:
    bad = """\
- id: good
  phrases: [x]
  phrasse: [y]
- id: Bad Id
  phrases: [x]
- id: empty
  title: No rule
- id: good
  keywords: [Z]
- id: paged
  page: /abs.md
  phrases: [x]
"""
    root = _book(tmp_path, {"a.txt": TRADE}, topics=bad)
    topics, problems = load_topics(root / "briefing", actor_ids=["ana"])
    assert [t.id for t in topics] == ["good"]
    text = "\n".join(str(p) for p in problems)
    assert "topics.yml:1: unknown key 'phrasse' (did you mean 'phrases'?)" in text
    assert "topics.yml:4: topic id 'Bad Id'" in text
    assert "topics.yml:6: topic 'empty' has no selection rule" in text
    assert "topics.yml:8: duplicate topic id 'good' (first at line 1)" in text
    assert "topics.yml:10: topic 'paged': page '/abs.md'" in text


def test_unknown_actor_in_rule_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    root = _book(tmp_path, {"a.txt": TRADE})
    _, problems = load_topics(root / "briefing", actor_ids=["ana-ruis", "bob"])
    assert len(problems) == 1
    assert "unknown actor id 'ana-ruiz'" in str(problems[0])
    assert "did you mean 'ana-ruis'?" in str(problems[0])


def test_topic_rejects_a_topic_without_rule() -> None:
    with pytest.raises(ValueError, match="no phrases"):
        Topic(id="x", title="X")


def test_gather_evidence_matches_phrases_folded_and_keywords_case_sensitive(
        tmp_path: Path) -> None:
    root = _book(tmp_path, {"a.txt": TRADE, "b.txt": HARBOUR})
    book = load_book(root / "briefing")
    evidence = gather_evidence(book, book.topics)
    trade = [(e.source, e.paragraph, e.matched) for e in evidence["trade-talks"]]
    assert trade == [("a", 1, ("tariff talks",)), ("a", 2, ("widget accord",))]
    ports = [(e.source, e.paragraph) for e in evidence["ports"]]
    # "harbour" in a.txt ¶3 is lower case: keywords are case-sensitive; boilerplate never counts.
    assert ports == [("b", 1)]


@dataclass(frozen=True)
class _Actor:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


def test_actor_rules_use_mentions_or_fall_back_to_names(tmp_path: Path) -> None:
    root = _book(tmp_path, {"a.txt": TRADE, "b.txt": HARBOUR})
    book = load_book(root / "briefing")
    with_actor = type(book)(root=book.root, sources=book.sources, topics=book.topics,
                            actors=(_Actor(id="ana-ruiz", name="Ana Ruiz"),))
    by_name = gather_evidence(with_actor, with_actor.topics)["ports"]
    assert [(e.source, e.paragraph, e.matched) for e in by_name] == [
        ("b", 1, ("HARBOUR",)), ("b", 2, ("@ana-ruiz",))]
    # The mentions analysis, when present, decides instead of names (any reasonable shape).
    mentions = {"ana-ruiz": [{"source": "a", "paragraph": 3}]}
    by_mention = gather_evidence(with_actor, with_actor.topics, mentions=mentions)["ports"]
    assert [(e.source, e.paragraph) for e in by_mention] == [("a", 3), ("b", 1)]
    assert mention_index([{"actor": "x", "source": "s", "paragraph": 2}]) == {("s", 2): {"x"}}


def test_evidence_section_counts_links_and_escapes(tmp_path: Path) -> None:
    hostile = "The tariff talks <script>alert(1)</script> & more.\n"
    root = _book(tmp_path, {"a.txt": TRADE, "z.txt": hostile})
    book = load_book(root / "briefing")
    topic = book.topics[0]
    section = evidence_section(topic, gather_evidence(book, book.topics)[topic.id], book,
                               page="context/trade.md")
    assert section.startswith("## Evidence\n")
    assert "3 paragraphs from 2 sources" in section
    assert '<a href="../../sources/a/#a-p2">a, ¶ 2</a>' in section
    assert '<a href="../../sources/z/">' in section
    assert "<script>" not in section and "&lt;script&gt;" in section
    counts = re.findall(r"<tr><td><a [^>]*>[^<]*</a></td><td>[^<]*</td><td>(\d+)</td></tr>",
                        section)
    assert counts == ["2", "1"]


def test_a_new_article_appears_in_the_evidence_of_a_handwritten_topic_page(
        tmp_path: Path) -> None:
    topics = "- id: trade-talks\n  title: Trade\n  page: context/trade.md\n" \
             "  phrases: [tariff talks]\n"
    page = "# Trade\n\nAnalysis written by hand.\n"
    root = _book(tmp_path, {"a.txt": TRADE}, topics=topics, docs={"context/trade.md": page})
    book = load_book(root / "briefing")
    before = append_evidence(page, "context/trade.md", book, Annotations(book))
    assert "a, ¶ 1" in before and "new-article" not in before
    assert append_evidence(page, "other.md", book, Annotations(book)) == page
    # An editor drops a new article in; the page itself is not edited.
    (root / "briefing" / "sources" / "new-article.txt").write_text(
        "Negotiators said the tariff talks would resume next week.\n", "utf-8")
    book = load_book(root / "briefing")
    after = append_evidence(page, "context/trade.md", book, Annotations(book))
    assert after.startswith(page.rstrip("\n"))
    assert "new-article, ¶ 1" in after
    assert "2 paragraphs from 2 sources" in after
    # And the hand-written page wins over the generated one at the same path.
    built = build_pages(book, {"context/trade.md": page}, Settings())
    assert "context/trade.md" not in built.pages


def test_a_topic_without_a_page_gets_a_generated_page(tmp_path: Path) -> None:
    root = _book(tmp_path, {"a.txt": TRADE})
    book = load_book(root / "briefing")
    built = build_pages(book, {}, Settings())
    page = built.pages["topics/trade-talks.md"]
    assert page.startswith("---\ntitle: \"The trade talks\"\n---")
    assert "## Evidence" in page and "a, ¶ 2" in page


@pytest.mark.slow
def test_evidence_section_is_in_the_built_site(tmp_path: Path) -> None:
    topics = "- id: trade-talks\n  title: Trade\n  page: context/trade.md\n" \
             "  phrases: [tariff talks]\n- id: ports\n  keywords: [HARBOUR]\n"
    page = "# Trade\n\nThe talks resumed [@a, ¶ 1].\n"
    root = _book(tmp_path, {"a.txt": TRADE, "b.txt": HARBOUR}, topics=topics,
                 docs={"context/trade.md": page})
    (root / "briefing" / "sources" / "c.txt").write_text("The tariff talks failed.\n", "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "context" / "trade" / "index.html").read_text("utf-8")
    assert 'id="evidence"' in html
    assert 'href="../../sources/c/#c-p1"' in html
    assert (root / "site" / "topics" / "ports" / "index.html").exists()


def test_the_books_topics_load_and_select_evidence() -> None:
    book = load_book(ROOT / "briefing")
    assert not [p for p in book.problems if "topics.yml" in p.file]
    ids = {t.id for t in book.topics}
    assert {"jcpoa", "aumf"} <= ids
    evidence = Annotations(book).topic_evidence
    assert len({e.source for e in evidence["jcpoa"]}) >= 4
    assert len(evidence["aumf"]) >= 5
