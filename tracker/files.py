"""Files tracker writes for the user (`-o FILE`, `backup FILE`, tasks.toml): whole or not at all, and never
over what must not be written over.

Every such write goes through `new_file()` (or `atomic_write()`, which uses it):
- the target is refused (BadInput, nothing touched) when it is one of the
  project's own files (the database, its -wal/-shm/-journal, tasks.toml,
  contacts.toml: compared as files, so a symbolic or hard link to one is
  refused too), or when it exists and is not a regular file (a directory, a
  device, a FIFO, a socket, a symbolic link);
- the data goes to a temporary file beside it (`.NAME.RANDOM.tracker-tmp`),
  locked (flock) while it is being written, synced, then renamed over the
  target (or, for a file that must be new, linked to it: never replacing one
  that appeared meanwhile);
- temporary files that no process holds (a write killed with kill -9) are
  removed by the next write into the same folder.
"""

from __future__ import annotations

import fcntl
import os
import re
import stat
from contextlib import contextmanager

from tracker.errors import BadInput, Word

_TMP_MARK = ".tracker-tmp"
# Ours, and what SQLite puts beside a database it writes (a backup's copy is one).
_TMP_NAME = re.compile(r"^\..+\.tracker-tmp(-journal|-wal|-shm)?$")


class Exists(BadInput):
    """A file that must be new exists, or appeared while it was being written."""


def regular_or_absent(path: str, what: str) -> bool:
    """Whether path exists; BadInput, at once and without opening it, when it exists but is not a regular
    file (a FIFO or device would make a reader wait forever, or read without end)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        raise BadInput("{path}: not a {what}: a part of the path is not a folder", path=path, what=what) from None
    except OSError as e:
        raise BadInput("{path}: cannot read: {reason}", path=path, reason=Word(e.strerror or "")) from None
    if stat.S_ISREG(st.st_mode):
        return True
    raise BadInput("{path}: is {kind}, not a {what}", path=path, kind=Word(_kind(st.st_mode)), what=Word(what))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def check_target(path: str, protected=()) -> None:
    """BadInput unless `path` may be written: a new name, or a regular file that is none of `protected`
    (the project's own files, as paths; a missing one is compared by where it would be)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise BadInput("{path}: cannot write: {reason}", path=path, reason=Word(e.strerror or "")) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise BadInput("{path}: is {kind}; give a new file name or a regular file to write",
                       path=path, kind=Word(_kind(st.st_mode)))
    here = os.path.realpath(path)
    for own in protected:
        if not own:
            continue
        same = os.path.realpath(own) == here
        if not same and st is not None:
            try:
                same = os.path.samestat(st, os.stat(own))
            except OSError:
                pass
        if same:
            raise BadInput("{path}: is tracker's own file {own}; refusing to write over it", path=path, own=own)


def remove_stale(folder: str) -> None:
    """Remove the temporary files in `folder` that no process holds: what a killed write left."""
    try:
        names = [n for n in os.listdir(folder or ".") if _TMP_NAME.match(n)]
    except OSError:
        return
    mains = {n for n in names if n.endswith(_TMP_MARK)}
    for name in sorted(mains):
        full = os.path.join(folder, name)
        try:
            fd = os.open(full, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: a write in progress
            os.close(fd)
            continue
        try:
            # Still the file we locked (not one that replaced it meanwhile): it is stale.
            if os.path.samestat(os.fstat(fd), os.stat(full)):
                for suffix in ("", "-journal", "-wal", "-shm"):
                    _unlink(full + suffix)
        except OSError:
            pass
        finally:
            os.close(fd)
    for name in names:  # SQLite's files beside a temporary database that is gone
        base = re.sub(r"-(journal|wal|shm)$", "", name)
        if base != name and not os.path.exists(os.path.join(folder, base)):
            _unlink(os.path.join(folder, name))


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _cannot(path: str, e: OSError) -> BadInput:
    return BadInput("{path}: cannot write: {reason}", path=path, reason=Word(e.strerror or str(e)))


@contextmanager
def new_file(path: str, protected=(), replace: bool = True):
    """Yields the name of a temporary file beside `path` to write; when the block ends without an error,
    the file (synced) takes the name `path`. `replace=False`: `path` must not exist, now or when it is
    renamed (BadInput "already exists"). On any error the temporary file is removed."""
    check_target(path, protected)
    if not replace and os.path.lexists(path):
        raise Exists("{path}: already exists; choose a new file", path=path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise _cannot(path, e) from None
    remove_stale(folder)
    fd, tmp = _locked_temp(folder, os.path.basename(path), path)
    try:
        yield tmp
        _sync_file(tmp)
        check_target(path, protected)  # again: what the name is may have changed while we wrote
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if path appeared meanwhile: never replaces it
            except FileExistsError:
                raise Exists("{path}: already exists; choose a new file", path=path) from None
            except OSError:  # a file system without hard links: the check above, then a rename
                if os.path.lexists(path):
                    raise Exists("{path}: already exists; choose a new file", path=path) from None
                os.replace(tmp, path)
        _sync_folder(folder)
    except OSError as e:
        raise _cannot(path, e) from None
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            _unlink(tmp + suffix)  # after a rename there is nothing left to remove; after a link, the other name
        os.close(fd)


def _locked_temp(folder: str, base: str, path: str) -> tuple[int, str]:
    """A new empty temporary file, created and locked (flock) as ours: (its descriptor, its name)."""
    import secrets  # here, not for every command: it loads OpenSSL's library (hmac)

    for _ in range(5):
        tmp = os.path.join(folder, f".{base[:120]}.{secrets.token_hex(4)}{_TMP_MARK}")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, _mode_of(path))
        except FileExistsError:
            continue
        except OSError as e:
            raise _cannot(path, e) from None
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.path.exists(path):  # the mode of the file it replaces (os.open applied the umask)
            try:
                os.fchmod(fd, _mode_of(path))
            except OSError:
                pass
        try:
            # Another write's clean-up may have found it between creation and lock: make sure it is still there.
            if os.path.samestat(os.fstat(fd), os.stat(tmp)):
                return fd, tmp
        except FileNotFoundError:
            pass
        os.close(fd)
    raise BadInput("{path}: cannot write: no temporary name could be made beside it", path=path)


def _sync_file(path: str) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:  # a folder that cannot be synced (some file systems): the name is there all the same
        pass


def atomic_write(path: str, data, protected=()) -> None:
    """Write `path` whole or not at all (new_file()): a reader never sees half a file.
    data: bytes, or pieces of them (written as they come: never all in memory)."""
    with new_file(path, protected) as tmp:
        try:
            with open(tmp, "wb") as f:
                for piece in [data] if isinstance(data, bytes) else data:
                    f.write(piece)
        except OSError as e:
            raise _cannot(path, e) from None


def _mode_of(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666  # os.open applies the umask


@contextmanager
def held_alone(path: str, busy: BadInput):
    """Hold an exclusive lock (flock) for the block on the folder that holds the file at `path`; `busy` is raised
    at once when another process holds it. The folder, not the file: closing any descriptor of a SQLite database
    drops every lock SQLite holds on it in this process (POSIX locks are the process's), so tracker never opens
    the log but through SQLite. The kernel lets go of the lock when its process ends however it ends (kill -9):
    nothing is left to clean up."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as e:
        raise _cannot(folder, e) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        yield
    finally:
        os.close(fd)
