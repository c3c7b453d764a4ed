"""The built site's folder: whose it is, how a new build replaces it, what leftovers to clean.

``briefbook build -d DIR`` replaces ``DIR`` with a new build. It never deletes what it did not
write:

- ``DIR`` must be empty or hold the marker file ``.briefbook-site`` that every briefbook
  build writes (the plugin writes it into any site it builds); any other non-empty folder,
  even one holding an ``index.html``, is refused and left untouched.
- The new site is built into a staging folder beside ``DIR`` and exchanged with it in one
  atomic step (Linux ``renameat2(RENAME_EXCHANGE)``), so a usable ``DIR`` exists at every
  instant. Where the exchange is not available, the old site is renamed aside first; if the
  command is killed between the two renames, the next build puts the old site back first.
- Builds into one folder take turns (an advisory lock on the folder that holds it; no file
  is left behind), and each removes what an interrupted one left: staging folders
  ``.DIR.XXXXXXXX`` and the set-aside ``.DIR.old``.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefbook.core.errors import Problem, ToolError
from briefbook.core.version import __version__

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: The marker file of a site built by briefbook.
MARKER = ".briefbook-site"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SiteDirError(ToolError):
    """The site folder cannot be used (it holds files briefbook did not write)."""


def write_marker(site: Path) -> None:
    """Mark ``site`` as a folder briefbook built (and may replace)."""
    (site / MARKER).write_text(f"built by briefbook {__version__}; 'briefbook build' may "
                               "replace this folder\n", "utf-8")


def is_ours(site: Path) -> bool:
    """Whether ``site`` is a folder a briefbook build wrote (it holds the marker file)."""
    marker = site / MARKER
    return marker.is_file() and not marker.is_symlink()


def check_target(target: Path, *, book_dir: Path, docs_dir: Path) -> None:
    """Refuse a site folder whose replacement would delete anything but a previous site.

    Raises:
        SiteDirError: ``target`` holds the book, is not a folder, or is a non-empty folder
            without the marker file.
    """
    resolved = target.resolve()
    if any(resolved == p or p.is_relative_to(resolved) for p in (book_dir, docs_dir)):
        raise SiteDirError(Problem(file=str(target), level="error",
                                   message="holds the book itself", hint="choose another "
                                   "--site-dir"))
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise SiteDirError(Problem(file=str(target), level="error",
                                   message="is not a folder; nothing was deleted",
                                   hint="choose another --site-dir"))
    if target.is_dir() and any(target.iterdir()) and not is_ours(target):
        raise SiteDirError(Problem(
            file=str(target), level="error",
            message=f"is not empty and was not built by briefbook (no {MARKER} file); nothing "
                    "was deleted", hint="choose another --site-dir: an empty or new folder"))


def _staging_re(target: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(target.name)}\.[a-z0-9_]{{8}}$")


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


@contextmanager
def site_lock(target: Path) -> Iterator[list[Path]]:
    """Take turns with other builds into ``target``; recover and clean on entry.

    Yields:
        What was removed or restored (for the log).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield recover(target)
    finally:
        os.close(fd)


def recover(target: Path) -> list[Path]:
    """Undo what an interrupted build left (call only while holding :func:`site_lock`).

    A set-aside old site comes back when ``target`` is missing; stale staging folders and a
    set-aside old site next to a present ``target`` are removed (only folders carrying the
    marker, or staging folders by their exact name pattern).
    """
    touched: list[Path] = []
    old = _old(target)
    if old.is_dir() and not old.is_symlink() and is_ours(old):
        if not target.exists():
            os.rename(old, target)
        else:
            shutil.rmtree(old)
        touched.append(old)
    pattern = _staging_re(target)
    for entry in target.parent.iterdir():
        if pattern.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            touched.append(entry)
    return touched


def staging_dir(target: Path) -> Path:
    """A new, empty staging folder beside ``target`` (``.NAME.XXXXXXXX``)."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; ``False`` when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_in(staging: Path, target: Path) -> None:
    """Put the built ``staging`` folder in ``target``'s place, removing the old site.

    ``target`` exists at every instant when the system can exchange two paths atomically;
    otherwise the old site is set aside as ``.NAME.old`` for the moment between two renames
    (and :func:`recover` puts it back if the command dies there).
    """
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # now the old site
        return
    old = _old(target)
    os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old)


def subsite_folder(folder: str) -> str:
    """Check and normalise the folder of a site a separately built site is published under.

    Args:
        folder: A relative POSIX path inside the site, e.g. ``toolchain/reference``.

    Returns:
        The path without leading or trailing slashes.

    Raises:
        SiteDirError: the path is empty, absolute, or climbs out of the site (``..``).
    """
    clean = folder.strip().strip("/")
    parts = clean.split("/")
    if not clean or folder.strip().startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise SiteDirError(Problem(
            file="mkdocs.yml", level="error", key="subsites",
            message=f"sub-site folder {folder!r} is not a folder inside the site",
            hint="use a relative path such as 'toolchain/reference'"))
    return clean


def place_subsite(built: Path, site: Path, folder: str) -> None:
    """Publish a separately built site at ``site/folder``, in place of the book's placeholder.

    The book's own build may have written one page there (``folder/index.html``, the page the
    nav links to); anything else under the folder would be lost, so it is refused. The
    sub-site's own ``404.html`` is left out: servers answer with the site root's.

    Raises:
        SiteDirError: the book's build wrote other files under ``folder``.
    """
    target = site / folder
    if target.is_dir():
        own = sorted(p.relative_to(site).as_posix() for p in target.rglob("*")
                     if p.is_file() and p != target / "index.html")
        if own:
            raise SiteDirError(Problem(
                file="mkdocs.yml", level="error", key="subsites",
                message=f"the book's own build wrote {len(own)} file(s) under {folder}/ "
                        f"(e.g. {own[0]}), where the sub-site is published",
                hint=f"keep only {folder}/index.md in the book, or choose another folder"))
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    os.rename(built, target)
    # a server answers a missing page with the site root's 404 page, never a sub-site's
    (target / "404.html").unlink(missing_ok=True)
