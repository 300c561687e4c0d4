"""Nothing recorded is lost, changed unseen, or half-written: real processes, kill -9, tampering, backups.

The concurrency and crash tests run `python -m tracker` as separate processes,
as users do; every wait is bounded by a subprocess timeout (a hang fails the
test instead of blocking the suite), and no assertion is about speed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from tests.builders import split_log
from tests.conftest import BASIC_PLAN, ROOT
from tracker import store
from tracker.store.chain import entry_hash
from tracker.store import check as storecheck

TIMEOUT = 120  # seconds any one child may take before the test counts it as hung


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_TODAY="2024-08-20", TRACKER_BY="tester", PYTHONPATH=str(ROOT), COLUMNS="120")
    env.update(extra)
    return env


def tracker(cwd, *args, timeout=TIMEOUT, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=timeout, **kw)


def spawn(cwd, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", *args], cwd=cwd, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def folder(tmp_path):
    """A project folder with the basic plan and no database yet."""
    (tmp_path / "tasks.toml").write_text(BASIC_PLAN, encoding="utf-8")
    return tmp_path


def db_of(folder):
    return folder / "data" / "tracker.db"


def rows(folder, sql: str, params=()):
    conn = sqlite3.connect(db_of(folder))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def jsonl(entries: int, task="195", prefix="imp") -> str:
    lines = []
    for i in range(entries):
        lines.append(json.dumps({
            "id": f"{prefix}-{i:06d}", "task": task, "month": f"2024-0{1 + i % 8}",
            "recorded_at": f"2024-0{1 + i % 8}-28T09:00:00Z", "by": "导入",
            "values": {"centres": i % 100, "stations": i % 300},
            "note": f"截至目前,全市新建区域性居家养老服务中心{i % 100}个(第{i}条)。" * 2,
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"


# --- concurrent writers ------------------------------------------------------------------


def test_concurrent_log_and_import_processes_lose_nothing_and_duplicate_nothing(folder):
    """4 writers × 4 `tracker log` each, and an import, all at once on a database none of them found."""
    writers, each = 4, 4
    (folder / "batch.jsonl").write_text(jsonl(300), encoding="utf-8")
    results: list[subprocess.CompletedProcess] = []
    lock = threading.Lock()

    def writer(w: int):
        for i in range(each):
            r = tracker(folder, "log", "195", "--set", f"centres={w * 10 + i}", "--note", f"writer {w} report {i}")
            with lock:
                results.append(r)

    def importer():
        r = tracker(folder, "import", "batch.jsonl")
        with lock:
            results.append(r)

    checks: list[subprocess.CompletedProcess] = []

    def checker():  # validate while they write: what was committed meanwhile is no tampering
        while any(t.is_alive() for t in threads[:-1]) and len(checks) < 8:
            if db_of(folder).exists():
                checks.append(tracker(folder, "validate"))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)] + [threading.Thread(target=importer)]
    threads.append(threading.Thread(target=checker))
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(results) == writers * each + 1
    for r in results:
        assert r.returncode == 0, r.stderr
        # no "database is locked", no warning but the checks' (the writers' figures go up and down) and the note
        # that a report corrects one of its month (they all log August)
        assert all(line.startswith(("warning: ", "started a new log at ", "note: this corrects task "))
                   for line in r.stderr.splitlines()), r.stderr
    assert checks and all(c.returncode == 0 for c in checks), [c.stderr for c in checks]
    notes = [n for (n,) in rows(folder, "SELECT note FROM entries WHERE note IS NOT NULL")]
    for w in range(writers):
        for i in range(each):
            assert notes.count(f"writer {w} report {i}") == 1
    assert rows(folder, "SELECT count(*), count(DISTINCT id) FROM entries") == [(writers * each + 300,) * 2]
    assert rows(folder, "PRAGMA integrity_check") == [("ok",)]
    v = tracker(folder, "validate")
    assert v.returncode == 0 and f"({writers * each + 300} entries, hash chain intact" in v.stdout, v.stderr


def test_the_same_table_imported_twice_at_once_is_recorded_once(folder):
    (folder / "table.md").write_text(
        "| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n|---|---|---|\n"
        "| 1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 全市新建区域性居家养老服务中心15个。 |\n"
        "| 2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 已完成提标测算。 |\n", encoding="utf-8")
    procs = [spawn(folder, "import", "table.md", "--month", "2024-08") for _ in range(3)]
    outs = [p.communicate(timeout=TIMEOUT) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert rows(folder, "SELECT task, count(*) FROM entries GROUP BY task ORDER BY task") == [("184", 1), ("195", 1)]
    assert tracker(folder, "validate").returncode == 0


def test_the_first_log_takes_its_path_whole_never_an_empty_file(folder):
    """While `tracker log` starts a new log, a reader looking at the path sees nothing or a whole log: never the
    empty file SQLite makes first (validate would call it no database)."""
    seen: list[int] = []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            try:
                seen.append(os.stat(db_of(folder)).st_size)
            except FileNotFoundError:
                pass

    for round_ in range(3):
        for leftover in (db_of(folder), db_of(folder).with_name("tracker.db-wal"), db_of(folder).with_name("tracker.db-shm")):
            leftover.unlink(missing_ok=True)
        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            r = tracker(folder, "log", "195", "--set", f"centres={round_ + 1}")
        finally:
            stop.set()
            watcher.join()
            stop.clear()
        assert r.returncode == 0, r.stderr
    assert seen and 0 not in seen, sorted(set(seen))[:5]


def test_readers_never_wait_for_a_writer_and_writers_wait_their_turn(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    # Edit the plan, so that the reading commands also want to refresh the plan cache in the database.
    (folder / "tasks.toml").write_text(BASIC_PLAN + "\n# edited\n", encoding="utf-8")
    holder = sqlite3.connect(db_of(folder), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long import, as far as anyone else can tell
    try:
        # Bounded: were they to wait for the lock, they would hang past the timeout and fail here.
        for args in (("status", "--format", "json"), ("history", "195"), ("validate",), ("export",)):
            r = tracker(folder, *args, timeout=30)
            assert r.returncode == 0, (args, r.stderr)
        waiting = spawn(folder, "log", "195", "--set", "centres=2", "--note", "waited its turn")
        time.sleep(2.5)  # (past the second after which a waiting writer says so)
        assert waiting.poll() is None  # still waiting for the lock, not failed with "database is locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = waiting.communicate(timeout=TIMEOUT)
    # after a second of waiting it says why nothing happens (then the line it records, and that it corrects the first)
    assert waiting.returncode == 0 and err == (f"{os.path.join('data', 'tracker.db')}: another tracker is writing; "
                                               "waiting for it to finish…\nnote: this corrects task 195's report "
                                               "already recorded for 2024-08 (`tracker history 195` shows both)\n"), err
    assert rows(folder, "SELECT count(*) FROM entries WHERE note = 'waited its turn'") == [(1,)]


def test_validate_repair_waiting_for_the_write_lock_says_so(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    holder = sqlite3.connect(db_of(folder), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        waiting = spawn(folder, "validate", "--repair")
        time.sleep(2.5)  # past the second after which a waiting writer says so
        assert waiting.poll() is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = waiting.communicate(timeout=TIMEOUT)
    assert waiting.returncode == 0, err
    assert err == f"{os.path.join('data', 'tracker.db')}: another tracker is writing; waiting for it to finish…\n", err


def test_a_writer_held_up_past_the_busy_timeout_says_so_in_one_line(project, monkeypatch):
    project.ok("log", "195", "--set", "centres=1")
    monkeypatch.setattr(store.base, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(project.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        r = project.bad("log", "195", "--set", "centres=2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.err.strip().splitlines() == [f"{os.path.join('data', 'tracker.db')}: busy: another tracker has been "
                                          "writing for over 0.2 s; try again when it is done"]
    assert len(project.ok("export").out.splitlines()) == 1


# --- crashes -----------------------------------------------------------------------------


def _wal_size(folder) -> int:
    try:
        return os.path.getsize(str(db_of(folder)) + "-wal")
    except FileNotFoundError:
        return 0


def test_kill_9_during_a_large_import_leaves_the_log_as_it_was(folder):
    n = 15000
    (folder / "big.jsonl").write_text(jsonl(n), encoding="utf-8")
    for i in range(3):
        assert tracker(folder, "log", "195", "--set", f"centres={i}").returncode == 0
    assert tracker(folder, "status").returncode == 0  # the plan cache is warm: the import's reading writes nothing
    before = rows(folder, "SELECT count(*) FROM entries")[0][0]
    outcomes = []
    for threshold in (1, 256 * 1024, 2 * 1024 * 1024):
        proc = spawn(folder, "import", "big.jsonl")
        deadline = time.monotonic() + TIMEOUT
        # The import writes its transaction into the WAL file: kill it once that has begun.
        while _wal_size(folder) < threshold and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=TIMEOUT)
        count = rows(folder, "SELECT count(*) FROM entries")[0][0]
        assert count in (before, before + n)  # all of it or none of it, never part
        assert rows(folder, "PRAGMA integrity_check") == [("ok",)]
        outcomes.append(count)
        if count != before:
            break
    assert before in outcomes  # at least one kill landed inside the transaction
    v = tracker(folder, "validate")
    assert v.returncode == 0, v.stderr
    r = tracker(folder, "import", "big.jsonl")  # the same import, once more, completes
    assert r.returncode == 0, r.stderr
    assert rows(folder, "SELECT count(*) FROM entries")[0][0] == before + n
    assert tracker(folder, "validate").returncode == 0


def test_kill_9_during_an_import_into_a_new_log_leaves_no_log(folder):
    (folder / "big.jsonl").write_text(jsonl(15000), encoding="utf-8")
    proc = spawn(folder, "import", "big.jsonl")
    deadline = time.monotonic() + TIMEOUT
    # The new log is built beside its path (a hidden temporary file): kill the import once that has grown.
    while proc.poll() is None and time.monotonic() < deadline and not any(
            p.name.endswith(".tracker-tmp") and p.stat().st_size > 256 * 1024
            for p in (folder / "data").glob(".*") if p.exists()):
        time.sleep(0.002)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=TIMEOUT)
    assert killed  # the kill landed while the import was writing
    assert not db_of(folder).exists()
    r = tracker(folder, "import", "big.jsonl")  # once more: it completes, and what the killed one left is gone
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(folder / "data")) == ["tracker.db"]
    assert rows(folder, "SELECT count(*) FROM entries")[0][0] == 15000
    assert tracker(folder, "validate").returncode == 0


def test_kill_9_at_any_moment_of_a_log_leaves_it_whole_or_absent(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    for i, delay in enumerate((0.05, 0.15, 0.25, 0.35, 0.5)):
        proc = spawn(folder, "log", "195", "--set", f"centres={i + 2}", "--set", f"stations={i + 2}", "--note", f"n{i}")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=TIMEOUT)
        # An entry is there with all of its parts, or not at all.
        found = rows(folder, "SELECT json_array_length(figures) FROM entries WHERE note = ?", (f"n{i}",))
        assert found in ([], [(2,)])
        assert rows(folder, "PRAGMA integrity_check") == [("ok",)]
    assert tracker(folder, "validate").returncode == 0


def test_durability_settings_are_the_ones_an_official_record_needs(project):
    project.ok("log", "195", "--set", "centres=1")
    conn = store.open_write(str(project.db))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    finally:
        conn.close()


def test_opening_the_log_again_leaves_the_locks_of_a_connection_open_to_it(project):
    """Closing a descriptor of a file drops every POSIX lock the process holds on it, SQLite's too: the check of
    a database's first bytes is not read again while a connection of the process holds the file, or another
    program could take the log out of WAL mode under it."""
    project.ok("log", "195", "--set", "centres=1")
    first = store.open_read(str(project.db))
    try:
        first.execute("SELECT count(*) FROM entries").fetchone()  # holds the file as every open log is held
        store.open_read(str(project.db)).close()  # a second look at the same log, as a command may take
        other = subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], "
                                "timeout=0, isolation_level=None); print(c.execute('PRAGMA journal_mode = DELETE')"
                                ".fetchone()[0])", str(project.db)], capture_output=True, text=True, timeout=TIMEOUT)
        assert "database is locked" in other.stderr, other.stdout
    finally:
        first.close()
    assert store.open_read(str(project.db)).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_migration_leaves_no_half_made_database(project, monkeypatch):
    def broken(conn):
        raise RuntimeError("power cut")

    with monkeypatch.context() as m:
        m.setattr(store.schema, "install_guards", broken)
        with pytest.raises(RuntimeError):
            store.open_write(str(project.db))  # a new log: made beside its path, which it never took
        assert not os.path.lexists(project.db)
        project.db.parent.mkdir(exist_ok=True)
        project.db.write_bytes(b"")  # an empty file there (SQLite's first step, killed): migrated in place
        with pytest.raises(RuntimeError):
            store.open_write(str(project.db))
    conn = sqlite3.connect(project.db)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    conn.close()
    project.ok("log", "195", "--set", "centres=1")
    assert project.ok("validate").out.startswith("ok:")


# --- tamper evidence ---------------------------------------------------------------------


@pytest.fixture
def logged(project):
    """A log of five reports (seq 1–5), one append each."""
    for i, (task, args) in enumerate([
        ("195", ["--set", "centres=10", "--note", "一月进展"]),
        ("195", ["--set", "centres=20", "--set", "stations=40", "--note", "二月进展"]),
        ("184", ["--percent", "30", "--note", "已完成测算"]),
        ("195", ["--set", "centres=30", "--note", "三月进展"]),
        ("184", ["--status", "done"]),
    ]):
        project.ok("log", task, "--month", f"2024-0{i + 1}", *args)
    return project


def _ids(project) -> list[str]:
    return [json.loads(line)["id"] for line in project.ok("export").out.splitlines()]


def _by_seq(project) -> dict[int, str]:
    conn = sqlite3.connect(project.db)
    try:
        return dict(conn.execute("SELECT seq, id FROM entries"))
    finally:
        conn.close()


def tamper(project, *statements, keep_guards=False):
    """What someone with the sqlite3 shell does: drop the guards, change things (and maybe put the guards back)."""
    conn = sqlite3.connect(project.db, isolation_level=None)
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in guards:
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        if callable(sql):
            sql(conn)
        else:
            conn.execute(sql)
    if keep_guards:
        for _, sql in guards:
            conn.execute(sql)
    conn.close()


def problems(project) -> list[str]:
    r = project.bad("validate")
    assert r.out == ""
    return r.err.strip().splitlines()


def test_the_guards_refuse_update_and_delete(logged):
    conn = sqlite3.connect(logged.db)
    for sql in ("UPDATE entries SET task = '184'", "DELETE FROM entries", "UPDATE entries SET figures = '[]'",
                "UPDATE entries SET note = NULL", "DELETE FROM chain_heads", "UPDATE chain_heads SET upto = 0"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
    assert logged.ok("validate").out.startswith("ok:")


def test_an_edited_value_is_reported_with_its_entry(logged):
    target = _by_seq(logged)[2]
    tamper(logged, "UPDATE entries SET figures = json_set(figures, '$[0][1]', 99) WHERE seq = 2")
    found = problems(logged)
    assert any("append-only guards missing" in p and "entries_no_update" in p for p in found)
    (hit,) = [p for p in found if "does not match its hash" in p]
    assert f"entry {target} (#2, task 195, 2024-02)" in hit


def test_an_edit_with_the_guards_put_back_is_still_reported(logged):
    target = _by_seq(logged)[3]
    tamper(logged, "UPDATE entries SET note = '已全部完成' WHERE seq = 3", keep_guards=True)
    found = problems(logged)
    assert found == [f"{os.path.join('data', 'tracker.db')}: entry {target} (#3, task 184, 2024-03) does not match "
                     "its hash: it was changed, or an entry before it was removed"]


@pytest.mark.parametrize("sql", [
    "UPDATE entries SET month = '2024-8' WHERE seq = 4",        # the same month to a parser, not to the record
    "UPDATE entries SET month = 'garbage' WHERE seq = 4",       # one that no longer parses at all
    "UPDATE entries SET percent = 'x' WHERE seq = 4",
    "UPDATE entries SET by = NULL WHERE seq = 4",
    "UPDATE entries SET recorded_at = '2023-01-01T00:00:00.000000Z' WHERE seq = 4",
    "UPDATE entries SET note = NULL WHERE seq = 4",
    "UPDATE entries SET figures = json_insert(figures, '$[#]', json_array('stations', 5)) WHERE seq = 4",
    "UPDATE entries SET figures = 'not json' WHERE seq = 4",
])
def test_every_kind_of_edit_names_the_entry(logged, sql):
    target = _by_seq(logged)[4]
    tamper(logged, sql, keep_guards=True)
    # an edit that changes a figure in force also shows as the derived tables disagreeing with the log
    found = [p for p in problems(logged) if "disagrees with the log" not in p]
    assert len(found) == 1 and f"entry {target} (#4, task 195," in found[0] and "does not match its hash" in found[0]


def test_a_deleted_entry_in_the_middle_is_reported_between_its_neighbours(logged):
    ids = _by_seq(logged)
    tamper(logged, "DELETE FROM entries WHERE seq = 3", keep_guards=True)
    found = problems(logged)
    assert any("entry #3 is missing" in p and f"after entry {ids[2]}" in p and f"before entry {ids[4]}" in p for p in found)
    assert any(f"entry {ids[4]} (#4" in p and "does not match its hash" in p for p in found)


def test_deleting_the_latest_entries_is_reported(logged):
    ids = _by_seq(logged)
    tamper(logged, "DELETE FROM entries WHERE seq >= 4", keep_guards=True)
    found = "\n".join(problems(logged))  # (derived tables, if any, may add their own line)
    assert "entries #4–#5 are missing at the end of the log" in found and f"after entry {ids[3]}" in found
    assert "recorded #5" in found


def test_an_entry_added_behind_the_tools_back_is_reported(logged):
    def forge(conn):
        last_hash = conn.execute("SELECT hash FROM entries WHERE seq = 5").fetchone()[0]
        e = store.Entry("forged", "195", 2024 * 12 + 7, "2024-08-31T00:00:00.000000Z", "x", {"centres": 100.0})
        conn.execute("INSERT INTO entries (seq, id, task, month, by, recorded_at, hash, figures) "
                     "VALUES (6, ?, ?, ?, ?, ?, ?, '[[\"centres\",100]]')",
                     (e.id, e.task, "2024-08", e.by, e.recorded_at, entry_hash(last_hash, e)))

    tamper(logged, forge, keep_guards=True)
    found = "\n".join(problems(logged))
    assert "entry forged (#6, task 195, 2024-08) recorded by no append: added behind tracker's back" in found


def test_a_row_added_by_hand_is_said_to_be_added_not_changed(logged):
    # sqlite3 by hand: a row after the last append, its hash anything
    tamper(logged, "INSERT INTO entries (seq, id, task, month, recorded_at, hash, figures) "
                   "VALUES (6, 'byhand', '195', '2024-08', '2024-08-31T00:00:00Z', '0000', '[[\"centres\",100]]')",
           keep_guards=True)
    found = problems(logged)
    assert any("entry byhand (#6, task 195, 2024-08) recorded by no append: added behind tracker's back" in f
               for f in found)
    assert not any("does not match its hash" in f for f in found), found


@pytest.mark.parametrize("month, figures, what", [
    ("2024-08", "not json", "figures tracker cannot read ('not json')"),
    ("2024-08", '[["centres","abc"]]', "figures tracker cannot read"),
    ("2024-13", "[]", "a month tracker cannot read ('2024-13')"),
])
def test_a_row_by_hand_that_no_tracker_could_write_is_one_line_everywhere(logged, month, figures, what):
    tamper(logged, f"INSERT INTO entries (seq, id, task, month, recorded_at, hash, figures) "
                   f"VALUES (6, 'byhand', '195', '{month}', 'yesterday', 'x', '{figures.replace(chr(39), chr(39) * 2)}')",
           keep_guards=True)
    for command in (["status"], ["report", "--format", "md"], ["show", "195"], ["history", "195"], ["export"],
                    ["check"], ["units"]):
        r = logged.bad(*command)
        last = r.err.strip().splitlines()[-1]
        assert "Traceback" not in r.err and f"the log's entry #6 has {what}" in last, (command, r.err)
        assert "`tracker validate` checks the log" in last
    found = problems(logged)
    assert any(f.startswith("data/tracker.db: entry byhand (#6) has " + what.split(" (")[0]) for f in found), found
    zh = logged.bad("--lang", "zh", "status").err.strip().splitlines()[-1]
    assert "日志第 6 条的" in zh and "无法读取" in zh, zh


def test_a_rewrite_with_recomputed_hashes_is_reported_by_the_heads(logged):
    ids = _by_seq(logged)

    def rewrite(conn):
        conn.execute("UPDATE entries SET figures = json_set(figures, '$[0][1]', 95) WHERE seq = 2")
        prev = conn.execute("SELECT hash FROM entries WHERE seq = 1").fetchone()[0]
        for e in list(storecheck.chain_rows(conn))[1:]:
            prev = e.rehash(prev)
            conn.execute("UPDATE entries SET hash = ? WHERE seq = ?", (prev, e.seq))

    tamper(logged, rewrite, keep_guards=True)
    found = "\n".join(problems(logged))
    assert f"entry {ids[2]} (#2, task 195, 2024-02) no longer matches the hash recorded when it was appended" in found


def test_an_altered_guard_is_reported(logged):
    conn = sqlite3.connect(logged.db, isolation_level=None)
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT 1; END")
    conn.close()
    (found,) = problems(logged)
    assert "append-only guards altered: entries_no_delete" in found


def test_a_database_from_before_chain_heads_is_upgraded_on_the_next_write(logged):
    split_log(logged.db, 1)  # a schema-1 database: the log in three tables, no chain_heads, no derived tables
    assert logged.ok("validate").out.startswith("ok:")  # schema 1: no heads to check, nothing wrong
    logged.ok("log", "195", "--set", "centres=40")
    conn = sqlite3.connect(logged.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("SELECT upto FROM chain_heads ORDER BY seq").fetchall() == [(5,), (6,)]
    conn.close()
    assert logged.ok("validate").out.startswith("ok:")


def test_validate_prints_the_head_to_note_elsewhere(logged):
    out = logged.ok("validate").out
    head = rows(logged.root, "SELECT hash FROM entries WHERE seq = 5")[0][0]
    assert out.strip() == f"ok: tasks.toml (2 tasks), {os.path.join('data', 'tracker.db')} (5 entries, hash chain intact, head {head[:16]})"


# --- backups ------------------------------------------------------------------------------


def test_backups_taken_while_writers_run_are_consistent_and_restore(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    stop = threading.Event()
    failures: list[str] = []

    def writer(w: int):
        i = 0
        while not stop.is_set() and i < 12:
            r = tracker(folder, "log", "195", "--set", f"centres={i}", "--note", f"w{w}-{i}")
            if r.returncode:
                failures.append(r.stderr)
            i += 1

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
    for t in threads:
        t.start()
    backups = []
    try:
        for k in range(4):
            path = folder / "backups" / f"b{k}.db"
            r = tracker(folder, "backup", str(path))
            assert r.returncode == 0, r.stderr
            backups.append(path)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not failures, failures
    final = dict(rows(folder, "SELECT seq, hash FROM entries"))
    for path in backups:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        copied = dict(conn.execute("SELECT seq, hash FROM entries"))
        conn.close()
        assert copied and all(final[s] == h for s, h in copied.items())  # a prefix of the log as it went on
        assert list(copied) == list(range(1, len(copied) + 1))
        assert tracker(folder, "--db", str(path), "validate").returncode == 0
    assert not list((folder / "backups").glob(".*partial"))

    # Restore, as the README says: no one writing; set the old files aside; copy the backup in.
    live = db_of(folder)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{live}{suffix}"):
            os.replace(f"{live}{suffix}", f"{live}{suffix}.old")
    shutil.copyfile(backups[-1], live)
    v = tracker(folder, "validate")
    assert v.returncode == 0, v.stderr
    assert tracker(folder, "log", "195", "--set", "centres=77").returncode == 0
    assert rows(folder, "PRAGMA journal_mode") == [("wal",)]  # back to WAL on the first write
    assert tracker(folder, "validate").returncode == 0


def test_backup_refuses_to_overwrite_and_needs_a_database(project):
    project.bad("backup", "copy.db")
    project.ok("log", "195", "--set", "centres=1")
    (project.root / "copy.db").write_bytes(b"keep me")
    r = project.bad("backup", "copy.db")
    assert "already exists" in r.err and (project.root / "copy.db").read_bytes() == b"keep me"
    assert "backed up 1 entries" in project.ok("backup", "other.db").out


def test_backup_help_tells_to_move_the_wal_aside_before_restoring(project):
    """A stale -wal beside the restored copy would be applied to it: --help says what the README says."""
    text = " ".join(project.ok("backup", "--help").out.split())
    assert "-wal and -shm files aside" in text and "tracker validate" in text


def test_backup_of_a_damaged_database_names_the_database_not_the_copy(project):
    for i in range(30):
        project.ok("log", "195", "--set", f"centres={i}", "--note", "进展" * 200)
    data = bytearray(project.db.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the database's page size, from its header
    assert len(data) > 8 * page
    data[3 * page:6 * page] = bytes(3 * page)  # pages of the log's table, zeroed (a bad disk)
    project.db.write_bytes(bytes(data))
    r = project.bad("backup", "copy.db")
    assert r.err.strip().splitlines() == [r.err.strip()] and r.err.startswith(
        f"{os.path.join('data', 'tracker.db')}: the database is damaged"), r.err
    assert "no backup written" in r.err and not (project.root / "copy.db").exists()


def test_a_table_s_note_too_long_is_refused_at_once(folder):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "目标任务", "进展情况"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "测" * 20_001])
    wb.save(folder / "t.xlsx")
    # Bounded: read for its figures first, such a note took minutes to be refused.
    r = tracker(folder, "import", "t.xlsx", "--month", "2024-08", timeout=30)
    assert r.returncode == 2 and r.stderr == "t.xlsx:Sheet!C2: note is 20,001 characters long; at most 20,000 are allowed\n"
    assert not db_of(folder).exists()


def test_a_backup_restored_beside_a_stale_wal_is_refused_and_left_as_it_is(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    assert tracker(folder, "backup", "copy.db").returncode == 0
    live = str(db_of(folder))
    # A writer killed after its commit, before any checkpoint: its frames stay in the -wal.
    subprocess.run([sys.executable, "-c", f"""
