"""`tracker check`: the CI gate. Every flag, format and exit code, with expectations worked out by hand.

The office plan below, as of 2024-08 with today 2024-08-20 (expected for a whole-year task:
(2024-08-31 − 2024-01-01) / (2024-12-31 − 2024-01-01) = 243/365 = 66.6 %, so behind is below 56.6 %):

- 1 (教育局) 12/27 in June, July and August: 44 % ≤ June's 44 % → stalled since June; 44 % < 56.6 % → behind.
- 2 (民政局, due 2024-06-30, qualitative) 40 % in May, nothing since: overdue by
  2024-08-20 − 2024-06-30 = 51 days; 40 % ≤ June's 40 % → stalled; expected 100 % → behind; no August report → missing.
- 3 (教育局) 60/100 in July: not behind (60 % ≥ 56.6 %), not stalled (June was 0), no August report → missing; on_track.
- 4 (住建局) starts 2024-10-01: pending, no flag.
- 5 (民政局) 10/10 in August: done.
"""

from __future__ import annotations

import pytest

from tracker.core.review import parse_fail_on
from tracker.render.review import escape_data, escape_property

OFFICE_PLAN = """
[plan]
year = 2024

[[task]]
id = "1"
title = "建成公办幼儿园27所。"
unit = "教育局"

[[task.metric]]
key = "kg"
name = "公办幼儿园"
unit = "个"
target = 27

[[task]]
id = "2"
title = "提高救助标准。"
unit = "民政局"
due = 2024-06-30

[[task]]
id = "3"
title = "改造老旧小区100个。"
unit = "教育局"

[[task.metric]]
key = "estates"
name = "老旧小区"
unit = "个"
target = 100

[[task]]
id = "4"
title = "完成年度考核。"
unit = "住建局"
start = 2024-10-01

[[task]]
id = "5"
title = "建成救助站10个。"
unit = "民政局"

[[task.metric]]
key = "posts"
name = "救助站"
unit = "个"
target = 10
"""


def office_months(project, plan: str = OFFICE_PLAN):
    """OFFICE_PLAN's reports up to 2024-08 (another plan may add tasks to it)."""
    project.write_plan(plan)
    for month, value in (("2024-05", 5), ("2024-06", 12), ("2024-07", 12), ("2024-08", 12)):
        project.ok("log", "1", "--month", month, "--set", f"kg={value}")
    project.ok("log", "2", "--month", "2024-05", "--percent", "40")
    project.ok("log", "3", "--month", "2024-07", "--set", "estates=60")
    project.ok("log", "5", "--month", "2024-08", "--set", "posts=10")
    return project


@pytest.fixture
def office(project):
    return office_months(project)


def test_default_fails_on_overdue_and_stalled_grouped_by_unit_with_the_figures(office):
    r = office.run("check", "--month", "2024-08")
    assert r.code == 1
    assert [line.rstrip() for line in r.out.splitlines()] == [
        "教育局 · 1",
        "1  建成公办幼儿园27所。",
        "   stalled: no increase since 2024-06: 12/27 个",
        "   behind: 44% done, 67% expected",
        "",
        "民政局 · 1",
        "2  提高救助标准。",
        "   overdue: 51 days past due 2024-06-30, 40% done",
        "   stalled: no increase since 2024-05: 40%",
        "   behind: 40% done, 100% expected",
        "   missing: last report 2024-05",
        "",
        "2 of 5 tasks fail the check (overdue, stalled) as of 2024-08",
    ]
    assert r.err == ""


def test_on_a_narrow_terminal_the_summary_breaks_between_words_too(office):
    """The summary line was left to the terminal, which broke it anywhere (`as of 2024-0` / `8`)."""
    office.monkeypatch.setenv("COLUMNS", "60")
    out = office.run("check", "--month", "2024-08", "--fail-on", "overdue,stalled,behind,missing").out
    assert out.splitlines()[-2:] == ["3 of 5 tasks fail the check (overdue, stalled, behind,", "missing) as of 2024-08"]


def test_month_defaults_to_today(office):
    assert office.run("check").out == office.run("check", "--month", "2024-08").out


