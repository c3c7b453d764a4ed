"""Reading an input file for ``briefbook add``: regular files only, bounded in size.

``add`` copies what it is given into the book and publishes it. So it reads only a regular
file: a FIFO or a device (``/dev/zero``) would hang the command or fill the memory, and a
symbolic link that points out of the folder it sits in would copy and publish whatever it
points to (a system file). Size is bounded too. Each refusal is a problem naming the file,
what it is and what to do; the other files of the same ``add`` go on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefbook.core.errors import Problem, ToolError

#: The largest article file accepted, in bytes (a long article is well under 1 MB).
MAX_INPUT_BYTES = 10_000_000
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class InputError(ToolError):
    """An input file cannot be added (not a regular file, outside its folder, too large)."""


def _refuse(shown: str, message: str, hint: str) -> InputError:
    return InputError(Problem(file=shown, level="error", message=message, hint=hint))


def read_input(path: Path, *, shown: str | None = None,
               max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file, if it is a regular file of acceptable size.

    Args:
        path: The file as given on the command line.
        shown: How to name it in messages (default: the path as given).
        max_bytes: The largest size accepted.

    Raises:
        InputError: Not a regular file, a symbolic link out of its folder, too large, or
            unreadable.
    """
    shown = shown or str(path)
    try:
        if path.is_symlink():
            folder = os.path.realpath(path.parent)
            target = os.path.realpath(path)
            if not target.startswith(folder.rstrip(os.sep) + os.sep):
                raise _refuse(shown, f"is a symbolic link to '{target}', outside its folder; "
                              "nothing was copied",
                              "copy the article itself into the folder, then add the copy")
        info = os.stat(path)
        for test, kind in _KINDS:
            if test(info.st_mode):
                raise _refuse(shown, f"is {kind}, not a regular file; nothing was read",
                              "give the article's text file")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(shown, "is not a regular file", "give the article's text file")
        if info.st_size > max_bytes:
            raise _refuse(shown, f"is {info.st_size:,} bytes, more than the {max_bytes:,} an "
                          "article may have", "check that it is an article's text")
        # no blocking open, no following a link swapped in meanwhile; check again once open
        fd = os.open(os.path.realpath(path), os.O_RDONLY | os.O_NONBLOCK
                     | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise _refuse(shown, "is not a regular file", "give the article's text file")
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _refuse(shown, f"cannot read: {exc.strerror or exc}",
                      "check the path and its permissions") from exc
    if len(data) > max_bytes:
        raise _refuse(shown, f"is more than the {max_bytes:,} bytes an article may have",
                      "check that it is an article's text")
    return data