import os
from tracker import store
conn = store.open_write({live!r})
conn.execute("PRAGMA wal_autocheckpoint = 0")
store.append(conn, [store.Entry("left-in-wal", "195", 2024 * 12 + 7, "", "x", {{"centres": 2.0}}, None, None, None)])
os._exit(0)
"""], cwd=ROOT, check=True, timeout=TIMEOUT)
    assert os.path.getsize(live + "-wal") > 0
    shutil.copyfile(folder / "copy.db", live)  # the restore, without moving the -wal aside
    before = [open(p, "rb").read() for p in (live, live + "-wal")]
    for args in (("status",), ("validate",), ("log", "195", "--set", "centres=3")):
        r = tracker(folder, *args)
        assert r.returncode == 2 and r.stderr.startswith(
            f"{os.path.join('data', 'tracker.db')}: the {os.path.join('data', 'tracker.db')}-wal beside it is from "
            "another copy of the database"), (args, r.stderr)
        assert len(r.stderr.splitlines()) == 1
    assert [open(p, "rb").read() for p in (live, live + "-wal")] == before
    for suffix in ("-wal", "-shm"):
        os.replace(live + suffix, live + suffix + ".old")
    v = tracker(folder, "validate")
    assert v.returncode == 0 and "(1 entries, hash chain intact" in v.stdout, v.stderr


# --- a reader that goes ------------------------------------------------------------------


def test_a_reader_that_closes_the_pipe_ends_it_with_141_and_says_nothing(folder):
    """`tracker … | head`: the reader goes before the output is out. The run ends quietly with 141, what a shell says
    of a command SIGPIPE ended, not 1 (check's "flagged") nor a traceback."""
    plan = "[plan]\nyear = 2024\n" + "".join(f'[[task]]\nid = "{n}"\ntitle = "改造老旧小区第{n}批"\nunit = "市住建局"\n'
                                              for n in range(1, 3001))
    (folder / "tasks.toml").write_text(plan, encoding="utf-8")
    assert tracker(folder, "log", "7", "--month", "2024-08", "--percent", "40").returncode == 0
    child = spawn(folder, "status", "--format", "json")
    assert child.stdout.read(100)  # the output has begun; 3,000 tasks' JSON is far more than a pipe holds
    child.stdout.close()
    err = child.stderr.read()
    assert child.wait(timeout=TIMEOUT) == 141
    assert err == ""