def test_one_day_past_due_is_one_day(office):
    # Task 2 is due 30 June; on 1 July it is one day past, said so in both languages.
    r = office.run("check", "--month", "2024-07", "--fail-on", "overdue", today="2024-07-01")
    assert "   overdue: 1 day past due 2024-06-30, 40% done" in r.out.splitlines()
    r = office.run("check", "--month", "2024-07", "--fail-on", "overdue", "--lang", "zh", today="2024-07-01")
    assert "超过截止日期2024-06-30已1天，完成40%" in r.out


def test_all_well_is_one_summary_line_and_exit_0(office):
    # In May task 2 (due 30 June) is not yet overdue, and nothing else can be.
    r = office.run("check", "--month", "2024-05", "--fail-on", "overdue")
    assert r.code == 0
    assert r.out == "ok: none of 5 tasks is overdue as of 2024-05\n"
    r = office.run("check", "--month", "2024-05", "--fail-on", "overdue", "--format", "json")
    assert r.code == 0
    assert r.json() == {"as_of": "2024-05", "ok": True, "fail_on": ["overdue"], "tasks": []}
    r = office.run("check", "--month", "2024-05", "--fail-on", "overdue", "--format", "github")
    assert (r.code, r.out) == (0, "")


def test_json_shape_lists_only_failing_tasks(office):
    r = office.run("check", "--format", "json")
    assert r.code == 1
    assert r.json() == {
        "as_of": "2024-08", "ok": False, "fail_on": ["overdue", "stalled"],
        "tasks": [
            {"id": "1", "unit": "教育局", "status": "stalled", "flags": ["stalled", "behind"]},
            {"id": "2", "unit": "民政局", "status": "overdue", "flags": ["overdue", "stalled", "behind", "missing"]},
        ],
    }


@pytest.mark.parametrize("fail_on, ids", [
    ("missing", ["2", "3"]),
    ("behind", ["1", "2"]),
    ("overdue", ["2"]),
    ("stalled", ["1", "2"]),
    ("overdue,stalled,behind,missing", ["1", "2", "3"]),
    (" Missing , overdue ", ["2", "3"]),
])
def test_each_fail_on_flag(office, fail_on, ids):
    r = office.run("check", "--fail-on", fail_on, "--format", "json")
    assert r.code == 1
    assert [t["id"] for t in r.json()["tasks"]] == ids


@pytest.mark.parametrize("fail_on", ["overdue,stalled", "overdue,stalled,behind,missing", "missing"])
def test_json_lists_the_tasks_the_explained_forms_list(office, fail_on):
    # JSON skips the figures behind each flag (and the notes' texts); the verdict is the same
    listed = [t["id"] for t in office.run("check", "--fail-on", fail_on, "--format", "json").json()["tasks"]]
    github = office.run("check", "--fail-on", fail_on, "--format", "github").out.splitlines()
    assert [line.split("::", 2)[2].split(".")[0] for line in github] == listed


def test_fail_on_is_reported_in_flag_order(office):
    r = office.run("check", "--fail-on", "missing,behind", "--format", "json")
    assert r.json()["fail_on"] == ["behind", "missing"]


def test_github_form_one_annotation_per_failing_task(office):
    r = office.run("check", "--format", "github")
    assert r.code == 1
    assert r.out.splitlines() == [
        "::error title=1 stalled%2C behind · 教育局::1. 建成公办幼儿园27所。 (教育局) — "
        "stalled: no increase since 2024-06: 12/27 个; behind: 44%25 done, 67%25 expected",
        "::error title=2 overdue%2C stalled%2C behind%2C missing · 民政局::2. 提高救助标准。 (民政局) — "
        "overdue: 51 days past due 2024-06-30, 40%25 done; stalled: no increase since 2024-05: 40%25; "
        "behind: 40%25 done, 100%25 expected; missing: last report 2024-05",
    ]


def test_github_warning_for_behind_and_missing_only(office):
    r = office.run("check", "--fail-on", "missing", "--format", "github")
    lines = r.out.splitlines()
    # Task 2 is overdue and stalled as well: still an error. Task 3 is only missing: a warning.
    assert lines[0].startswith("::error title=2 ")
    assert lines[1] == "::warning title=3 missing · 教育局::3. 改造老旧小区100个。 (教育局) — missing: last report 2024-07"
    assert len(lines) == 2


