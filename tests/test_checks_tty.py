"""Checks before recording on a terminal: a slip is asked about (default no); --yes records without asking.

Real processes on a pseudo-terminal (pexpect), the project fixture's plan, today 2024-08-20.
"""

from __future__ import annotations

import os
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

from tests.conftest import ROOT  # noqa: E402
from tests.test_fill import answer, entries, finish  # noqa: E402


def spawn(project, *args: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_TODAY="2024-08-20", TRACKER_BY="李科员", NO_COLOR="1", TERM="dumb",
               COLUMNS="200", PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    # A bound on each wait, not a timing assertion: a prompt that never comes fails the test.
    return pexpect.spawn(sys.executable, ["-m", "tracker", *args], cwd=str(project.root), env=env,
                         encoding="utf-8", timeout=30, dimensions=(50, 200))


def test_a_slip_is_asked_about_and_enter_records_nothing(project):
    child = spawn(project, "log", "195", "--set", "centres=920")
    child.expect_exact("warning: task 195 2024-08: centres 区域性居家养老服务中心 920个 is above its target 100个")
    answer(child, "Record it anyway? [y/N] ", "")
    child.expect_exact("not recorded")
    assert finish(child) == 1
    assert not project.db.exists() or entries(project, "195") == []


def test_yes_at_the_question_records_it(project):
    child = spawn(project, "log", "195", "--set", "centres=920")
    answer(child, "Record it anyway? [y/N] ", "y")
    child.expect_exact("recorded 195 2024-08: centres=920/100个")
    assert finish(child) == 0
    assert entries(project, "195")[0]["values"] == {"centres": 920}


def test_the_question_in_chinese_takes_a_chinese_yes(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=20")
    child = spawn(project, "log", "195", "--set", "centres=10", "--lang", "zh")
    child.expect_exact("提示：任务 195 2024-08：centres 区域性居家养老服务中心 10个 低于上月的 20个")
    answer(child, "仍要记录吗？ [y/N] ", "是")
    child.expect_exact("已记录 195 2024-08")
    assert finish(child) == 0


def test_dash_dash_yes_never_asks(project):
    child = spawn(project, "log", "195", "--set", "centres=920", "--yes")
    child.expect_exact("is above its target")
    child.expect_exact("recorded 195 2024-08")
    assert finish(child) == 0
    assert "Record it anyway" not in child.before


def test_a_figure_in_order_is_recorded_without_a_question(project):
    child = spawn(project, "log", "195", "--set", "centres=20")
    child.expect_exact("recorded 195 2024-08")
    assert finish(child) == 0


def test_fill_shows_the_report_back_with_its_slip_and_asks_with_default_no(project):
    project.ok("log", "184", "--month", "2024-08", "--percent", "10")
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=40", "--set", "stations=100")
    child = spawn(project, "fill", "--month", "2024-08")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 40 · Enter skips the task: ", "12")  # meant 42
    answer(child, "社区养老服务站 (个) · running total · was 100: ", "")
    answer(child, "Note: ", "10")                                                     # a stray answer
    child.expect_exact("195 2024-08: centres=12/100个 «10»")
    child.expect_exact("! warning: task 195 2024-08: centres 区域性居家养老服务中心 12个 is below last month's 40个")
    answer(child, "Record this report? [y/N] ", "")                                  # Enter: no
    child.expect_exact("not recorded; the task's questions again")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 40 · Enter skips the task: ", "42")
    answer(child, "社区养老服务站 (个) · running total · was 100: ", "")
    answer(child, "Note: ", "截至目前建成42个。")
    answer(child, "Record this report? [Y/n] ", "")                                  # nothing amiss: Enter is yes
    child.expect_exact("recorded 195 2024-08: centres=42/100个")
    child.expect_exact("recorded 1, skipped 0")
    assert finish(child) == 0
    august = [e for e in entries(project, "195") if e["month"] == "2024-08"]
    assert [(e["values"], e["note"]) for e in august] == [({"centres": 42}, "截至目前建成42个。")]


def test_ctrl_d_at_the_question_is_said_in_the_runs_language(project):
    """Ctrl-D at the question ended a Chinese run with the English `tracker: aborted`."""
    child = spawn(project, "log", "195", "--set", "centres=920", "--lang", "zh")
    child.expect_exact("仍要记录吗？ [y/N] ")
    child.sendeof()
    child.expect_exact("tracker：已中止")
    assert finish(child) == 130
    assert "aborted" not in child.before
    assert not project.db.exists() or entries(project, "195") == []
