"""Render source pages and the sources index as Markdown strings (pure, no I/O).

Everything taken from an article or from YAML is HTML-escaped into raw HTML blocks, so no
article text can become markup, script or a link. Links between pages are relative URLs
computed by :mod:`briefbook.core.links`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from briefbook.analyse.source_dates import SourceDate
from briefbook.core.links import href, page_url, relative
from briefbook.core.model import Book, Source
from briefbook.core.textmeta import FROM_TEXT, Found
from briefbook.render.markup import entities, esc, front_matter, safe_url
from briefbook.render.parts import stable_parts


@dataclass(frozen=True, kw_only=True)
class CitedBy:
    """One citation of a paragraph (or a whole source) by a page.

    Attributes:
        page: The citing page's path under the docs folder.
        title: The citing page's title.
        note: The citation's note number on that page.
        line: The citation's line in that page's Markdown.
        fragment: ``None`` for a hand-written page: the back-link goes to the note
            (``#bb-cite-N``). For a generated page, the id of the element holding the citation
            (a chronology event), or ``""`` for the page itself: a note number there moves
            whenever the book grows (:mod:`briefbook.render.citedby`).
        label: What the back-link says after the page title when ``fragment`` is set.
    """

    page: str
    title: str
    note: int
    line: int
    fragment: str | None = None
    label: str = ""

    @property
    def stable(self) -> tuple[object, ...]:
        """What a source page shows of this citation (its cache key and dedup key)."""
        if self.fragment is None:
            return (self.page, self.title, "note", self.note)
        return (self.page, self.title, self.fragment, self.label)


SOURCES_INDEX = "sources/index.md"


def source_page_path(source_id: str) -> str:
    """The Markdown path of a source's page: ``sources/<id>.md``."""
    return f"sources/{source_id}.md"


def source_title(source: Source) -> str:
    """What a source is called in headings and lists.

    The curated title, else the headline its text suggests, else its label (outlet and date).
    """
    return source.shown_title or source.label


#: How each paragraph rule is named on a source page.
RULE_NAMES = {
    "blank-lines": "blank lines separate paragraphs",
    "lines": "one paragraph per line",
    "wrapped": "hard-wrapped lines re-joined into paragraphs",
    "sentences": "long lines cut into paragraphs of a few sentences",
}


def _from_text(found: Found | None, me_anchor: str | None) -> str:
    """A value the text suggests, with its basis and a link to its paragraph."""
    if found is None:
        return _value(None)
    where = (f' (<a href="#{esc(me_anchor)}">¶&nbsp;{found.paragraph}</a>)'
             if me_anchor else "")
    return (f'{esc(found.value)} <span class="bb-badge bb-basis-from-text">{FROM_TEXT}</span>'
            f"{where}")


def _meta_value(curated: str | None, found: Found | None, source: Source) -> str:
    if curated:
        return esc(curated)
    if found is None:
        return _value(None)
    return _from_text(found, source.anchor(found.paragraph) if found.paragraph else None)


def _authors_value(source: Source) -> str:
    if source.author:
        return esc(", ".join(source.author))
    if not source.suggested.authors:
        return _value(None)
    first = source.suggested.authors[0]
    anchor = source.anchor(first.paragraph) if first.paragraph else None
    return _from_text(Found(value=", ".join(a.value for a in source.suggested.authors),
                            text=first.text, paragraph=first.paragraph), anchor)


def _dateline_value(source: Source) -> str | None:
    dateline = source.suggested.dateline or source.text_meta.dateline
    if dateline is None:
        return None
    parts = [f"<q>{esc(dateline.text)}</q>"]
    if dateline.place:
        parts.append(f"place {esc(dateline.place)}")
    if dateline.date_text:
        parts.append(f"date {esc(dateline.date_text)}")
    where = (f' (<a href="#{esc(source.anchor(dateline.paragraph))}">¶&nbsp;'
             f"{dateline.paragraph}</a>)") if dateline.paragraph else ""
    return ", ".join(parts) + f' <span class="bb-badge bb-basis-from-text">{FROM_TEXT}</span>' \
        + where


def _rule_value(source: Source) -> str:
    rule = f"<code>{esc(source.paragraph_rule)}</code>"
    if source.paragraph_rule_set:
        name = RULE_NAMES.get(source.paragraph_rule, source.paragraph_rule)
        text = f"{rule}, {esc(name)} (set in <code>sources.yml</code>"
        if source.detected_rule and source.detected_rule != source.paragraph_rule:
            text += f"; the text's shape suggests <code>{esc(source.detected_rule)}</code>"
        return text + ")"
    reason = source.rule_reason or RULE_NAMES.get(source.paragraph_rule, "")
    return f"{rule}, detected from the text: {esc(reason)}"


def _date_text(source: Source, proposal: SourceDate | None = None, *,
               brief: bool = False) -> str:
    """A source's date, as HTML.

    The curated date and basis; else the date a dateline or date line states (*from the
    text*); else the date the text proposes (the one the chronology uses, marked *inferred*,
    with what it rests on unless ``brief``); else *unknown*.
    """
    if source.date_basis == "unknown" or not source.date:
        dateline = source.suggested.dateline
        if dateline and dateline.date_text:
            return (f'{esc(dateline.date_text)} <span class="bb-badge bb-basis-from-text">'
                    f"{FROM_TEXT}</span>")
        if proposal is not None:
            shown = (f'{esc(proposal.date)} <span class="bb-badge bb-basis-inferred">inferred'
                     "</span>")
            return shown if brief else (
                f'{shown} <span class="bb-date-note">{esc(proposal.note)}; not yet '
                "confirmed in <code>sources.yml</code></span>")
        return '<span class="bb-unknown">unknown</span>'
    return f'{esc(source.date)} <span class="bb-badge bb-basis-{source.date_basis}">' \
           f"{esc(source.date_basis)}</span>"


def _value(value: str | None) -> str:
    return esc(value) if value else '<span class="bb-unknown">unknown</span>'


def render_source_page(
    source: Source, book: Book, *, cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]],
    directory_urls: bool = True, data_dir: str = "data",
    derived_from: Mapping[str, str] | None = None, proposal: SourceDate | None = None,
) -> str:
    """The Markdown of one source's page.

    Args:
        source: The source to render.
        book: The whole book (for derived-from links and derivatives).
        cited_by: ``(source_id, paragraph or None)`` → the citations pointing there.
        directory_urls: MkDocs' ``use_directory_urls``.
        data_dir: Where the data downloads (and verbatim files) are published.
        derived_from: Copy → original for the whole book, curated and detected (default: the
            curated ``derived_from`` values only).
        proposal: The date the analysis proposes for an undated source (shown, marked
            inferred, as the chronology uses it).
    """
    me = source_page_path(source.id)
    if derived_from is None:
        derived_from = {s.id: s.derived_from for s in book.sources if s.derived_from}

    def link(to: str, anchor: str | None = None) -> str:
        return esc(href(me, to, anchor, directory_urls=directory_urls))

    root = relative("", page_url(me, directory_urls=directory_urls))
    out = [front_matter(source_title(source), description=f"Source {source.id}")]
    out.append(f'<h1 id="{esc(source.id)}">{esc(source_title(source))}</h1>\n')
    derived = _copies_of(book, derived_from).get(source.id, [])
    original_id = derived_from.get(source.id)
    if original_id:
        original = book.source(original_id)
        name = esc(source_title(original)) if original else esc(original_id)
        how = ("recorded in <code>sources.yml</code>" if source.derived_from else
               "detected by comparing the texts, not yet confirmed in <code>sources.yml</code>")
        out.append(
            f'<div class="admonition warning bb-derived"><p class="admonition-title">Derived '
            f'copy</p><p>This source is a copy of <a href="'
            f'{link(source_page_path(original_id))}">{name}</a> '
            f"(<code>{esc(original_id)}</code>), {how}. It does not count as independent "
            "corroboration. Where the two differ, the differences are listed on the "
            "comparison page; cite the original where they agree.</p></div>\n")
    if derived:
        items = ", ".join(f'<a href="{link(source_page_path(d.id))}"><code>{esc(d.id)}</code>'
                          "</a>" for d in derived)
        out.append(f'<div class="admonition info bb-derivatives"><p class="admonition-title">'
                   f"Copies of this source</p><p>Derived copies: {items}.</p></div>\n")
    url = safe_url(source.url)
    rows = [
        ("Source id", f"<code>{esc(source.id)}</code>"),
        ("Outlet", _meta_value(source.outlet, source.suggested.outlet, source)),
        ("Title", _meta_value(source.title, source.suggested.headline, source)),
        ("Date", _date_text(source, proposal)),
    ]
    if source.date_note:
        rows.append(("Date basis", esc(source.date_note)))
    dateline = _dateline_value(source)
    if dateline:
        rows.append(("Dateline", dateline))
    rows += [
        ("Author", _authors_value(source)),
        ("URL", f'<a href="{esc(url)}" rel="noopener">{esc(url)}</a>' if url else _value(
            source.url)),
        ("Accessed", _value(source.accessed)),
        ("Section", _value(source.section)) if source.section else None,
        ("File", f'<a href="{esc(root)}{esc(data_dir)}/sources/{esc(source.file)}">'
                 f"{esc(source.file)}</a> (verbatim, SHA-256 <code>{source.sha256[:16]}…</code>)"),
        ("Original", f'<a href="{esc(root)}{esc(data_dir)}/originals/'
                     f'{esc(PurePosixPath(source.original).name)}">the page as saved</a> (the '
                     "text above was extracted from it)") if source.original else None,
        ("Metadata", "curated in <code>sources.yml</code>" if source.curated else
         "not curated: this file is not listed in <code>sources.yml</code>"),
        ("Notes", esc(source.notes)) if source.notes else None,
        ("Paragraphs", _rule_value(source)),
    ]
    out.append('<dl class="bb-meta">\n' + "\n".join(
        f"<dt>{k}</dt><dd>{v}</dd>" for row in rows if row for k, v in [row]) + "\n</dl>\n")
    whole = cited_by.get((source.id, None), ())
    if whole:
        out.append('<p class="bb-citedby-whole">Cited as a whole by ' + _cited_by_links(
            whole, me, directory_urls) + "</p>\n")
    out.append(f"## Text\n\n<p class=\"bb-help\">{len(source.paragraphs)} paragraphs. "
               "Each has an anchor and a citation to copy.</p>\n")
    lines = ['<div class="bb-paras">']
    for para in source.paragraphs:
        anchor = source.anchor(para.number)
        cite = f"[@{source.id}, ¶ {para.number}]"
        classes = "bb-para bb-boilerplate" if para.boilerplate else "bb-para"
        parts = [f'<p class="{classes}" id="{esc(anchor)}" data-line="{para.line}">',
                 f'<a class="bb-pnum" href="#{esc(anchor)}" title="Link to this paragraph">'
                 f"¶&nbsp;{para.number}</a> ",
                 f'<span class="bb-ptext">{esc(para.text)}</span>']
        if para.boilerplate:
            kind = para.role if para.role and para.role != "furniture" else "boilerplate"
            parts.append(f' <span class="bb-badge bb-boilerplate-label">{esc(kind)}, '
                         "not citable</span>")
        else:
            parts.append(f' <button type="button" class="bb-copy" data-cite="{esc(cite)}" '
                         f'title="Copy the citation {esc(cite)}"><code>{esc(cite)}</code>'
                         "</button>")
        refs = cited_by.get((source.id, para.number), ())
        if refs:
            parts.append(' <span class="bb-citedby">Cited by ' + _cited_by_links(
                refs, me, directory_urls) + "</span>")
        parts.append("</p>")
        lines.append("".join(parts))
    lines.append("</div>")
    out.append("\n".join(lines) + "\n")
    return "\n".join(out)


