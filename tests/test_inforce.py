"""The log reduced to the figures in force: the series hold it, the recent view judges alike, older layouts upgrade."""

from __future__ import annotations

import json
import os
import random
import sqlite3

import pytest

from tests.builders import split_log
from tracker import store
from tracker.core import inforce
from tracker.core import months
from tracker.store import series
from tracker.core.evaluate import evaluate
from tracker.cli.project import load_plan
from tracker.core.rows import status_json

PLAN = """
[plan]
year = 2024
stall_months = 2

[[task]]
id = "1"
title = "甲"
unit = "市民政局"
[[task.metric]]
key = "a"
target = 100
[[task.metric]]
key = "b"
target = 50
mode = "increment"

[[task]]
id = "2"
title = "乙"
unit = "市财政局"
stall_months = 4

[[task]]
id = "3"
title = "丙"
unit = "市财政局"
start = 2024-03-01
[[task.metric]]
key = "c"
target = 10
mode = "increment"
"""


def random_log(project, seed: int, n: int = 60):
    """A log with gaps, corrections (same month twice), notes repeated, figures going down."""
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        task = rnd.choice("123")
        month = f"2024-{rnd.randint(3 if task == '3' else 1, 12):02d}"  # never before the task's start
        entry = {"id": f"e{seed}-{i}", "task": task, "month": month,
                 "recorded_at": f"2024-12-{rnd.randint(1, 28):02d}T10:00:00Z", "by": "x",
                 "values": {}, "percent": None, "status": None, "note": rnd.choice([None, "推进中", "推进 中", "已完成"])}
        if task == "1":
            entry["values"] = {k: rnd.randint(0, 120) for k in rnd.sample(["a", "b"], rnd.randint(1, 2))}
        elif task == "2":
            entry["percent"] = rnd.choice([None, rnd.randint(0, 100)])
            entry["status"] = rnd.choice([None, "ongoing", "done"])
        else:
            entry["values"] = {"c": rnd.randint(0, 3)}
        if not (entry["values"] or entry["percent"] is not None or entry["status"] or entry["note"]):
            entry["note"] = "补报"
        lines.append(json.dumps(entry, ensure_ascii=False))
    (project.root / "log.jsonl").write_text("\n".join(lines), encoding="utf-8")
    today = os.environ["TRACKER_TODAY"]
    project.ok("import", "log.jsonl", today="2024-12-31")  # every month of the year reported by then
    project.monkeypatch.setenv("TRACKER_TODAY", today)


@pytest.mark.parametrize("bulk", [1, 10**9], ids=["bulk", "entry-wise"])
def test_the_series_are_the_log_reduced_and_validate_holds_them_to_it(empty_project, monkeypatch, bulk):
    monkeypatch.setattr(store, "BULK", bulk)  # imports of 60 entries take one path or the other
    p = empty_project.write_plan(PLAN)
    for seed in range(5):
        random_log(p, seed)
    conn = sqlite3.connect(p.db)
    assert series.disagreements(conn) == []
    assert series.compute(conn) == series.arrays(inforce.fold({}, (
        (seq, t, months.parse(m), pct, st, store.figures_of(f), seq if note is not None else None)
        for seq, t, m, pct, st, f, note in conn.execute(
            "SELECT seq, task, month, percent, status, figures, note FROM entries ORDER BY recorded_at, seq"))))
    # and the check can fail: change a series behind tracker's back
    conn.execute("UPDATE task_series SET first = first + 1 WHERE task = '1'")
    conn.commit()
    assert [str(d) for d in series.disagreements(conn)] == ["table task_series disagrees with the log (1 row differs)"]
    conn.close()
    r = p.bad("validate")
    assert "table task_series disagrees with the log" in r.err and "--repair" in r.err
    assert p.ok("validate", "--repair").out.splitlines()[-1].startswith("ok:")


def test_the_recent_view_judges_every_month_as_the_whole_log_does(empty_project):
    p = empty_project.write_plan(PLAN)
    for seed in range(6):
        random_log(p, seed, 40)
    conn = store.open_read(str(p.db))
    plan = load_plan(str(p.tasks), conn)
    for month in range(months.parse("2023-11"), months.parse("2025-03")):
        whole = status_json(evaluate(plan, store.load_logs(conn, upto=month), month), month)
        recent = status_json(evaluate(plan, store.load_recent(conn, plan, month), month), month)
        assert recent == whole, months.fmt(month)
    conn.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_an_older_database_is_brought_to_one_row_an_entry_on_first_read(project, version):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=12.5", "--set", "stations=3", "--note", "八月")
    project.ok("log", "184", "--month", "2024-08", "--percent", "40", "--note", "推进中")
    before = store.read_entries(store.open_read(str(project.db)))
    hashes = sqlite3.connect(project.db).execute("SELECT seq, hash FROM entries").fetchall()
    split_log(project.db, version)
    assert project.ok("validate").out.startswith("ok:")  # looked at as it is: the old layout checks out
    assert sqlite3.connect(project.db).execute("PRAGMA user_version").fetchone()[0] == version
    t = project.ok("status", "--month", "2024-08", "--format", "json").json()["tasks"]
    assert t[0]["metrics"][0]["value"] == 12.5 and t[0]["last_month"] == "2024-08"
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert store.tables(conn) >= {"entries", "chain_heads", "task_series"}
    assert not store.tables(conn) & {"entry_values", "notes", "in_force", "month_state", "metric_series"}
    assert conn.execute("SELECT seq, hash FROM entries").fetchall() == hashes
    conn.close()
    assert store.read_entries(store.open_read(str(project.db))) == before
    assert project.ok("validate").out.startswith("ok:")


def test_validate_looks_at_an_older_database_as_it_is(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=12")
    split_log(project.db, 2)
    conn = sqlite3.connect(project.db, isolation_level=None)
    conn.execute("DROP TRIGGER entries_no_update")  # evidence an upgrade would paper over
    conn.close()
    assert "entries_no_update" in project.bad("validate").err
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    # --repair upgrades: the guard is put back, and with nothing edited the log checks out
    assert project.ok("validate", "--repair").out.splitlines()[-1].startswith("ok:")
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    conn.close()
