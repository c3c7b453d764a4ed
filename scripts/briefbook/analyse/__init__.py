"""The analyse stage: pure functions over the book.

The analyse stage: pure functions over the book (mentions, quotations and speakers, dates, the
chronology, alignment and discrepancies, topic evidence, review items), gathered lazily in
:class:`~briefbook.analyse.annotations.Annotations` and cached by content hash.

Modules: ``aliastable``, ``align``, ``annotations``, ``attribution``, ``chains``, ``changes``,
``chronology``, ``compare``, ``continued``, ``copies``, ``cues``, ``date_patterns``,
``dated_clauses``, ``dates``, ``described``, ``discrepancies``, ``embedded``, ``evidence``,
``figures``, ``headline``, ``headverb``, ``holders``, ``homoglyphs``, ``mentions``, ``merge``,
``nameclues``, ``namefinder``, ``nametokens``, ``nearmiss``, ``nouncues``, ``offices``, ``people``,
``periods``, ``quantities``, ``quotes``, ``quotespans``, ``referents``, ``replies``, ``reported``,
``review``, ``source_dates``, ``verbforms``.
"""

__all__ = [
    "aliastable",
    "align",
    "annotations",
    "attribution",
    "chains",
    "changes",
    "chronology",
    "compare",
    "continued",
    "copies",
    "cues",
    "date_patterns",
    "dated_clauses",
    "dates",
    "described",
    "discrepancies",
    "embedded",
    "evidence",
    "figures",
    "headline",
    "headverb",
    "holders",
    "homoglyphs",
    "mentions",
    "merge",
    "nameclues",
    "namefinder",
    "nametokens",
    "nearmiss",
    "nouncues",
    "offices",
    "people",
    "periods",
    "quantities",
    "quotes",
    "quotespans",
    "referents",
    "replies",
    "reported",
    "review",
    "source_dates",
    "verbforms",
]