_COPIES: list[tuple[Book, Mapping[str, str], dict[str, list[Source]]]] = []


def _copies_of(book: Book, derived_from: Mapping[str, str]) -> dict[str, list[Source]]:
    """Original id → its copies, in book order.

    Computed once per (book, mapping), not once per source page (which made rendering
    quadratic in the number of sources).
    """
    if _COPIES and _COPIES[0][0] is book and _COPIES[0][1] is derived_from:
        return _COPIES[0][2]
    copies: dict[str, list[Source]] = {}
    for s in book.sources:
        if s.id in derived_from:
            copies.setdefault(derived_from[s.id], []).append(s)
    _COPIES[:] = [(book, derived_from, copies)]
    return copies


def _cited_by_links(refs: Sequence[CitedBy], me: str, directory_urls: bool) -> str:
    """The back-links of one paragraph: a hand-written page's note, a generated page's element.

    Sorted and deduplicated by what they show, so a generated page's back-links do not depend
    on its note numbers.
    """
    links = []
    for key in sorted({ref.stable: ref for ref in refs}, key=_order):
        page, title, kind, value = key
        if kind == "note":
            url = href(me, str(page), f"bb-cite-{value}", directory_urls=directory_urls)
            shown = f"{title}, note {value}"
        else:
            url = href(me, str(page), str(kind) or None, directory_urls=directory_urls)
            shown = f"{title}, {value}" if value else str(title)
        links.append(f'<a href="{esc(url)}">{entities(esc(shown))}</a>')
    return ", ".join(links)


