"""The rules of SPEC.md's "How a task stands", each with hand-computed figures."""

from __future__ import annotations


import pytest

from tracker.core import months
from tracker.core.evaluate import completion, expected, stand, value_as_of
from tracker.core.model import Milestone

from tests.builders import D, M, log, metric, task


# --- values ----------------------------------------------------------------------


def test_cumulative_value_is_the_latest_in_force_at_or_before_the_month():
    m = metric(baseline=5)
    series = {M("2024-03"): 20.0, M("2024-06"): 35.0}
    assert value_as_of(m, series, M("2024-02")) == 5  # baseline before any report
    assert value_as_of(m, series, M("2024-05")) == 20
    assert value_as_of(m, series, M("2024-06")) == 35
    assert value_as_of(m, series, M("2024-12")) == 35


def test_increment_value_is_baseline_plus_the_sum_to_date():
    m = metric(baseline=10, mode="increment")
    series = {M("2024-01"): 3.0, M("2024-02"): 4.0, M("2024-04"): 5.0}
    assert value_as_of(m, series, M("2024-01")) == 13
    assert value_as_of(m, series, M("2024-03")) == 17
    assert value_as_of(m, series, M("2024-04")) == 22


def test_completion_is_the_mean_of_capped_ratios_above_baseline():
    t = task([metric("a", 100), metric("b", 300, baseline=100)])
    lg = log({"a": {"2024-08": 150}, "b": {"2024-08": 50}})  # a: 1.5 → 1; b: (50-100)/200 < 0 → 0
    assert completion(t, lg, M("2024-08")) == (0.5, True)


def test_example_task_195_in_august():
    t = task([metric("centres", 100), metric("stations", 300)], start=D(2020, 1, 1), due=D(2020, 12, 31))
    lg = log({"centres": {"2020-08": 15}, "stations": {"2020-08": 117}})
    s = stand(t, lg, M("2020-08"))
    assert s.completion == pytest.approx(0.27)
    assert s.expected == pytest.approx(243 / 365)  # 2020 is a leap year: Jan 1 → Aug 31 is 243 days
    assert s.status == "behind" and s.flags == ("behind",)
    # rate = (0.27 - 0) / 3 = 0.09 a month; (1 - 0.27) / 0.09 = 8.1 → 9 months → 2021-05
    assert months.fmt(s.forecast) == "2021-05" and s.forecast_late


# --- qualitative tasks -------------------------------------------------------------


def test_qualitative_completion_from_status_then_percent():
    t = task()
    assert completion(t, log(percent={"2024-03": 40}), M("2024-05")) == (0.4, True)
    assert completion(t, log(percent={"2024-03": 40}, status={"2024-04": "done"}), M("2024-05")) == (1.0, True)
    # a later "ongoing" overrides an earlier "done"; the percent in force then counts
    lg = log(percent={"2024-03": 40}, status={"2024-04": "done", "2024-05": "ongoing"})
    assert completion(t, lg, M("2024-05")) == (0.4, True)
    assert completion(t, log(status={"2024-03": "ongoing"}), M("2024-05")) == (0.0, True)
    assert completion(t, log(notes={"2024-03": "推进中"}), M("2024-05")) == (0.0, False)


def test_unmeasured_task_is_never_behind_and_has_no_forecast():
    s = stand(task(), log(notes={"2024-08": "推进中"}), M("2024-10"))
    assert not s.measured and "behind" not in s.flags
    assert s.forecast is None and not s.forecast_late


def test_unmeasured_task_stalls_without_entries_in_the_window():
    t = task(stall=2)
    lg = log(notes={"2024-07": "推进中"})
    assert "stalled" not in stand(t, lg, M("2024-08")).flags  # an entry in 2024-07 (window 07–08)
    s = stand(t, lg, M("2024-09"))  # window 08–09 has none
    assert s.status == "stalled" and s.flags == ("stalled", "missing")


# --- expected ----------------------------------------------------------------------


def test_expected_is_linear_in_days_and_clamped():
    t = task(start=D(2024, 1, 1), due=D(2024, 12, 31))  # 365 days (2024 is a leap year)
    assert expected(t, M("2023-12")) == 0
    assert expected(t, M("2024-01")) == pytest.approx(30 / 365)
    assert expected(t, M("2024-06")) == pytest.approx(181 / 365)
    assert expected(t, M("2024-12")) == 1
    assert expected(t, M("2025-03")) == 1


def test_expected_follows_milestones_per_metric():
    a, b = metric("a", 100), metric("b", 10)
    stone = Milestone(D(2024, 3, 31), "a", 80.0)  # 80 % due by the end of March (90 days in)
    t = task([a, b], [stone])
    # end of February: day 59 of 90 towards 0.8 → 0.8 * 59/90; b is linear: 59/365
    feb = (0.8 * 59 / 90 + 59 / 365) / 2
    assert expected(t, M("2024-02")) == pytest.approx(feb)
    # end of June: a goes 0.8 → 1 from Mar 31 (day 90) to Dec 31 (day 365): 91 of 275 days
    jun = (0.8 + 0.2 * 91 / 275 + 181 / 365) / 2
    assert expected(t, M("2024-06")) == pytest.approx(jun)


# --- flags and status ----------------------------------------------------------------


def test_overdue_only_after_the_due_month():
    t = task([metric()], start=D(2024, 1, 1), due=D(2024, 6, 30))
    lg = log({"a": {"2024-06": 50, "2024-07": 60}})
    assert "overdue" not in stand(t, lg, M("2024-06")).flags  # the due month itself
    s = stand(t, lg, M("2024-07"))
    assert s.status == "overdue" and "overdue" in s.flags


