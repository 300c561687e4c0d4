"""Judging every task of a plan as of a month, in one process or two, each reading the logs of its own half.

A province's status reads 70,000 rows of series and judges 30,000 tasks.
parallel.py gives the second half of the tasks to a forked child; here each
process also reads only its half's rows, through its own connection (a
connection must never cross a fork). Both must see the same log: the parent
holds one read transaction from before the fork to the end, and the child
checks that the series hold the same last entry (series.mark); if a write
came in between, the child gives up and the parent does its half too, from
its own snapshot. Where the series are behind the log (a foreign writer),
the parent reads every log the slower way before the fork, as one process would.
"""

from __future__ import annotations

import os

from tracker import parallel, series, store


class Moved(Exception):
    """The log changed between the parent's snapshot and the child's."""


class Judging:
    """The plan as of month p, and its tasks' logs for whichever half a process judges."""

    def __init__(self, project, p: int, notes: bool = True):
        self.project, self.p, self.notes = project, p, notes
        self.conn = conn = project.read()
        try:
            self.plan = project.plan(conn)  # may write the plan cache: before the read transaction
            self.logs = None
            self.mark = None
            if conn is not None:
                conn.execute("BEGIN")  # the parent's one snapshot, to the end
                self.mark = series.mark(conn)
                if self.mark is None or not parallel.enabled(len(self.plan.tasks)):
                    self.logs = store.load_recent(conn, self.plan, p, notes)
            else:
                self.logs = {}
        except BaseException:
            self.close()
            raise
        self.parent = os.getpid()

    def logs_for(self, tasks) -> dict:
        if self.logs is not None:
            return self.logs
        if os.getpid() == self.parent:
            return series.load(self.conn, self.plan, self.p, self.notes, tasks)
        conn = store.open_read(self.project.db_path, upgrade=False)  # the child's own
        try:
            with store.snapshot(conn):
                if series.mark(conn) != self.mark:
                    raise Moved
                return series.load(conn, self.plan, self.p, self.notes, tasks)
        finally:
            conn.close()

    def halves(self, work) -> list:
        """[work(tasks, logs)] for the plan's tasks, or one result a half (parallel.halves)."""
        return parallel.halves(self.plan.tasks, lambda tasks: work(tasks, self.logs_for(tasks)))

    def stream(self, chunks, emit) -> None:
        """emit() every chunk of chunks(tasks, logs), in the tasks' order (parallel.stream)."""
        parallel.stream(self.plan.tasks, lambda tasks: chunks(tasks, self.logs_for(tasks)), emit)

    def close(self) -> None:
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
