"""The dense series (series.py): the same answers as the log reduced month by month, kept current by every write."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from test_inforce import PLAN, random_log

from tracker import store
from tracker.core import months
from tracker.store import series
from tracker.cli.project import load_plan
from tracker.core.evaluate import evaluate
from tracker.core.model import TaskLog
from tracker.core.rows import status_json

FIRST, LAST = months.parse("2023-10"), months.parse("2025-03")


def _logs(p):
    conn = store.open_read(str(p.db))
    plan = load_plan(str(p.tasks), conn)
    return conn, plan


def test_a_series_log_answers_every_question_as_the_reduced_log_does(empty_project):
    p = empty_project.write_plan(PLAN)
    for seed in range(4):
        random_log(p, seed, 50)
    p.ok("log", "2", "--month", "2024-06", "--status", "blocked", "--note", "等待批复")
    conn, plan = _logs(p)
    assert series.current(conn)
    whole = store.load_logs(conn)
    asked = 0
    for m in range(FIRST, LAST + 1):
        dense = series.load(conn, plan, m)  # the notes are those of the month loaded
        silent = series.load(conn, plan, m, notes=False)
        assert set(dense) == set(whole)
        for task in plan.tasks:
            a, b = whole.get(task.id, TaskLog()), dense[task.id]
            for metric in task.metrics:
                assert b.value(metric, m) == a.value(metric, m), (task.id, metric.key, months.fmt(m))
                assert b.reported(metric.key, m) == a.reported(metric.key, m)
            if not task.metrics:
                assert b.percent_at(m) == a.percent_at(m) and b.status_at(m) == a.status_at(m)
            assert b.has_entry(m) == a.has_entry(m) and b.last_month(m) == a.last_month(m)
            assert b.any_entry(m - 2, m) == a.any_entry(m - 2, m)
            assert b.note(m) == a.note(m)
            if a.note(m):
                earlier = a.earlier_note_month(m)
                assert b.earlier_note_month(m) == earlier
                assert earlier is None or b.note(earlier) == a.note(earlier)
            assert b.repeats_note(m) == a.repeats_note(m)
            assert silent[task.id].note(m) is None and not silent[task.id].repeats_note(m)
            asked += 1
    assert asked == len(plan.tasks) * (LAST - FIRST + 1)
    assert dense["2"].status_at(months.parse("2024-06")) == "blocked"  # the latest recorded wins
    conn.close()


def test_the_html_report_s_charts_are_the_same_from_the_series_and_from_the_log(empty_project):
    from tracker.core.trend import charts

    p = empty_project.write_plan(PLAN)
    for seed in range(4):
        random_log(p, seed, 50)
    conn, plan = _logs(p)
    assert series.current(conn)
    drawn = 0
    for m in range(FIRST, LAST + 1):
        from_series = charts(plan.tasks, series.load(conn, plan, m), m)
        assert from_series == charts(plan.tasks, store.load_logs(conn, upto=m), m), months.fmt(m)
        drawn += sum(len(chart.actual) for chart in from_series.values())
    assert drawn > 100  # lines drawn, not only empty charts
    conn.close()


def test_status_is_the_same_from_the_series_and_from_the_log_after_a_foreign_write(empty_project):
    p = empty_project.write_plan(PLAN)
    for seed in range(3):
        random_log(p, seed, 40)
    conn = sqlite3.connect(p.db)
    # A writer other than tracker: the log takes it, the series do not.
    seq = conn.execute("SELECT max(seq) FROM entries").fetchone()[0] + 1
    conn.execute("INSERT INTO entries (seq, id, task, month, recorded_at, hash, figures) "
                 "VALUES (?, 'foreign', '1', '2025-01', '2024-12-30T00:00:00Z', 'x', '[[\"a\",99]]')", (seq,))
    conn.commit()
    conn.close()
    conn, plan = _logs(p)
    assert not series.current(conn)
    month = months.parse("2025-01")
    recent = store.load_recent(conn, plan, month)
    assert not isinstance(recent["1"], series.SeriesLog)  # the whole log reduced instead
    got = status_json(evaluate(plan, recent, month), month)
    assert got == status_json(evaluate(plan, store.load_logs(conn, upto=month), month), month)
    assert got["tasks"][0]["metrics"][0]["value"] == 99
    conn.close()
    assert "added behind tracker's back" in p.bad("validate").err


def test_series_behind_the_log_are_noticed_and_repaired(empty_project):
    p = empty_project.write_plan(PLAN)
    random_log(p, 2, 40)
    conn = sqlite3.connect(p.db)
    conn.execute("UPDATE series_state SET upto = upto - 1")  # as a crash between two writes cannot leave it
    conn.commit()
    conn.close()
    assert "series_state does not mark the last entry" in p.bad("validate").err
    assert p.ok("validate", "--repair").out.splitlines()[-1].startswith("ok:")
    conn, plan = _logs(p)
    assert series.current(conn)
    assert isinstance(store.load_recent(conn, plan, months.parse("2024-12"))["1"], series.SeriesLog)
    conn.close()


def test_every_write_keeps_the_series_current_and_validate_sees_them_edited(empty_project, monkeypatch):
    p = empty_project.write_plan(PLAN)
    monkeypatch.setattr(store, "BULK", 10)  # the set-wise path too
    random_log(p, 1, 30)
    p.ok("log", "3", "--month", "2024-05", "--set", "c=2")
    p.ok("log", "1", "--month", "2024-04", "--set", "a=7", "--set", "b=1.1")
    conn = sqlite3.connect(p.db)
    assert series.disagreements(conn) == []
    data, keys = conn.execute("SELECT data, metrics FROM task_series WHERE task = '1'").fetchone()
    assert keys == '["a", "b"]'
    n = len(data) // (18 + 17 * 2)
    total = 18 * n + 17 * n + 8 * n  # metric b's running sums
    conn.execute("UPDATE task_series SET data = ? WHERE task = '1'",
                 (data[:total] + data[total:total + 8 * n][::-1] + data[total + 8 * n:],))
    conn.commit()
    conn.close()
    r = p.bad("validate")
    assert "table task_series disagrees with the log" in r.err and "--repair" in r.err
    out = p.ok("validate", "--repair").out.splitlines()
    # it says what it rebuilt, as validate found it, then that all is well
    assert out[0] == f"repaired: {os.path.join('data', 'tracker.db')}: table task_series disagrees with the log (1 row differs)"
    assert out[-1].startswith("ok:")
    conn = sqlite3.connect(p.db)
    assert series.disagreements(conn) == []
    conn.close()


def test_increments_add_up_as_a_person_adds_them(empty_project):
    p = empty_project.write_plan(PLAN)
    for month, amount in (("2024-01", "0.1"), ("2024-02", "4.1"), ("2024-03", "4.1")):
        p.ok("log", "1", "--month", month, "--set", f"b={amount}")
    t = p.ok("status", "--month", "2024-03", "--format", "json").json()["tasks"][0]
    assert [m["value"] for m in t["metrics"] if m["key"] == "b"] == [8.3]
    conn = sqlite3.connect(p.db)
    assert json.loads(conn.execute("SELECT json_array(upto) FROM series_state").fetchone()[0]) == [3]
    conn.close()


@pytest.mark.parametrize("july, august, repeated", [
    ("已改造60个", "已改造60个", True),
    ("已改造60个", "已改造 60个", True),                  # a space
    ("已改造\t60个\n", "已改造60个", True),               # tab, line break
    ("已改造\u300060个", "已改造60个", True),             # ideographic space
    ("已改造\u200360个", "已改造60个", True),             # an em space
    ("已改造\x8560个", "已改造 60 个", True),              # NEL
    ("已改造60个", "已改造70个", False),
    ("已改造\u200360个", "已改造70个", False),
    ("a\u00a0b", "ab", True),                          # no-break space
    ("ab", "a·b", False),
])
def test_a_repeated_note_is_the_same_text_white_space_aside(empty_project, july, august, repeated):
    p = empty_project.write_plan(PLAN)
    p.ok("log", "2", "--month", "2024-07", "--note", july)
    p.ok("log", "2", "--month", "2024-08", "--note", august)
    conn, plan = _logs(p)
    month = months.parse("2024-08")
    assert store.load_logs(conn)["2"].repeats_note(month) is repeated
    assert series.load(conn, plan, month)["2"].repeats_note(month) is repeated
    assert series.load(conn, plan, month, notes=False)["2"].repeats_note(month) is False
    conn.close()


SCHEMA_8_SERIES = """
CREATE TABLE metric_series (
  task TEXT NOT NULL, metric TEXT NOT NULL, first INTEGER NOT NULL,
  asof BLOB NOT NULL, total BLOB NOT NULL, reported BLOB NOT NULL,
  PRIMARY KEY (task, metric)) WITHOUT ROWID;