def test_done_clears_every_flag():
    t = task([metric()], due=D(2024, 6, 30))
    s = stand(t, log({"a": {"2024-05": 100}}), M("2024-09"))
    assert s.status == "done" and s.flags == () and s.forecast is None and not s.forecast_late


def test_stalled_when_completion_has_not_grown_over_stall_months():
    t = task([metric()], stall=2)
    lg = log({"a": {"2024-05": 30, "2024-06": 30, "2024-07": 30}})
    s = stand(t, lg, M("2024-07"))  # completion(07) = 0.3 ≤ completion(05) = 0.3
    assert s.status == "stalled"
    lg = log({"a": {"2024-05": 30, "2024-07": 31}})
    assert "stalled" not in stand(t, lg, M("2024-07")).flags


def test_stall_months_override_per_task():
    lg = log({"a": {"2024-04": 30, "2024-06": 40, "2024-07": 40}})
    assert "stalled" not in stand(task([metric()], stall=2), lg, M("2024-07")).flags  # 0.4 > 0.3 (May)
    assert "stalled" not in stand(task([metric()], stall=3), lg, M("2024-07")).flags  # 0.4 > 0.3 (April)
    assert "stalled" in stand(task([metric()], stall=1), lg, M("2024-07")).flags  # 0.4 ≤ 0.4 (June)


def test_not_stalled_before_stall_months_have_passed_since_start():
    t = task([metric()], start=D(2024, 7, 1), stall=2)
    s = stand(t, log(), M("2024-08"))  # start month 07 > 08 - 2
    assert "stalled" not in s.flags and "missing" in s.flags


def test_behind_uses_the_tolerance_from_plan_or_task():
    # end of June: expected 181/365 ≈ 0.496; completion 0.40
    lg = log({"a": {"2024-06": 40}})
    assert "behind" not in stand(task([metric()], tol=0.10), lg, M("2024-06")).flags  # 0.40 ≥ 0.396
    assert "behind" in stand(task([metric()], tol=0.05), lg, M("2024-06")).flags  # 0.40 < 0.446


def test_behind_compares_to_nine_decimals_near_and_far():
    from tracker.core.evaluate import below

    assert not below(0.30000000000000004, 0.3)  # binary noise: equal to 9 decimals
    assert not below(0.3, 0.3 + 4e-10) and below(0.3, 0.3 + 6e-10)  # 0.3 against 0.3000000004, 0.3000000006
    assert below(0.1, 0.5) and not below(0.5, 0.1) and not below(0.5, 0.5)
    for a, b in [(0.123456789, 0.1234567895), (0.4, 0.40000001), (0.4, 0.39999999), (-1e-9, 0.0)]:
        assert below(a, b) == (round(a, 9) < round(b, 9))


def test_increment_value_rounds_sums_to_nine_decimals():
    from tracker.core.model import increment_value

    m = metric(baseline=0.1, mode="increment")
    assert increment_value(m, 0.2) == 0.3  # 0.30000000000000004 unrounded
    assert increment_value(metric(baseline=2, mode="increment"), 40.0) == 42.0


def test_missing_when_started_and_no_entry_this_month():
    t = task([metric()])
    lg = log({"a": {"2024-07": 60}})
    s = stand(t, lg, M("2024-08"))
    assert "missing" in s.flags
    assert s.last_month == M("2024-07")


def test_pending_before_the_start_month():
    t = task([metric()], start=D(2024, 9, 1))
    s = stand(t, log(), M("2024-08"))
    assert s.status == "pending" and s.flags == () and s.expected == 0
    assert not s.forecast_late


def test_status_precedence_overdue_before_stalled_before_behind():
    t = task([metric()], due=D(2024, 3, 31))
    lg = log({"a": {"2024-01": 10, "2024-02": 10, "2024-03": 10, "2024-04": 10}})
    s = stand(t, lg, M("2024-04"))
    assert s.flags == ("overdue", "stalled", "behind")
    assert s.status == "overdue"


def test_corrections_are_reduced_before_evaluate():
    """Evaluate sees the value in force; the store's reduction (latest recorded wins) is tested in test_cli_core."""
    t = task([metric()])
    assert stand(t, log({"a": {"2024-08": 55}}), M("2024-08")).metrics[0].value == 55


def test_decimal_increments_that_reach_the_target_are_done():
    m = metric("a", 8.3, mode="increment")
    series = {M("2024-01"): 0.1, M("2024-02"): 4.1, M("2024-03"): 4.1}
    assert 0.1 + 4.1 + 4.1 != 8.3  # 8.299999999999999 in binary floating point
    assert value_as_of(m, series, M("2024-03")) == 8.3  # the value as a person adds it
    lg = log({"a": {"2024-01": 0.1, "2024-02": 4.1, "2024-03": 4.1}})
    assert stand(task([m]), lg, M("2024-03")).status == "done"


def test_a_verdict_is_the_standing_s_status_and_flags():
    from tracker.core.evaluate import verdicts

    cum, inc = metric("a", 100), metric("b", 50, mode="increment")
    tasks = [task([cum], tid="1"), task([inc], start=D(2024, 3, 1), due=D(2024, 9, 30), tid="2"),
             task([], tid="3"), task([], tid="4")]
    logs = {"1": log({"a": {"2024-03": 20, "2024-06": 20}}),
            "2": log({"b": {"2024-04": 10, "2024-05": 40}}),
            "3": log(percent={"2024-05": 30.0}, status={"2024-07": "done"})}
    seen = set()
    for p in range(M("2023-12"), M("2025-03")):
        standings = [stand(t, logs.get(t.id), p) for t in tasks]
        assert [(v.task, v.status, v.flags) for v in verdicts(tasks, logs, p)] == \
               [(s.task, s.status, s.flags) for s in standings]
        seen.update(s.status for s in standings)
    assert seen >= {"pending", "done", "overdue", "stalled", "behind"}
