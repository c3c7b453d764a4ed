"""The builder adapters: the MkDocs plugin, the print view and the site folder.

The builder adapters: the MkDocs plugin (a thin shell over the render stage), the print view,
and the built site's folder (its marker, the atomic swap of a new build, leftovers); when a
served book's garbage is collected.

Modules: ``collector``, ``output``, ``pagefiles``, ``plugin``, ``printview``, ``templatecache``.
"""

__all__ = [
    "collector",
    "output",
    "pagefiles",
    "plugin",
    "printview",
    "templatecache",
]
