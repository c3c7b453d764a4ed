"""The lowest floor: records, errors, text, YAML, cache, links.

The lowest floor: the domain records, errors, text folding, YAML with lines, the analysis cache
and URL arithmetic. Imports nothing else of the engine.

Modules: ``cache``, ``citekeys``, ``errors``, ``lexicon``, ``links``, ``mdscan``, ``model``,
``names``, ``quotemarks``, ``text``, ``textmeta``, ``version``, ``wordlists``, ``yamlio``.
"""

__all__ = [
    "cache",
    "citekeys",
    "errors",
    "lexicon",
    "links",
    "mdscan",
    "model",
    "names",
    "quotemarks",
    "text",
    "textmeta",
    "version",
    "wordlists",
    "yamlio",
]
