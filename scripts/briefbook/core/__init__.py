"""The lowest floor: records, errors, text, YAML, cache, links.

The lowest floor: the domain records, errors, typed fields, text folding, YAML with lines,
the analysis cache (and its worker processes), URL arithmetic, HTTP requests with a deadline
and the book lock. Imports nothing else of the engine.

Modules: ``cache``, ``citekeys``, ``errors``, ``fields``, ``http``, ``lexicon``, ``links``,
``lock``, ``mdscan``, ``model``, ``names``, ``parallel``, ``quotemarks``, ``text``,
``textmeta``, ``version``, ``wordlists``, ``yamlio``.
"""

__all__ = [
    "cache",
    "citekeys",
    "errors",
    "fields",
    "http",
    "lexicon",
    "links",
    "lock",
    "mdscan",
    "model",
    "names",
    "parallel",
    "quotemarks",
    "text",
    "textmeta",
    "version",
    "wordlists",
    "yamlio",
]
