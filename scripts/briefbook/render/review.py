"""The Review page: the review items of :mod:`briefbook.analyse.review` as Markdown.

Items are grouped per source (the source whose most important item ranks highest first; items
about the whole book last), ranked inside each group by what they affect and by confidence.
Each shows its key, which an editor copies into ``briefing/review.yml`` to accept or ignore it
for good. From :data:`REVIEW_SPLIT_FROM` items on, the page is an overview and the sources'
items are on parts of stable content (:func:`render_review_pages`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import ReviewItem, ranked, review_items, undecided_keys
from briefbook.core.links import href
from briefbook.core.model import Book
from briefbook.render.markup import esc, front_matter, md_escape
from briefbook.render.parts import stable_parts

REVIEW_PAGE = "review.md"
_KIND_TITLES = {"unknown-name": "Names not in the registry", "near-miss": "Near-miss spellings",
                "unattributed-quote": "Unattributed quotations",
                "pronoun-speaker": "Speakers read from a pronoun, with someone else named near",
                "extracted-speaker": "Speakers found by extraction only",
                "extracted-actor": "People and organisations found by extraction only",
                "extracted-event": "Dated sentences without a curated event",
                "derivative": "Detected derivative sources",
                "homoglyph": "Look-alike spellings (confusable characters)",
                "load-problem": "Load problems",
                "claim": "Claims not found in the cited paragraphs"}
_AFFECTS = {"speaker": "affects a speaker", "profile": "affects a profile",
            "citation": "affects a citation", "source": "affects a source", "other": "other"}


#: From how many items the Review page is split into an overview and parts.
REVIEW_SPLIT_FROM = 400
#: About how many sources a part of a split Review page holds (:mod:`briefbook.render.parts`).
REVIEW_PART_SOURCES = 40
#: The folder of the parts of a split Review page (next to ``review.md``).
REVIEW_FOLDER = "review"
#: How many sources the overview of a split Review page lists as most important.
REVIEW_TOP = 20


def _intro(items: Sequence[ReviewItem], decided: int) -> list[str]:
    out = ["---\ntitle: Review\n---\n\n# Review\n\n",
           f"{len(items)} things an editor should look at, found while building the book, the "
           "most important first: what changes who said a quotation, then what a profile "
           "shows, then what a citation rests on. The same list is printed by "
           "`briefbook review`. To dismiss an item for good, add its key to "
           "`briefing/review.yml` with `decision: accepted` or `decision: ignored`"
           + (f" ({decided} dismissed so far)" if decided else "") + ".\n\n"]
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    if counts:
        out.append("| Kind | Items |\n| --- | ---: |\n")
        for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            title = _KIND_TITLES.get(kind, kind.replace("-", " ").capitalize())
            out.append(f"| {html.escape(title, quote=False)} | {n} |\n")
        out.append("\n")
    return out


def _group(source: str, group: Sequence[ReviewItem], up: str) -> list[str]:
    """One source's section; ``up`` leads from the page to ``docs/`` (``""`` or ``"../"``)."""
    return [_group_text(source, tuple(group), up)]


@functools.lru_cache(maxsize=20_000)
def _group_text(source: str, group: tuple[ReviewItem, ...], up: str) -> str:
    """:func:`_group`'s text, remembered: a pure function of frozen items.

    ``mkdocs serve`` renders every source's section again after an added article; most are
    unchanged.
    """
    title = f"Source {source}" if source else "The whole book"
    anchor = f"review-{source}" if source else "review-book"
    out = [f"## {md_escape(title)} ({len(group)}) {{#{anchor}}}\n\n"]
    for item in group:
        where = ""
        if item.page:
            label = f"{item.page}:{item.line}" if item.line else item.page
            where = f"[{md_escape(label)}]({up}{item.page}): "
        elif item.source:
            target = f"{up}sources/{item.source}.md"
            paragraph_anchor = f"#{item.source}-p{item.paragraph}" if item.paragraph else ""
            label = f"¶ {item.paragraph}" if item.paragraph else item.source
            where = f"[{md_escape(label)}]({target}{paragraph_anchor}): "
        kind = _KIND_TITLES.get(item.kind, item.kind)
        hint = f" — *{md_escape(item.hint, keep_citations=False)}*" if item.hint else ""
        out.append(f"- **{md_escape(kind)}** ({_AFFECTS.get(item.affects, item.affects)}, "
                   f"confidence {item.confidence:.0%}) {where}"
                   f"{md_escape(item.text, keep_citations=False)}{hint} "
                   f"<br>key `{item.key}`\n")
    out.append("\n")
    return "".join(out)


def _stale(stale: Sequence[str] | None) -> list[str]:
    if not stale:
        return []
    # a key is the editor's text: escaped, never a code span it could close
    return ["## Decisions that match no item {#review-stale}\n\n",
            *(f"- <code>{esc(key)}</code> (in review.yml)\n" for key in stale), "\n"]


def _grouped(items: Sequence[ReviewItem]) -> dict[str, list[ReviewItem]]:
    groups: dict[str, list[ReviewItem]] = {}
    for item in items:  # items come ranked: a group's first item is its most important
        groups.setdefault(item.source or "", []).append(item)
    return groups


def render_review(items: list[ReviewItem], *, decided: int = 0,
                  stale: list[str] | None = None) -> str:
    """The Review page on one page: items grouped per source, ranked, each with its key."""
    out = _intro(items, decided)
    groups = _grouped(items)
    for source in sorted(groups, key=lambda s: (s == "", groups[s][0].rank, s)):
        out.extend(_group(source, groups[source], ""))
    out.extend(_stale(stale))
    if not items:
        out.append("Nothing to review.\n")
    return "".join(out)


