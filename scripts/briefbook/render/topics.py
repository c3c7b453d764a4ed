"""Topic pages and the Evidence section appended to a topic's hand-written page."""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.evidence import Evidence
from briefbook.core.citekeys import excerpt
from briefbook.core.links import href
from briefbook.core.model import Book, Topic
from briefbook.read.topics import TOPICS_FILE
from briefbook.render.base import Settings
from briefbook.render.markup import esc, front_matter, md_escape
from briefbook.render.sources import source_page_path, source_title

EVIDENCE_HEADING = "Evidence"


def evidence_section(topic: Topic, evidence: Sequence[Evidence], book: Book, *, page: str,
                     directory_urls: bool = True) -> str:
    """The "Evidence" section of a topic's page: counts per source, then every excerpt.

    Args:
        topic: The topic.
        evidence: Its evidence paragraphs (from :func:`gather_evidence`).
        book: The loaded book.
        page: The Markdown path of the page the section goes on (links are relative to it).
        directory_urls: MkDocs' ``use_directory_urls``.
    """
    lines = [f"## {EVIDENCE_HEADING}", "",
             '<p class="bb-evidence-note"><span class="bb-badge bb-extracted">extracted</span> '
             f"Every paragraph of the sources that the rule of topic <code>{esc(topic.id)}"
             f"</code> in <code>briefing/{TOPICS_FILE}</code> selects, gathered at build time: "
             f"{len(evidence)} paragraph{'s' if len(evidence) != 1 else ''} from "
             f"{len({e.source for e in evidence})} source"
             f"{'s' if len({e.source for e in evidence}) != 1 else ''}. Selection is by "
             "words, not by meaning: read each paragraph before relying on it.</p>", ""]
    if not evidence:
        return "\n".join(lines) + "\n"
    counts: dict[str, int] = {}
    for item in evidence:
        counts[item.source] = counts.get(item.source, 0) + 1
    rows = []
    for sid, count in counts.items():
        source = book.source(sid)
        assert source is not None
        url = href(page, source_page_path(sid), directory_urls=directory_urls)
        rows.append(f'<tr><td><a href="{esc(url)}">{esc(source_title(source))}</a></td>'
                    f"<td>{esc(source.date or 'undated')}</td><td>{count}</td></tr>")
    lines += ['<table class="bb-evidence-counts"><thead><tr><th>Source</th><th>Date</th>'
              "<th>Paragraphs</th></tr></thead><tbody>", *rows, "</tbody></table>", ""]
    items = []
    for item in evidence:
        source = book.source(item.source)
        assert source is not None
        url = href(page, source_page_path(item.source), source.anchor(item.paragraph),
                   directory_urls=directory_urls)
        items.append(
            f'<li><a href="{esc(url)}">{esc(item.source)}, ¶ {item.paragraph}</a> '
            f'<span class="bb-note-meta">({esc(source.label)}; matched: '
            f"{esc(', '.join(item.matched))})</span> "
            f'<q class="bb-evidence-text">{esc(excerpt(item.text, 300))}</q></li>')
    lines += ['<ol class="bb-evidence">', *items, "</ol>", ""]
    return "\n".join(lines)


def topic_for_page(topics: Sequence[Topic], path: str) -> Topic | None:
    """The topic whose page is ``path`` (a Markdown path under ``docs/``), if any."""
    return next((t for t in topics if t.path == path), None)


def append_evidence(markdown: str, path: str, book: Book, annotations: Annotations, *,
                    directory_urls: bool = True) -> str:
    """Append the evidence section to a hand-written topic page (other pages unchanged)."""
    topic = topic_for_page(book.topics, path)
    if topic is None:
        return markdown
    evidence = annotations.topic_evidence.get(topic.id, ())
    return (markdown.rstrip("\n") + "\n\n"
            + evidence_section(topic, evidence, book, page=path, directory_urls=directory_urls))


def render_topic_page(topic: Topic, evidence: Sequence[Evidence], book: Book, *,
                      directory_urls: bool = True) -> str:
    """A generated page for a topic that has no hand-written page: summary and evidence."""
    title = md_escape(topic.title, keep_citations=False)
    head = [front_matter(topic.title).rstrip("\n"), "", f"# {title}", ""]
    if topic.summary:
        head += [f"<p>{esc(topic.summary)}</p>", ""]
    head += [f"<p>A generated page: no analysis has been written for this topic yet. Its rule "
             f"selects paragraphs on {esc(', '.join(_plain_rule(topic)))}.</p>", ""]
    return "\n".join(head) + "\n" + evidence_section(topic, evidence, book, page=topic.path,
                                                     directory_urls=directory_urls)


def _plain_rule(topic: Topic) -> list[str]:
    return [*(f"“{p}”" for p in topic.phrases), *topic.keywords,
            *(f"actor {a}" for a in topic.actors)]


def topic_pages(book: Book, annotations: Annotations, settings: Settings) -> dict[str, str]:
    """Page generator: a page per topic, at its ``page`` path or ``topics/<id>.md``.

    A hand-written page at the same path takes precedence (the render stage drops the
    generated one) and gets the evidence section through :func:`append_evidence`.
    """
    return {t.path: render_topic_page(t, annotations.topic_evidence.get(t.id, ()), book,
                                      directory_urls=settings.directory_urls)
            for t in book.topics}