def test_github_escapes_user_text(project):
    project.write_plan('''
        [plan]
        year = 2024

        [[task]]
        id = "7"
        title = "100% done:\\nfirst, then second"
        unit = "a,b:c"
    ''')
    r = project.run("check", "--month", "2024-08", "--format", "github")
    # Never reported since January: stalled (and missing); the message and title are escaped.
    assert r.out == ("::error title=7 stalled%2C missing · a%2Cb%3Ac::7. 100%25 done:%0Afirst, then second (a,b:c) — "
                     "stalled: never reported; missing: never reported\n")


def test_escaping_rules():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"


def test_warnings_are_notes_and_do_not_fail(project):
    project.write_plan(OFFICE_PLAN)
    # Task 1 falls from 12 to 10 in August (regressed); task 3 repeats July's note (white space aside).
    project.ok("log", "1", "--month", "2024-07", "--set", "kg=12")
    project.ok("log", "1", "--month", "2024-08", "--set", "kg=10")
    project.ok("log", "3", "--month", "2024-07", "--set", "estates=60", "--note", "已改造60个")
    project.ok("log", "3", "--month", "2024-08", "--set", "estates=70", "--note", "已改造 60个")
    project.ok("log", "2", "--month", "2024-08", "--percent", "100")
    project.ok("log", "5", "--month", "2024-08", "--set", "posts=10")
    r = project.run("check", "--month", "2024-08")
    assert r.code == 0
    assert [line.rstrip() for line in r.out.splitlines()] == [
        "Notes (they do not fail the check)",
        "1  教育局 · regressed: 公办幼儿园 12 → 10 个",
        "3  教育局 · repeated note: same note as 2024-07",
        "",
        "ok: none of 5 tasks is overdue or stalled as of 2024-08",
    ]
    assert project.run("check", "--month", "2024-08", "--format", "github").out == ""


def test_unmeasured_task_stalled_names_its_last_report(project):
    project.write_plan(OFFICE_PLAN)
    project.ok("log", "2", "--month", "2024-03", "--note", "已启动")   # a note alone: still unmeasured
    r = project.run("check", "--month", "2024-05", "--fail-on", "stalled")
    assert r.code == 1
    # 2: no entry in April or May (stall_months 2) → stalled; 1, 3, 5 have no figure since January.
    assert "   stalled: no report since 2024-03" in r.out.splitlines()
    assert "   stalled: no increase since 2024-01: 0/27 个" in r.out.splitlines()


def test_a_stall_whose_reports_came_without_a_figure_says_so(project):
    """A report the import could not read a figure from moves no metric: the stall says the report came."""
    project.ok("log", "195", "--month", "2024-05", "--set", "centres=10", "--set", "stations=50")
    project.ok("log", "195", "--month", "2024-06", "--note", "稳步推进。")
    project.ok("log", "195", "--month", "2024-07", "--note", "加快推进。")
    out = project.run("check", "--month", "2024-07", "--fail-on", "stalled").out
    assert ("stalled: no increase since 2024-05: 区域性居家养老服务中心 10/100 个, 社区养老服务站 50/300 个, "
            "though the 2024-07 report came, with no figure") in " ".join(out.split())
    zh = project.run("check", "--month", "2024-07", "--fail-on", "stalled", "--lang", "zh", "--format", "github").out
    assert "，但2024-07已报送（没有数值）" in zh
    # a Chinese line lists the figures as Chinese does, not with an English comma
    assert "区域性居家养老服务中心 10/100 个，社区养老服务站 50/300 个，但2024-07已报送" in zh
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=10", "--set", "stations=50")
    assert "though" not in project.run("check", "--month", "2024-08", "--fail-on", "stalled").out  # figures given


def test_lang_zh(office):
    r = office.run("check", "--lang", "zh")
    assert r.code == 1
    lines = [line.rstrip() for line in r.out.splitlines()]
    assert "   停滞：自2024-06以来没有增长：12/27 个" in lines
    assert "   逾期：超过截止日期2024-06-30已51天，完成40%" in lines
    assert lines[-1] == "检查未通过：截至2024-08，5项任务中有2项存在逾期、停滞"


@pytest.mark.parametrize("args, message", [
    (["--fail-on", "late"], "--fail-on: unknown late"),
    (["--fail-on", ","], "--fail-on: give one or more"),
    (["--month", "2024-13"], "malformed month"),
    (["--format", "xml"], "xml"),
])
def test_bad_options_exit_2(office, args, message):
    r = office.bad("check", *args)
    assert message in r.err
    assert r.out == ""


