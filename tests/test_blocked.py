"""`blocked` (受阻) as a flag and a status, flags by their Chinese labels, and units ranked over measured tasks.

The project fixture's plan (195: centres /100, stations /300; 184 qualitative; both 市民政局), today 2024-08-20.
"""

from __future__ import annotations

import pytest


def status(project, month="2024-08"):
    return {t["id"]: t for t in project.ok("status", "--month", month, "--format", "json").json()["tasks"]}


@pytest.fixture
def blocked(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=50", "--set", "stations=200")
    project.ok("log", "184", "--month", "2024-07", "--percent", "60", "--status", "受阻", "--note", "资金未到位")
    return project


def test_blocked_is_a_flag_and_the_status_after_overdue(blocked):
    t = status(blocked)["184"]
    assert t["status"] == "blocked" and t["flags"][0] == "blocked"
    assert status(blocked, "2024-06")["184"]["status"] != "blocked"        # before the report said so
    blocked.ok("log", "184", "--month", "2024-08", "--status", "ongoing")  # unblocked in August
    assert "blocked" not in status(blocked)["184"]["flags"]
    assert status(blocked, "2024-07")["184"]["status"] == "blocked"        # July stays as it was


def test_a_measured_task_reported_blocked_is_blocked_in_every_command(project):
    # SPEC: blocked is the status in force, whatever measures the task; status, check and report read it
    # from the series, show and history from the whole log: they agree.
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=30", "--set", "stations=90")
    project.ok("log", "195", "--month", "2024-08", "--status", "blocked", "--note", "用地未落实")
    t = status(project)["195"]
    assert t["status"] == "blocked" and t["flags"][:1] == ["blocked"] and t["completion"] == 0.3
    failing = project.run("check", "--fail-on", "blocked", "--format", "json").json()["tasks"]
    assert [(f["id"], f["status"]) for f in failing] == [("195", "blocked")]
    assert project.ok("show", "195", "--format", "json").json()["task"]["status"] == "blocked"
    assert status(project, "2024-07")["195"]["status"] != "blocked"


def test_blocked_is_shown_in_every_view(blocked):
    p = blocked
    assert [t["id"] for t in p.ok("status", "--only", "blocked", "--format", "json").json()["tasks"]] == ["184"]
    assert [t["id"] for t in p.ok("status", "--only", "受阻", "--format", "json").json()["tasks"]] == ["184"]
    assert "受阻" in p.ok("status", "--lang", "zh").out
    r = p.run("check", "--fail-on", "blocked")
    assert r.code == 1 and "blocked: reported blocked; last report 2024-07" in r.out
    assert p.run("check", "--fail-on", "受阻,未报送", "--format", "json").json()["fail_on"] == ["blocked", "missing"]
    assert p.ok("units", "--format", "json").json()["units"][0]["blocked"] == 1
    assert "| 60% | blocked · missing |" in p.ok("report", "--month", "2024-08", "--with-status").out
    assert "受阻" in p.ok("report", "--month", "2024-08", "--with-status", "--lang", "zh").out
    assert "as of 2024-08: blocked" in p.ok("show", "184").out


def test_flags_by_their_chinese_labels(project):
    project.ok("log", "184", "--month", "2024-07", "--percent", "10")
    assert [t["id"] for t in project.ok("status", "--only", "滞后", "--format", "json").json()["tasks"]] == ["195", "184"]
    assert [t["id"] for t in project.ok("status", "--only", "未报送、停滞", "--format", "json").json()["tasks"]] == ["195", "184"]
    err = project.bad("status", "--only", "落后", "--lang", "zh").err
    assert "未知的 落后" in err and "滞后" in err and "受阻" in err


UNITS_PLAN = """
[plan]
year = 2024
{tasks}
"""


def _task(tid: str, unit: str, metric: bool) -> str:
    text = f'\n[[task]]\nid = "{tid}"\ntitle = "任务{tid}"\nunit = "{unit}"\n'
    return text + ('[[task.metric]]\nkey = "m"\nunit = "个"\ntarget = 1000\n' if metric else "")


def test_units_rank_by_the_mean_over_measured_tasks_and_ties_share_a_rank(project):
    # 甲局: one measured task at 45.2 % and six qualitative tasks never measured → 45 %, measured 1
    # 乙局: 44.8 %; 丙局: 45.0 %; 丁局: 90 %: 甲、乙、丙 all print 45 %: one rank, 2, listed by their means
    # (SPEC: rank order is completion, best first; only equal completions are ordered by name)
    tasks = [_task("1", "甲局", True)] + [_task(str(i), "甲局", False) for i in range(2, 8)]
    tasks += [_task("8", "乙局", True), _task("9", "丙局", True), _task("10", "丁局", True)]
    project.write_plan(UNITS_PLAN.format(tasks="".join(tasks)))
    for tid, value in (("1", 452), ("8", 448), ("9", 450), ("10", 900)):
        project.ok("log", tid, "--set", f"m={value}")
    units = project.ok("units", "--format", "json").json()["units"]
    assert [(u["unit"], u["measured"], u["completion"], u["rank"]) for u in units] == [
        ("丁局", 1, 0.9, 1), ("甲局", 1, 0.452, 2), ("丙局", 1, 0.45, 2), ("乙局", 1, 0.448, 2)]
    table = project.ok("units").out
    ranks = [line.split()[0] for line in table.splitlines() if "局" in line]
    assert ranks == ["1", "2", "2", "2"]
    project.ok("log", "2", "--status", "ongoing")  # a qualitative task that reports a status is measured
    jia = next(u for u in project.ok("units", "--format", "json").json()["units"] if u["unit"] == "甲局")
    assert (jia["measured"], jia["completion"]) == (2, 0.226)


def test_check_in_chinese_writes_each_flag_last_report_alike(blocked):
    # blocked's "最近报送2024-07" is written as missing's is, with no space inside
    out = blocked.run("check", "--fail-on", "受阻,未报送", "--lang", "zh").out
    assert "受阻：报告受阻；最近报送2024-07" in out and "未报送：最近报送2024-07" in out
