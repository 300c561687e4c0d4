"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile

from tracker.errors import BadInput


def atomic_write(path: str, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tracker-", dir=folder)
    except OSError as e:
        raise BadInput(f"{path}: cannot write: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        os.unlink(tmp)
        raise BadInput(f"{path}: cannot write: {e.strerror}") from None
