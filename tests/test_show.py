"""`tracker show ID`: the trajectory (trend.py), the terminal chart (render/chart.py) and the command."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tracker.core import months
from tracker.core.model import Metric, Milestone, Task, TaskLog
from tracker.render.chart import progress_chart, span, ticks
from tracker.core.trend import trajectory

D = dt.date
M = months.parse

MILESTONE_PLAN = """
[plan]
title = "2024年市民政局重点目标任务"
year = 2024

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"
co_units = ["市财政局"]

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100

[[task.metric]]
key = "stations"
name = "社区养老服务站"
unit = "个"
target = 300

[[task.milestone]]
due = 2024-06-30
metric = "centres"
target = 50

[[task]]
id = "184"
title = "提高[bold]城乡低保[/bold]救助标准。"
unit = "市民政局"
"""


def one_metric_task(**kw):
    return Task("1", "t", "u", D(2024, 1, 1), D(2024, 12, 31), metrics=(Metric("a", "a", "个", 100.0),), **kw)


def values(series):
    lg = TaskLog()
    lg.values["a"] = {M(m): float(v) for m, v in series.items()}
    lg.months = set(lg.values["a"])
    return lg


# --- trend.trajectory ------------------------------------------------------------


def test_trajectory_has_every_month_from_the_start_to_p():
    tr = trajectory(one_metric_task(), values({"2024-02": 10, "2024-04": 25, "2024-05": 20}), M("2024-06"))
    assert [months.fmt(pt.month) for pt in tr.months] == [f"2024-0{m}" for m in range(1, 7)]
    a = [pt.metrics[0] for pt in tr.months]
    assert [x.value for x in a] == [0, 10, 10, 25, 20, 20]
    assert [x.change for x in a] == [0, 10, 0, 15, -5, 0]
    assert [x.reported for x in a] == [None, 10, None, 25, 20, None]
    assert [pt.reported for pt in tr.months] == [False, True, False, True, True, False]
    assert [pt.completion for pt in tr.months] == pytest.approx([0, 0.1, 0.1, 0.25, 0.2, 0.2])
    # expected at the end of March 2024 (a leap year): 90 days of 365
    assert tr.months[2].expected == pytest.approx(90 / 365) == tr.months[2].metrics[0].expected
    assert tr.rate == pytest.approx((0.2 - 0.1) / 3)  # June against March


def test_trajectory_starts_at_a_report_made_before_the_start():
    t = Task("1", "t", "u", D(2024, 3, 1), D(2024, 12, 31), metrics=(Metric("a", "a", "个", 100.0),))
    tr = trajectory(t, values({"2024-01": 5}), M("2024-03"))
    assert [months.fmt(pt.month) for pt in tr.months] == ["2024-01", "2024-02", "2024-03"]
    assert tr.chart.origin == M("2024-02") and tr.chart.actual[0] == (M("2023-12"), 0.0)


def test_change_is_rounded_and_increment_change_is_the_months_amount():
    t = Task("1", "t", "u", D(2024, 1, 1), D(2024, 12, 31), metrics=(Metric("a", "a", "个", 100.0, mode="increment"),))
    tr = trajectory(t, values({"2024-01": 10.1, "2024-02": 2.2}), M("2024-02"))
    assert [pt.metrics[0].change for pt in tr.months] == [10.1, 2.2]
    tr = trajectory(one_metric_task(), values({"2024-01": 10.1, "2024-02": 12.3}), M("2024-02"))
    assert tr.months[1].metrics[0].change == 2.2


def test_milestones_are_met_or_missed_once_their_month_has_come():
    t = one_metric_task(milestones=(Milestone(D(2024, 6, 30), "a", 50.0), Milestone(D(2024, 9, 30), "a", 80.0)))
    tr = trajectory(t, values({"2024-05": 30, "2024-06": 50}), M("2024-08"))
    june, september = tr.milestones
    assert (june.value, june.met, september.value, september.met) == (50, True, None, None)
    assert june.expected == pytest.approx(0.5) and tr.chart.milestones[0] == (M("2024-06"), pytest.approx(0.5))
    missed = trajectory(t, values({"2024-06": 49}), M("2024-07")).milestones[0]
    assert missed.met is False


def test_chart_of_a_task_not_yet_started_has_no_actual_line():
    tr = trajectory(one_metric_task(), TaskLog(), M("2023-10"))
    assert tr.months == () and tr.chart.actual == () and tr.chart.expected[0] == (M("2023-12"), 0.0)
    assert "actual" in progress_chart(tr.chart, "en", 80).plain


def test_chart_of_a_qualitative_task_begins_at_its_first_measure():
    t = Task("2", "t", "u", D(2024, 1, 1), D(2024, 12, 31))
    lg = TaskLog(months={M("2024-02"), M("2024-04")}, percent={M("2024-04"): 40.0}, notes={M("2024-02"): "x"})
    tr = trajectory(t, lg, M("2024-05"))
    assert tr.chart.actual == ((M("2024-04"), 0.4), (M("2024-05"), 0.4))
    assert tr.chart.expected[0] == (M("2023-12"), 0.0) and tr.chart.expected[-1] == (M("2024-12"), 1.0)
    assert [pt.measured for pt in tr.months] == [False, False, False, True, True]


def test_the_terminal_chart_draws_the_actual_line_from_the_first_report_as_the_html_page_does():
    """Months before the first report had nothing to draw: no line along 0 % up to it (the html chart's rule)."""
    lg = TaskLog(months={M("2024-06")}, values={"a": {M("2024-06"): 50.0}})
    c = trajectory(one_metric_task(), lg, M("2024-08")).chart
    assert c.actual[0] == (M("2023-12"), 0.0)  # the trajectory keeps every month
    assert c.reported == ((M("2024-06"), 0.5), (M("2024-07"), 0.5), (M("2024-08"), 0.5))
    lines = progress_chart(c, "en", 80).plain.splitlines()
    blocks = "▄▀▖▗▘▝▞▚▌▐█"
    low = [line for line in lines if line.startswith((" 25%", "  0%"))]
    assert len(low) == 2 and not any(ch in line for line in low for ch in blocks)
    assert any(ch in line for line in lines if line.startswith(" 50%") for ch in blocks)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_chart_alone_is_the_trajectory_s_chart(data):
    """trend.chart() (the html report's, one a row) draws what trajectory().chart draws, for any task and log."""
    from tests import builders as b
    from tracker.core.trend import chart

    draw = data.draw
    keys = draw(st.lists(st.sampled_from("abc"), max_size=3, unique=True))
    # as the plan's checks let them be: a target above the baseline, a milestone's between the two
    metrics = [b.metric(k, target=draw(st.integers(10, 200)), baseline=draw(st.sampled_from([0, 5])),
                        mode=draw(st.sampled_from(["cumulative", "increment"]))) for k in keys]
    stones = tuple(Milestone(D(2024, draw(st.integers(2, 11)), 28), m.key, float(draw(st.integers(6, int(m.target)))))
                   for m in metrics if draw(st.booleans()))
    start = D(2024, draw(st.integers(1, 6)), 1)
    t = b.task(metrics, stones if metrics else (), start=start, due=D(draw(st.sampled_from([2024, 2025])), 12, 31))
    month = st.sampled_from([f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)])
    figures = st.dictionaries(month, st.integers(0, 150), max_size=6)
    lg = b.log(values={k: draw(figures) for k in keys},
               percent=draw(st.dictionaries(month, st.integers(0, 100), max_size=3)) if not keys else None,
               status=draw(st.dictionaries(month, st.sampled_from(["ongoing", "done"]), max_size=2)),
               extra_months=draw(st.lists(month, max_size=3)))
    p = M(draw(month))
    assert chart(t, lg, p) == trajectory(t, lg, p).chart
    assert chart(t, None, p) == trajectory(t, None, p).chart


