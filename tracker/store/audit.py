"""`validate`: the plan, and the log against it — integrity, guards, the schema (nothing tracker did not
create), hash chain, heads, known names, and every cache or derived table recomputed and compared.

Each problem is one line naming the entry it concerns. What no check here can
see: someone with write access to the file who rewrites the log *and* its
head records consistently (or removes the latest entries together with the
heads that recorded them). Against that, the defence is a copy elsewhere
(`tracker backup`) and the head hash that `validate` prints, noted outside.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker import store
from tracker.core import inforce, months
from tracker.core.model import Plan
from tracker.errors import BadInput
from tracker.store import check as storecheck


@dataclass(frozen=True, slots=True)
class Audit:
    problems: list[str]
    entries: int
    head: str | None  # the hash of the last entry: note it elsewhere to detect a rewrite later


def check_log(plan: Plan, conn, db_path: str, cached: tuple[str, str] | None = None) -> Audit:
    """Every problem found in the database (one line each), the number of entries read, and the chain's head.

    plan: parsed from tasks.toml now (never the cache); cached: (digest, data) of that parse, as the plan
    cache would hold it, to compare with what it holds.
    """
    if conn is None:
        return Audit([], 0, None)
    with store.snapshot(conn):  # heads and chain as of one moment: a writer meanwhile is no tampering
        return _check(plan, conn, db_path, cached)


def _check(plan: Plan, conn, db_path: str, cached) -> Audit:
    integrity = storecheck.integrity(conn)
    if integrity != "ok":  # a damaged file: this is the whole answer
        return Audit([f"{db_path}: integrity check failed: {integrity}"], 0, None)
    version = store.version(conn)
    problems = _guards(conn, db_path, version)
    problems += storecheck.schema_problems(conn, db_path)
    if cached is not None:
        problems += storecheck.plan_cache_problems(conn, db_path, *cached)
    heads = storecheck.heads(conn)
    by_upto: dict[int, list] = {}
    for head in heads:
        by_upto.setdefault(head[1], []).append(head)
    walk = _Walk(db_path)
    fold = _Fold() if version >= 5 else None
    found = []
    for e in storecheck.chain_rows(conn):
        walk.step(e, by_upto.get(e.seq, ()), e.rehash(walk.prev))
        found += walk.found
        walk.found = []
        values = e.values()  # read once, for the names and the series
        found += _names(plan, e, values, db_path)
        if fold is not None:
            fold.add(e, values)
    problems += storecheck.derived_problems(conn, db_path, fold.series if fold is not None else None)
    if version >= 2 and "chain_heads" not in store.tables(conn):
        problems.append(f"{db_path}: the table of chain heads is gone: removals of the latest entries cannot be checked")
    if version >= 2 and walk.count and not heads and "chain_heads" in store.tables(conn):
        problems.append(f"{db_path}: the log holds {walk.count} entries but no record of any append (the table of "
                        "chain heads is empty): emptied behind tracker's back; rewritten entries could not be seen")
    problems += found
    problems += walk.finish(heads)
    return Audit(problems, walk.count, walk.last.hash if walk.last else None)


def _guards(conn, db_path: str, version: int) -> list[str]:
    present = store.triggers(conn)
    expected = store.guards(version)
    missing = [name for name in expected if name not in present]
    altered = [name for name, sql in expected.items()
               if name in present and " ".join((present[name] or "").split()) != sql]
    out = []
    if missing:
        out.append(f"{db_path}: append-only guards missing: {', '.join(missing)} (the log could be edited unseen)")
    if altered:
        out.append(f"{db_path}: append-only guards altered: {', '.join(altered)} (the log could be edited unseen)")
    return out


def _names(plan: Plan, e, values: dict | None, db_path: str) -> list[str]:
    task = plan.task(e.task)
    if task is None:
        return [f"{db_path}: entry {e.id} names task {e.task}, which tasks.toml does not declare"]
    return [f"{db_path}: entry {e.id} names metric {key!r}, which task {task.id} does not have"
            for key in values or () if task.metric(key) is None]


class _Fold:
    """The series as the log makes them, folded from the rows the chain's walk reads (append order), as long
    as that is log order (recorded_at never decreasing): then validate reads the log once, not twice."""

    def __init__(self):
        self.logs: dict | None = {}
        self.latest = ""
        self.rows: list = []
        self.months: dict = {}

    def add(self, e, values: dict | None) -> None:
        if self.logs is None:
            return
        m = self.months.get(e.month)
        if m is None:
            try:
                m = self.months[e.month] = months.parse(e.month)
            except (BadInput, TypeError, ValueError):
                m = None
        if values is None or m is None or not isinstance(e.recorded_at, str) or e.recorded_at < self.latest:
            self.logs = None  # out of log order, or a row edited past reading: series.compute() decides
            return
        self.latest = e.recorded_at
        self.rows.append((e.seq, e.task, m, e.percent, e.status, values, e.seq if e.note is not None else None))
        if len(self.rows) >= 5000:
            inforce.fold(self.logs, self.rows)
            self.rows = []

    def series(self) -> tuple | None:
        if self.logs is None:
            return None
        inforce.fold(self.logs, self.rows)
        from tracker.store import series

        return series.arrays(self.logs)


class _Walk:
    """Follows the chain: hashes, sequence gaps, and the heads recorded along the way (a run at a time
    where none of that is wrong, else entry by entry)."""

    def __init__(self, db_path: str):
        self.db = db_path
        self.prev = ""
        self.last = None
        self.count = 0
        self.found: list[str] = []
        self.heads_ok_upto = 0  # the last entry that a matching head vouches for
        self.rewritten = None   # the first head that no longer matches the stored chain

    def _entry(self, e) -> str:
        return f"entry {e.id} (#{e.seq}, task {e.task}, {e.month})"

    def step(self, e, heads, rehash: str) -> None:
        """One entry, and its hash recomputed after the one before it as stored (rehash)."""
        self.count += 1
        expected = (self.last.seq if self.last else 0) + 1
        if e.seq != expected:
            after = f"after {self._entry(self.last)}" if self.last else "at the start of the log"
            self.found.append(f"{self.db}: {_span(expected, e.seq - 1)} missing {after}, "
                              f"before {self._entry(e)}: removed behind tracker's back")
        if rehash != e.hash:
            self.found.append(f"{self.db}: {self._entry(e)} does not match its hash: "
                              "it was changed, or an entry before it was removed")
        self.prev = e.hash  # report each break once, then follow the chain as stored
        self.last = e
        self._vouch(e, heads)

    def _vouch(self, e, heads) -> None:
        """The heads recorded at e: whether they still hold e's hash."""
        for _seq, _upto, hash_, at in heads:
            if hash_ == e.hash:
                if self.rewritten is None:
                    self.heads_ok_upto = e.seq
            elif self.rewritten is None:
                self.rewritten = (self.heads_ok_upto, e, at)

    def finish(self, heads) -> list[str]:
        out = []
        if self.rewritten is not None:
            ok_upto, e, at = self.rewritten
            if ok_upto == e.seq - 1:
                out.append(f"{self.db}: {self._entry(e)} no longer matches the hash recorded when it was appended "
                           f"({_when(at)}): rewritten behind tracker's back, its hash recomputed")
            else:
                out.append(f"{self.db}: entries #{ok_upto + 1}–#{e.seq} (the last: {self._entry(e)}) no longer match "
                           f"the head recorded when they were appended ({_when(at)}): one of them was rewritten "
                           "behind tracker's back, hashes recomputed")
        if not heads:
            return out
        upto, hash_, at = heads[-1][1:]
        last_seq = self.last.seq if self.last else 0
        if last_seq < upto:
            tail = f"after {self._entry(self.last)}" if self.last else "(the log is empty)"
            out.append(f"{self.db}: {_span(last_seq + 1, upto)} missing at the end of the log {tail}: "
                       f"the last append ({_when(at)}) recorded #{upto}; removed behind tracker's back")
        elif last_seq > upto:
            what = (self._entry(self.last) if last_seq == upto + 1
                    else f"entries #{upto + 1}–#{last_seq} (the last: {self._entry(self.last)})")
            out.append(f"{self.db}: {what} recorded by no append: added behind tracker's back")
        if [h[0] for h in heads] != list(range(1, len(heads) + 1)):
            out.append(f"{self.db}: records of appends are missing from the table of chain heads: removed behind tracker's back")
        return out


def _span(a: int, b: int) -> str:
    return f"entry #{a} is" if a == b else f"entries #{a}–#{b} are"


def _when(stamp: str) -> str:
    return f"{stamp[:19].replace('T', ' ')} UTC"
