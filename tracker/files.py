"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile

from tracker.errors import BadInput


def atomic_write(path: str, data) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file.
    data: bytes, or pieces of them (written as they come: never all in memory)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tracker-", dir=folder)
    except OSError as e:
        raise BadInput("{path}: cannot write: {why}", path=path, why=e.strerror) from None
    try:
        # mkstemp makes the file 0600: give it the mode of the file it replaces, else what umask allows.
        os.chmod(tmp, _mode_of(path))
        with os.fdopen(fd, "wb") as f:
            for piece in [data] if isinstance(data, bytes) else data:
                f.write(piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:  # an OSError, or what the pieces' maker raised: no file left half written
        os.unlink(tmp)
        if isinstance(e, OSError):
            raise BadInput("{path}: cannot write: {why}", path=path, why=e.strerror) from None
        raise


def _mode_of(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def link_new(tmp: str, path: str) -> bool:
    """Give the finished file tmp the name path as well, unless path exists (it is never replaced); whether it did.

    The file's data is on disk first, and the new name too when this returns.
    """
    try:
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
    except OSError as e:
        raise BadInput("{path}: cannot write: {why}", path=path, why=e.strerror) from None
    try:
        os.link(tmp, path)
    except OSError:  # FileExistsError, or a file system without hard links
        return False
    try:
        folder = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:  # a folder that cannot be synced (some file systems): the name is there all the same
        pass
    return True