# --- the chart -------------------------------------------------------------------


def test_ticks_fit_the_width_and_name_the_year_where_it_changes():
    first = M("2023-12")  # the month before the start
    pos, labels = ticks(first, M("2024-12"), 70)
    assert pos[0] == M("2024-01") and labels[0] == "2024-01"
    assert len(labels) * 8 <= 70 and labels[1] in ("02", "03")
    pos, labels = ticks(M("2024-09"), M("2025-06"), 200)
    assert labels[:6] == ["2024-10", "11", "12", "2025-01", "02", "03"]


def test_a_far_forecast_is_named_but_not_drawn():
    t = one_metric_task()
    near = trajectory(t, values({"2024-05": 20, "2024-08": 50}), M("2024-08")).chart  # → 2025-01
    assert span(near) == (M("2023-12"), M("2025-01"))
    far = trajectory(t, values({"2024-05": 20, "2024-08": 21}), M("2024-08")).chart  # 0.79 / (0.01/3) = 237 → 2044-05
    assert span(far) == (M("2023-12"), M("2024-12"))
    text = progress_chart(far, "en", 80).plain
    assert "forecast 2044-05 (late, beyond the chart)" in text and "○" not in text
    assert "○" in progress_chart(near, "en", 80).plain


def test_chart_reads_without_colour_every_series_has_its_own_shape():
    t = one_metric_task(milestones=(Milestone(D(2024, 6, 30), "a", 50.0),))
    text = progress_chart(trajectory(t, values({"2024-05": 20, "2024-08": 50}), M("2024-08")).chart, "en", 80).plain
    lines = text.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)  # the key below too: it breaks between its items
    at = next(i for i, line in enumerate(lines) if line.startswith("▄▀ actual"))
    body = "\n".join(lines[:at])
    for shape in ("·", "◆", "┊", "○", "100%", "0%", "2024-01"):
        assert shape in body, shape
    assert any(ch in body for ch in "▄▀▖▗▘▝▞▚")  # the actual line in block quadrants
    assert "┊ due 2024-12" in lines[at] and lines[-1] == "○ forecast 2025-01 (late)"


