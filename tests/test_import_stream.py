"""A .jsonl import as the user sees it: ids across batches, all or nothing, a large file's lines and their numbers."""

from __future__ import annotations

import json
import os
import sqlite3

from tracker import store
from tracker.store import series


def _entry(i: int, **kw) -> dict:
    e = {"id": f"e{i}", "task": "195", "month": f"2024-{(i % 8) + 1:02d}", "recorded_at": f"2024-08-{(i % 19) + 1:02d}T10:00:00Z",
         "by": "x", "values": {"centres": i % 50}, "percent": None, "status": None, "note": f"第{i}条"}
    e.update(kw)
    return e


def _write(path, entries) -> None:
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n", encoding="utf-8")


def test_an_id_repeated_in_a_new_log_is_recorded_once_across_batches(project, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "BULK", 7)  # the repeat lands in another batch than the first
    entries = [_entry(i) for i in range(40)]
    _write(tmp_path / "in.jsonl", entries + [entries[3]])
    r = project.ok("import", "in.jsonl")
    assert "imported 40 entries" in r.out and "(1 already in the log)" in r.out
    conn = sqlite3.connect(project.db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM entries").fetchone() == (40, 40)
    assert series.disagreements(conn) == []
    conn.close()
    assert project.ok("validate").out.startswith("ok:")


def test_an_id_repeated_with_other_content_refuses_the_whole_file_and_leaves_no_database(project, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "BULK", 7)
    entries = [_entry(i) for i in range(40)]
    _write(tmp_path / "in.jsonl", entries + [dict(entries[3], note="改过")])
    assert "in.jsonl:41: entry e3 is given twice, with different content (first at line 4)" in project.bad("import", "in.jsonl").err
    assert not project.db.exists()
    assert [name for name in os.listdir(project.db.parent)] == [] if project.db.parent.exists() else True


def test_a_bad_line_after_many_batches_rolls_every_batch_back(project, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "BULK", 5)
    project.ok("log", "195", "--set", "centres=1")
    before = sqlite3.connect(project.db).execute("SELECT count(*) FROM entries").fetchone()[0]
    _write(tmp_path / "in.jsonl", [_entry(i) for i in range(30)] + [_entry(99, task="999")])
    err = project.bad("import", "in.jsonl").err
    assert err.strip() == "in.jsonl:31: unknown task '999' (`tracker tasks` lists the declared ones)"
    assert sqlite3.connect(project.db).execute("SELECT count(*) FROM entries").fetchone()[0] == before


def test_a_file_read_a_megabyte_at_a_time_keeps_its_lines_and_numbers(project, tmp_path):
    # Notes long enough that the file spans several pieces, with \r\n line ends and a character cut between them.
    entries = [_entry(i, note="进展" * 3000 + str(i)) for i in range(120)]
    text = "\r\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\r\n{oops\r\n"
    (tmp_path / "in.jsonl").write_bytes(text.encode("utf-8"))
    assert os.path.getsize(tmp_path / "in.jsonl") > 2 * (1 << 20)
    assert project.bad("import", "in.jsonl").err.startswith("in.jsonl:121: not a JSON object")
    (tmp_path / "in.jsonl").write_bytes(text.rsplit("{oops", 1)[0].encode("utf-8"))
    assert "imported 120 entries" in project.ok("import", "in.jsonl").out
    exported = [json.loads(line) for line in project.ok("export").out.splitlines()]
    assert sorted(e["note"] for e in exported) == sorted(e["note"] for e in entries)


def test_a_bad_line_late_in_a_file_leaves_no_new_log_and_nothing_beside_it(project, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "BULK", 5)  # six batches written into the new log before the bad line's
    _write(tmp_path / "in.jsonl", [_entry(i) for i in range(30)] + [_entry(99, values={"centres": -1})])
    assert project.bad("import", "in.jsonl").err.strip() == "in.jsonl:31: 195.centres: -1 is not a number ≥ 0"
    assert not project.db.exists()
    assert not project.db.parent.exists() or os.listdir(project.db.parent) == []


def test_a_new_log_from_an_import_is_whole_in_wal_mode_with_nothing_left_beside_it(project, tmp_path):
    _write(tmp_path / "in.jsonl", [_entry(i) for i in range(40)])
    assert "imported 40 entries" in project.ok("import", "in.jsonl").out
    assert sorted(os.listdir(project.db.parent)) == ["tracker.db"]
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT count(*) FROM plan_cache").fetchone()[0] == 1  # the plan, cached as it was read
    conn.close()
    assert project.ok("validate").out.startswith("ok: tasks.toml (2 tasks), data/tracker.db (40 entries")


def test_slips_compare_with_the_log_before_the_import_not_with_its_own_earlier_entries(project, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "BULK", 1)  # each entry written before the next one is checked
    project.ok("log", "184", "--month", "2024-05", "--percent", "10")  # a log that is not empty
    _write(tmp_path / "in.jsonl", [_entry(1, month="2024-06", values={"centres": 50}),
                                   _entry(2, month="2024-07", values={"centres": 20}),
                                   _entry(3, task="184", month="2024-06", values={}, percent=5)])
    r = project.ok("import", "in.jsonl")
    assert "imported 3 entries" in r.out
    # 184's 5% is lower than the 10% in force before the import: said. 195's 20 is below the 50 of
    # the same import, not below anything in force before it: not said.
    assert r.err.strip() == "warning: task 184 2024-06: percent 5% is lower than the 10% in force before"


def test_every_problem_of_a_file_is_said_at_once_lines_that_are_no_entry_and_entries_refused(project, tmp_path):
    lines = [json.dumps(_entry(1), ensure_ascii=False), "{not json",
             json.dumps(_entry(2, month="2024-13"), ensure_ascii=False),
             json.dumps(_entry(3, values={"centres": "15"}), ensure_ascii=False),
             json.dumps(_entry(4, percent=150), ensure_ascii=False)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = project.bad("import", "in.jsonl").err.strip().splitlines()
    assert [line.split(":")[1] for line in err] == ["2", "3", "4", "5"]  # each bad line, in the file's order
    assert "not a JSON object" in err[0] and "malformed month '2024-13'" in err[1]
    assert "'15' is text; write the number without quotes" in err[2] and "not a percent" in err[3]
    assert not project.db.exists()


def test_an_id_in_the_log_with_other_content_is_named_by_its_line(project, tmp_path):
    _write(tmp_path / "a.jsonl", [_entry(1), _entry(2)])
    project.ok("import", "a.jsonl")
    _write(tmp_path / "b.jsonl", [_entry(3), _entry(2, note="改过")])
    err = project.bad("import", "b.jsonl").err.strip()
    assert err == "b.jsonl:2: entry e2 is already in the log with other content"


def test_a_large_import_says_its_first_warnings_and_counts_the_rest_and_dry_run_lists_them_all(project, tmp_path):
    # 30 reports of August, each below July's figure in the log: a warning each
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=45")
    entries = [_entry(i, month="2024-08", values={"centres": 40 - i}, id=f"d{i}",
                      recorded_at=f"2024-08-01T10:00:{i:02d}Z") for i in range(30)]
    _write(tmp_path / "in.jsonl", entries)
    dry = project.ok("import", "in.jsonl", "--dry-run").err.strip().splitlines()
    assert len(dry) == 30 and not any("more warnings" in line for line in dry)
    err = project.ok("import", "in.jsonl").err.strip().splitlines()
    assert len(err) == 21 and err[-1] == f"… and {len(dry) - 20} more warnings (--dry-run lists them all)"