def _order(key: tuple[object, ...]) -> tuple[object, ...]:
    page, _, kind, value = key
    return (page, kind != "note", value if kind == "note" else 0, str(kind), str(value))


#: From how many sources the index is split into an overview and parts.
SOURCES_SPLIT_FROM = 400
#: About how many sources a part of a split index holds (:mod:`briefbook.render.parts`).
SOURCES_PART_SIZE = 100
#: The folder of the parts of a split sources index.
SOURCES_PARTS_FOLDER = "sources/index"


def _counts(cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for (sid, _), refs in cited_by.items():
        counts[sid] = counts.get(sid, 0) + len(refs)
    return counts


def _table(sources: Sequence[Source], page: str, counts: Mapping[str, int],
           directory_urls: bool, proposals: Mapping[str, SourceDate]) -> str:
    """The index's table of ``sources`` (by date, then id) as it appears on ``page``."""
    rows = ['<table class="bb-sources-table">',
            "<thead><tr><th>Source</th><th>Outlet</th><th>Title</th><th>Date</th>"
            "<th>Paragraphs</th><th>Times cited</th></tr></thead>", "<tbody>"]
    for s in sorted(sources, key=lambda s: (s.date or "9999", s.id)):
        url = esc(href(page, source_page_path(s.id), directory_urls=directory_urls))
        derived = (f' <span class="bb-badge bb-derived-badge" title="derived from '
                   f'{esc(s.derived_from)}">derived</span>') if s.derived_from else ""
        rows.append(
            f'<tr><td><a href="{url}"><code>{esc(s.id)}</code></a>{derived}</td>'
            f"<td>{_index_value(s.outlet, s.suggested.outlet)}</td>"
            f"<td>{_index_value(s.title, s.suggested.headline)}</td>"
            f"<td>{_date_text(s, proposals.get(s.id), brief=True)}</td>"
            f"<td>{len(s.paragraphs)}</td><td>{counts.get(s.id, 0)}</td></tr>")
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows) + "\n"