# --- the command -----------------------------------------------------------------


@pytest.fixture
def shown(project):
    project.write_plan(MILESTONE_PLAN)
    for month, c, s in (("2024-05", 20, 60), ("2024-06", 30, 90), ("2024-07", 40, 90)):
        project.ok("log", "195", "--month", month, "--set", f"centres={c}", "--set", f"stations={s}",
                   "--note", f"截至目前,新建中心{c}个。", "--by", "王科长")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=45", "--by", "李四")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=36", "--note", "更正:36个。", "--by", "王科长")
    return project


def test_show_json_month_by_month(shown):
    data = shown.ok("show", "195", "--month", "2024-08", "--format", "json").json()
    task = data["task"]
    assert data["as_of"] == "2024-08" and task["id"] == "195" and task["co_units"] == ["市财政局"]
    # Aug: (0.36 + 0.3) / 2 = 0.33; May: (0.2 + 0.2) / 2 = 0.2; rate = 0.13 / 3 = 0.0433…
    assert task["completion"] == 0.33 and task["rate"] == 0.0433
    # 0.67 / (0.13 / 3) = 15.46 → 16 months → 2025-12
    assert task["forecast"] == "2025-12" and task["forecast_late"] is True
    assert task["warnings"] == ["regressed"]  # 36 < July's 40: the correction is what is in force
    aug = data["months"][-1]
    assert [m["month"] for m in data["months"]] == [f"2024-0{m}" for m in range(1, 9)]
    assert aug["note"] == "更正:36个。" and aug["reported"] is True
    assert aug["metrics"][0] == {"key": "centres", "value": 36, "change": -4, "ratio": 0.36,
                                 "expected": 0.6685, "reported": 36}
    assert aug["metrics"][1]["reported"] is None and aug["metrics"][1]["value"] == 90
    assert data["months"][0]["reported"] is False and data["months"][0]["completion"] == 0
    assert data["milestones"] == [{"due": "2024-06-30", "metric": "centres", "target": 50,
                                   "expected": 0.4979, "value": 30, "met": False}]
    assert [(e["month"], e["by"], e["values"]) for e in data["entries"]][-2:] == [
        ("2024-08", "李四", {"centres": 45}), ("2024-08", "王科长", {"centres": 36})]