def review_part_path(part: str) -> str:
    """The path under ``docs/`` of a split Review page's part named ``part``."""
    return f"{REVIEW_FOLDER}/{part}.md"


def render_review_pages(items: list[ReviewItem], *, decided: int = 0,
                        stale: list[str] | None = None, directory_urls: bool = True,
                        split_from: int | None = None,
                        every: int | None = None) -> dict[str, str]:
    """The Review page, split into an overview and parts when it has many items.

    Below ``split_from`` items: ``{"review.md": render_review(...)}``. From ``split_from``
    items on, ``review.md`` is an overview (the counts per kind, the :data:`REVIEW_TOP` most
    important sources with links to their sections, the list of parts, the items about the
    whole book and the stale decisions) and the sources' sections are on parts
    ``review/<name>.md`` cut by :func:`~briefbook.render.parts.stable_parts` (about ``every``
    sources each, at most twice as many, in source-id order), so that an added article
    changes the overview and one part, not a page of every item. A section keeps its anchor
    (``#review-<source id>``) on its part, and the overview's list of parts links every
    source under the same id, so a link to ``review.md#review-<source id>`` still leads to
    the source's items.

    Args:
        items: The undecided items, ranked.
        decided: How many items were dismissed in ``review.yml``.
        stale: Keys in ``review.yml`` that match no item.
        directory_urls: The site's URL style (for the overview's raw HTML links).
        split_from: Items from which to split (default :data:`REVIEW_SPLIT_FROM`).
        every: About how many sources a part holds (default :data:`REVIEW_PART_SOURCES`).

    Returns:
        ``{path under docs/: Markdown}``.
    """
    split_from = REVIEW_SPLIT_FROM if split_from is None else split_from
    every = REVIEW_PART_SOURCES if every is None else every
    if len(items) < split_from:
        return {REVIEW_PAGE: render_review(items, decided=decided, stale=stale)}
    groups = _grouped(items)
    book_wide = groups.pop("", [])
    parts = stable_parts(groups, every)
    where = {source: review_part_path(part.name) for part in parts for source in part.keys}
    out = _intro(items, decided)
    ranked_sources = sorted(groups, key=lambda s: (groups[s][0].rank, s))
    out.append("## The most important sources {#review-top}\n\n"
               f"The {min(REVIEW_TOP, len(groups))} sources whose most important item ranks "
               f"highest, of {len(groups)} sources with items:\n\n")
    for source in ranked_sources[:REVIEW_TOP]:
        first = groups[source][0]
        kind = _KIND_TITLES.get(first.kind, first.kind)
        out.append(f"- [Source {md_escape(source)}]({where[source]}#review-{source}): "
                   f"{len(groups[source])} item{'s' if len(groups[source]) != 1 else ''}, "
                   f"first {md_escape(kind).lower()} "
                   f"({_AFFECTS.get(first.affects, first.affects)})\n")
    out.append(f"\n## Parts {{#review-parts}}\n\nThe sources' items, {len(parts)} pages in "
               "order of source id; each source's items ranked, the most important first.\n\n"
               "| Part | Items | Sources |\n| --- | ---: | --- |\n")
    pages: dict[str, str] = {}
    for part in parts:
        title = _part_title(part.keys)
        count = sum(len(groups[s]) for s in part.keys)
        path = review_part_path(part.name)
        # each source linked under its section's old anchor: review.md#review-<id> resolves
        links = ", ".join(_anchored(s, path, directory_urls) for s in part.keys)
        out.append(f"| [{md_escape(title)}]({path}) | {count} | {links} |\n")
        body = [front_matter(f"Review: {title}"), f"# Review: {md_escape(title)}\n\n",
                f"{count} items about {len(part.keys)} sources, part of the [Review](../"
                f"{REVIEW_PAGE}) (dismiss an item for good by adding its key to "
                "`briefing/review.yml`).\n\n"]
        for source in part.keys:
            body.extend(_group(source, groups[source], "../"))
        pages[path] = "".join(body)
    out.append("\n")
    if book_wide:
        out.extend(_group("", book_wide, ""))
    out.extend(_stale(stale))
    return {REVIEW_PAGE: "".join(out), **pages}


def _anchored(source: str, path: str, directory_urls: bool) -> str:
    url = href(REVIEW_PAGE, path, f"review-{source}", directory_urls=directory_urls)
    return f'<a id="review-{esc(source)}" href="{esc(url)}">{esc(source)}</a>'


def _part_title(keys: Sequence[str]) -> str:
    return f"sources {keys[0]} to {keys[-1]}" if len(keys) > 1 else f"source {keys[0]}"


def review_page(book: Book, annotations: Annotations, settings: Any, *,
                extra: Sequence[ReviewItem] = (),
                found: Sequence[ReviewItem] | None = None) -> dict[str, str]:
    """Page generator: ``review.md`` and, for many items, its parts (:func:`render_review_pages`).

    Args:
        book: The loaded book (its ``review.yml`` decisions).
        annotations: Its analysis.
        settings: The render settings (the URL style).
        extra: Items found while reading the pages (claim findings).
        found: The analysis' items, decided ones included, when already gathered.
    """
    memo = annotations.__dict__.setdefault("_render_memo", {})
    key = ("review_page", tuple(extra))  # frozen records: every field counts
    if key in memo:  # a rebuild whose claim findings did not change (mkdocs serve)
        return memo[key]
    if found is None:
        found = review_items(book, annotations, include_decided=True)
    everything = ranked([*found, *extra])
    decided = {d.item for d in book.review}
    items = [i for i in everything if i.key not in decided]
    page = render_review_pages(items, decided=len(everything) - len(items),
                               stale=undecided_keys(book, everything),
                               directory_urls=getattr(settings, "directory_urls", True))
    memo[key] = page
    return page
