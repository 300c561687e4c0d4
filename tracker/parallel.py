"""A province's work on two CPUs: the second half in a forked child, the first here, results in order.

Judging 30,000 tasks and writing them as JSON is pure work on data already
in memory, and most machines have a second core idle. With fork the child
starts with the plan and the logs already read; it computes its half into an
unnamed temporary file (pickled, or the bytes it writes), and exits; the
parent computes the first half meanwhile, then takes the child's. Where fork
is missing (Windows), the machine has one CPU, the work is small or
TRACKER_WORKERS=1, everything runs here, in one process, with the same result.
If the child fails in any way, the parent does its half too.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile

MIN_ITEMS = 4000  # below this, starting a process costs more than it saves
BLOCK = 1 << 20


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def enabled(n: int) -> bool:
    return (n >= MIN_ITEMS and hasattr(os, "fork") and os.environ.get("TRACKER_WORKERS", "").strip() != "1"
            and _cpus() >= 2)


def halves(items, work) -> list:
    """[work(items)] in one process, or [work(first half), work(second half)] in two: the same results, in order."""
    if not enabled(len(items)):
        return [work(items)]
    mid = len(items) // 2
    with _Child(lambda spool: pickle.dump(work(items[mid:]), spool, protocol=pickle.HIGHEST_PROTOCOL)) as child:
        mine = work(items[:mid])
        spool = child.wait()
        theirs = pickle.load(spool) if spool is not None else work(items[mid:])
    return [mine, theirs]


def stream(items, chunks, emit) -> None:
    """emit() every bytes chunk of chunks(items), in order: the second half's computed meanwhile in a child."""
    if not enabled(len(items)):
        for chunk in chunks(items):
            emit(chunk)
        return

    def child_half(spool):
        for chunk in chunks(items[mid:]):
            spool.write(chunk)

    mid = len(items) // 2
    with _Child(child_half) as child:
        for chunk in chunks(items[:mid]):
            emit(chunk)
        spool = child.wait()
        if spool is None:
            for chunk in chunks(items[mid:]):
                emit(chunk)
        else:
            while block := spool.read(BLOCK):
                emit(block)


class _Child:
    """A forked child running fill(spool); wait() gives the spool to read back, or None if the child failed."""

    def __init__(self, fill):
        self.spool = tempfile.TemporaryFile()
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: fill the spool and leave without any of the parent's clean-up
            code = 1
            try:
                fill(self.spool)
                self.spool.flush()
                code = 0
            finally:
                os._exit(code)

    def __enter__(self):
        return self

    def wait(self):
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return None
        self.spool.seek(0)
        return self.spool

    def __exit__(self, *exc):
        if self.pid is not None:  # the parent's half failed: the child's is of no use
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        self.spool.close()
        return False
