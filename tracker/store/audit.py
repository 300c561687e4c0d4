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
from tracker.core import months
from tracker.errors import BadInput
from tracker.store import check as storecheck
from tracker.core.model import Plan


@dataclass(frozen=True, slots=True)
class Audit:
    problems: list[str]
    entries: int
    head: str | None  # the hash of the last entry: note it elsewhere to detect a rewrite later
    # the log itself passes (integrity, guards, schema, chain, heads): --repair may rebuild from it. Entries that
    # name what tasks.toml no longer declares (a task renumbered, a metric renamed) are the plan's change, not the log's
    intact: bool = False


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
        return Audit([BadInput("integrity check failed: {why}", place=db_path, why=integrity)], 0, None)
    version = store.version(conn)
    problems = _guards(conn, db_path, version)
    problems += storecheck.schema_problems(conn, db_path)
    rebuilt = storecheck.plan_cache_problems(conn, db_path, *cached) if cached is not None else []
    heads = storecheck.heads(conn)
    by_upto: dict[int, list] = {}
    for head in heads:
        by_upto.setdefault(head[1], []).append(head)
    walk = _Walk(db_path, heads[-1][1] if heads else None)
    names = _Names(plan, db_path)
    # The series recomputed from the log give the metrics its entries name as well: the chain's pass then
    # decodes no entry's figures (a province's 650,000), unless an entry cannot be read at all.
    computed = storecheck.recomputed_series(conn)
    readable = _Readable(db_path)
    for e in storecheck.chain_rows(conn):
        changed = walk.step(e, by_upto.get(e.seq, ()), e.rehash(walk.prev))
        if computed is None:  # some entry's month or figures did not read: find which
            values = e.values()
            if not changed:  # (an entry said to be changed needs no second line)
                readable.check(e, values)
            names.check(e, values)
    if computed is not None:  # the names the log holds, each once, instead of each entry's
        for e in storecheck.entries_of_tasks(conn, storecheck.task_names(conn) - names.metrics.keys()):
            names.check(e, None)
        names.check_metrics(storecheck.metric_names(computed, conn), lambda task, key: storecheck.entries_naming(
            conn, task, key))
        names.check_starts(computed, lambda task, month: storecheck.entries_before(conn, task, month))
    rebuilt += storecheck.derived_problems(conn, db_path, computed)
    if version >= 2 and "chain_heads" not in store.tables(conn):
        problems.append(BadInput("the table of chain heads is gone: removals of the latest entries cannot be checked",
                                 place=db_path))
    if version >= 2 and walk.count and not heads and "chain_heads" in store.tables(conn):
        problems.append(BadInput("the log holds {n} entries but no record of any append (the table of chain heads is "
                                 "empty): emptied behind tracker's back; rewritten entries could not be seen",
                                 place=db_path, n=walk.count))
    problems += walk.found
    problems += readable.found
    problems += walk.finish(heads)
    # the log's own problems first: what --repair would rebuild from it comes last, and only an intact log
    # may be rebuilt from (so, past a problem of the log's own, its lines do not advise --repair)
    if problems:
        rebuilt = [BadInput(p.template.removesuffix(_REPAIR), place=p.place, **p.fields) for p in rebuilt]
    return Audit(problems + names.found + rebuilt, walk.count, walk.last.hash if walk.last else None, not problems)


_REPAIR = " (run `tracker validate --repair`)"


def _guards(conn, db_path: str, version: int) -> list[str]:
    present = store.triggers(conn)
    expected = store.guards(version)
    missing = [name for name in expected if name not in present]
    altered = [name for name, sql in expected.items()
               if name in present and " ".join((present[name] or "").split()) != sql]
    out = []
    if missing:
        out.append(BadInput("append-only guards missing: {names} (the log could be edited unseen)", place=db_path,
                            names=", ".join(missing)))
    if altered:
        out.append(BadInput("append-only guards altered: {names} (the log could be edited unseen)", place=db_path,
                            names=", ".join(altered)))
    return out


class _Readable:
    """Each entry added by hand whose month or figures no tracker wrote: every command that reads the log
    refuses it (store.unreadable), so validate says why (an entry edited so is said to be changed)."""

    def __init__(self, db_path: str):
        self.db = db_path
        self.found: list = []

    def check(self, e, values: dict | None) -> None:
        from tracker.core import months

        try:
            months.parse(e.month)
        except (BadInput, TypeError):
            self.found.append(BadInput("entry {id} (#{seq}) has a month tracker cannot read ({text})", place=self.db,
                                       id=e.id, seq=e.seq, text=repr(e.month)))
        if values is None:
            self.found.append(BadInput("entry {id} (#{seq}) has figures tracker cannot read ({text})", place=self.db,
                                       id=e.id, seq=e.seq, text=_shown(e.figures)))


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


