"""Checks before recording (SPEC): what every write refuses, and the slips it warns about, without a terminal.

The project fixture's plan: 195 (centres /100, stations /300, cumulative) and 184 (qualitative), both
from 2024-01; today is 2024-08-20. Through CliRunner stdin is not a terminal: a slip is recorded and
warned about on stderr (test_checks_tty.py has the terminal's question).
"""

from __future__ import annotations

import json

import pytest

from tracker.core import checks
from tracker.core.checks import check
from tracker.core.model import TaskLog
from tracker.store import Entry


def entries(project, task="195"):
    return project.ok("history", task, "--format", "json").json()["entries"]


@pytest.mark.parametrize("args, message", [
    (("log", "195", "--month", "2023-12", "--set", "centres=1"), "task 195 starts in 2024-01: no report can be for 2023-12"),
    (("log", "195", "--month", "1900-01", "--set", "centres=1"), "task 195 starts in 2024-01: no report can be for 1900-01"),
    (("log", "195", "--month", "0001-01", "--set", "centres=1"), "task 195 starts in 2024-01: no report can be for 0001-01"),
    (("log", "195", "--month", "2024-09", "--set", "centres=1"), "month 2024-09 is still in the future"),
    (("log", "195", "--set", "centers=1"), "task 195 has no metric 'centers' (its metrics: centres 区域性居家养老服务中心, stations 社区养老服务站)"),
    (("log", "184", "--set", "x=1"), "task 184 has no metric 'x': it has none; report a percent or a status"),
    (("log", "195", "--set", "centres=-1"), "195.centres: '-1' is not a number ≥ 0"),
    (("log", "195", "--percent", "50"), "task 195 is measured by its metrics; give their figures, not a percent"),
    (("log", "184", "--percent", "101"), "--percent: '101' is outside 0–100"),
    (("log", "184", "--status", "finished"), "status 'finished' is not one of ongoing, done, blocked"),
    (("log", "184", "--note", "长" * 20_001), "note is 20,001 characters long; at most 20,000 are allowed"),
    (("log", "999", "--set", "centres=1"), "unknown task '999'"),
])
def test_each_refusal_exits_2_and_writes_nothing(project, args, message):
    r = project.bad(*args)
    assert message in r.err, r.err
    assert not project.db.exists() or entries(project) == []


def test_a_note_of_exactly_the_limit_is_recorded(project):
    project.ok("log", "184", "--note", "长" * checks.TEXT_LIMIT)
    assert len(entries(project, "184")[0]["note"]) == 20_000


@pytest.mark.parametrize("first, then, warning", [
    ((), ("--set", "centres=920"), "warning: task 195 2024-08: centres 区域性居家养老服务中心 920个 is above its target 100个"),
    (("--month", "2024-07", "--set", "centres=20"), ("--set", "centres=10"),
     "warning: task 195 2024-08: centres 区域性居家养老服务中心 10个 is below last month's 20个"),
])
def test_a_slip_is_recorded_and_warned_about_in_a_pipe(project, first, then, warning):
    if first:
        project.ok("log", "195", *first)
    r = project.ok("log", "195", *then)
    # the first append also says it started the log (a mistyped --db must not start one unnoticed)
    assert r.err.strip().splitlines() == [warning] + ([] if first else ["started a new log at data/tracker.db"])
    assert r.out.startswith("recorded 195 2024-08")
    assert len(entries(project)) == (2 if first else 1)


def test_a_lower_percent_is_warned_about(project):
    project.ok("log", "184", "--month", "2024-07", "--percent", "60")
    r = project.ok("log", "184", "--percent", "40")
    assert r.err.strip() == "warning: task 184 2024-08: percent 40% is lower than the 60% in force before"


def test_done_with_a_percent_below_100_is_warned_about_in_either_language(project):
    r = project.ok("log", "184", "--status", "done", "--percent", "85")
    assert r.err.strip().splitlines() == ["warning: task 184 2024-08: status done, but percent 85% is below 100%",
                                          "started a new log at data/tracker.db"]
    r = project.ok("log", "184", "--month", "2024-07", "--status", "已完成", "--percent", "85%", "--lang", "zh")
    assert r.err.strip() == "提示：任务 184 2024-07：状态为已完成，但完成百分比 85% 不足100%"
    assert project.ok("log", "184", "--month", "2024-06", "--status", "done", "--percent", "100").err == ""


def test_yes_records_without_asking_and_still_says_why(project):
    r = project.ok("log", "195", "--set", "centres=920", "--yes")
    assert "is above its target" in r.err and entries(project)[0]["values"] == {"centres": 920}


