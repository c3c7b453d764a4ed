"""schema.org JSON-LD for every page of the book (pure: data in, a ``<script>`` block out).

Source pages are ``NewsArticle`` (with ``isBasedOn`` the original when the source is derived
from another), actor pages ``Person`` or ``Organization``, the chronology a graph of
``Event`` items, every other page a ``WebPage``. The MkDocs plugin puts the block returned by
:func:`script_block` into the page's ``<head>``.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from typing import Any

from briefbook.core.links import page_url
from briefbook.core.model import Book, Source, Unmerge
from briefbook.render.markup import safe_url
from briefbook.render.sources import source_page_path, source_title

CONTEXT = "https://schema.org"
#: Actor kinds published as ``Person``; every other kind is an ``Organization``.
PERSON_KINDS = frozenset({"person"})
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_block(data: Mapping[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element holding ``data``.

    ``<``, ``>`` and ``&`` are written as JSON unicode escapes, so no text taken from an
    article (``</script>``, ``<!--``) can end the element early; the JSON means the same.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return f'<script type="application/ld+json">{text}</script>'


def _absolute(site_url: str | None, src_uri: str, directory_urls: bool) -> str:
    """The page's URL: absolute under ``site_url`` when known, else site-relative."""
    url = page_url(src_uri, directory_urls=directory_urls)
    if site_url:
        return site_url.rstrip("/") + "/" + url
    return url


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def source_jsonld(source: Source, book: Book, *, site_url: str | None = None,
                  directory_urls: bool = True) -> dict[str, Any]:
    """A source page as a schema.org ``NewsArticle``.

    The date is given only when it is stated or inferred (an unknown date is left out, never
    guessed). A derivative names its original in ``isBasedOn``.
    """
    page = _absolute(site_url, source_page_path(source.id), directory_urls)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": page,
        "url": page,
        "identifier": source.id,
        "headline": source_title(source),
        "datePublished": source.date if source.date_basis != "unknown" else None,
        "publisher": {"@type": "Organization", "name": source.outlet} if source.outlet else None,
        "author": [{"@type": "Person", "name": name} for name in source.author],
        "sameAs": safe_url(source.url),
        "inLanguage": source.language,
    }
    if source.derived_from:
        original = book.source(source.derived_from)
        based_on: dict[str, Any] = {
            "@type": "NewsArticle",
            "@id": _absolute(site_url, source_page_path(source.derived_from), directory_urls),
            "identifier": source.derived_from,
        }
        if original is not None:
            based_on["headline"] = source_title(original)
        data["isBasedOn"] = based_on
    return _drop_empty(data)


def actor_jsonld(actor: Any, *, url: str) -> dict[str, Any]:
    """An actor record (``id``, ``name``, ``kind``, …) as a ``Person`` or ``Organization``."""
    kind = str(getattr(actor, "kind", "person") or "person")
    is_person = kind in PERSON_KINDS
    roles = [str(getattr(role, "title", role)) for role in getattr(actor, "roles", ()) or ()]
    affiliation = getattr(actor, "affiliation", None)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Person" if is_person else "Organization",
        "@id": url,
        "url": url,
        "identifier": getattr(actor, "id", None),
        "name": getattr(actor, "name", None),
        "alternateName": sorted(set(getattr(actor, "aliases", ()) or ())),
        "description": getattr(actor, "description", None),
        "sameAs": safe_url(getattr(actor, "url", None)),
    }
    if is_person:
        data["jobTitle"] = sorted(set(roles))
        if affiliation:
            data["affiliation"] = {"@type": "Organization", "name": str(affiliation)}
    elif affiliation:
        data["parentOrganization"] = {"@type": "Organization", "name": str(affiliation)}
    return _drop_empty(data)


def event_jsonld(event: Any, *, url: str) -> dict[str, Any]:
    """An event record (``id``, ``date``, ``title``, …) as a schema.org ``Event``."""
    location = getattr(event, "location", None)
    country = getattr(event, "country", None)
    place = None
    if location or country:
        place = _drop_empty({"@type": "Place", "name": location or country,
                             "address": _drop_empty({"@type": "PostalAddress",
                                                     "addressCountry": country})
                             if country else None})
    event_id = getattr(event, "id", None)
    return _drop_empty({
        "@type": "Event",
        "@id": f"{url}#event-{event_id}" if event_id else None,
        "identifier": event_id,
        "name": getattr(event, "title", None),
        "startDate": getattr(event, "date", None),
        "endDate": getattr(event, "end_date", None),
        "description": getattr(event, "summary", None),
        "location": place,
    })


def page_jsonld(book: Book, src_uri: str, *, title: str, site_name: str,
                site_url: str | None = None, directory_urls: bool = True) -> dict[str, Any]:
    """The JSON-LD of the page at ``src_uri`` (a Markdown path such as ``sources/x.md``)."""
    url = _absolute(site_url, src_uri, directory_urls)
    stem = posixpath.splitext(src_uri)[0]
    folder, _, name = stem.rpartition("/")
    if folder == "sources" and book.source(name) is not None:
        return source_jsonld(book.source(name), book, site_url=site_url,  # type: ignore[arg-type]
                             directory_urls=directory_urls)
    if folder == "actors" and name != "index":
        actor = next((a for a in book.actors if getattr(a, "id", None) == name), None)
        if actor is not None:
            return actor_jsonld(actor, url=url)
        return actor_jsonld(_Named(id=name, name=title), url=url)
    events = [e for e in book.events if not isinstance(e, Unmerge)]
    if stem in ("chronology", "chronology/index") and events:
        return {"@context": CONTEXT, "@graph": [event_jsonld(e, url=url) for e in events]}
    return _drop_empty({
        "@context": CONTEXT,
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "isPartOf": _drop_empty({"@type": "WebSite", "name": site_name,
                                 "url": site_url.rstrip("/") + "/" if site_url else None}),
    })


class _Named:
    """An actor known only by its page (an extracted speaker)."""

    def __init__(self, *, id: str, name: str) -> None:  # noqa: A002
        self.id = id
        self.name = name
        self.kind = "person"