def test_invalid_plan_is_exit_2_never_1(office):
    office.write_plan(OFFICE_PLAN.replace('unit = "住建局"', 'unit = "住建局"\ntittle = "typo"'))
    r = office.bad("check")
    assert "tasks.toml:" in r.err and "tittle" in r.err
    assert office.bad("check", "--format", "github").out == ""
    office.tasks.unlink()
    assert "tasks.toml" in office.bad("check", "--format", "json").err


def test_invalid_database_is_exit_2(office):
    office.db.write_bytes(b"not a database at all, just text")
    r = office.bad("check")
    assert "not a SQLite database" in r.err


def test_no_database_is_an_empty_log(project):
    project.write_plan(OFFICE_PLAN)
    # Nothing logged: in February no task is overdue, and none can be stalled before two months have passed.
    r = project.run("check", "--month", "2024-02")
    assert (r.code, r.out) == (0, "ok: none of 5 tasks is overdue or stalled as of 2024-02\n")
    assert not project.db.exists()


def test_a_plan_without_tasks_passes(project):
    project.write_plan("[plan]\nyear = 2024\n")
    r = project.run("check", "--format", "json")
    assert (r.code, r.json()) == (0, {"as_of": "2024-08", "ok": True, "fail_on": ["overdue", "stalled"], "tasks": []})
    assert project.run("check").out == "ok: none of 0 tasks is overdue or stalled as of 2024-08\n"


def test_parse_fail_on():
    assert parse_fail_on(None) == ("overdue", "stalled")
    assert parse_fail_on("missing,OVERDUE,missing") == ("overdue", "missing")


def test_stalled_since_is_the_level_nothing_after_has_exceeded():
    import datetime as dt

    from tracker.core import months
    from tracker.core.evaluate import stand
    from tracker.core.model import Metric, Task, TaskLog
    from tracker.core.review import stalled_since

    task = Task("9", "t", "u", dt.date(2024, 1, 1), dt.date(2024, 12, 31), metrics=(Metric("k", "k", "个", 27),))
    m = months.make
    # 5 in May, 12 in June, 15 in July, down to 10 in August.
    log = TaskLog(months={m(2024, 5), m(2024, 6), m(2024, 7), m(2024, 8)},
                  values={"k": {m(2024, 5): 5, m(2024, 6): 12, m(2024, 7): 15, m(2024, 8): 10}})
    s = stand(task, log, m(2024, 8))
    assert "stalled" in s.flags                      # 10/27 ≤ June's 12/27
    assert stalled_since(s, log) == m(2024, 7)       # July's 15 is the level not exceeded since
    flat = TaskLog(months={m(2024, 5), m(2024, 6)}, values={"k": {m(2024, 5): 5, m(2024, 6): 12}})
    assert stalled_since(stand(task, flat, m(2024, 8)), flat) == m(2024, 6)
    assert stalled_since(stand(task, TaskLog(), m(2024, 8)), TaskLog()) == m(2024, 1)   # never grew: since the start


def test_overdue_as_of_a_months_end_still_to_come_says_the_due_date_not_zero_days(office):
    r = office.run("check", "--month", "2024-07", today="2024-06-20")
    assert "   overdue: due 2024-06-30, before the month ends; 40% done" in r.out.splitlines()
    assert "0 days" not in r.out
    zh = office.run("check", "--month", "2024-07", "--lang", "zh", today="2024-06-20")
    assert "   逾期：截止日期2024-06-30在本月内，完成40%" in zh.out.splitlines()


def test_a_plan_of_no_task_passes_with_a_warning_that_nothing_was_checked(project):
    """A tasks.toml emptied or cut short on a shared drive: the CI job is told, not silently green."""
    project.write_plan("# the plan was here\n")
    for fmt in ("text", "json"):
        r = project.ok("check", "--format", fmt)
        assert "warning: tasks.toml declares no task: nothing was checked" in r.err
    assert "警告：tasks.toml 中没有任何任务" in project.ok("check", "--lang", "zh").err
    assert "declares no task" not in project.ok("status").err  # the warning is check's, the gate's


def test_check_s_help_names_every_flag_fail_on_takes(project):
    # --fail-on takes blocked (README, check's table); its help listed the other four only
    for lang in ("en", "zh"):
        help_text = " ".join(project.ok("check", "--help", "--lang", lang).out.split())
        assert "overdue,blocked,stalled,behind,missing" in help_text.replace(", ", ",").replace(" ", "")
