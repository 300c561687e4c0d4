"""validate reads the log a run of entries at a time, hashes each run in bulk and folds the series from the same
reading (storecheck.chain_runs, rehash_run, Derived): its answer is the one it gives entry by entry.

Runs here are 7 entries long and the series are folded with numpy from 10 entries on, so that a log of 63
entries has tampered entries inside runs, at their edges, and runs that the bulk way declines.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tracker import audit, chain, series, seriesfold, store, storecheck
from tracker.context import load_plan

N = 60  # imported; then three reports, one append (and one recorded head) each


def _recorded(i: int, order: str) -> str:
    if order == "recorded in append order":
        return f"2024-08-28T09:{i // 60:02d}:{i % 60:02d}Z"
    if order == "recorded out of it between runs":  # in order within each run of 7, not from one to the next
        return f"2024-01-01T00:00:{i:02d}Z" if i % 7 == 0 else f"2024-08-28T09:{i // 60:02d}:{i % 60:02d}Z"
    return f"2024-0{1 + i % 8}-28T09:{i % 7:02d}:00Z"  # out of order all along, with ties


def _lines(n: int, order: str) -> str:
    out = []
    for i in range(n):
        e = {"id": f"imp-{i:04d}", "month": f"2024-0{1 + i % 8}", "by": "导入",
             # in append order, or out of it (the series fold by recorded_at) with ties
             "recorded_at": _recorded(i, order)}
        if i % 5 == 4:  # seq 5, 10, 15, …: the qualitative task
            e.update(task="184", percent=i % 100, status="ongoing" if i % 2 else None)
        else:
            e.update(task="195", values={"centres": i % 100, "stations": 3 * i % 300} if i % 3 else {"centres": i})
        if i % 3:
            e["note"] = f"截至目前,新建中心{i}个。"
        out.append(json.dumps(e, ensure_ascii=False))
    return "\n".join(out) + "\n"


@pytest.fixture(params=["recorded in append order", "recorded out of it", "recorded out of it between runs"])
def logged(project, monkeypatch, request):
    (project.root / "log.jsonl").write_text(_lines(N, request.param), encoding="utf-8")
    project.ok("import", "log.jsonl")
    for i in range(3):
        project.ok("log", "195", "--month", "2024-08", "--set", f"centres={50 + i}")
    monkeypatch.setattr(storecheck, "RUN", 7)
    monkeypatch.setattr(seriesfold, "MIN_ENTRIES", 10)
    return project


def check(project) -> audit.Audit:
    conn = store.open_read(str(project.db), upgrade=False)
    try:
        return audit.check_log(load_plan(str(project.tasks), conn), conn, "db")
    finally:
        conn.close()


def entry_by_entry(project, monkeypatch) -> audit.Audit:
    """The same check with the bulk ways switched off: each entry read (chain_rows), stepped through and
    rehashed on its own, the series computed by series.compute() from a reading of their own."""
    def one_by_one(conn):
        for e in storecheck.chain_rows(conn):
            yield tuple((x,) for x in (e.seq, e.id, e.task, e.month, e.recorded_at, e.by, e.percent, e.status,
                                       e.note, e.hash, e.values))

    with monkeypatch.context() as m:
        m.setattr(storecheck, "chain_runs", one_by_one)
        m.setattr(storecheck, "rehash_run",
                  lambda prev, run: [storecheck.entry(run, i).rehash(p) for i, p in enumerate((prev, *run[9][:-1]))])
        m.setattr(audit._Walk, "took", lambda *args: False)
        m.setattr(storecheck.Derived, "add", lambda self, run: None)
        m.setattr(storecheck.Derived, "problems", _problems_of_the_log_read_again)
        return check(project)


def _problems_of_the_log_read_again(self, db_path: str) -> list[str]:
    """Derived.problems() as before the runs: series.compute() reading the log again."""
    found, self.unchecked = storecheck.derived_problems(self.conn, db_path)
    return found


def tamper(project, *statements) -> None:
    """Drop the guards, change things, put the guards back (tests/test_reliability.py does the same)."""
    conn = sqlite3.connect(project.db, isolation_level=None)
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in guards:
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        sql(conn) if callable(sql) else conn.execute(sql)
    for _, sql in guards:
        conn.execute(sql)
    conn.close()


def _rewrite_from(seq: int):
    def rewrite(conn):  # an edit, and every hash after it recomputed: only the heads tell
        conn.execute(f"UPDATE entries SET figures = json_set(figures, '$[0][1]', 95) WHERE seq = {seq}")
        prev = conn.execute("SELECT hash FROM entries WHERE seq < ? ORDER BY seq DESC LIMIT 1", (seq,)).fetchone()[0]
        for e in [e for e in storecheck.chain_rows(conn) if e.seq >= seq]:
            prev = e.rehash(prev)
            conn.execute("UPDATE entries SET hash = ? WHERE seq = ?", (prev, e.seq))
    return rewrite


def _set(seq: int, sql: str) -> str:
    return f"UPDATE entries SET {sql} WHERE seq = {seq}"


TAMPERINGS = {
    "a value inside a run": [_set(11, "figures = json_set(figures, '$[0][1]', 99)")],
    "the last of a run and the first of the next": [_set(7, "figures = json_set(figures, '$[0][1]', 99)"),
                                                    _set(8, "figures = json_set(figures, '$[0][1]', 99)")],
    "values past reading": [_set(12, "figures = 'not json'")],
    "values the bulk way declines": [_set(13, """figures = '[["centres",-5]]'"""),
                                     _set(16, """figures = '[["centres",1e-05]]'""")],
    "values that read the same": [_set(17, """figures = '[ ["centres", 16.0], ["stations",48] ]'""")],
    "a note with characters JSON escapes": [_set(17, "note = 'a\"\\' || char(10) || char(8232) || char(127) || 'é'")],
    "a percent that is no number": [_set(20, "percent = 'x'")],
    "a month that no longer parses": [_set(21, "month = 'garbage'")],
    "a time out of order, and the series' mark": [_set(3, "recorded_at = '2030-01-01T00:00:00Z'"),
                                                  "UPDATE series_state SET upto = upto - 1"],
    "unknown names": [_set(18, "task = '999'"), _set(19, """figures = '[["nosuch",1],["centres",2]]'"""),
                      _set(25, """figures = '[["centres",1]]'""")],
    "a stored hash": [_set(22, "hash = 'deadbeef'")],
    "removed at the start, at a run's end and at the end": ["DELETE FROM entries WHERE seq IN (1, 14, 63)"],
    "a rewrite with its hashes recomputed": [_rewrite_from(31)],
    "a record of an append": ["DELETE FROM chain_heads WHERE seq = 2"],
    "removed, the hashes after it recomputed": ["DELETE FROM entries WHERE seq = 24", _rewrite_from(25)],
    "a BLOB where text was": [_set(26, "by = CAST('x' AS BLOB)")],
}


@pytest.mark.parametrize("edit", [("[[task]]\nid = \"184\"", "[[task]]\nid = \"186\""),
                                  ("key = \"stations\"", "key = \"posts\"")])
def test_entries_the_plan_no_longer_knows_are_reported_as_entry_by_entry(logged, monkeypatch, edit):
    logged.tasks.write_text(logged.tasks.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    expected = entry_by_entry(logged, monkeypatch)
    assert expected.problems and all("which task" in p or "which tasks.toml" in p for p in expected.problems)
    assert check(logged) == expected


def test_an_untouched_log_is_checked_in_bulk(logged, monkeypatch):
    def refuse(*args):
        raise AssertionError("asked entry by entry")

    monkeypatch.setattr(storecheck.StoredEntry, "rehash", refuse)
    monkeypatch.setattr(audit._Walk, "step", refuse)
    monkeypatch.setattr(series, "compute", refuse)  # the series are folded from the same reading
    found = check(logged)
    assert (found.problems, found.entries) == ([], N + 3)
    assert found.head == sqlite3.connect(logged.db).execute("SELECT hash FROM entries WHERE seq = 63").fetchone()[0]


@pytest.mark.parametrize("name", TAMPERINGS)
def test_each_tampering_is_reported_as_entry_by_entry(logged, monkeypatch, name):
    tamper(logged, *TAMPERINGS[name])
    try:
        expected = entry_by_entry(logged, monkeypatch)
    except TypeError as e:  # a BLOB: json cannot hash it (as before runs); nor may the bulk way
        with pytest.raises(TypeError, match=str(e)):
            check(logged)
        return
    assert bool(expected.problems) == (name != "values that read the same")  # the tampering shows, if it tells
    assert check(logged) == expected


def test_the_series_are_folded_in_the_order_of_the_log(logged):
    # Folded in any other order, the rows would differ from the stored ones, and the mark would not be looked at.
    tamper(logged, "UPDATE series_state SET upto = upto - 1")
    assert check(logged).problems == [
        "db: table series_state does not mark the last entry of the log (run `tracker validate --repair`)"]


def test_a_run_with_one_unusual_entry_is_rehashed_entry_by_entry(logged):
    conn = store.open_read(str(logged.db), upgrade=False)
    runs = list(storecheck.chain_runs(conn))
    assert [len(run[0]) for run in runs] == [7] * 9
    prev = runs[1][9][-1]
    plain = runs[2]
    by_entry = [storecheck.entry(plain, i).rehash(p) for i, p in enumerate((prev, *plain[9][:-1]))]
    assert storecheck.rehash_run(prev, plain) == by_entry == list(plain[9])
    # the same run with one entry's values past reading, one percent json writes as Infinity, one text a BLOB
    for column, value in ((10, None), (6, float("inf")), (8, b"x")):
        odd = tuple(tuple(value if c == column and i == 3 else x for i, x in enumerate(col))
                    for c, col in enumerate(plain))
        again = storecheck.rehash_run(prev, odd)  # the BLOB's entry: "(fields unreadable)", named as changed
        assert again[:3] == by_entry[:3] and again[4:] == by_entry[4:] and again[3] != by_entry[3]
    conn.close()


def test_follow_hashes_each_body_after_the_hash_beside_it():
    bodies = [b"[1]", b"[2]", b"[3]"]
    linked = chain.link("p", bodies)
    assert chain.follow(["p", *linked[:-1]], bodies) == linked
    assert chain.follow(["p", "x", linked[1]], bodies) == [linked[0], chain.link("x", [b"[2]"])[0], linked[2]]


def _damage(project, index: str, start: int, size: int, byte: bytes) -> None:
    """Overwrite part of an index's page in the file: the table itself still reads."""
    conn = sqlite3.connect(project.db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(project.db, "r+b") as f:
        f.seek((root - 1) * page + (start if start >= 0 else page + start))
        f.write(byte * size)


def _integrity_first(project) -> str:
    conn = store.open_read(str(project.db), upgrade=False)
    try:
        return storecheck.integrity(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("index", ["idx_entries_id", "idx_entries_task_month"])
def test_a_damaged_file_is_the_whole_answer(logged, index):
    _damage(logged, index, -400, 300, b"\0")  # its cells: rows missing from the index
    result = _integrity_first(logged)
    assert "missing from index" in result
    assert check(logged) == audit.Audit([f"db: integrity check failed: {result}"], 0, None)


def test_what_the_reading_raises_is_moot_once_the_file_is_found_damaged(logged, monkeypatch):
    def broken(self, run):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(storecheck.Derived, "add", broken)
    with pytest.raises(sqlite3.DatabaseError):  # a sound file: the error is the answer
        check(logged)
    monkeypatch.setattr(storecheck, "integrity", lambda conn: "*** in database main ***")
    assert check(logged).problems == ["db: integrity check failed: *** in database main ***"]


def test_the_log_is_read_no_further_once_the_file_is_found_damaged(logged, monkeypatch):
    monkeypatch.setattr(storecheck, "integrity", lambda conn: "*** in database main ***")
    monkeypatch.setattr(storecheck.Integrity, "failed", lambda self: self.wait() != "ok")  # known at once
    monkeypatch.setattr(storecheck, "rehash_run", lambda prev, run: pytest.fail("read on"))
    assert check(logged) == audit.Audit(["db: integrity check failed: *** in database main ***"], 0, None)


@pytest.mark.parametrize("fold", ["numpy", "python"])
def test_series_that_cannot_be_compared_with_a_sound_log_are_a_problem_not_a_pass(logged, monkeypatch, fold):
    """A failure to compute or compare the series is taken for an entry edited past reading, which its
    hash check names; where nothing is named, the failure is said, never left as ok."""
    if fold == "python":
        monkeypatch.setattr(seriesfold, "MIN_ENTRIES", 10**6)
    assert check(logged).problems == []

    def broken(conn, computed=None):
        raise TypeError("unhashable type: 'bytearray'")

    monkeypatch.setattr(series, "disagreements", broken)
    assert check(logged).problems == [
        "db: the series could not be compared with the log (TypeError: unhashable type: 'bytearray')"]
    r = logged.bad("validate")
    assert "the series could not be compared with the log" in r.err and r.code == 2
    monkeypatch.undo()
    monkeypatch.setattr(storecheck, "RUN", 7)
    monkeypatch.setattr(seriesfold, "MIN_ENTRIES", 10 if fold == "numpy" else 10**6)
    tamper(logged, _set(5, "figures = 'not json'"))  # past reading: its hash check names it, and nothing else
    problems = check(logged).problems
    assert len(problems) == 1 and "does not match its hash" in problems[0]


@pytest.mark.parametrize("column", ["id", "task", "month", "recorded_at", "by", "status", "note", "percent"])
def test_a_blob_edited_into_an_entry_is_named_not_a_traceback(logged, column):
    """Bad input of any kind is one clear line: a field edited into a BLOB no entry holds fails its hash."""
    tamper(logged, _set(9, f"{column} = CAST('1' AS BLOB)"))
    r = logged.bad("validate")
    assert r.code == 2 and "Traceback" not in r.err
    assert "(#9, " in r.err and "does not match its hash" in r.err