def test_show_as_of_an_earlier_month_leaves_later_reports_out(shown):
    data = shown.ok("show", "195", "--month", "2024-06", "--format", "json").json()
    assert data["months"][-1]["month"] == "2024-06" and len(data["entries"]) == 2
    assert data["task"]["warnings"] == [] and data["milestones"][0]["met"] is False


def test_show_table_has_chart_months_metrics_and_reports(shown):
    out = shown.ok("show", "195", "--month", "2024-08").out
    assert "\x1b" not in out  # not a terminal: no colour codes
    lines = out.splitlines()
    assert lines[0] == "195. 新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
    assert lines[1].startswith("市民政局 + 市财政局")
    assert "behind" in lines[2] and "33% against 67% expected" in lines[2]
    assert "rate +4.3%/month · forecast 2025-12 (late)" in out and "Warnings: regressed" in out
    assert "┊ due 2024-12" in out and "◆ milestone" in out
    row = next(line for line in lines if line.strip().startswith("2024-08") and "-4" in line)
    assert row.split() == ["2024-08", "36", "-4", "36%", "67%"]
    assert "Reports (5)" in out and "更正:36个。" in out and "李四" in out


def test_show_prints_user_text_as_written(shown):
    shown.ok("log", "184", "--month", "2024-08", "--percent", "30", "--note", "[red]未完成[/red]")
    out = shown.ok("show", "184", "--month", "2024-08").out
    assert "184. 提高[bold]城乡低保[/bold]救助标准。" in out and "[red]未完成[/red]" in out


def test_show_fits_80_columns_and_speaks_chinese(shown, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = shown.ok("show", "195", "--month", "2024-08", "--lang", "zh").out
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    for words in ("截至 2024-08", "滞后", "序时进度", "预计完成 2025-12", "超期", "逐月进展", "报送记录", "数据回退"):
        assert words in out, words


def test_the_chart_key_breaks_between_its_items_at_80_columns(shown, monkeypatch):
    """A key too long for the line goes on at an item, never leaving `(late)` alone under its forecast."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = shown.ok("show", "195", "--month", "2024-08").out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("▄▀ actual"))
    assert lines[at] == "▄▀ actual   ·· expected   ◆ milestone   ┊ due 2024-12"
    assert lines[at + 1] == "○ forecast 2025-12 (late)"
    monkeypatch.setenv("COLUMNS", "120")
    assert any(line.endswith("┊ due 2024-12   ○ forecast 2025-12 (late)")
               for line in shown.ok("show", "195", "--month", "2024-08").out.splitlines())



def test_show_in_chinese_punctuates_in_chinese(shown, monkeypatch):
    # 截至 2024-08：…, 预计完成 2025-12（超期）, 提示：…; no ASCII colon or bracket left in the Chinese lines
    monkeypatch.setenv("COLUMNS", "200")
    out = shown.ok("show", "195", "--month", "2024-08", "--lang", "zh").out
    assert "截至 2024-08：" in out and "预计完成 2025-12（超期）" in out
    assert "提示：数据回退" in out
    for month in ("2024-09", "2024-10"):
        shown.ok("log", "195", "--month", month, "--set", "centres=36", "--set", "stations=90", today="2024-10-20")
    out = shown.ok("show", "195", "--month", "2024-10", "--lang", "zh", today="2024-10-20").out
    assert "预计完成：近三个月无进展" in out  # the chart's legend
    out = shown.ok("show", "184", "--month", "2024-08", "--lang", "zh").out  # a task with no report yet
    assert "报送记录：没有记录" in out and "报送记录: " not in out


def test_show_an_unmeasured_task_and_one_not_yet_started(project):
    out = project.ok("show", "184").out
    assert "unmeasured" in out and "forecast" not in out.split("\n\n")[0]
    out = project.ok("show", "195", "--month", "2023-11").out
    assert "pending" in out and "Reports: no entries" in out and "Month by month" not in out
    assert not project.db.exists()  # show only reads


def test_show_refuses_an_unknown_task_or_month(project):
    assert "unknown task '9'" in project.bad("show", "9").err
    assert "malformed month" in project.bad("show", "195", "--month", "2024-13").err
    project.bad("show")
