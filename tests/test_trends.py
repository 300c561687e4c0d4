"""SPEC.md's Trends: rate, forecast, forecast_late and the two warnings, with hand-computed figures."""

from __future__ import annotations


import pytest

from tracker.core import months
from tracker.core.evaluate import rate, stand

from tests.builders import D, M, log, metric
from tests.builders import task as _task


def task(metrics=(), start=D(2024, 1, 1), due=D(2024, 12, 31)):
    return _task(metrics, start=start, due=due, tid="7")


def at(t, lg, month="2024-08"):
    return stand(t, lg, M(month))


# --- rate and forecast -----------------------------------------------------------


def test_rate_is_the_completion_gained_over_three_months_divided_by_three():
    t = task([metric()])
    lg = log({"a": {"2024-05": 20, "2024-08": 44}})
    assert rate(t, lg, M("2024-08")) == pytest.approx(0.08)  # (0.44 − 0.20) / 3
    assert rate(t, lg, M("2024-07")) == pytest.approx(0.20 / 3)  # (0.20 in force in July − 0 in April) / 3
    assert rate(t, lg, M("2024-11")) == 0  # 0.44 in force in November and in August


def test_forecast_is_p_plus_the_months_left_at_that_rate_rounded_up():
    t = task([metric()])
    s = at(t, log({"a": {"2024-05": 20, "2024-08": 44}}))
    # (1 − 0.44) / 0.08 = 7 exactly (7.000000000000001 in floating point): 2024-08 + 7 = 2025-03
    assert months.fmt(s.forecast) == "2025-03"
    assert s.forecast_late  # after the due month 2024-12
    s = at(t, log({"a": {"2024-05": 20, "2024-08": 45}}))
    # (1 − 0.45) / (0.25 / 3) = 6.6 → 7 months
    assert months.fmt(s.forecast) == "2025-03"


def test_forecast_exactly_at_the_due_month_is_not_late():
    t = task([metric()])
    # (0.6 − 0.3) / 3 = 0.1 a month; 0.4 / 0.1 = 4 (4.000000000000001 in floating point) → 2024-12
    s = at(t, log({"a": {"2024-05": 30, "2024-08": 60}}))
    assert months.fmt(s.forecast) == "2024-12" and s.forecast_late is False
    # one month more: 0.5 / 0.1 = 5 → 2025-01, after the due month
    s = at(t, log({"a": {"2024-05": 20, "2024-08": 50}}))
    assert months.fmt(s.forecast) == "2025-01" and s.forecast_late is True


def test_no_forecast_and_late_when_the_rate_is_zero():
    t = task([metric()])
    s = at(t, log({"a": {"2024-04": 30, "2024-05": 30}}))  # 0.3 in May and still 0.3 in August
    assert s.forecast is None and s.forecast_late is True


def test_no_forecast_and_late_when_a_correction_lowers_completion():
    t = task([metric()])
    s = at(t, log({"a": {"2024-05": 40, "2024-08": 30}}))
    assert rate(t, log({"a": {"2024-05": 40, "2024-08": 30}}), M("2024-08")) == pytest.approx(-0.1 / 3)
    assert s.forecast is None and s.forecast_late is True


def test_done_has_no_forecast_and_is_never_late():
    t = task([metric()], due=D(2024, 6, 30))  # done, even though the due month has passed
    s = at(t, log({"a": {"2024-05": 40, "2024-08": 100}}))
    assert s.status == "done" and s.forecast is None and s.forecast_late is False
    s = at(task(), log(status={"2024-07": "done"}))
    assert s.status == "done" and s.forecast is None and s.forecast_late is False


def test_unmeasured_task_has_no_forecast_and_is_not_late():
    s = at(task(), log(notes={"2024-08": "推进中"}, status={"2024-08": "ongoing"}))
    assert s.measured and s.forecast is None and s.forecast_late  # a status alone measures: 0 %
    s = at(task(), log(notes={"2024-08": "推进中"}))
    assert not s.measured and s.forecast is None and s.forecast_late is False


def test_qualitative_forecast_from_percent():
    # (0.6 − 0.3) / 3 = 0.1; 0.4 / 0.1 = 4 → 2024-12, the due month
    s = at(task(), log(percent={"2024-05": 30, "2024-08": 60}))
    assert months.fmt(s.forecast) == "2024-12" and not s.forecast_late


def test_increment_metric_forecast():
    t = task([metric("a", target=120, mode="increment")])
    lg = log({"a": {f"2024-{m:02d}": 10 for m in range(1, 9)}})  # 10 a month: 80 by August
    # completion 80/120; in May 50/120; rate = 30/120/3 = 1/12; (1 − 2/3) / (1/12) = 4 → 2024-12
    assert rate(t, lg, M("2024-08")) == pytest.approx(1 / 12)
    s = at(t, lg)
    assert months.fmt(s.forecast) == "2024-12" and not s.forecast_late and s.warnings == ()


def test_rate_counts_from_zero_when_p_minus_3_is_before_the_start():
    t = task([metric()], start=D(2024, 7, 1), due=D(2025, 6, 30))
    s = at(t, log({"a": {"2024-08": 20}}))
    # rate = 0.2 / 3; 0.8 / (0.2 / 3) = 12 → 2025-08, after the due month 2025-06
    assert months.fmt(s.forecast) == "2025-08" and s.forecast_late


def test_a_task_not_yet_started_is_never_late():
    t = task([metric()], start=D(2024, 10, 1), due=D(2025, 3, 31))
    s = at(t, log())
    assert s.status == "pending" and s.forecast is None and s.forecast_late is False


