"""Property: random Markdown-like text in an article and in every metadata field never becomes
an event handler, a script URL or markup anywhere in the rendered site.

Each example writes a small book (an article, ``sources.yml``, ``actors.yml``, ``events.yml``,
``topics.yml``) whose texts are random strings built from Markdown and HTML pieces, renders
every page as the plugin does (generated pages, citations with their tooltips, Markdown with
the book's extensions, JSON-LD) and parses the HTML. The normal run tries a few dozen
examples; the fuzz run (``pytest -m fuzz``, ``make fuzz``) at least 10,000.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from briefbook.analyse.annotations import Annotations
from briefbook.check.active import URL_ATTRIBUTES, url_scheme
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.jsonld import page_jsonld, script_block
from briefbook.render.mdext import render_page
from briefbook.render.pages import build_pages

QUICK = settings(max_examples=30, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings(max_examples=10_000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]
_FRONT_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@pytest.fixture(autouse=True)
def _fuzz_only_when_asked(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("fuzz") and "fuzz" not in (
            request.config.getoption("markexpr") or ""):
        pytest.skip("the long fuzz run: pytest -m fuzz")


pieces = st.sampled_from([
    "[", "]", "(", ")", "<", ">", "/", "\\", "`", "*", "_", "!", "&", "#", ";", "{", "}", ":",
    "=", '"', "'", "|", "~", "^", "+", "-", ".", "@", "¶", " ", "\n", "\n\n", "a", "x", "1",
    "img", "script", "svg", "a href=", "src=", "onerror=", "onmouseover=", "on", "alert(1)",
    "javascript:", "JaVaScRiPt:", "java\tscript:", "data:text/html,", "vbscript:", "http://",
    "www.", "&lt;", "&#60;", "&#x3c;", "&amp;", "&quot;", "<!--", "-->", "{: ", " .c #i }",
    "markdown=\"1\"", "[@s, ¶ 1]", "[@s]", "[@zz, ¶ 9]", "*[x]: ", "](", "][", "![", "<http",
    "{{", "}}", "{%", "%}", "\u2028", "\u201c", "\u201d", "said Jane Roe", "on Monday",
])
texts = st.lists(pieces, min_size=1, max_size=25).map("".join)
one_line = texts.map(lambda t: " ".join(t.split()) or "x")


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_book(root: Path, article: list[str], meta: dict[str, str]) -> None:
    (root / "sources").mkdir(parents=True)
    paras = [f"\u201c{article[0]},\u201d Jane Roe said on Monday, March 1, 2021.", *article[1:]]
    (root / "sources" / "s.txt").write_text("\n\n".join(paras) + "\n", "utf-8")
    (root / "sources.yml").write_text(
        f"- id: s\n  file: s.txt\n  outlet: {_q(meta['outlet'])}\n  title: {_q(meta['title'])}\n"
        f"  date: 2021-03-01\n  date_note: {_q(meta['note'])}\n  url: {_q(meta['url'])}\n"
        f"  author: [{_q(meta['author'])}]\n  notes: {_q(meta['notes'])}\n"
        f"  language: {_q(meta['language'])}\n", "utf-8")
    (root / "actors.yml").write_text(
        f"- id: jane-roe\n  name: Jane Roe\n  aliases: [{_q(meta['alias'])}]\n"
        f"  description: {_q(meta['description'])}\n  url: {_q(meta['url'])}\n"
        f"  roles:\n    - title: {_q(meta['role'])}\n      note: {_q(meta['note'])}\n"
        f"- id: other\n  name: {_q(meta['name'])}\n", "utf-8")
    (root / "events.yml").write_text(
        f"- id: e\n  date: 2021-03-01\n  title: {_q(meta['title'])}\n"
        f"  summary: {_q(meta['description'])}\n  location: {_q(meta['outlet'])}\n"
        f"  time_note: {_q(meta['note'])}\n  sources: ['[@s, ¶ 1]']\n", "utf-8")
    (root / "topics.yml").write_text(
        f"- id: t\n  title: {_q(meta['role'])}\n  summary: {_q(meta['notes'])}\n"
        f"  phrases: [Monday]\n", "utf-8")


def live_markup(html: str, where: str) -> list[str]:
    """Event handlers, script URLs and titles that read as markup, in ``html``."""
    found = []
    for node in LexborHTMLParser(html).css("*"):
        for name, value in node.attributes.items():
            name, value = name.lower(), value or ""
            if name.startswith("on"):
                found.append(f"{where}: {name}= on <{node.tag}>")
            if name in URL_ATTRIBUTES and url_scheme(value) in ("javascript", "vbscript",
                                                                "data"):
                found.append(f"{where}: {value[:40]!r} in {name} of <{node.tag}>")
            if name == "title" and re.search(r"<[A-Za-z/!?]", value):
                found.append(f"{where}: title {value[:60]!r} reads as markup")
        if node.tag == "script" and (node.attributes.get("type") or "") != \
                "application/ld+json":
            found.append(f"{where}: <script> {node.text()[:40]!r}")
    return found


def _render_property(article: list[str], meta: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "briefing"
        _write_book(root, article, meta)
        book = load_book(root)
        notes = "# Notes\n\n" + " ".join(f"[@s, ¶ {n}]" for n in range(1, len(article) + 1)) \
            + " [@s]\n"
        built = build_pages(book, {"notes.md": notes}, Settings(),
                            annotations=Annotations(book))
        found: list[str] = []
        for path, text in {**built.pages, "notes.md": notes}.items():
            front = _FRONT_RE.match(text)
            if front:
                title = re.search(r'^title: (".*")$', front.group(), re.MULTILINE)
                if title:
                    found += live_markup(f"<title>{json.loads(title.group(1))}</title><p>"
                                         f"{json.loads(title.group(1))}</p>", f"{path} title")
            body = text[front.end():] if front else text
            html, _, _ = render_page(body, book, page=path, extensions=EXTENSIONS)
            found += live_markup(html, path)
            block = script_block(page_jsonld(book, path, title="T", site_name="S",
                                             site_url=None, directory_urls=True))
            assert "</script" not in block[:-len("</script>")].lower(), path
            found += live_markup(block, f"{path} JSON-LD")
        assert found == [], "\n".join(found[:20])


articles = st.lists(one_line, min_size=1, max_size=4)
metas = st.fixed_dictionaries({key: one_line for key in (
    "outlet", "title", "note", "url", "author", "notes", "language", "alias", "description",
    "role", "name")})

test_random_markup_never_becomes_live = QUICK(given(articles, metas)(_render_property))
test_random_markup_never_becomes_live_fuzz = pytest.mark.fuzz(
    FUZZ(given(articles, metas)(_render_property)))


def test_the_property_catches_live_markup() -> None:
    """The assertion itself can fail: it finds what an unescaped page would hold."""
    assert live_markup('<a href=" javascript:x">y</a><img src=x onerror=y>'
                       '<b title="<img src=x>">z</b>', "p") == [
        "p: ' javascript:x' in href of <a>", "p: onerror= on <img>",
        "p: title '<img src=x>' reads as markup"]
