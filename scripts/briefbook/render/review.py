"""The Review page: the review items of :mod:`briefbook.analyse.review` as Markdown.

Items are grouped per source (the source whose most important item ranks highest first; items
about the whole book last), ranked inside each group by what they affect and by confidence.
Each shows its key, which an editor copies into ``briefing/review.yml`` to accept or ignore it
for good.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import ReviewItem, ranked, review_items, undecided_keys
from briefbook.core.model import Book
from briefbook.render.markup import esc, md_escape

REVIEW_PAGE = "review.md"
_KIND_TITLES = {"unknown-name": "Names not in the registry", "near-miss": "Near-miss spellings",
                "unattributed-quote": "Unattributed quotations",
                "extracted-speaker": "Speakers found by extraction only",
                "extracted-actor": "People and organisations found by extraction only",
                "extracted-event": "Dated sentences without a curated event",
                "derivative": "Detected derivative sources",
                "homoglyph": "Look-alike spellings (confusable characters)",
                "load-problem": "Load problems",
                "claim": "Claims not found in the cited paragraphs"}
_AFFECTS = {"speaker": "affects a speaker", "profile": "affects a profile",
            "citation": "affects a citation", "source": "affects a source", "other": "other"}


def render_review(items: list[ReviewItem], *, decided: int = 0,
                  stale: list[str] | None = None) -> str:
    """The Review page: items grouped per source, ranked, each with its key."""
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
    groups: dict[str, list[ReviewItem]] = {}
    for item in items:  # items come ranked: a group's first item is its most important
        groups.setdefault(item.source or "", []).append(item)
    for source in sorted(groups, key=lambda s: (s == "", groups[s][0].rank, s)):
        group = groups[source]
        title = f"Source {source}" if source else "The whole book"
        anchor = f"review-{source}" if source else "review-book"
        out.append(f"## {md_escape(title)} ({len(group)}) {{#{anchor}}}\n\n")
        for item in group:
            where = ""
            if item.page:
                label = f"{item.page}:{item.line}" if item.line else item.page
                where = f"[{md_escape(label)}]({item.page}): "
            elif item.source:
                target = f"sources/{item.source}.md"
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
    if stale:
        out.append("## Decisions that match no item {#review-stale}\n\n")
        # a key is the editor's text: escaped, never a code span it could close
        out.extend(f"- <code>{esc(key)}</code> (in review.yml)\n" for key in stale)
        out.append("\n")
    if not items:
        out.append("Nothing to review.\n")
    return "".join(out)


def review_page(book: Book, annotations: Annotations, settings: Any, *,
                extra: Sequence[ReviewItem] = (),
                found: Sequence[ReviewItem] | None = None) -> dict[str, str]:
    """Page generator: ``review.md``.

    Args:
        book: The loaded book (its ``review.yml`` decisions).
        annotations: Its analysis.
        settings: The render settings (unused).
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
    page = {REVIEW_PAGE: render_review(items, decided=len(everything) - len(items),
                                       stale=undecided_keys(book, everything))}
    memo[key] = page
    return page
