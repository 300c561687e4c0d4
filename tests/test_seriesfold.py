"""The numpy fold of a large log (seriesfold.py) gives, byte for byte, the series of the Python fold."""

from __future__ import annotations

import math
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIC_PLAN
from tests.test_import_fast import _log_lines, _tables
from tracker import inforce, series, seriesfold, store
from tracker.model import STATUSES

FIGURES = st.one_of(
    st.integers(0, 10 ** 6), st.floats(0, 1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 0.1, 1e-5, 2.5, 1e15 + 0.5, 3]))
ENTRY = st.tuples(
    st.sampled_from(["1", "2", "10", "任务3", "b"]),  # task
    st.integers(24288, 24288 + 30),  # month: 2024-01 and on, with gaps
    st.dictionaries(st.sampled_from(["a", "b", "centres", "k2"]), FIGURES, max_size=3),
    st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100, allow_nan=False)),  # percent
    st.one_of(st.none(), st.sampled_from([*STATUSES, "odd"])),  # status (one the series has no code for)
    st.booleans(),  # a note
)


def python_fold(entries) -> tuple:
    """series.arrays() of entries given in the log's order, each note as its entry's seq (seq = position + 1)."""
    rows = [(i + 1, task, m, pct, status, values, i + 1 if noted else None)
            for i, (task, m, values, pct, status, noted) in enumerate(entries)]
    return series.arrays(inforce.fold({}, rows))


def numpy_fold(entries) -> tuple:
    columns = seriesfold.Columns()
    columns.add(*(list(c) for c in zip(*entries)))
    return columns.fold(range(1, len(entries) + 1))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, min_size=1, max_size=60))
def test_the_numpy_fold_is_the_python_fold(entries):
    assert numpy_fold(entries) == python_fold(entries)


def test_running_totals_are_summed_as_python_sums_them():
    """0.1 + 0.2 + 0.3 is not 0.6 in floating point: each row's total is added up in month order,
    gaps and a leading -0.0 included."""
    entries = [("1", 24288 + i, {"a": x}, None, None, False) for i, x in enumerate([0.1, 0.2, 0.3, 1e16, 1.0, 0.7])]
    entries += [("2", 24288, {"a": -0.0}, None, None, False), ("2", 24290, {"a": 0.1}, None, None, False),
                ("3", 24288, {"a": -0.0}, None, None, False), ("3", 24289, {"a": 0.2}, None, None, False)]
    got = numpy_fold(entries)
    assert got == python_fold(entries)
    totals = {task: series._DOUBLE(total, 8 * 2)[0] for task, _key, _first, _asof, total, _rep in got[0]
              if len(total) >= 24}
    assert totals["1"] == (0.1 + 0.2) + 0.3 != 0.6
    assert math.copysign(1, series._DOUBLE(got[0][2][4], 0)[0]) == -1  # task 3: no gap, -0.0 kept as it came


def test_a_whole_task_without_metrics_or_percents():
    entries = [("x", 24300, {}, None, None, True), ("x", 24305, {}, None, None, False)]
    assert numpy_fold(entries) == python_fold(entries)
    assert numpy_fold(entries)[0] == []


def test_imports_and_repairs_give_the_same_tables_either_way(empty_project, monkeypatch):
    """Through the commands: a first import (folded from memory), a second one (read back), and
    validate --repair (the whole log) give the same tables with the numpy fold as without it."""
    p = empty_project.write_plan(BASIC_PLAN)
    monkeypatch.setattr(store, "BULK", 10)
    results = []
    for least in (1, 10 ** 9):
        monkeypatch.setattr(seriesfold, "MIN_ENTRIES", least)
        db = p.root / f"fold-{least}.db"
        for batch in (_log_lines(0, 300), _log_lines(1, 400)):
            (p.root / "log.jsonl").write_text("\n".join(batch), encoding="utf-8")
            p.ok("--db", str(db), "import", "log.jsonl")
        conn = sqlite3.connect(db)
        assert series.disagreements(conn) == []
        conn.execute("DELETE FROM task_series")
        conn.commit()
        conn.close()
        p.ok("--db", str(db), "validate", "--repair")
        results.append(_tables(db))
    assert results[0] == results[1]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, min_size=1, max_size=60), st.randoms(use_true_random=False), st.integers(0, 60))
def test_columns_added_in_runs_and_folded_in_another_order_give_the_python_fold(entries, rnd, cut):
    """A large import adds its columns a run at a time and folds them in recorded_at order, which need not
    be the order they came in: the answer is the Python fold of the entries taken in that order."""
    order = list(range(len(entries)))
    rnd.shuffle(order)
    columns = seriesfold.Columns()
    for run in (entries[:cut], entries[cut:]):
        columns.add(*(list(column) for column in zip(*run))) if run else columns.add([], [], [], [], [], [])
    got = columns.fold(range(1, len(entries) + 1), order)
    rows = [(i + 1, task, m, pct, status, values, i + 1 if noted else None)
            for i in order for task, m, values, pct, status, noted in [entries[i]]]
    assert got == series.arrays(inforce.fold({}, rows))
