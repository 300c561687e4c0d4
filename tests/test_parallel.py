"""Two processes give what one gives: the same results, in the same order, whatever happens to the child."""

from __future__ import annotations

import json
import os

import pytest

from tracker import parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is needed for the two-process path")


@pytest.fixture
def two(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)
    monkeypatch.delenv("TRACKER_WORKERS", raising=False)


def test_halves_are_the_halves_in_order(two):
    items = list(range(101))
    parts = parallel.halves(items, lambda xs: [x * x for x in xs])
    assert len(parts) == 2 and parts[0] + parts[1] == [x * x for x in items]


def test_one_process_when_asked_or_when_small(two, monkeypatch):
    assert len(parallel.halves(list(range(10)), list)) == 2
    monkeypatch.setenv("TRACKER_WORKERS", "1")
    assert parallel.halves(list(range(10)), list) == [list(range(10))]
    monkeypatch.delenv("TRACKER_WORKERS")
    assert parallel.halves([1], list) == [[1]]


def test_a_failing_child_costs_time_not_results(two):
    parent = os.getpid()

    def work(xs):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return sum(xs)

    assert parallel.halves(list(range(10)), work) == [sum(range(5)), sum(range(5, 10))]


def test_an_error_of_the_work_is_raised_here(two):
    def work(xs):
        raise ValueError(f"bad {xs[0]}")

    with pytest.raises(ValueError, match="bad 0"):
        parallel.halves(list(range(10)), work)


def test_stream_emits_every_chunk_in_order(two):
    out = []
    parallel.stream(list(range(7)), lambda xs: (str(x).encode() + b";" for x in xs), out.append)
    assert b"".join(out) == b"0;1;2;3;4;5;6;"


def test_status_json_is_the_same_in_two_processes(empty_project, two, monkeypatch):
    from test_inforce import PLAN, random_log

    p = empty_project.write_plan(PLAN)
    for seed in range(3):
        random_log(p, seed, 40)
    args = ("status", "--month", "2024-09", "--format", "json")
    split = p.ok(*args).out
    for only in ("behind", "stalled,missing"):
        assert p.ok(*args, "--only", only).out == _one_process(p, monkeypatch, *args, "--only", only)
    assert p.ok(*args, "--unit", "无此单位").json() == {"as_of": "2024-09", "tasks": []}
    one = _one_process(p, monkeypatch, *args)
    assert split == one and [t["id"] for t in p.ok(*args).json()["tasks"]] == ["1", "2", "3"]
    check = ("check", "--month", "2024-09", "--fail-on", "overdue,stalled,behind,missing", "--format", "json")
    assert p.run(*check).out == _one_process(p, monkeypatch, *check, code=None)


def test_the_html_report_is_the_same_in_two_processes(empty_project, two, monkeypatch):
    from test_inforce import PLAN, random_log

    p = empty_project.write_plan(PLAN)
    for seed in range(3):
        random_log(p, seed, 40)
    for month in ("2024-03", "2024-09"):
        args = ("report", "--month", month, "--format", "html", "--with-status")
        split = p.ok(*args).out
        assert split == _one_process(p, monkeypatch, *args)
        assert split.count("<svg") >= 3 and split.count('<tr class=') == 3  # a chart in each of the 3 rows


def _one_process(p, monkeypatch, *args, code=0):
    monkeypatch.setenv("TRACKER_WORKERS", "1")
    try:
        r = p.run(*args)
        assert code is None or r.code == code
        return r.out
    finally:
        monkeypatch.delenv("TRACKER_WORKERS")


@pytest.mark.parametrize("processes", [1, 2])
def test_json_in_a_pipe_escapes_what_terminals_and_line_readers_obey(empty_project, monkeypatch, processes):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "_cpus", lambda: processes)
    title = "甲\\u007f乙\\u009b31m丙\\u2028丁·戊"  # DEL, CSI (C1), LINE SEPARATOR; the middle dot is fine
    p = empty_project.write_plan(
        f'[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "{title}"\nunit = "u"\n'
        '[[task]]\nid = "2"\ntitle = "乙"\nunit = "u"\n')
    out = p.ok("status", "--month", "2024-08", "--format", "json").out
    assert "\\u007f" in out and "\\u009b" in out and "\\u2028" in out and "·" in out
    assert not any(c in out for c in "\x7f\x9b\u2028")
    assert json.loads(out)["tasks"][0]["title"] == "甲\x7f乙\x9b31m丙\u2028丁·戊"


def test_a_child_that_sees_a_newer_log_gives_up_and_the_parent_keeps_its_snapshot(empty_project, two):
    from test_inforce import PLAN, random_log

    from tracker import months
    from tracker.context import Project
    from tracker.judging import Judging, Moved

    p = empty_project.write_plan(PLAN)
    random_log(p, 1, 30)
    month = months.parse("2024-08")
    with Judging(Project(str(p.tasks), str(p.db)), month) as judging:
        assert judging.logs is None  # each half reads its own logs
        tasks = judging.plan.tasks
        before = judging.logs_for(tasks)["3"].value(tasks[2].metrics[0], month)
        p.ok("log", "3", "--month", "2024-08", "--set", "c=50")  # another writer, after the parent's snapshot
        assert judging.logs_for(tasks)["3"].value(tasks[2].metrics[0], month) == before
        judging.parent = -1  # as the child would: its own connection, a newer log
        with pytest.raises(Moved):
            judging.logs_for(tasks[1:])
    with Judging(Project(str(p.tasks), str(p.db)), month) as fresh:  # and the write was real
        assert fresh.logs_for(tasks)["3"].value(tasks[2].metrics[0], month) != before


def test_a_large_output_s_encoder_writes_what_the_json_module_writes(empty_project, monkeypatch):
    from test_inforce import PLAN, random_log

    p = empty_project.write_plan(PLAN)
    for seed in range(3):
        random_log(p, seed, 40)
    args = ("status", "--month", "2024-09", "--format", "json")
    small = p.ok(*args).out  # 3 tasks: the json module
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)  # "large": msgspec (and two processes)
    assert p.ok(*args).out == small
    assert small.startswith('{"as_of":"2024-09","tasks":[{"id":"1",')  # compact: no spaces