class _Names:
    """Each entry that names a task tasks.toml does not declare, or a metric its task does not have."""

    def __init__(self, plan: Plan, db_path: str):
        self.db = db_path
        self.metrics = {t.id: {m.key for m in t.metrics} for t in plan.tasks}
        self.starts = {t.id: months.of(t.start) for t in plan.tasks}
        self.found: list = []

    def check(self, e, values: dict | None) -> None:
        """An entry's task, and the metrics of its figures when they are given (values)."""
        keys = self.metrics.get(e.task)
        if keys is None:
            self.found.append(BadInput("entry {id} names task {task}, which tasks.toml does not declare",
                                       place=self.db, id=e.id, task=e.task))
        elif values:
            for key in values:
                if key not in keys:
                    self._metric(e.id, key, e.task)

    def check_metrics(self, pairs: set, ids_of) -> None:
        """The (task, metric) pairs the log names, each unknown metric of a declared task with the entries that
        name it (ids_of(task, key))."""
        for task, key in sorted(pairs):
            keys = self.metrics.get(task)
            if keys is not None and key not in keys:
                for entry_id in ids_of(task, key):
                    self._metric(entry_id, key, task)

    def check_starts(self, task_rows, entries_before) -> None:
        """Each counted entry of a month before its task's start: tasks.toml's start (or plan.year) moved past
        it since it was logged (every write refuses such a month), and it still counts in every month after.
        task_rows: task_series' rows (task, the first month with a counted entry, …); entries_before(task,
        "YYYY-MM"): that task's counted entries of earlier months, (id, month) in log order."""
        for task, first, *_ in task_rows:
            start = self.starts.get(task)
            if start is not None and first < start:
                for entry_id, month in entries_before(task, months.fmt(start)):
                    self.found.append(BadInput(
                        "entry {id} of task {task} is for {month}, before the task's start in tasks.toml ({start}), "
                        "and still counts: move the start back, or void the entry", place=self.db, id=entry_id,
                        task=task, month=month, start=months.fmt(start)))

    def _metric(self, entry_id: str, key: str, task: str) -> None:
        self.found.append(BadInput("entry {id} names metric {key}, which task {task} does not have",
                                   place=self.db, id=entry_id, key=repr(key), task=task))


class _Walk:
    """Follows the chain: hashes, sequence gaps, and the heads recorded along the way (a run at a time
    where none of that is wrong, else entry by entry)."""

    def __init__(self, db_path: str, last_append: int | None = None):
        self.db = db_path
        # The last entry an append recorded: those after it are said once, as added behind tracker's back
        # (finish()), not each as changed.
        self.last_append = last_append
        self.prev = ""
        self.last = None
        self.count = 0
        self.found: list = []
        self.heads_ok_upto = 0  # the last entry that a matching head vouches for
        self.rewritten = None   # the first head that no longer matches the stored chain

    def _entry(self, e) -> BadInput:
        return BadInput("entry {id} (#{seq}, task {task}, {month})", id=e.id, seq=e.seq, task=e.task, month=e.month)

    def step(self, e, heads, rehash: str) -> bool:
        """One entry, and its hash recomputed after the one before it as stored (rehash); whether it was said
        to be changed."""
        self.count += 1
        expected = (self.last.seq if self.last else 0) + 1
        if e.seq != expected:
            after = (BadInput("after {entry}", entry=self._entry(self.last)) if self.last
                     else BadInput("at the start of the log"))
            self.found.append(BadInput("{span} missing {after}, before {entry}: removed behind tracker's back",
                                       place=self.db, span=_span(expected, e.seq - 1), after=after,
                                       entry=self._entry(e)))
        changed = rehash != e.hash and (self.last_append is None or e.seq <= self.last_append)
        if changed:
            self.found.append(BadInput("{entry} does not match its hash: it was changed, or an entry before it was "
                                       "removed", place=self.db, entry=self._entry(e)))
        self.prev = e.hash  # report each break once, then follow the chain as stored
        self.last = e
        self._vouch(e, heads)
        return changed

    def _vouch(self, e, heads) -> None:
        """The heads recorded at e: whether they still hold e's hash."""
        for _seq, _upto, hash_, at in heads:
            if hash_ == e.hash:
                if self.rewritten is None:
                    self.heads_ok_upto = e.seq
            elif self.rewritten is None:
                self.rewritten = (self.heads_ok_upto, e, at)

    def finish(self, heads) -> list:
        out = []
        if self.rewritten is not None:
            ok_upto, e, at = self.rewritten
            if ok_upto == e.seq - 1:
                out.append(BadInput("{entry} no longer matches the hash recorded when it was appended ({when}): "
                                    "rewritten behind tracker's back, its hash recomputed", place=self.db,
                                    entry=self._entry(e), when=_when(at)))
            else:
                out.append(BadInput("entries #{first}–#{last} (the last: {entry}) no longer match the head recorded "
                                    "when they were appended ({when}): one of them was rewritten behind tracker's "
                                    "back, hashes recomputed", place=self.db, first=ok_upto + 1, last=e.seq,
                                    entry=self._entry(e), when=_when(at)))
        if not heads:
            return out
        upto, hash_, at = heads[-1][1:]
        last_seq = self.last.seq if self.last else 0
        if last_seq < upto:
            tail = (BadInput("after {entry}", entry=self._entry(self.last)) if self.last
                    else BadInput("(the log is empty)"))
            out.append(BadInput("{span} missing at the end of the log {tail}: the last append ({when}) recorded "
                                "#{upto}; removed behind tracker's back", place=self.db,
                                span=_span(last_seq + 1, upto), tail=tail, when=_when(at), upto=upto))
        elif last_seq > upto:
            what = (self._entry(self.last) if last_seq == upto + 1
                    else BadInput("entries #{first}–#{last} (the last: {entry})", first=upto + 1, last=last_seq,
                                  entry=self._entry(self.last)))
            out.append(BadInput("{what} recorded by no append: added behind tracker's back", place=self.db,
                                what=what))
        if [h[0] for h in heads] != list(range(1, len(heads) + 1)):
            out.append(BadInput("records of appends are missing from the table of chain heads: removed behind "
                                "tracker's back", place=self.db))
        return out


def _span(a: int, b: int) -> BadInput:
    return BadInput("entry #{a} is", a=a) if a == b else BadInput("entries #{a}–#{b} are", a=a, b=b)


def _when(stamp: str) -> str:
    return f"{stamp[:19].replace('T', ' ')} UTC"
