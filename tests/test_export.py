"""`tracker export` writes every entry as the usual way does (Entry.to_json through json_text), byte for byte.

exporting.py writes rows as SQLite gives them where that is the same text; the
usual way (exporting._usual over store.read_entries) is what it is held to.
"""

from __future__ import annotations

import itertools
import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_hostile import an_entry
from tracker import store
from tracker.store import export as exporting


_EXAMPLES = itertools.count()


def _both_ways(db) -> tuple[bytes, bytes]:
    conn = store.open_read(str(db), upgrade=False)
    try:
        return b"".join(exporting.chunks(conn)), b"".join(exporting._usual(store.read_entries(conn)))
    finally:
        conn.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_entries_are_exported_as_the_usual_way_writes_them(project, data):
    """Notes and names with control characters, quotes, backslashes, line separators; numbers of every size."""
    objects = [data.draw(an_entry(i)) for i in range(data.draw(st.integers(1, 8)))]
    lines = "\n".join(json.dumps(o, ensure_ascii=False) for o in objects)
    name = f"example-{next(_EXAMPLES)}"  # a log of its own for each example
    path, db = project.root / f"{name}.jsonl", project.root / f"{name}.db"
    path.write_text(lines, encoding="utf-8")
    project.ok("--db", str(db), "import", str(path))
    fast, usual = _both_ways(db)
    assert fast == usual
    assert project.ok("--db", str(db), "export").out.encode() == usual


# Stored figures as tracker never writes them (an older tracker, a hand-edited log): each goes the usual way
ODD_FIGURES = ['[["centres",1.0]]', '[["centres",-0]]', '[["centres",0.00001]]', '[["centres",1e-05]]',
               '[["centres",9007199254740993]]', '[["centres",1],["centres",2]]', '[["centres",2.50]]',
               '[["centres",1.5e+16]]', '[["centres",0.3000000000000000444]]', '[["centres",0.30000000000000004]]',
               '[["centres",123456789012345],["stations",0.0001]]', '[["centres",12345678901234.5]]',
               '[["a b",1]]', '[["centres",1.5],["stations",1e300]]']


def _insert(db, rows) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany("INSERT INTO entries (seq, id, task, month, percent, status, by, recorded_at, hash, "
                         "figures, note) VALUES ((SELECT max(seq) + 1 FROM entries), ?, '195', ?, ?, NULL, "
                         "'张三', ?, 'x', ?, '备注')", rows)
    conn.close()


def test_figures_and_months_written_otherwise_are_exported_as_the_usual_way_writes_them(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--note", "八月\u2028\x85\x7f\x1b")
    _insert(project.db, [(f"odd-{i}", "2024-8" if i % 2 else "2024-09", 12.5 if i % 3 else 100.0,
                          f"2024-09-01T00:00:{i:02d}.000000Z", figures) for i, figures in enumerate(ODD_FIGURES)])
    fast, usual = _both_ways(project.db)
    assert fast == usual
    assert fast.count(b"\n") == len(ODD_FIGURES) + 1 and b'"month":"2024-08"' in fast
    assert b'{"centres":1}' in fast and b'{"centres":1e-05}' in fast and b'{"centres":2}' in fast


def test_a_month_the_log_cannot_read_is_refused_before_anything_is_written(project, monkeypatch):
    monkeypatch.setattr(exporting, "_BATCH", 1)  # the good entry's line would otherwise be out first
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15")
    _insert(project.db, [("bad", "August", None, "2099-09-01T00:00:00.000000Z", "[]")])  # after the good one
    r = project.run("export")
    assert r.code == 2 and r.out == "" and "August" in r.err and "Traceback" not in r.err
    out = project.root / "out.jsonl"
    r = project.run("export", "-o", str(out))
    assert r.code == 2 and not out.exists()
    assert not [p.name for p in project.root.iterdir() if p.name.startswith(".tracker-")], "no temporary file left"


@pytest.mark.parametrize("where", ["stdout", "file"])
def test_a_large_log_streams_in_batches(project, monkeypatch, where):
    """More entries than a batch: every one written once, in log order, to stdout or through a temporary file."""
    monkeypatch.setattr(exporting, "_BATCH", 3)
    for month in range(1, 9):
        project.ok("log", "195", "--month", f"2024-{month:02d}", "--set", f"centres={month}")
    out = project.ok("export").out if where == "stdout" else None
    if out is None:
        project.ok("export", "-o", "out.jsonl")
        out = (project.root / "out.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["values"]["centres"] for line in out.splitlines()] == list(range(1, 9))
    assert out.encode() == _both_ways(project.db)[1]
