"""Property-based fuzzing of the input readers: article bytes, YAML files, citations.

No input may crash the toolchain: it is either read, or reported as a problem (or a
``BriefbookError``) that names the file. The normal run uses a small budget; the fuzz run
(``pytest -m fuzz``, ``make fuzz``) runs at least 10,000 examples per property.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.core.citekeys import find_citations
from briefbook.core.errors import ArticleError
from briefbook.core.yamlio import load_yaml
from briefbook.read.article import read_article
from briefbook.read.book import load_book
from briefbook.read.sources import load_sources
from briefbook.render.mdext import render_page

QUICK = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
FUZZ = settings(max_examples=10_000, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture(autouse=True)
def _fuzz_only_when_asked(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("fuzz") and "fuzz" not in (
            request.config.getoption("markexpr") or ""):
        pytest.skip("the long fuzz run: pytest -m fuzz")


ugly_text = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=400)
pieces = st.sampled_from([
    "\r\n", "\n", "\n\n", "\r", "\x00", "\x0b", "\x1b", "\u200b", "\ufeff", "\u2028", " date ",
    "date 2021-02-25 World", "Sign up for news", "\u201cquoted\u201d", "'", "\t", "  ",
    "Dr. Smith said.", "U.S. forces", "...", "\u00a9 2021", "é", "𝔘𝔫𝔦", "<script>", "&amp;",
])
line_lengths = st.integers(min_value=1, max_value=40)


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """Bytes an editor might drop in: random, text with ugly pieces, long lines, bad bytes."""
    kind = draw(st.sampled_from(["binary", "text", "long", "latin1", "empty", "bom"]))
    if kind == "binary":
        return draw(st.binary(max_size=600))
    if kind == "empty":
        return draw(st.sampled_from([b"", b" ", b"\n\n", b"\r\n", b"\xef\xbb\xbf", b"\t\n "]))
    parts = draw(st.lists(st.one_of(ugly_text, pieces), max_size=30))
    text = "".join(parts)
    if kind == "long":
        text = (text + " A sentence ends here. ") * draw(line_lengths) * 20
    data = text.encode("utf-8", errors="surrogatepass")
    if kind == "latin1":
        data = data + draw(st.binary(min_size=1, max_size=20)) + data
    if kind == "bom":
        data = b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
    return data


def _read_article_property(data: bytes) -> None:
    try:
        article = read_article(data, "sources/fuzz.txt")
    except ArticleError as exc:
        assert exc.problem.file == "sources/fuzz.txt"
        assert "sources/fuzz.txt" in str(exc)
        return
    assert article.paragraphs
    assert [p.number for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
    for para in article.paragraphs:
        assert para.text.strip() and not CONTROL.search(para.text)
        assert para.line >= 1
    assert all(p.file == "sources/fuzz.txt" for p in article.problems)


test_read_article = QUICK(given(article_bytes())(_read_article_property))
test_read_article_fuzz = pytest.mark.fuzz(FUZZ(given(article_bytes())(_read_article_property)))


yaml_pieces = st.sampled_from([
    "- id: a\n", "  file: a.txt\n", "id: [\n", "key: 'unclosed\n", ": :\n", "- - -\n", "\t- x\n",
    "&a x\n", "*a\n", "!!python/object:os.system x\n", "? [a]\n", "date: 2021-02-30\n",
    "sources:\n", "  - id: Bad Id\n", "  - id: a\n    id: b\n", "- 1\n", "'\x00'\n", "---\n",
    "...\n", "%YAML 1.1\n", "- {id: x, file: ../etc/passwd}\n", "- id: x\n  derived_from: y\n",
    "actors: [{id: a, name: 1}]\n", "- id: e\n  date: x\n  actors: [zz]\n",
])


@st.composite
def yaml_bytes(draw: st.DrawFn) -> bytes:
    """YAML-ish files: valid fragments, broken ones, random text, invalid UTF-8, BOM, CRLF."""
    text = "".join(draw(st.lists(st.one_of(yaml_pieces, ugly_text), max_size=12)))
    data = text.encode("utf-8", errors="surrogatepass")
    mode = draw(st.sampled_from(["plain", "crlf", "bom", "bytes", "binary"]))
    if mode == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif mode == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mode == "bytes":
        data = data + draw(st.binary(min_size=1, max_size=8))
    elif mode == "binary":
        data = draw(st.binary(max_size=300))
    return data


def _load_yaml_property(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.yml"
        path.write_bytes(data)
        _, problems = load_yaml(path, "sources.yml")
        assert all(p.file == "sources.yml" for p in problems)
        assert all(p.level == "error" for p in problems)


def _load_book_property(files: dict[str, bytes], article: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "briefing"
        (root / "sources").mkdir(parents=True)
        for name, data in files.items():
            (root / name).write_bytes(data)
        (root / "sources" / "a.txt").write_bytes(article)
        (root / "sources" / "b.txt").write_bytes(b"A plain paragraph.\n\nAnother one.\n")
        sources, problems = load_sources(root)
        assert any(s.id == "b" for s in sources) or any(
            p.file == "sources.yml" for p in problems)
        book = load_book(root)
        known = {"sources.yml", "actors.yml", "events.yml", "topics.yml"}
        for problem in book.problems:
            assert problem.file, problem
            assert problem.file.split(":")[0] in known or problem.file.startswith("sources/"), \
                problem


yaml_files = st.dictionaries(
    st.sampled_from(["sources.yml", "actors.yml", "events.yml", "topics.yml"]), yaml_bytes(),
    max_size=4)

test_load_yaml = QUICK(given(yaml_bytes())(_load_yaml_property))
test_load_yaml_fuzz = pytest.mark.fuzz(FUZZ(given(yaml_bytes())(_load_yaml_property)))
test_load_book = QUICK(given(yaml_files, article_bytes())(_load_book_property))
test_load_book_fuzz = pytest.mark.fuzz(FUZZ(given(yaml_files, article_bytes())(
    _load_book_property)))


cite_pieces = st.sampled_from([
    "[@", "[@a", "[@a, ¶ 1]", "[@b, ¶¶ 1-2]", "[@a, para. 2]", "[@a; @b, ¶ 9]", "[@zz]", "@",
    "¶", "¶¶ 3-1", "¶ 99999999999999999999", "¶ 1-999999", "]", "[", ";", ",", "`", "```\n",
    "~~~\n", "\n", "\n\n", "<!--", "-->", "\u201c", "\u201d", '"', "...", "…", "[x](y)", "\r\n",
    "\\[@a]", "![@a](x)", "[@a]: x", "para.", " and ", "–", "\x00",
])


@pytest.fixture(scope="module")
def small_book():
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "sources" / "a.txt").write_text("First paragraph here.\n\nSecond one, said X.\n")
        (root / "sources" / "b.txt").write_text("Only \u201cquoted\u201d words.\n\nMore.\n")
        yield load_book(root)


def _citations_property(small_book, markdown: str) -> None:
    book = small_book
    citations, errors = find_citations(markdown)
    for cit in citations:
        assert markdown[cit.start:cit.end] == cit.text
        assert 1 <= cit.line <= markdown.count("\n") + 1
    assert all(isinstance(line, int) for line, _, _ in errors)
    html, problems, reading = render_page(markdown, book, page="page.md")
    records = reading.records if reading is not None else ()
    assert len(records) == sum(len(c.items) for c in citations)  # the one reading renders
    assert all(p.file == "page.md" for p in problems)
    assert "\ue000" not in html  # no placeholder left behind
    assert "<script" not in html or "<script" in markdown


markdowns = st.lists(st.one_of(cite_pieces, ugly_text), max_size=40).map("".join)

test_citations = QUICK(given(markdown=markdowns)(_citations_property))
test_citations_fuzz = pytest.mark.fuzz(FUZZ(given(markdown=markdowns)(_citations_property)))