def render_sources_index(
    book: Book, *, cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]],
    directory_urls: bool = True, proposals: Mapping[str, SourceDate] | None = None,
) -> str:
    """The sources index on one page: id, outlet, date and basis, paragraphs, times cited."""
    out = [front_matter("Sources"), "# Sources\n",
           f"{len(book.sources)} sources. Each links to its full text with an anchor on every "
           "paragraph. Dates marked *inferred* are not stated by the article; the source "
           "page says what they rest on.\n"]
    if len(book.sources) > FILTER_FROM:
        out.append(_FILTER)
    out.append(_table(book.sources, SOURCES_INDEX, _counts(cited_by), directory_urls,
                      proposals or {}))
    return "\n".join(out)


def sources_part_path(part: str) -> str:
    """The path under ``docs/`` of a split sources index's part named ``part``."""
    return f"{SOURCES_PARTS_FOLDER}/{part}.md"


def render_sources_pages(
    book: Book, *, cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]],
    directory_urls: bool = True, split_from: int | None = None, every: int | None = None,
    proposals: Mapping[str, SourceDate] | None = None,
) -> dict[str, str]:
    """The sources index, split into an overview and parts for a large book.

    Below ``split_from`` sources (default :data:`SOURCES_SPLIT_FROM`) the index is one page
    (:func:`render_sources_index`). From there on ``sources/index.md`` lists the parts and
    each part ``sources/index/<name>.md`` holds the table of about ``every`` sources, at most
    twice as many (default :data:`SOURCES_PART_SIZE`), cut in source-id order by
    :func:`~briefbook.render.parts.stable_parts`, so that an added article changes the
    overview and one part, not a table of every source.

    Returns:
        ``{path under docs/: Markdown}``.
    """
    split_from = SOURCES_SPLIT_FROM if split_from is None else split_from
    every = SOURCES_PART_SIZE if every is None else every
    if len(book.sources) < split_from:
        return {SOURCES_INDEX: render_sources_index(book, cited_by=cited_by,
                                                    directory_urls=directory_urls,
                                                    proposals=proposals)}
    counts = _counts(cited_by)
    by_id = {s.id: s for s in book.sources}
    parts = stable_parts(by_id, every)
    out = [front_matter("Sources"), "# Sources\n",
           f"{len(book.sources)} sources, listed on {len(parts)} pages in order of source id "
           "(each page's table by date). Each source links to its full text with an anchor on "
           "every paragraph. Dates marked *inferred* are not stated by the article; the "
           "source page says what they rest on. The site's search finds a source by its id "
           "or title.\n",
           "| Part | Sources | Dates | Times cited |\n| --- | ---: | --- | ---: |"]
    pages: dict[str, str] = {}
    for part in parts:
        path = sources_part_path(part.name)
        members = [by_id[k] for k in part.keys]
        title = (f"{part.keys[0]} to {part.keys[-1]}" if len(part.keys) > 1
                 else part.keys[0])
        dates = sorted(s.date for s in members if s.date)
        span = (f"{dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1]
                else dates[0] if dates else "—")
        link = href(SOURCES_INDEX, path, directory_urls=directory_urls)
        out.append(f'| <a href="{esc(link)}">{esc(title)}</a> | {len(members)} | '
                   f"{esc(span)} | {sum(counts.get(k, 0) for k in part.keys)} |")
        # nothing here depends on the other parts (no book-wide count): an added article
        # leaves the parts it does not fall into unchanged
        body = [front_matter(f"Sources: {title}"), f"# Sources: {esc(title)}\n",
                f'{len(members)} sources of the <a href="'
                f'{esc(href(path, SOURCES_INDEX, directory_urls=directory_urls))}">'
                "sources index</a>, by date.\n"]
        if len(members) > FILTER_FROM:
            body.append(_FILTER)
        body.append(_table(members, path, counts, directory_urls, proposals or {}))
        pages[path] = "\n".join(body)
    return {SOURCES_INDEX: "\n".join(out) + "\n", **pages}


def _index_value(curated: str | None, found: Found | None) -> str:
    if curated:
        return esc(curated)
    if found is None:
        return _value(None)
    return (f'{esc(found.value)} <span class="bb-badge bb-basis-from-text" title="suggested by '
            f'the text, not curated">{FROM_TEXT}</span>')


#: From how many sources the index gets a filter box (one page, no nav entry per source).
FILTER_FROM = 20
# The filter box; the plugin's asset briefbook.js filters the table as words are typed (no
# inline script: the page runs only the theme's and the plugin's asset files). Without
# JavaScript the box does nothing and the whole table shows.
_FILTER = """\
<p class="bb-filter"><label>Filter the sources: <input type="search" id="bb-sources-filter"
placeholder="id, outlet, title or date" autocomplete="off"></label>
<span class="bb-help" id="bb-sources-shown"></span></p>
"""
