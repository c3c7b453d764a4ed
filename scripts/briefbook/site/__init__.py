"""The builder adapters: the MkDocs plugin and the print view.

The builder adapters: the MkDocs plugin (a thin shell over the render stage) and the print view.

Modules: ``pagefiles``, ``plugin``, ``printview``.
"""

__all__ = [
    "pagefiles",
    "plugin",
    "printview",
]