def test_no_warning_for_a_figure_that_is_in_order(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=20")
    assert project.ok("log", "195", "--set", "centres=25").err == ""


def test_chinese_input_is_accepted_where_english_is(project):
    project.ok("log", "184", "--month", "2024-06", "--percent", "８５％", "--status", "推进中")
    project.ok("log", "184", "--month", "2024-07", "--percent", "90%", "--status", "受阻")
    project.ok("log", "184", "--status", "已完成")
    project.ok("log", "195", "--set", "centres=１２")
    got = [(e["month"], e["percent"], e["status"]) for e in entries(project, "184")]
    assert got == [("2024-06", 85, "ongoing"), ("2024-07", 90, "blocked"), ("2024-08", None, "done")]
    assert entries(project)[0]["values"] == {"centres": 12}


@pytest.mark.parametrize("value, message", [
    ("1,5", "195.centres：'1,5' 不是数字（逗号只用于千位分隔，如 1,500；小数请写 1.5）"),
    ("１，５", "逗号只用于千位分隔"),
    ("12,34", "逗号只用于千位分隔"),
    ("十五个", "195.centres：'十五个' 不是数字：请用阿拉伯数字填写（如 15，而不是 十五）"),
])
def test_a_comma_that_groups_no_thousands_or_a_chinese_numeral_is_refused_saying_how_to_write_it(project, value,
                                                                                                  message):
    """'1,5' was read as 15 (every comma dropped): a slip for 1.5 recorded as ten times it."""
    r = project.bad("log", "195", "--set", f"centres={value}", "--lang", "zh")
    assert message in r.err, r.err
    assert len(r.err.strip().splitlines()) == 1
    assert not project.db.exists() or entries(project) == []


def test_an_unknown_metric_is_answered_with_each_metric_by_its_key_and_its_name(project):
    """Under zh the known metrics were listed by their English keys alone (其指标：centres, stations)."""
    r = project.bad("log", "195", "--set", "区域性居家养老服务中心=15", "--lang", "zh")
    assert r.err.strip() == ("任务 195 没有指标 '区域性居家养老服务中心'"
                             "（其指标：centres 区域性居家养老服务中心、stations 社区养老服务站）"), r.err


def test_a_comma_that_groups_thousands_is_read(project):
    project.ok("log", "195", "--set", "stations=1,200", "--yes")
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=１，０００.５个", "--yes")
    assert [e["values"] for e in entries(project)] == [{"stations": 1200}, {"centres": 1000.5}]


# --- the one function, as a value ------------------------------------------------


def test_check_is_pure_and_gives_every_refusal_with_its_place(project):
    from tracker.cli.project import load_plan
    from tracker.core import months

    plan = load_plan(str(project.tasks))
    bad = [Entry("a", "195", months.parse("2023-12"), "", None, {"centres": 1.0}),
           Entry("b", "195", months.parse("2024-08"), "", None, {"centres": "15"}),
           Entry("c", "184", months.parse("2024-08"), "2099-01-01T00:00:00.000000Z", None, {}, 50.0)]
    found = check(plan, bad, {}, months.parse("2024-08"), ["f:1", "f:2", "f:3"], "2026-01-01T00:00:00.000000Z")
    assert [p.message() for p in found.problems] == [
        "f:1: task 195 starts in 2024-01: no report can be for 2023-12",
        "f:2: 195.centres: '15' is text; write the number without quotes",
        "f:3: recorded_at 2099-01-01T00:00:00.000000Z is later than now",
    ]
    log = TaskLog()
    log.values["centres"] = {months.parse("2024-07"): 30.0}
    ok = [Entry("d", "195", months.parse("2024-08"), "", None, {"centres": 20.0, "stations": 301.0})]
    slips = check(plan, ok, {"195": log}, months.parse("2024-08")).slips
    assert [(s.code, s.what, s.value, s.against) for s in slips] == [
        ("below_last_month", "centres", 20.0, 30.0), ("above_target", "stations", 301.0, 300.0)]


# --- imports run the same checks --------------------------------------------------


def _jsonl(project, *objects) -> str:
    (project.root / "in.jsonl").write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objects),
                                           encoding="utf-8")
    return "in.jsonl"


def _line(**kw):
    base = {"id": "x1", "task": "195", "month": "2024-08", "recorded_at": "2024-08-05T03:00:00Z", "by": "a",
            "values": {"centres": 15}, "percent": None, "status": None, "note": None}
    base.update(kw)
    return base