CREATE TABLE task_series (
  task TEXT NOT NULL PRIMARY KEY, first INTEGER NOT NULL,
  entries BLOB NOT NULL, percent BLOB NOT NULL, status BLOB NOT NULL, notes BLOB NOT NULL) WITHOUT ROWID;
"""


def test_a_schema_8_database_gets_its_series_in_one_row_a_task_on_first_read(empty_project):
    p = empty_project.write_plan(PLAN)
    for seed in range(3):
        random_log(p, seed, 30)
    before = p.ok("status", "--month", "2024-12", "--format", "json").out
    conn = sqlite3.connect(p.db)
    conn.execute("DROP TABLE task_series")
    conn.executescript(SCHEMA_8_SERIES)  # schema 8's two tables, one row a metric, left empty: never read again
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    assert p.ok("validate").out.startswith("ok:")  # looked at as it is: schema 8's series are not compared
    conn = store.open_read(str(p.db), upgrade=False)
    plan = load_plan(str(p.tasks), conn)
    assert not series.current(conn)  # not read in schema 8's form: the log is reduced instead
    assert not isinstance(store.load_recent(conn, plan, months.parse("2024-12"))["1"], series.SeriesLog)
    conn.close()
    assert p.ok("status", "--month", "2024-12", "--format", "json").out == before  # read, and upgraded
    conn = sqlite3.connect(p.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 9
    assert "metric_series" not in store.tables(conn)
    assert series.current(conn) and series.disagreements(conn) == []
    conn.close()
    assert p.ok("validate").out.startswith("ok:")
