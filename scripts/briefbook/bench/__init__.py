"""Benchmarks (``briefbook bench``).

Benchmarks (``briefbook bench``): stage timings on books of several sizes, the checker
comparison and the comparison stage's timing. Never imported by the book's build.

Modules: ``checkers``, ``compare``, ``eval`` (``briefbook eval``: figures against the gold
sets), ``serve`` (the editor's loop through ``mkdocs serve``), ``stages``.
"""

__all__ = [
    "checkers",
    "compare",
    "eval",
    "serve",
    "stages",
]