@pytest.mark.parametrize("line, message", [
    (_line(recorded_at="2099-01-01T00:00:00Z"), "in.jsonl:1: recorded_at 2099-01-01T00:00:00.000000Z is later than now"),
    (_line(month="2024-12"), "in.jsonl:1: month 2024-12 is still in the future"),
    (_line(month="2023-06"), "in.jsonl:1: task 195 starts in 2024-01: no report can be for 2023-06"),
    (_line(values={}, percent=40), "in.jsonl:1: task 195 is measured by its metrics; give their figures, not a percent"),
    (_line(values={"centres": "15"}), "in.jsonl:1: 195.centres: '15' is text; write the number without quotes"),
    (_line(task="184", values={}, percent="40"), "in.jsonl:1: percent '40' is text; write the number without quotes"),
    (_line(task="184", values={}, percent="四十"), "in.jsonl:1: percent '四十' is not a number ≥ 0"),
    (_line(note="长" * 20_001), "in.jsonl:1: note is 20,001 characters long; at most 20,000 are allowed"),
])
def test_the_jsonl_import_refuses_what_log_refuses(project, line, message):
    r = project.bad("import", _jsonl(project, _line(id="ok"), {**line, "id": "x1"}))
    assert message.replace("in.jsonl:1", "in.jsonl:2") in r.err, r.err
    assert not project.db.exists() or entries(project) == []


def test_import_dry_run_lists_the_warnings_and_writes_nothing(project):
    file = _jsonl(project, _line(values={"centres": 920}))
    r = project.ok("import", file, "--dry-run")
    assert "warning: task 195 2024-08: centres 区域性居家养老服务中心 920个 is above its target 100个" in r.err
    assert "in.jsonl: 1 entry to import, 0 already in the log" in r.out and "nothing written" in r.out
    assert not project.db.exists()
    r = project.ok("import", file)  # without --dry-run: recorded, and warned about
    assert "is above its target" in r.err and len(entries(project)) == 1


def test_the_table_import_refuses_a_note_over_the_limit_and_warns_about_slips(project):
    table = "序号 | 目标任务 | 总体工作进展及8月份进展 |\n|---|---|---|\n1 | 195.新建 | 全市新建区域性居家养老服务中心120个。 |\n"
    (project.root / "t.md").write_text(table, encoding="utf-8")
    r = project.ok("import", "t.md", "--month", "2024-08", "--dry-run")
    assert "warning: task 195 2024-08: centres 区域性居家养老服务中心 120个 is above its target 100个" in r.err
    assert not project.db.exists()
    long = table.replace("120个。", "120个。" + "长" * 20_001)
    (project.root / "t.md").write_text(long, encoding="utf-8")
    r = project.bad("import", "t.md", "--month", "2024-08")
    assert "t.md:3: note is 20,021 characters long; at most 20,000 are allowed" in r.err  # the row's whole text


def test_a_figure_written_as_text_in_a_jsonl_is_named_as_such(project):
    import json as _json

    line = {"id": "t-1", "task": "195", "month": "2024-08", "recorded_at": "2024-08-20T09:00:00Z", "by": "脚本",
            "values": {"centres": "10"}, "note": None}
    (project.root / "t.jsonl").write_text(_json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert project.bad("import", "t.jsonl").err == "t.jsonl:1: 195.centres: '10' is text; write the number without quotes\n"
    assert project.bad("import", "t.jsonl", "--lang", "zh").err == "t.jsonl:1: 195.centres：'10' 是文本；请写不带引号的数字\n"
    line["values"] = {"centres": "十"}
    (project.root / "t.jsonl").write_text(_json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert project.bad("import", "t.jsonl").err == "t.jsonl:1: 195.centres: '十' is not a number ≥ 0\n"


@pytest.mark.parametrize("command", [("status",), ("show", "195"), ("overdue",), ("units",), ("report",), ("check",)])
def test_a_month_still_to_come_is_said_by_the_commands_that_show_one(project, command):
    """A year typed wrong (2025-08 for 2024-08) shows every task unreported: a note on stderr says why, in Chinese
    too; what the command prints and its exit code stay those of the month asked for (scripts read them)."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=1")
    r = project.run(*command, "--month", "2025-08")
    assert r.code in (0, 1)  # check: 1, every task unreported
    assert r.err.strip() == "note: month 2025-08 is still to come: nothing is reported for it yet (this month is 2024-08)"
    assert project.run(*command, "--month", "2025-08", "--lang", "zh").err.strip() == \
        "注意：2025-08 尚未到来，还没有报送可看（本月是 2024-08）"
    assert project.run(*command, "--month", "2024-08").err == ""


def test_reminders_are_not_sent_for_a_month_still_to_come(project):
    assert project.bad("remind", "--dry-run", "--month", "2025-08").err.strip() == \
        "month 2025-08 is still to come: nothing is reported for it yet, nor chased (this month is 2024-08)"
    assert project.bad("remind", "--dry-run", "--month", "2025-08", "--lang", "zh").err.strip() == \
        "2025-08 尚未到来，还没有报送，也无需催报（本月是 2024-08）"


def test_forms_may_go_out_before_their_month(project, tmp_path):
    project.ok("forms", "--month", "2024-09", "-o", str(tmp_path / "forms"))
    assert [p.name for p in (tmp_path / "forms").iterdir()] == ["市民政局-2024-09.xlsx"]
