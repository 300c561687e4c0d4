"""The first import in one pass (firstimport.py) writes what the usual way writes, or leaves the file to it.

Each test imports the same file twice, into two new databases: once as `tracker import` does (the one
pass, where it takes the file) and once forced the usual way; the databases must be the same row for
row, and so must what the command says. A spy tells which way was taken, so that a one pass that always
declined could not pass for a correct one.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIC_PLAN
from tracker import firstimport, firstwriter, series, seriesfold, store

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])
BASE = {"id": "a", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T10:00:00.000000Z", "by": "王芳",
        "values": {"centres": 3, "stations": 12.5}, "percent": None, "status": None, "note": "进展顺利"}
NOTES = ["推进中", "已完成", "第一行\n第二行", '说"好"', "路径 C:\\data\\x", "制表\t分隔", "末尾\\", "行\r\n尾",
         "😀 表情", "全角\u3000空格在中间", "a", "x" * 300]


def _lines(seed: int, n: int, dense_stamps: bool = True) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = rnd.randint(1, 3) if dense_stamps else 1 + i % 28
        entry = dict(BASE, id=f"s{seed}-{i}", month=f"2024-{rnd.randint(1, 12):02d}",
                     recorded_at=f"2024-12-{day:02d}T10:00:00.000000Z",  # ties: append order decides
                     by=rnd.choice([None, "王芳", "Li Lei", ""]),
                     values={k: rnd.choice([rnd.randint(0, 50), round(rnd.random() * 90, 3), 0.1 + 0.2])
                             for k in rnd.sample(["centres", "stations"], rnd.randint(0, 2))},
                     note=rnd.choice([None, *NOTES]))
        if rnd.random() < 0.3:
            entry.update(task="184", values={}, percent=rnd.choice([None, rnd.randint(0, 100), 33.333333333333336]),
                         status=rnd.choice([None, "ongoing", "done"]), note=entry["note"] or "补报")
        if not (entry["values"] or entry["note"] or entry["percent"] is not None or entry["status"]):
            entry["note"] = "补报"
        out.append(entry)
    return out


def _text(entries: list[dict], sep=(", ", ": ")) -> str:
    return "\n".join(json.dumps(e, ensure_ascii=False, separators=sep) for e in entries) + "\n"


@pytest.fixture
def spy(monkeypatch):
    """What each one pass answered: a number of entries, or None where it left the file to the usual way."""
    answers: list = []
    for name in ("import_file", "import_new"):
        real = getattr(firstimport, name)

        def spied(*args, _real=real, _name=name, **kw):
            answer = _real(*args, **kw)
            if _name == "import_new" or not kw.get("temp"):
                answers.append(answer)
            return answer
        monkeypatch.setattr(firstimport, name, spied)
    return answers


def _tables(db: Path) -> dict:
    conn = sqlite3.connect(db)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
           for t in ("metric_series", "task_series", "series_state", "plan_cache")}
    out["entries"] = conn.execute("SELECT *, typeof(percent), typeof(status), typeof(by), typeof(note) "
                                  "FROM entries ORDER BY seq").fetchall()
    out["heads"] = conn.execute("SELECT seq, upto, hash FROM chain_heads").fetchall()
    out["schema"] = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    out["journal"] = conn.execute("PRAGMA journal_mode").fetchall()
    conn.close()
    return out


def _both_ways(p, text: bytes | str, monkeypatch, name: str = "log.jsonl", fold_least: int | None = None):
    """(result, tables) of importing the file into a new database: the one pass where it takes it, the usual way.
    fold_least: the one pass folds this many entries or more with numpy (seriesfold.MIN_ENTRIES)."""
    path = p.root / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    out = []
    for way in ("one pass", "usual"):
        db = p.root / "data" / f"{way.replace(' ', '-')}.db"
        with monkeypatch.context() as m:
            if way == "one pass" and fold_least is not None:
                m.setattr(seriesfold, "MIN_ENTRIES", fold_least)
            if way == "usual":
                m.setattr(firstimport, "import_new", lambda *a, **k: None)
                m.setattr(firstimport, "import_file", lambda *a, **k: None)
            r = p.run("--db", str(db), "import", name)
        said = (r.code, r.out.replace(str(db), "DB"), r.err.replace(str(db), "DB"))
        out.append((said, _tables(db) if db.exists() else None))
    return out


def _leftovers(p) -> list[str]:
    folder = p.root / "data"
    return sorted(f.name for f in folder.iterdir() if f.name.startswith(".tracker-")) if folder.exists() else []


def test_what_strip_strips_is_what_a_regular_expression_calls_space():
    import re

    assert all(bool(re.match(r"\s", c)) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))


def test_padded_finds_each_string_strip_would_change_among_nulls():
    """Every list of up to three values (nulls and strings) whose strings strip() would change, or that are
    empty, is found; without escapes, exactly those."""
    from itertools import product

    values = [None, "ok", "中文", " x", "x ", "\u3000x", "x\u3000", "", "\u2003", "x\ny", "\nx", "x\n", "\\", "x\\n"]
    for n in (1, 2, 3):
        for combo in product(values, repeat=n):
            text = "\n".join("null" if v is None else json.dumps(v, ensure_ascii=False) for v in combo)
            changed = any(v is not None and (v == "" or v != v.strip()) for v in combo)
            if changed:
                assert firstimport._padded(text), combo
            elif not any(v is not None and "\\" in json.dumps(v) for v in combo):
                assert not firstimport._padded(text), combo


@pytest.mark.parametrize("sep", [(", ", ": "), (",", ":")])
def test_a_usual_file_is_taken_in_one_pass_and_written_as_the_usual_way_writes_it(empty_project, monkeypatch, spy, sep):
    p = empty_project.write_plan(BASIC_PLAN)
    fast, usual = _both_ways(p, _text(_lines(0, 900), sep), monkeypatch)
    assert spy == [900]  # taken in one pass
    assert fast == usual
    said, tables = fast
    assert said[0] == 0 and "imported 900 entries" in said[1]
    assert len(tables["entries"]) == 900 and tables["journal"] == [("wal",)]
    conn = sqlite3.connect(p.root / "data" / "one-pass.db")
    assert series.disagreements(conn) == []
    conn.close()
    assert p.ok("--db", "data/one-pass.db", "validate").out.startswith("ok:")
    assert _leftovers(p) == []


@pytest.mark.parametrize("order", ["as written", "by time", "by time, every 28 lines"])
def test_a_large_file_s_series_folded_with_numpy_are_the_python_fold_s(empty_project, monkeypatch, spy, order):
    """A file of seriesfold.MIN_ENTRIES lines or more is folded with numpy, its entries taken in recorded_at
    order; the usual way here folds it in Python, entry by entry: the same tables."""
    p = empty_project.write_plan(BASIC_PLAN)
    lines = _lines(12, 900, dense_stamps=order != "by time, every 28 lines")
    if order == "by time":
        lines.sort(key=lambda e: e["recorded_at"])  # the fold's order is the file's
    fast, usual = _both_ways(p, _text(lines), monkeypatch, fold_least=1)
    assert spy == [900]
    assert fast == usual


# Texts each way must take alike or leave alike: spaces to strip (and escaped ones), escapes json writes
# and those it does not, nothing at all.
TRICKY = ["", " ", " x", "x ", "\u3000x", "x\u3000", "\nx", "x\n", "x\\", "\\n", '"', "a\tb", "\x7f", "\u2028",
          "\x01", "é", "😀"]


@SETTINGS
@given(st.lists(st.fixed_dictionaries({
    "note": st.one_of(st.none(), st.sampled_from(TRICKY), st.text(st.characters(blacklist_categories=("Cs",)),
                                                                   min_size=1, max_size=8)),
    "by": st.one_of(st.none(), st.sampled_from(TRICKY), st.text(st.characters(blacklist_categories=("Cs",)), max_size=4)),
    "id": st.one_of(st.sampled_from(TRICKY), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6)),
    "centres": st.one_of(st.integers(0, 10 ** 17), st.floats(0, 1e17), st.sampled_from([1e-5, 0.1 + 0.2, 1e16])),
    "percent": st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100)),
}), min_size=1, max_size=6), st.booleans())
def test_any_text_is_written_alike_whichever_way_takes_it(empty_project, monkeypatch, rows, compact):
    p = empty_project.write_plan(BASIC_PLAN)
    entries = [dict(BASE, id=f"{i}{r['id']}", note=r["note"], by=r["by"], values={"centres": r["centres"]},
                    percent=r["percent"]) for i, r in enumerate(rows)]
    for db in (p.root / "data").glob("*.db"):
        db.unlink()
    fast, usual = _both_ways(p, _text(entries, (",", ":") if compact else (", ", ": ")), monkeypatch)
    assert fast == usual


def test_the_one_pass_takes_escapes_json_writes_and_reads_back(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    entries = [dict(BASE, id=f"e{i}", note=note) for i, note in enumerate(NOTES)]
    fast, usual = _both_ways(p, _text(entries), monkeypatch)
    assert spy == [len(NOTES)]
    assert fast == usual
    notes = [row[10] for row in fast[1]["entries"]]
    assert notes == NOTES


UNUSUAL = {
    "an escape json does not write": lambda t: t.replace("进展顺利", "\\u8fdb展顺利", 1),
    "a slash escaped": lambda t: t.replace("进展顺利", "a\\/b", 1),
    "a control character escaped": lambda t: t.replace("进展顺利", "a\\u0001b", 1),
    "a note to strip": lambda t: t.replace('"进展顺利"', '" 进展顺利"', 1),
    "a note ending in an ideographic space": lambda t: t.replace('"进展顺利"', '"进展顺利\u3000"', 1),
    "a note ending in an escaped newline": lambda t: t.replace('"进展顺利"', '"进展顺利\\n"', 1),
    "an empty note": lambda t: t.replace('"进展顺利"', '""', 1),
    "a note to strip after an entry without one": lambda t: t.replace('"进展顺利"', "null", 1)
                                                           .replace('"进展顺利"', '" 进展顺利"', 1),
    "a note ending in a space before an entry without one": lambda t: t.replace('"进展顺利"', '"进展顺利 "', 1)
                                                                      .replace('"进展顺利"', "null", 1),
    "an empty note after an entry without one": lambda t: t.replace('"进展顺利"', "null", 1)
                                                          .replace('"进展顺利"', '""', 1),
    "a blank id after a by of null": lambda t: t.replace('"by": "王芳"', '"by": null', 1)
                                            .replace('"id": "e1"', '"id": "\u3000"', 1),
    "a blank id": lambda t: t.replace('"id": "e1"', '"id": " "', 1),
    "an id given twice": lambda t: t.replace('"id": "e1"', '"id": "e0"', 1),
    "an id given twice, the same entry": lambda t: t + t.split("\n")[0] + "\n",
    "an unknown task": lambda t: t.replace('"task": "195"', '"task": "999"', 1),
    "a metric not in the plan": lambda t: t.replace('"centres"', '"schools"', 1),
    "a time in another form": lambda t: t.replace("10:00:00.000000Z", "10:00:00Z", 1),
    "a byte-order mark": lambda t: "\ufeff" + t,
    "Windows line ends": lambda t: t.replace("\n", "\r\n"),
    "a blank line": lambda t: t.replace("\n", "\n\n", 1),
    "by as a number": lambda t: t.replace('"by": "王芳"', '"by": 7', 1),
    "values null": lambda t: t.replace('"values": {"centres": 3, "stations": 12.5}', '"values": null', 1),
    "an entry of nothing": lambda t: t.replace('"values": {"centres": 3, "stations": 12.5}', '"values": {}', 1)
                                      .replace('"进展顺利"', "null", 1),
    "a negative figure": lambda t: t.replace('"centres": 3', '"centres": -3', 1),
    "two records on a line": lambda t: t.replace("}\n{", "} {", 1),
}


@pytest.mark.parametrize("change", sorted(UNUSUAL))
def test_what_the_one_pass_does_not_take_is_the_usual_way_s(empty_project, monkeypatch, spy, change):
    p = empty_project.write_plan(BASIC_PLAN)
    text = UNUSUAL[change](_text([dict(BASE, id=f"e{i}") for i in range(40)]))
    fast, usual = _both_ways(p, text, monkeypatch)
    assert spy == [None]  # left to the usual way, nothing written
    assert fast == usual
    assert _leftovers(p) == []


LINES_UNUSUAL = {  # each line checked a chunk at a time as it is read: a change in a later chunk, or at a boundary
    "a blank line in a later chunk": lambda lines: lines[:23] + [""] + lines[23:],
    "two records on a line in a later chunk": lambda lines: lines[:30] + [lines[30] + " " + lines[31]] + lines[32:],
    "a record over two lines in a later chunk": lambda lines: lines[:17] + lines[17].split(", ", 1) + lines[18:],
    "a blank line last": lambda lines: lines + [""],
    "a line of spaces": lambda lines: lines[:12] + ["   "] + lines[12:],
}


@pytest.mark.parametrize("change", sorted(LINES_UNUSUAL))
def test_lines_that_are_not_one_record_each_in_any_chunk_are_the_usual_way_s(empty_project, monkeypatch, spy,
                                                                            change):
    from tracker.importers import jsonl

    p = empty_project.write_plan(BASIC_PLAN)
    lines = _text([dict(BASE, id=f"e{i}") for i in range(40)]).splitlines()
    monkeypatch.setattr(jsonl, "_CHUNK", 500)  # a few lines a chunk
    fast, usual = _both_ways(p, "\n".join(LINES_UNUSUAL[change](lines)) + "\n", monkeypatch)
    assert spy == [None]  # left to the usual way, nothing written
    assert fast == usual
    assert _leftovers(p) == []


def test_lines_one_record_each_over_many_chunks_go_in_one_pass(empty_project, monkeypatch, spy):
    from tracker.importers import jsonl

    p = empty_project.write_plan(BASIC_PLAN)
    monkeypatch.setattr(jsonl, "_CHUNK", 500)
    fast, usual = _both_ways(p, _text([dict(BASE, id=f"e{i}") for i in range(40)]), monkeypatch)
    assert spy == [40] and fast == usual


@pytest.mark.parametrize("early", [True, False], ids=["cached while reading", "cached at the end"])
def test_the_plan_is_cached_in_the_same_transaction_whenever_its_child_answers(empty_project, monkeypatch, spy,
                                                                              early):
    from tracker.context import PlanJob
    from tracker.importers import jsonl

    sent = []
    real_send = firstwriter.Writer.send

    def send(self, message):
        if isinstance(message, tuple) and message[0] in (firstwriter.PLAN, firstwriter.FINISH):
            sent.append((message[0], message[-1] is not None))
        real_send(self, message)

    def poll(self):  # the child's answer taken at the first run's end, or never while the file is read
        if early:
            self._collect()
        return early

    p = empty_project.write_plan(BASIC_PLAN)
    monkeypatch.setattr(jsonl, "_CHUNK", 500)
    monkeypatch.setattr(PlanJob, "poll", poll)
    monkeypatch.setattr(firstwriter.Writer, "send", send)
    fast, usual = _both_ways(p, _text(_lines(11, 60)), monkeypatch)
    assert spy == [60] and fast == usual
    assert sent == ([("plan", True), ("finish", False)] if early else [("finish", True)])
    assert len(fast[1]["plan_cache"]) == 1


def test_a_month_in_another_form_is_taken_as_the_usual_way_takes_it(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    text = _text([dict(BASE, id=f"e{i}") for i in range(40)]).replace('"2024-08"', '"2024-8"', 1)
    fast, usual = _both_ways(p, text, monkeypatch)
    assert spy == [40] and fast == usual


def test_a_file_that_is_not_utf8_inside_a_note_is_the_usual_way_s(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    text = _text([dict(BASE, id=f"e{i}") for i in range(5)]).encode().replace("顺利".encode(), b"\xff\xfe", 1)
    fast, usual = _both_ways(p, text, monkeypatch)
    assert spy == [None] and fast == usual and fast[0][0] == 2


def test_a_bad_plan_is_named_and_no_database_is_made(empty_project, spy):
    p = empty_project.write_plan("[plan]\nyear = 'x'\n")
    (p.root / "log.jsonl").write_text(_text([BASE]), encoding="utf-8")
    assert p.bad("import", "log.jsonl").err.startswith("tasks.toml:2: ")
    assert not p.db.exists() and _leftovers(p) == []
    assert not p.db.parent.exists()  # the folder made for it went with it


def test_an_empty_log_that_exists_is_written_in_place(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    text = _text(_lines(3, 600))
    for db in (p.root / "data" / "one-pass.db", p.root / "data" / "usual.db"):
        db.parent.mkdir(exist_ok=True)
        store.open_write(str(db)).close()
    fast, usual = _both_ways(p, text, monkeypatch)
    assert spy == [600] and fast == usual


def test_a_log_that_holds_entries_is_appended_the_usual_way(empty_project, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "a.jsonl").write_text(_text(_lines(4, 50)), encoding="utf-8")
    (p.root / "b.jsonl").write_text(_text(_lines(5, 50)), encoding="utf-8")
    p.ok("import", "a.jsonl")
    p.ok("import", "b.jsonl")
    assert spy == [50]  # only the first went in one pass
    assert "(100 entries, hash chain intact" in p.ok("validate").out


def test_a_writer_that_dies_leaves_nothing(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(6, 700)), encoding="utf-8")
    monkeypatch.setattr(firstwriter, "_append_locked", lambda conn, receive, direct: os._exit(3))
    r = p.bad("import", "log.jsonl")
    assert "the writing process ended" in r.err
    assert not p.db.exists() and _leftovers(p) == []


def test_a_writer_s_error_is_one_line_and_nothing_is_written(empty_project, monkeypatch, spy):
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(7, 700)), encoding="utf-8")

    def full(conn, values):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(firstwriter.appending, "insert_bodies", full)
    r = p.bad("import", "log.jsonl")
    assert r.err.strip().endswith("cannot write the import: database or disk is full")
    assert len(r.err.strip().splitlines()) == 1
    assert not p.db.exists() and _leftovers(p) == []


def test_another_tracker_making_the_database_meanwhile_is_appended_to(empty_project, monkeypatch, spy):
    """The new database is given its name only if there is none: one made meanwhile is appended to, the usual way."""
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "other.jsonl").write_text(_text(_lines(8, 30)), encoding="utf-8")
    (p.root / "log.jsonl").write_text(_text(_lines(9, 600)), encoding="utf-8")
    from tracker import files

    real = files.link_new

    def meanwhile(tmp, path):
        with monkeypatch.context() as m:  # the other tracker: the usual way
            m.setattr(firstimport, "import_new", lambda *a, **k: None)
            p.ok("import", "other.jsonl")
        return real(tmp, path)
    monkeypatch.setattr(files, "link_new", meanwhile)
    p.ok("import", "log.jsonl")
    assert "(630 entries, hash chain intact" in p.ok("validate").out
    assert _leftovers(p) == []


def test_a_killed_import_leaves_no_database_and_its_writer_cleans_up(empty_project):
    """Killed at any moment (reading, writing, committing, giving the database its name), the reader leaves
    the log absent or whole, and the writer, reading the end of its pipe, removes the temporary file."""
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(10, 30000, dense_stamps=False)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    killed = 0
    for delay in (0.25, 0.5, 0.75, 1.0, 1.25, 1.5):
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "import", "log.jsonl"], cwd=p.root, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        if proc.returncode == -signal.SIGKILL and not p.db.exists():
            killed += 1
        deadline = time.monotonic() + 30
        while _leftovers(p) and time.monotonic() < deadline:  # the writer reads the end of its pipe, rolls back
            time.sleep(0.05)
        assert _leftovers(p) == []
        if p.db.exists():  # it was done before the kill
            break
    assert killed
    p.ok("import", "log.jsonl")
    assert "(30000 entries, hash chain intact" in p.ok("validate").out


def _import_signalled(p, env, delay: float, sig) -> subprocess.Popen:
    """An import in a session of its own, its whole process group sent `sig` after `delay` seconds."""
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "import", "log.jsonl"], cwd=p.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(delay)
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:  # all done already
        pass
    proc.communicate(timeout=60)
    return proc


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_an_import_whose_process_group_is_told_to_end_leaves_nothing(empty_project, sig):
    """SIGTERM or SIGHUP to every process of the import (a closed terminal, a cancelled CI job): the writer
    rolls back and removes its temporary file itself, at whatever point it was."""
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(13, 30000, dense_stamps=False)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    ended = 0
    for delay in (0.1, 0.2, 0.3, 0.5, 0.7, 1.1):  # from before the writer is made to after it is done
        proc = _import_signalled(p, env, delay, sig)
        if proc.returncode == -sig and not p.db.exists():
            ended += 1
        deadline = time.monotonic() + 30
        while _leftovers(p) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _leftovers(p) == []
        if p.db.exists():  # it was done before the signal
            break
    assert ended


def test_what_an_import_killed_outright_left_goes_at_the_next_import(empty_project):
    """SIGKILL to every process of the import leaves its temporary file (no code of its ran); the next
    import removes it once no writer holds it locked and it has been untouched for a minute."""
    import fcntl

    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(14, 60000, dense_stamps=False)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    for delay in (0.6, 0.4, 0.8, 0.3, 1.0, 0.5, 1.3):  # until one finds the temporary file made
        proc = _import_signalled(p, env, delay, signal.SIGKILL)
        if _leftovers(p):
            break
        if p.db.exists():
            p.db.unlink()
    left = _leftovers(p)
    assert proc.returncode == -signal.SIGKILL and left and not p.db.exists()
    folder = p.root / "data"
    # another import at work: its file is locked (and one a second old is left alone, locked or not)
    busy = folder / ".tracker-0123456789ab.tmp"
    busy.write_bytes(b"")
    held = os.open(busy, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    young = folder / ".tracker-ba9876543210.tmp"
    young.write_bytes(b"")
    old = time.time() - 120
    for name in [*left, busy.name]:
        os.utime(folder / name, (old, old))
    p.ok("import", "log.jsonl")
    assert _leftovers(p) == sorted([busy.name, young.name])
    os.close(held)
    assert "(60000 entries, hash chain intact" in p.ok("validate").out


def test_a_reader_gone_between_the_commit_and_the_name_leaves_nothing(empty_project, monkeypatch, spy):
    """The writer committed, but the reader never gave the database its name (killed, or failed): the
    writer, let go, removes the temporary file, and nothing was said imported."""
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(_text(_lines(11, 700)), encoding="utf-8")
    from tracker import files

    def gone(tmp, path):
        assert os.path.exists(tmp)  # committed, complete
        raise KeyboardInterrupt
    monkeypatch.setattr(files, "link_new", gone)
    r = p.run("import", "log.jsonl")  # as Ctrl-C: exit 130, and a word why
    assert r.code == 130 and "imported" not in r.out and r.err.strip() == "tracker: interrupted"
    assert not p.db.exists() and _leftovers(p) == []
