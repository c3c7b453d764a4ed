"""The analyse stage: pure functions over the book.

The analyse stage: pure functions over the book (mentions, quotations and speakers, dates, the
chronology, alignment and discrepancies, topic evidence, review items), gathered lazily in
:class:`~briefbook.analyse.annotations.Annotations` and cached by content hash.

Modules: ``align``, ``annotations``, ``attribution``, ``changes``, ``chronology``,
``compare``, ``copies``, ``dates``, ``discrepancies``, ``evidence``, ``figures``, ``mentions``,
``namefinder``, ``people``, ``quotes``, ``review``.
"""

__all__ = [
    "align",
    "annotations",
    "attribution",
    "changes",
    "chronology",
    "compare",
    "copies",
    "dates",
    "discrepancies",
    "evidence",
    "figures",
    "mentions",
    "namefinder",
    "people",
    "quotes",
    "review",
]
