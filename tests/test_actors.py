"""Loading and validating actors.yml, and the curated registry of the book."""

from __future__ import annotations

from pathlib import Path

from briefbook.analyse.annotations import Annotations
from briefbook.read.actors import load_actors
from briefbook.read.book import load_book
from briefbook.read.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]


def write_book(tmp_path: Path, actors: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Jane Doe spoke.\n\nThe Ministry agreed.\n",
                                                encoding="utf-8")
    (tmp_path / "sources.yml").write_text("- id: a\n  file: a.txt\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text(actors, encoding="utf-8")
    return tmp_path


def load(tmp_path: Path, actors: str):
    root = write_book(tmp_path, actors)
    sources, _ = load_sources(root)
    return load_actors(root, sources)


def test_valid_actor_with_cited_role(tmp_path: Path) -> None:
    actors, problems = load(tmp_path, """\
- id: jane-doe
  name: Jane Doe
  kind: person
  affiliation: ministry
  aliases: [Doe]
  roles:
    - title: spokeswoman
      cite: "[@a, ¶ 1]"
      since: 2020-01
- id: ministry
  name: The Ministry
  kind: government
""")
    assert problems == []
    jane = actors[0]
    assert jane.roles[0].refs[0].source == "a" and jane.roles[0].refs[0].paragraphs == (1,)
    assert jane.roles[0].since == "2020-01" and jane.curated


def test_duplicate_id_unknown_affiliation_and_shared_alias(tmp_path: Path) -> None:
    actors, problems = load(tmp_path, """\
- id: jane-doe
  name: Jane Doe
  affiliation: ministy
- id: ministry
  name: Ministry
  kind: government
  aliases: ["Jane  Doe"]
- id: jane-doe
  name: Another Jane
""")
    messages = {p.message: p for p in problems}
    dup = next(p for m, p in messages.items() if "duplicate actor id 'jane-doe'" in m)
    assert dup.file == "actors.yml" and dup.line == 8
    aff = next(p for m, p in messages.items() if "unknown affiliation 'ministy'" in m)
    assert aff.line == 1 and "did you mean 'ministry'" in (aff.hint or "")
    shared = next(p for m, p in messages.items() if "also a name or alias of 'jane-doe'" in m)
    assert shared.line == 4
    assert [a.id for a in actors] == ["jane-doe", "ministry"]


def test_bad_citation_kind_and_key_are_reported_with_line(tmp_path: Path) -> None:
    _, problems = load(tmp_path, """\
- id: jane-doe
  name: Jane Doe
  kind: persn
  rols: []
  roles:
    - title: spokeswoman
      cite: "[@b, ¶ 1]"
    - title: envoy
      cite: "[@a, ¶ 9]"
""")
    text = [str(p) for p in problems]
    assert any("actors.yml:3" in t and "unknown kind 'persn'" in t and "person" in t
               for t in text)
    assert any("actors.yml:4" in t and "unknown key 'rols'" in t for t in text)
    assert any("actors.yml:7" in t and "unknown source '@b'" in t for t in text)
    assert any("actors.yml:9" in t and "has no paragraph 9" in t for t in text)


def test_missing_file_is_no_actors(tmp_path: Path) -> None:
    root = write_book(tmp_path, "")
    (root / "actors.yml").unlink()
    sources, _ = load_sources(root)
    assert load_actors(root, sources) == ((), [])


# --- the book's curated registry -----------------------------------------------------------

def test_book_registry_loads_cleanly() -> None:
    book = load_book(ROOT / "briefing")
    assert not [p for p in book.problems if p.file.endswith("actors.yml")]
    assert len(book.actors) >= 40


def test_disputed_role_is_cited_both_ways() -> None:
    book = load_book(ROOT / "briefing")
    price = next(a for a in book.actors if a.id == "ned-price")
    disputed = [r for r in price.roles if r.disputed]
    assert [r.title for r in disputed] == ["Foreign Ministry spokesman"]
    assert disputed[0].refs[0].source == "syria-strikes-reworded-2021-02-25"
    assert disputed[0].refs[0].paragraphs == (14,)
    undisputed = [r for r in price.roles if not r.disputed]
    assert any(r.title == "State Department spokesman" and
               r.refs[0].source == "syria-strikes-2021-02-25" for r in undisputed)


def test_every_spelling_resolves_to_one_profile() -> None:
    a = Annotations(load_book(ROOT / "briefing"))
    by_text: dict[str, set[str]] = {}
    for m in a.mentions:
        by_text.setdefault(m.text.replace("\u2019", "'"), set()).add(m.actor)
    expect = {"Kait'ib Hezbollah": "kataib-hezbollah", "Kataib Hezbollah": "kataib-hezbollah",
              "Kata'ib Hezbollah": "kataib-hezbollah",
              "Kait'ib Sayyid al Shuhada": "kataib-sayyid-al-shuhada",
              "Kataib Sayyid al-Shuhada": "kataib-sayyid-al-shuhada",
              "Kata'ib Sayyid al-Shuhada": "kataib-sayyid-al-shuhada",
              "Qasem Soleimani": "qasem-soleimani", "Qassem Soleimani": "qasem-soleimani",
              "Kirbry": "john-kirby", "Kirby": "john-kirby"}
    for text, actor in expect.items():
        assert by_text.get(text) == {actor}, text
    # people the registry does not curate are found too, but never as a second profile of a
    # curated actor (by name, alias or surname), and never as a non-name
    from briefbook.core.lexicon import is_function_word, place_kind
    from briefbook.core.names import key

    curated = {key(s) for x in a.book.actors for s in x.names}
    surnames = {key(x.name).split()[-1] for x in a.book.actors if x.kind == "person"}
    for extracted in [x for x in a.actors if not x.curated]:
        assert key(extracted.name) not in curated, extracted
        assert key(extracted.name) not in surnames, extracted
        assert not is_function_word(extracted.name.split()[0]), extracted
        assert place_kind(extracted.name) is None, extracted


def test_mentions_cover_every_source_naming_the_actor() -> None:
    a = Annotations(load_book(ROOT / "briefing"))
    sources = {}
    for m in a.mentions:
        sources.setdefault(m.actor, set()).add(m.source)
    every = {s.id for s in a.book.sources}
    assert sources["kataib-hezbollah"] == every
    assert sources["john-kirby"] == every - {"militias-escalate-2021-06-28"}
    assert sources["qasem-soleimani"] == {"syria-strikes-2021-02-25",
                                          "syria-strikes-reworded-2021-02-25",
                                          "newsweek-2021-02-25", "militias-escalate-2021-06-28"}
    assert sources["ned-price"] == {"syria-strikes-2021-02-25",
                                    "syria-strikes-reworded-2021-02-25", "newsweek-2021-02-25"}


# --- pages, data and cross-links -----------------------------------------------------------

ARTICLE = ("Minister Ana Lima met the press.\n\n"
           "“We <script>will</script> answer within the week,” Lima said.\n\n"
           "“Our patience has limits and they know it,” she added.\n")


def small_book(tmp_path: Path, actors: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("- id: a\n  file: a.txt\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text(actors, encoding="utf-8")
    return tmp_path


def test_empty_registry_still_gets_speaker_profiles_and_quotes(tmp_path: Path) -> None:
    import json

    from briefbook.render.data import data_files
    from briefbook.render.pages import build_pages

    book = load_book(small_book(tmp_path, ""))
    built = build_pages(book, {})
    profile = built.pages["actors/ana-lima.md"]
    assert "# Ana Lima {#ana-lima}" in profile and "extracted" in profile
    assert "&lt;script&gt;" in profile and "<script>" not in profile
    assert "[@a, ¶ 2]" in profile and "[@a, ¶ 3]" in profile
    assert "[Ana Lima](ana-lima.md)" in built.pages["actors/index.md"]
    files = data_files(book, built)
    quotes = json.loads(files["quotes.json"])
    assert [(q["speaker"], q["paragraph"]) for q in quotes] == [("ana-lima", 2), ("ana-lima", 3)]
    assert set(quotes[0]) == {"text", "kind", "speaker", "speaker_name", "speaker_as_written",
                              "cue", "anonymous", "derived", "original", "source", "paragraph"}
    assert quotes[0]["speaker_name"] == "Ana Lima" and quotes[0]["derived"] is False
    assert quotes[0]["cue"] and "cue: " in profile
    actors = json.loads(files["actors.json"])
    assert actors[0]["id"] == "ana-lima" and actors[0]["curated"] is False
    assert set(actors[0]) == {"id", "name", "kind", "roles", "affiliation", "aliases", "url",
                              "curated", "mentions", "quotes"}
    assert actors[0]["mentions"] == [{"source": "a", "paragraph": 1},
                                     {"source": "a", "paragraph": 2}]


def test_profile_shows_roles_disputes_affiliation_and_mentions(tmp_path: Path) -> None:
    from briefbook.render.pages import build_pages

    book = load_book(small_book(tmp_path, """\
- id: ana-lima
  name: Ana Lima
  kind: person
  affiliation: ministry
  roles:
    - title: Minister
      cite: "[@a, ¶ 1]"
    - title: Ambassador
      cite: "[@a, ¶ 2]"
      disputed: true
      note: only one paragraph says so
- id: ministry
  name: The Ministry
  kind: government
"""))
    pages = build_pages(book, {}).pages
    profile = pages["actors/ana-lima.md"]
    assert "- Minister [@a, ¶ 1]" in profile
    assert "<del>Ambassador</del> **disputed** [@a, ¶ 2]: only one paragraph says so" in profile
    assert "[The Ministry](ministry.md)" in profile
    assert "[¶ 1](../sources/a.md#a-p1), [¶ 2](../sources/a.md#a-p2)" in profile
    index = pages["actors/index.md"]
    assert "## People (1) {#group-person}" in index
    assert "**[The Ministry](ministry.md)** (1)" in index
    assert "[Ana Lima](ana-lima.md) — 2 mentions, 2 quotations" in index
    review = pages["review.md"]
    assert "# Review" in review


def test_actor_reference_problems_have_line_and_hint() -> None:
    from briefbook.render.actors import actor_ref_problems

    md = "# T\n\n[Ana][ana-lima] and [Ana][ana-lim].\n\n`[x][ana-lim]`\n\n[y][zzz]\n"
    problems = actor_ref_problems(md, "docs/t.md", ["ana-lima"])
    assert [(p.line, p.key, p.hint) for p in problems] == [
        (3, "ana-lim", "did you mean 'ana-lima'?")]


def test_strict_build_resolves_and_rejects_actor_references(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "briefing").mkdir()
    small_book(tmp_path / "briefing", "- id: ana-lima\n  name: Ana Lima\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - briefbook\n  - autorefs\n"
        "markdown_extensions:\n  - attr_list\nnav:\n  - index.md\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build(page: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                               str(tmp_path / "site")], cwd=tmp_path, env=env,
                              capture_output=True, text=True, check=False)

    ok = build("# Home\n\nSee [Ana Lima][ana-lima].\n")
    assert ok.returncode == 0, ok.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="actors/ana-lima/#ana-lima"' in html
    bad = build("# Home\n\nSee\n[Ana][ana-lma].\n")
    assert bad.returncode != 0
    assert "docs/index.md:4: unknown actor reference '[Ana][ana-lma]'" in bad.stderr
    assert "Could not find cross-reference target 'ana-lma'" in bad.stderr


def test_review_command_lists_items_with_source_and_paragraph(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefbook.cli.book import review

    root = small_book(tmp_path, "- id: ana-lindqvist\n  name: Ana Lindqvist\n")
    (root / "sources" / "a.txt").write_text(
        "Ana Lindqvist met Governor Peter Pan.\n\n“We will answer within the week.”\n\n"
        "“Nothing is decided yet,” an aide said.\n\nLater Lindqvst spoke again.\n",
        encoding="utf-8")
    result = CliRunner().invoke(review, ["--briefing", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("extracted-actor\ta ¶ 1\t“Peter Pan” (person) is named")
               for line in lines), lines
    assert any(line.startswith("unattributed-quote\ta ¶ 2\t“We will answer within the week.”")
               for line in lines)
    # an anonymous speaker is a speaker: its quotation is not "unattributed"
    assert not any("Nothing is decided yet" in line for line in lines)
    near = [line for line in lines
            if line.startswith("near-miss\ta ¶ 4\t“Lindqvst” looks like “Ana Lindqvist”")]
    assert near and "key near-miss:a:lindqvst" in near[0]
    # the speaker-affecting item ranks before the profile ones
    assert lines[0].startswith("unattributed-quote")
    (root / "review.yml").write_text("- item: near-miss:a:lindqvst\n  decision: ignored\n"
                                     "- item: nonsense\n  decision: maybe\n", "utf-8")
    result = CliRunner().invoke(review, ["--briefing", str(root)])
    assert "near-miss\ta ¶ 4" not in result.output
    assert "review.yml:3: 'item: nonsense' is not a review item key" in result.output


def test_every_paragraph_naming_an_actor_in_full_has_its_mention() -> None:
    import re

    from briefbook.core.names import key, normalize

    a = Annotations(load_book(ROOT / "briefing"))
    found = {(m.actor, m.source, m.paragraph) for m in a.mentions}
    missing = []
    for actor in a.book.actors:
        for spelling in actor.names:
            k = key(spelling)
            if len(k.split()) < 2:
                continue
            for source in a.book.sources:
                for para in source.paragraphs:
                    folded = normalize(para.text)[0]
                    if not para.boilerplate and re.search(rf"(?<!\w){re.escape(k)}(?!\w)",
                                                          folded):
                        if (actor.id, source.id, para.number) not in found:
                            missing.append((actor.id, source.id, para.number))
    # A longer name may contain a shorter one ("Revolutionary Guard Quds Force"): only
    # paragraphs where no longer registered name explains the miss are errors.
    longer = {(m.source, m.paragraph) for m in a.mentions if len(m.text.split()) > 2}
    assert [x for x in missing if (x[1], x[2]) not in longer] == []
