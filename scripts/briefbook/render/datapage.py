"""The "Data" page: every download published under ``data/``, linked, with its fields.

:func:`render_data_page` is pure: it takes the names of the files the build publishes and
returns Markdown. A file without a description here is still listed (and a test fails on it),
so a new download cannot go unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefbook.render.markup import esc, front_matter

#: The Data page's Markdown path. ``data/index.md`` lives in the same folder as the files it
#: links, so its relative links work with and without directory URLs.
DATA_PAGE = "data/index.md"
#: What each download holds: a one-line summary and its fields (name → meaning).
FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "sources.json": ("Every source as a CSL-JSON item (usable by Zotero, Pandoc, citeproc).", {
        "id": "source id, as used in citations `[@id, ¶ N]`",
        "type": "CSL type (`article-newspaper`)",
        "title": "headline, or null when unknown",
        "container-title": "outlet, or null when unknown",
        "issued": "publication date as CSL `date-parts`, or null",
        "URL": "the article's address, or null",
        "accessed": "when the article was retrieved, as `date-parts`, or null",
        "author": "authors as `{literal}` names",
        "custom.file": "the verbatim file under `data/sources/`",
        "custom.sha256": "SHA-256 of the verbatim bytes",
        "custom.paragraphs": "number of paragraphs (¶ 1 … N)",
        "custom.date_basis": "`stated` | `inferred` | `unknown`",
        "custom.date_note": "what an inferred date was inferred from",
        "custom.derived_from": "id of the source this one is a rewording of, or null",
        "custom.paragraph_rule": "how the paragraphs were found: `blank-lines` | `lines` | "
                                 "`wrapped` | `sentences`",
        "custom.from_text": "metadata the text suggests (basis *from text*) where none is "
                            "curated: `title`, `container-title`, `author`, `dateline` "
                            "{`text`, `place`, `month`, `day`, `year` (null when not stated), "
                            "`paragraph`}",
    }),
    "citations.json": ("Every citation on every page of the book.", {
        "page": "the page's Markdown path",
        "line": "line of the citation in that page",
        "source": "the cited source id",
        "paragraphs": "cited paragraph numbers (empty for a whole source)",
        "resolved": "whether the source and paragraphs exist",
        "note": "the note number on the page",
        "quotes": "quotations in the citing sentence and whether each is verbatim",
    }),
    "sources.bib": ("The sources as biblatex entries (keys are source ids), same metadata as "
                    "`sources.json`.", {}),
    "actors.json": ("Who is who: curated actors and speakers found in the text.", {
        "id": "actor id (page `actors/<id>/`)", "name": "display name",
        "kind": "person, organization, government, state or media",
        "roles": "roles as the sources state them", "affiliation": "organisation or state",
        "aliases": "spelling variants matched in the text", "url": "the actor's page",
        "curated": "true when from `actors.yml`, false when extracted",
        "mentions": "list of `{source, paragraph}`",
        "quotes": "list of `{text, kind, source, paragraph, cue}` (not those read in a copy)",
    }),
    "quotes.json": ("Every quotation read in the articles and who said it.", {
        "text": "the quoted words, verbatim",
        "kind": "`statement` (four words or more) or `phrase` (shorter: a reported word)",
        "speaker": "actor id, or null", "speaker_name": "the actor's name, or null",
        "speaker_as_written": "the speaker as the article names them",
        "cue": "the pattern that decided the speaker (or why there is none)",
        "anonymous": "the description of an unnamed speaker (`a senior official`), or null",
        "derived": "true when read in a copy of another source (not the speaker's own "
                   "wording)",
        "original": "the original's wording when the alignment holds it, else null",
        "source": "source id", "paragraph": "paragraph number",
    }),
    "chronology.json": ("The chronology: curated and extracted events.", {
        "id": "event id (anchor `#event-<id>` on the chronology page)",
        "date": "ISO 8601 date", "date_precision": "`day` | `month` | `year`",
        "time_note": "time of day as stated", "title": "short title", "summary": "summary",
        "event_type": "ACLED-style event type", "location": "place", "country": "country",
        "actors": "actor ids", "fatalities": "figures as stated",
        "sources": "list of `{source, paragraph}`",
        "independent_sources": "number of sources not derived from one another",
        "status": "`confirmed` | `single-source` | `disputed`",
        "curated": "true when from `events.yml`", "url": "the event's anchor",
    }),
    "chronology.csv": ("The chronology as CSV with ACLED-compatible column names.", {
        "event_id_cnty": "event id", "event_date": "date (ISO 8601, as precise as known)",
        "year": "year", "time_precision": "ACLED precision: 1 day, 2 week/month, 3 year",
        "event_type": "event type", "sub_event_type": "sub-event type",
        "actor1": "first actor", "assoc_actor_1": "actors associated with the first",
        "actor2": "second actor", "assoc_actor_2": "actors associated with the second",
        "country": "country", "location": "place", "latitude": "latitude, when curated",
        "longitude": "longitude, when curated", "source": "the sources, by outlet and date",
        "notes": "summary with its citations",
        "fatalities": "the lowest fatalities figure stated; empty when no number is stated",
        "status": "`confirmed` | `single-source` | `disputed`",
        "independent_sources": "sources not derived from one another",
        "curated": "true when from `events.yml`",
    }),
    "timeline.json": ("The chronology in TimelineJS3 format (load it into a TimelineJS "
                      "embed).", {
        "title": "the timeline's title slide", "events": "one slide per dated event "
        "(`start_date`, `text`, `group`, `unique_id`)",
    }),
    "discrepancies.json": ("Where sources disagree.", {
        "kind": "`contradiction` | `number` | `date` | `attribution` | `role` | `wording`",
        "a": "`{source, paragraph, text}` of one side",
        "b": "`{source, paragraph, text}` of the other",
        "note": "what differs",
    }),
}


def render_data_page(names: Iterable[str], *, source_files: Iterable[str] = (),
                     original_files: Iterable[str] = ()) -> str:
    """The Markdown of the Data page.

    Args:
        names: File names published under ``data/`` (relative to that folder).
        source_files: Verbatim article files published under ``data/sources/``.
        original_files: Saved originals (web pages) published under ``data/originals/``.
    """
    lines = [front_matter("Data"), "# Data", "",
             "Everything in this book as files, for reuse and checking. Field names are stable; "
             "`null` means unknown (nothing is guessed).", ""]
    for name in sorted(names):
        summary, fields = FIELDS.get(name, ("(no description yet)", {}))
        lines += [f"## {esc(name)}", "",
                  f'<p><a class="bb-download" href="{esc(name)}"><code>{esc(name)}</code></a> '
                  f"— {esc(summary)}</p>", ""]
        if fields:
            lines += ["| Field | Meaning |", "| --- | --- |"]
            lines += [f"| `{field}` | {_cell(meaning)} |" for field, meaning in fields.items()]
            lines.append("")
    files = sorted(source_files)
    if files:
        lines += ["## Verbatim sources", "",
                  "The articles byte for byte as received (their SHA-256 is in "
                  "`sources.json`):", "", '<ul class="bb-source-files">']
        lines += [f'<li><a href="sources/{esc(f)}"><code>{esc(f)}</code></a></li>'
                  for f in files]
        lines += ["</ul>", ""]
    originals = sorted(original_files)
    if originals:
        lines += ["## Saved originals", "",
                  "The pages the articles were extracted from, as saved:", "",
                  '<ul class="bb-original-files">']
        lines += [f'<li><a href="originals/{esc(f)}"><code>{esc(f)}</code></a></li>'
                  for f in originals]
        lines += ["</ul>", ""]
    lines += ["## Whole book", "",
              '<p>The whole book as one printable page: <a class="bb-print-link" '
              'href="../print.html">print.html</a> (print it, or save it as PDF, from the '
              "browser; <code>briefbook pdf</code> makes the same PDF from the command "
              "line).</p>", ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: ``|`` would end the cell, so it is escaped."""
    return text.replace("|", "\\|")
