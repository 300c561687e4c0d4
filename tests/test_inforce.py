"""The figures in force, kept by triggers: the same as reducing the log, and the recent view judges alike."""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from tracker import inforce, months, store
from tracker.evaluate import evaluate
from tracker.context import load_plan
from tracker.tables import status_json

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
        month = f"2024-{rnd.randint(1, 12):02d}"
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
    project.ok("import", "log.jsonl")


@pytest.mark.parametrize("bulk", [1, 10**9], ids=["set-wise", "row-triggers"])
def test_triggers_keep_the_same_figures_as_reducing_the_log(empty_project, monkeypatch, bulk):
    monkeypatch.setattr(store, "BULK", bulk)  # imports of 60 entries take one path or the other
    p = empty_project.write_plan(PLAN)
    for seed in range(5):
        random_log(p, seed)
    conn = sqlite3.connect(p.db)
    assert inforce.disagreements(conn) == []
    assert conn.execute("SELECT count(*) FROM in_force").fetchone()[0] > 0
    # and the check can fail: change a figure behind the triggers' back
    conn.execute("UPDATE in_force SET value = value + 1 WHERE task = '1' AND metric = 'a' "
                 "AND month = (SELECT min(month) FROM in_force WHERE task = '1' AND metric = 'a')")
    conn.commit()
    assert inforce.disagreements(conn) == ["table in_force disagrees with the log (1 rows not in it, 1 missing)"]
    conn.close()
    r = p.bad("validate")
    assert "table in_force disagrees with the log" in r.err and "--repair" in r.err
    assert p.ok("validate", "--repair").out.startswith("ok:")


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


def test_an_older_database_gains_the_tables_on_first_read(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=12", "--note", "八月")
    conn = sqlite3.connect(project.db, isolation_level=None)
    for name in inforce.TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE in_force")
    conn.execute("DROP TABLE month_state")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    t = project.ok("status", "--month", "2024-08", "--format", "json").json()["tasks"][0]
    assert t["metrics"][0]["value"] == 12 and t["last_month"] == "2024-08"
    assert project.ok("validate").out.startswith("ok:")


def test_validate_looks_at_an_older_database_as_it_is(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=12")
    conn = sqlite3.connect(project.db, isolation_level=None)
    for name in inforce.TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE in_force")
    conn.execute("DROP TABLE month_state")
    conn.execute("DROP TRIGGER entries_no_update")  # evidence an upgrade would paper over
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    assert "entries_no_update" in project.bad("validate").err
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    # --repair upgrades: the guard is put back, and with nothing edited the log checks out
    assert project.ok("validate", "--repair").out.startswith("ok:")
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