def test_an_overdue_task_with_a_forecast_is_late():
    t = task([metric()], due=D(2024, 6, 30))
    s = at(t, log({"a": {"2024-05": 50, "2024-08": 80}}))  # rate 0.1: 0.2 / 0.1 = 2 → 2024-10
    assert months.fmt(s.forecast) == "2024-10" and s.forecast_late and s.status == "overdue"


# --- warnings --------------------------------------------------------------------


def test_regressed_when_a_cumulative_figure_reported_in_p_went_down():
    t = task([metric("a"), metric("b", 300)])
    s = at(t, log({"a": {"2024-07": 50, "2024-08": 45}, "b": {"2024-07": 10, "2024-08": 9}}))
    assert s.warnings == ("regressed",)  # once, however many metrics went down
    assert "regressed" not in s.flags and s.status == "behind"  # a warning does not change the status


def test_not_regressed_when_equal_higher_or_not_reported_in_p():
    t = task([metric()])
    assert at(t, log({"a": {"2024-07": 50, "2024-08": 50}})).warnings == ()
    assert at(t, log({"a": {"2024-07": 50, "2024-08": 51}})).warnings == ()
    # compared with the value as of the month before (May's 60), not with an older, higher one
    assert at(t, log({"a": {"2024-04": 70, "2024-05": 60, "2024-08": 65}})).warnings == ()
    # nothing reported in August: the July drop was July's warning, not August's
    lg = log({"a": {"2024-06": 50, "2024-07": 40}}, notes={"2024-08": "x"})
    assert at(t, lg).warnings == () and at(t, lg, "2024-07").warnings == ("regressed",)


def test_regressed_against_the_baseline_when_nothing_was_reported_before():
    t = task([metric(baseline=10, target=110)])
    assert at(t, log({"a": {"2024-08": 5}})).warnings == ("regressed",)


def test_increment_metrics_never_regress():
    t = task([metric(mode="increment")])
    assert at(t, log({"a": {"2024-07": 30, "2024-08": 0}})).warnings == ()


def test_repeated_note_ignores_white_space():
    t = task([metric()])
    lg = log({"a": {"2024-07": 10, "2024-08": 20}},
             notes={"2024-07": "截至目前,完成15个。", "2024-08": " 截至目前,\u3000完成15个 。\n"})
    assert at(t, lg).warnings == ("repeated_note",)
    assert at(t, lg, "2024-07").warnings == ()  # the first note repeats nothing


def test_repeated_note_compares_with_the_latest_earlier_month_that_has_one():
    t = task()
    same = log(notes={"2024-06": "已完成测算。", "2024-08": "已完成测算。"}, percent={"2024-07": 50})
    assert at(t, same).warnings == ("repeated_note",)  # July has no note: June's is the one before
    back = log(notes={"2024-06": "已完成测算。", "2024-07": "正在报批。", "2024-08": "已完成测算。"})
    assert at(t, back).warnings == ()  # same as June, but July's note came in between
    none = log(notes={"2024-07": "正在报批。"}, percent={"2024-08": 60})
    assert at(t, none).warnings == ()  # no note in P: nothing repeated


def test_both_warnings_together_in_order():
    t = task([metric()])
    lg = log({"a": {"2024-07": 50, "2024-08": 40}}, notes={"2024-07": "同上", "2024-08": "同上"})
    assert at(t, lg).warnings == ("regressed", "repeated_note")


# --- through the log: corrections are reduced first --------------------------------


def warnings_of(project, task_id="195", month="2024-08"):
    data = project.ok("status", "--month", month, "--format", "json").json()
    return next(t for t in data["tasks"] if t["id"] == task_id)


def test_a_correction_that_lowers_p_below_the_month_before_regresses(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=50")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=60")
    assert warnings_of(project)["warnings"] == []
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=48")  # the correction is in force
    assert warnings_of(project)["warnings"] == ["regressed"]
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=55")
    assert warnings_of(project)["warnings"] == []


def test_a_correction_of_the_month_before_moves_the_comparison(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=50")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=45")
    assert warnings_of(project)["warnings"] == ["regressed"]
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=40")  # July was overstated
    assert warnings_of(project)["warnings"] == []


def test_repeated_note_through_the_log_skips_months_without_a_note(project):
    project.ok("log", "184", "--month", "2024-06", "--percent", "40", "--note", "已完成提标测算。")
    project.ok("log", "184", "--month", "2024-07", "--percent", "50")
    project.ok("log", "184", "--month", "2024-08", "--percent", "60", "--note", "已完成 提标测算。")
    got = warnings_of(project, "184")
    assert got["warnings"] == ["repeated_note"]
    # nothing in force in May: rate = (0.6 − 0) / 3 = 0.2; 0.4 / 0.2 = 2 → 2024-10
    assert got["forecast"] == "2024-10" and got["forecast_late"] is False
    project.ok("log", "184", "--month", "2024-08", "--note", "已报市政府审定。")  # a corrected note
    assert warnings_of(project, "184")["warnings"] == []


def test_status_shows_forecast_lateness_and_warnings_in_the_table(project):
    project.ok("log", "195", "--month", "2024-05", "--set", "centres=20", "--set", "stations=60")
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=30", "--note", "同上")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=25", "--note", "同上")
    got = warnings_of(project)
    # Aug: (0.25 + 0.2) / 2 = 0.225; May: (0.2 + 0.2) / 2 = 0.2; rate = 0.025/3; 0.775 / rate = 93 → 2032-05
    assert got["forecast"] == "2032-05" and got["forecast_late"] is True
    assert got["warnings"] == ["regressed", "repeated_note"]
    out = project.ok("status", "--month", "2024-08").out
    assert "2032-05 late" in out and "regressed" in out and "repeated note" in out
