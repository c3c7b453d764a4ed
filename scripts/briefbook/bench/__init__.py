"""Benchmarks (``briefbook bench``).

Benchmarks (``briefbook bench``): stage timings on books of several sizes, the checker
comparison and the comparison stage's timing. Never imported by the book's build.

Modules: ``checkers``, ``compare``, ``eval``, ``eval_chronology``, ``goldfiles``, ``reading``,
``serve``, ``stages``.
"""

__all__ = [
    "checkers",
    "compare",
    "eval",
    "eval_chronology",
    "goldfiles",
    "reading",
    "serve",
    "stages",
]
