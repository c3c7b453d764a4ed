"""The book lock: one command at a time changes a book's files.

An atomic rename keeps every write whole, but two commands that each read ``sources.yml``,
add their entry and write it back still lose one of the entries (a lost update). Every
command that changes the book (``add``, ``sources import``, any tool that rewrites a YAML
file) holds the book's lock from the moment it reads what it will change until its last
write, and re-reads under the lock. The lock is an advisory ``flock`` on
``briefing/.briefbook.lock`` (the file stays; only the lock is released), so it is released
by the kernel even when a command is killed. Taking it again in the same process is allowed.

On taking the lock, leftovers of interrupted writes (``.<name>.*.tmp`` files of
:func:`briefbook.core.yamlio.atomic_write`) in the book's folders are removed: while the lock
is held nobody else is writing them.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefbook.core.errors import Problem, ToolError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: The lock file, in the book's content folder.
LOCK_NAME = ".briefbook.lock"
#: Seconds to wait for another command to finish before giving up.
DEFAULT_WAIT = 120.0
#: Folders of the book where interrupted writes may have left temporary files.
TMP_FOLDERS = (".", "sources", "originals")

#: The temporary files of ``atomic_write``: ``.<name>.<8 random characters>.tmp``.
_TMP_RE = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
_HELD: dict[str, int] = {}
_GUARD = threading.RLock()


class LockTimeout(ToolError):
    """Another command held the book's lock for longer than we waited."""


@contextmanager
def book_lock(briefing: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the book's lock while the block runs (re-entrant within a process).

    Args:
        briefing: The book's content folder (created if missing).
        wait: Seconds to wait for another command holding the lock.

    Raises:
        LockTimeout: The lock was not free within ``wait`` seconds.
    """
    briefing.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(briefing)
    with _GUARD:
        if key in _HELD:
            _HELD[key] += 1
            try:
                yield
            finally:
                _HELD[key] -= 1
            return
        fd = os.open(os.path.join(key, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _acquire(fd, briefing, wait)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            clean_temporary_files(briefing)
            _HELD[key] = 1
            try:
                yield
            finally:
                del _HELD[key]
        finally:
            os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, briefing: Path, wait: float) -> None:
    if fcntl is None:  # pragma: no cover - no advisory locks: run unlocked
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                raise LockTimeout(Problem(
                    file=str(briefing / LOCK_NAME), level="error",
                    message=f"another briefbook command (process {holder}) has been changing "
                            f"this book for over {wait:g} s; nothing was changed",
                    hint="wait for it to finish, then run the command again")) from None
            time.sleep(0.05)


def clean_temporary_files(briefing: Path) -> list[Path]:
    """Remove what interrupted atomic writes left in the book (call only under the lock).

    Returns:
        The files removed.
    """
    removed = []
    for folder in TMP_FOLDERS:
        path = briefing / folder
        if not path.is_dir():
            continue
        for entry in path.iterdir():
            if _TMP_RE.match(entry.name) and entry.is_file() and not entry.is_symlink():
                entry.unlink(missing_ok=True)
                removed.append(entry)
    return removed
