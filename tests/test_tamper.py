"""`validate` answers one question completely: does everything tracker shows follow from the log and
tasks.toml, and is the log what was appended? Each edit here is what someone with the sqlite3 shell
does: drop the guards, change one thing, put the guards back."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_reliability import logged, problems, tamper  # noqa: F401 (fixtures)


def _one(project, *statements):
    tamper(project, *statements, keep_guards=True)
    found = problems(project)
    assert found, "validate passed"
    return found


def _rows(project, sql):
    conn = sqlite3.connect(project.db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _flip_blob(table, column, at=0):
    """Change one bit of the first row's `column` (packed arrays) at byte `at` (-1: the last), the row found by
    its primary key."""
    def edit(conn):
        keys = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[5]]
        row = conn.execute(f"SELECT {column}, {', '.join(keys)} FROM {table} ORDER BY 2 LIMIT 1").fetchone()
        blob = bytearray(row[0])
        if blob:
            blob[at] ^= 1
        changed = bytes(blob) or b"\x01"
        where = " AND ".join(f"{k} = ?" for k in keys)
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (changed, *row[1:]))
    return edit


# Every derived table and cache, each column that a reader uses, edited.
DERIVED_EDITS = {
    "task_series.data, its entries": _flip_blob("task_series", "data"),
    "task_series.data, its last metric": _flip_blob("task_series", "data", -1),
    "task_series.metrics": "UPDATE task_series SET metrics = '[\"x\"]' WHERE task = '195'",
    "task_series.first": "UPDATE task_series SET first = first + 1",
    "task_series row added": "INSERT INTO task_series VALUES ('1849', 1, '[]', x'00')",
    "task_series row removed": "DELETE FROM task_series WHERE task = '184'",
    "series_state.upto": "UPDATE series_state SET upto = upto - 1",
    "series_state emptied": "DELETE FROM series_state",
}


@pytest.mark.parametrize("edit", DERIVED_EDITS.values(), ids=DERIVED_EDITS.keys())
def test_every_derived_table_edited_is_reported(logged, edit):
    logged.ok("status")  # the cache is written by a reading command too
    found = _one(logged, edit)
    assert any("disagrees with the log" in p or "does not mark the last entry" in p for p in found), found


def _cached_plan_edit(field, index, value):
    def edit(conn):
        data = json.loads(conn.execute("SELECT data FROM plan_cache").fetchone()[0])
        if index is None:
            data[field] = value
        else:
            data[field][index] = value
        conn.execute("UPDATE plan_cache SET data = ?", (json.dumps(data, ensure_ascii=False),))
    return edit


PLAN_CACHE_EDITS = {
    "a title": _cached_plan_edit("task_title", 0, "改过的标题"),
    "a unit": _cached_plan_edit("unit", 1, "别的单位"),
    "the plan's title": _cached_plan_edit("title", None, "改过"),
    "not JSON": "UPDATE plan_cache SET data = 'x'",
}


@pytest.mark.parametrize("edit", PLAN_CACHE_EDITS.values(), ids=PLAN_CACHE_EDITS.keys())
def test_a_cached_plan_edited_while_tasks_toml_stays_is_reported(logged, edit):
    logged.ok("status")
    tamper(logged, edit, keep_guards=True)
    if edit is PLAN_CACHE_EDITS["a title"]:
        # its seal no longer holds: no view shows the cache's title, every one tasks.toml's, and the cache is
        # left as it is for validate to find
        shown = logged.ok("tasks").out + logged.ok("status").out + logged.ok("report").out
        assert "改过的标题" not in shown and "新建区域性" in shown
    found = problems(logged)
    assert found == [f"{logged.db.relative_to(logged.root)}: the cached plan differs from what tasks.toml says: "
                     "titles, units or targets shown would not be tasks.toml's (run `tracker validate --repair`)"]
    logged.ok("validate", "--repair")
    assert "改过的标题" not in logged.ok("tasks").out
    assert logged.ok("validate").out.startswith("ok:")


def test_a_row_of_the_plan_cache_tracker_never_writes_is_reported(logged):
    found = _one(logged, "INSERT INTO plan_cache VALUES ('elsewhere', 'x', '{}')")
    assert found == ["data/tracker.db: plan_cache holds a row tracker never writes ('elsewhere')"]


def test_a_cache_of_another_content_of_tasks_toml_is_left_alone(logged):
    logged.ok("status")
    logged.tasks.write_text(logged.tasks.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert logged.ok("validate").out.startswith("ok:")  # the cache is of the old content: never used now


PLANTED = {
    "a trigger that drops reports": "CREATE TRIGGER keep_out BEFORE INSERT ON entries WHEN NEW.task = '195' "
                                    "BEGIN SELECT RAISE(IGNORE); END",
    "a trigger that adds reports": "CREATE TRIGGER add_one AFTER INSERT ON entries BEGIN "
                                   "INSERT INTO chain_heads (upto, hash, at) VALUES (0, '', ''); END",
    "a view": "CREATE VIEW shown AS SELECT * FROM entries",
    "a table": "CREATE TABLE notes_extra (x)",
    "an index": "CREATE INDEX idx_note ON entries (note)",
    "sqlite_stat1 (ANALYZE)": "ANALYZE",
}


@pytest.mark.parametrize("sql", PLANTED.values(), ids=PLANTED.keys())
def test_any_schema_object_tracker_did_not_create_is_reported(logged, sql):
    found = _one(logged, sql)
    assert any("was not put there by tracker" in p for p in found), found


def test_a_table_altered_in_place_is_reported(logged):
    found = _one(logged, "ALTER TABLE chain_heads ADD COLUMN extra TEXT")
    assert len(found) == 1
    assert found[0].startswith("data/tracker.db: table chain_heads is not as tracker made it: CREATE TABLE")
    assert found[0].endswith(", extra TEXT)")


def test_a_planted_trigger_that_drops_reports_refuses_the_append_instead_of_acknowledging_it(logged):
    tamper(logged, PLANTED["a trigger that drops reports"], keep_guards=True)
    before = _rows(logged, "SELECT count(*) FROM entries")
    r = logged.bad("log", "195", "--set", "centres=50")
    assert r.err == ("the database did not keep the entries as appended (a trigger that tracker did not make "
                     "drops or adds rows): nothing was recorded; run `tracker validate`\n")
    assert _rows(logged, "SELECT count(*) FROM entries") == before
    logged.ok("log", "184", "--percent", "80")  # the trigger lets these through: recorded as usual


def test_an_emptied_table_of_heads_is_reported(logged):
    found = _one(logged, "DELETE FROM chain_heads")
    assert found == ["data/tracker.db: the log holds 5 entries but no record of any append (the table of chain "
                     "heads is empty): emptied behind tracker's back; rewritten entries could not be seen"]


def test_an_emptied_table_of_heads_and_a_rewritten_entry_are_both_reported(logged):
    from tracker.store.chain import stored_hash

    def rewrite(conn):
        conn.execute("DELETE FROM chain_heads")
        prev = ""
        for row in conn.execute("SELECT seq, id, task, month, figures, percent, status, note, by, recorded_at "
                                "FROM entries ORDER BY seq").fetchall():
            seq, eid, task, month, figures, pct, st, note, by, at = row
            if seq == 2:
                figures = '[["centres",99.0],["stations",40.0]]'
            prev = stored_hash(prev, eid, task, month, figures, pct, st, note, by, at)
            conn.execute("UPDATE entries SET figures = ?, hash = ? WHERE seq = ?", (figures, prev, seq))
    found = _one(logged, rewrite)
    assert any("no record of any append" in p for p in found)


def test_everything_at_once_guards_dropped_every_derived_table_and_cache_edited_guards_back(logged):
    logged.ok("status")
    edits = [e for e in DERIVED_EDITS.values() if not isinstance(e, str) or "DELETE" not in e]
    edits += [PLAN_CACHE_EDITS["a title"], "DELETE FROM series_state"]
    found = _one(logged, *edits)
    text = "\n".join(found)
    for what in ("task_series disagrees", "series_state", "cached plan differs"):
        assert what in text, text
    logged.ok("validate", "--repair")
    assert logged.ok("validate").out.startswith("ok:")


def test_the_chains_findings_are_in_chinese_under_lang_zh(logged):
    tamper(logged, "UPDATE entries SET note = '改过的进展' WHERE seq = 2", "DELETE FROM entries WHERE seq = 5",
           keep_guards=True)
    err = logged.bad("validate", "--lang", "zh").err
    assert "（第2条，任务 195，2024-02）与其哈希不符" in err
    assert "日志末尾第5条缺失" in err
    assert "entry" not in err and "behind tracker's back" not in err


def _reseal(conn):
    """Edit the cached plan and seal it anew as tracker would (cli/project.py's formula, known to the editor)."""
    from tracker.cli.project import sealed

    key, data = conn.execute("SELECT digest, data FROM plan_cache").fetchone()
    data = data.replace("新建区域性居家养老服务中心", "改过的标题")
    conn.execute("UPDATE plan_cache SET digest = ?, data = ?", (sealed(key.split(" ")[0], data), data))


def test_a_sealed_cache_is_the_plan_validate_checks_and_its_seal_edited_alone_sends_it_to_tasks_toml(logged):
    logged.ok("status")
    # the seal alone edited: the data no longer shows tracker wrote it, tasks.toml is parsed, and agrees
    tamper(logged, "UPDATE plan_cache SET digest = substr(digest, 1, instr(digest, ' ')) || 'x'", keep_guards=True)
    assert logged.ok("validate").out.startswith("ok:")
    # what validate cannot see (its docstring says so): data edited and sealed anew by the formula; the
    # sealed cache is taken as tasks.toml's plan, which is what spares a province's validate the parse
    tamper(logged, _reseal, keep_guards=True)
    assert logged.ok("validate").out.startswith("ok:")
    assert "改过的标题" in logged.ok("tasks").out


def test_a_database_cut_short_is_called_damaged_with_what_to_do(logged):
    """A copy cut short (a full disk, an interrupted transfer): one line saying it is damaged and what to do, not
    SQLite's words alone, in Chinese too."""
    logged.ok("backup", "copy.db")
    data = (logged.root / "copy.db").read_bytes()
    (logged.root / "copy.db").write_bytes(data[: len(data) // 2])
    r = logged.bad("--db", "copy.db", "status")
    assert r.err == "copy.db: the database is damaged (SQLITE_CORRUPT): keep the file and its -wal as they are, " \
                    "run `tracker validate`, restore from a backup\n", r.err
    r = logged.bad("--db", "copy.db", "--lang", "zh", "validate")
    assert r.err.startswith("copy.db: 数据库已损坏（SQLITE_CORRUPT）") and "从备份恢复" in r.err, r.err


def test_a_damaged_database_file_is_one_line_and_exit_2(logged):
    logged.ok("backup", "copy.db")  # a self-contained file (no -wal beside it) to damage
    conn = sqlite3.connect(logged.root / "copy.db")
    (page_size,), (root,) = (conn.execute("PRAGMA page_size").fetchone(),
                             conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'chain_heads'").fetchone())
    conn.close()
    data = bytearray((logged.root / "copy.db").read_bytes())
    start = (root - 1) * page_size  # the table's page: its cells overwritten, its header kept
    data[start + 12:start + page_size] = b"\x07" * (page_size - 12)
    (logged.root / "copy.db").write_bytes(bytes(data))
    r = logged.bad("--db", "copy.db", "validate")
    assert r.out == "" and len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err


def test_an_entry_inserted_behind_tracker_s_back_is_said_by_the_next_run(logged):
    conn = sqlite3.connect(logged.db)
    conn.execute("INSERT INTO entries (id, task, month, percent, status, by, recorded_at, hash, figures, note) "
                 "VALUES ('forged', '184', '2024-08', 100, 'done', 'x', '2024-08-20T00:00:00Z', '00', '[]', NULL)")
    conn.commit()
    (seq,) = conn.execute("SELECT seq FROM entries WHERE id = 'forged'").fetchone()
    conn.close()
    warning = (f"warning: the log holds entry #{seq} that no append of tracker's recorded (added behind its "
               "back); `tracker validate` checks them")
    assert warning in logged.ok("status").err.splitlines()
    r = logged.ok("log", "195", "--set", "centres=3", "--lang", "zh")  # a write says it too, before it chains on
    assert f"提示：日志第 {seq} 条不是 tracker 写入的（没有 tracker 的追加记录）；`tracker validate` 可检查" in r.err
    assert any("entry forged" in p for p in problems(logged))


def test_repair_refuses_a_log_that_fails_its_chain_and_the_logs_own_problems_come_first(logged):
    before = logged.ok("status", "--month", "2024-05", "-f", "json").json()
    # a figure forged with the guards put back: the series no longer follow the log, and the log its chain
    tamper(logged, "UPDATE entries SET figures = json_set(figures, '$[0][1]', 99) WHERE seq = 4", keep_guards=True)
    found = problems(logged)
    assert "does not match its hash" in found[0] and "disagrees with the log" in found[-1]
    assert not any("--repair" in line for line in found)  # it would refuse: not advised
    assert found[-1].endswith("table task_series disagrees with the log (1 row differs)")
    r = logged.bad("validate", "--repair")
    lines = r.err.strip().splitlines()
    assert lines[0].endswith("--repair rebuilds the derived tables from the log only when the log itself is intact, "
                             "and it is not (below): nothing was repaired; restore the log from a backup")
    assert "does not match its hash" in lines[1]
    # nothing rebuilt from the forgery: what status shows still follows what was appended
    assert logged.ok("status", "--month", "2024-05", "-f", "json").json() == before
    assert "只在日志本身完好时" in logged.bad("validate", "--repair", "--lang", "zh").err


def test_repair_rebuilds_from_an_intact_log_that_names_a_task_tasks_toml_renumbered(logged):
    # tasks.toml edited (task 184 renumbered 186): the log is intact, only its names are no longer the plan's.
    # --repair may rebuild from it, and never advises restoring a backup (it would change nothing, or lose reports)
    logged.tasks.write_text(logged.tasks.read_text(encoding="utf-8").replace('id = "184"', 'id = "186"'),
                            encoding="utf-8")
    tamper(logged, "DELETE FROM task_series WHERE task = '195'", keep_guards=True)
    found = problems(logged)
    assert any("names task 184, which tasks.toml does not declare" in p for p in found)
    assert found[-1].endswith("(run `tracker validate --repair`)"), found
    r = logged.bad("validate", "--repair")
    assert "restore the log from a backup" not in r.err
    assert "repaired: data/tracker.db: table task_series disagrees with the log" in r.out
    assert all("which tasks.toml does not declare" in p for p in problems(logged))
