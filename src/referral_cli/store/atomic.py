"""Writing a file whole: a hidden temporary file beside it, then one rename.

A reader (or a crash) finds the old content or the new, never half a file. The one place
this is done for a single file (`documents.write_files` stages several together).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(out: Path, data: bytes) -> None:
    """Write `data` to `out` whole; `OSError` when it cannot be written.

    A link is followed, and the file it leads to is replaced. Anything that is not a file
    (`/dev/stdout`, `/dev/null`, a named pipe) is written to as it is: replacing it would
    put a plain file in its place.
    """
    # `exists` and `is_file` follow links; the path is opened as given, since
    # /dev/stdout leads to /proc/self/fd/1, which resolves to no path at all.
    if out.exists() and not out.is_file():
        with out.open("wb") as stream:
            stream.write(data)
        return
    replace_file(out.resolve() if out.is_symlink() else out, data)


def replace_file(path: Path, data: bytes) -> None:
    """Give `path` the content `data` through a temporary file in the same folder.

    The file keeps its permissions; a new one gets what the user's umask allows, as
    `open()` would give (not the 0600 of the temporary file). The temporary file is
    removed on any failure or interruption.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(_mode_for(path))
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permissions `path` has, or those a new file would get."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:  # a new file
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
