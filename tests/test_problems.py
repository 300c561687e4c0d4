"""Entries' 存在问题 and 下步计划 (SPEC: Entries): logged, hashed, exported and imported, and a schema-6 log upgraded."""

from __future__ import annotations

import json
import sqlite3

from tests.builders import schema_6
from tracker import store
from tracker.store.chain import entry_hash


def test_log_records_problems_and_next_steps_and_history_shows_them(project):
    project.ok("log", "195", "--set", "centres=15", "--problems", "用地难落实", "--next", "协调规划部门")
    (e,) = project.ok("history", "195", "-f", "json").json()["entries"]
    assert (e["problems"], e["next_steps"]) == ("用地难落实", "协调规划部门")
    # and the tables show them under the note, in history and in show's reports
    flat = project.ok("history", "195").out.replace(" ", "")
    assert "Problems:用地难落实" in flat and "Nextsteps:协调规划部门" in flat
    flat = project.ok("show", "195", "--lang", "zh").out.replace(" ", "")
    assert "存在问题：用地难落实" in flat and "下步计划：协调规划部门" in flat
    project.ok("validate")


def test_an_entry_without_them_hashes_as_before():
    e = store.Entry("a", "195", 2024 * 12 + 7, "2024-08-05T03:12:09.672765Z", "x", {"m": 1.0}, None, None, "n")
    import hashlib

    body = '["a","195","2024-08",[["m",1]],null,null,"n","x","2024-08-05T03:12:09.672765Z"]'
    assert entry_hash("", e) == hashlib.sha256(("\n" + body).encode()).hexdigest()
    assert entry_hash("", e._replace(problems="p")) != entry_hash("", e)
    assert entry_hash("", e._replace(next_steps="p")) != entry_hash("", e._replace(problems="p"))


def test_export_and_import_carry_them(project, tmp_path):
    project.ok("log", "184", "--percent", "40", "--problems", "资金缺口", "--next", "争取省级资金")
    out = project.ok("export").out
    line = json.loads(out)
    assert (line["problems"], line["next_steps"]) == ("资金缺口", "争取省级资金")
    project.db.unlink()
    (tmp_path / "log.jsonl").write_text(out, encoding="utf-8")
    project.ok("import", "log.jsonl")
    assert project.ok("export").out == out


def test_too_long_a_text_is_refused_naming_the_field(project):
    r = project.bad("log", "184", "--percent", "40", "--problems", "问" * 20_001)
    assert "problems is 20,001 characters long" in r.err
    assert not project.db.exists()


def test_a_schema_6_log_is_upgraded_with_every_hash_kept(project):
    project.ok("log", "195", "--set", "centres=15", "--note", "截至目前新建15个")
    project.ok("log", "184", "--percent", "30")
    before = project.ok("export").out
    schema_6(project.db)
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    conn.close()
    assert project.ok("export").out == before  # upgraded on reading, every entry as it was
    project.ok("log", "184", "--percent", "50", "--problems", "进度慢")
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    conn.close()
    project.ok("validate")
    after = [json.loads(x) for x in project.ok("export").out.splitlines()]
    assert [json.loads(x) for x in before.splitlines()] == after[:2]
    assert after[2]["problems"] == "进度慢"
