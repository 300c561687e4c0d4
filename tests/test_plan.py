"""The plan loader: every rule of SPEC.md's tasks.toml section, each problem with its line."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from tracker import plan
from tracker.core import months
from tracker.errors import BadInput, PlanError


def load(text: str):
    return plan.parse(textwrap.dedent(text).lstrip(), "tasks.toml")


def problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as err:
        load(text)
    return err.value.problems


def test_defaults_from_plan_year():
    p = load("""
        [plan]
        year = 2024
        [[task]]
        id = 3.2
        title = "甲"
        unit = "市民政局"
    """.replace("3.2", '"3.2"'))
    (t,) = p.tasks
    assert (t.start, t.due, t.stall_months, t.behind_tolerance) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), 2, 0.10)
    assert p.title is None and t.metrics == () and t.line == 3


def test_bare_number_id_is_read_as_text_and_overrides_apply():
    p = load("""
        [plan]
        stall_months = 3
        behind_tolerance = 0.2
        [[task]]
        id = 195
        title = "甲"
        unit = "市民政局"
        due = 2024-06-30
        stall_months = 1
        [[task]]
        id = "196"
        title = "乙"
        unit = "市民政局"
        due = 2025-06-30
        start = 2024-07-01
        behind_tolerance = 0.05
    """)
    a, b = p.tasks
    assert a.id == "195" and a.start == dt.date(2024, 1, 1)  # no plan.year: 1 January of the due year
    assert (a.stall_months, a.behind_tolerance) == (1, 0.2)
    assert (b.stall_months, b.behind_tolerance, b.start) == (3, 0.05, dt.date(2024, 7, 1))


def test_metrics_and_milestones():
    p = load("""
        [plan]
        year = 2024
        [[task]]
        id = "1"
        title = "甲"
        unit = "市民政局"
        [[task.metric]]
        key = "beds"
        target = 500
        baseline = 100
        mode = "increment"
        [[task.milestone]]
        due = 2024-06-30
        target = 300
    """)
    (t,) = p.tasks
    (m,) = t.metrics
    assert (m.key, m.name, m.unit, m.target, m.baseline, m.mode) == ("beds", "beds", "", 500, 100, "increment")
    assert t.milestones[0].metric == "beds" and t.milestones[0].target == 300


@pytest.mark.parametrize("body, message", [
    ('id = "1a"\ntitle = "甲"\nunit = "u"', 'tasks.toml:2: task 1a: id must be digits 0-9, optionally dotted'),
    # full-width and other scripts' digits: `tracker log 1` would never find the task
    ('id = "１"\ntitle = "甲"\nunit = "u"', 'tasks.toml:2: task １: id must be digits 0-9, optionally dotted'),
    ('id = "٣"\ntitle = "甲"\nunit = "u"', 'tasks.toml:2: task ٣: id must be digits 0-9, optionally dotted'),
    ('id = "1"\ntitle = ""\nunit = "u"', "tasks.toml:3: task 1: title must not be empty"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\ntittle = "x"', "tasks.toml:5: task 1: tittle is not a known key (did you mean title?)"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\nowner = "x"', "tasks.toml:5: task 1: owner is not a known key"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\ndue = "soon"', "tasks.toml:5: task 1: due must be a date such as 2024-12-31 (no quotes)"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\nstall_months = 0', "tasks.toml:5: task 1: stall_months must be at least 1"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "Beds"\ntarget = 5', "tasks.toml:6: task 1: metric.key must match [a-z][a-z0-9_]*"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"', "tasks.toml:5: task 1: metric.target is required"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\nmode = "monthly"', "tasks.toml:8: task 1: metric.mode must be \"cumulative\" or \"increment\""),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\nbaseline = 5', "tasks.toml:7: task 1: metric b: target 5 must be greater than baseline 5"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\n[[task.metric]]\nkey = "b"\ntarget = 6', "tasks.toml:8: task 1: duplicate metric key 'b'"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = nan', "tasks.toml:7: task 1: metric.target must be a finite number"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 5', "tasks.toml:5: task 1: a milestone is a checkpoint of a metric, and the task has none"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.milestone]]\ndue = 2024-06-30\nmetric = "c"\ntarget = 5', "tasks.toml:5: task 1: a milestone is a checkpoint of a metric, and the task has none"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.metric]]\nkey = "b"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 2', "tasks.toml:11: task 1: milestone needs `metric =` (the task has 2 metrics)"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\nmetric = "c"\ntarget = 2', "tasks.toml:10: task 1: milestone names unknown metric 'c'"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\n[[task.milestone]]\ndue = 2025-06-30\ntarget = 2', "tasks.toml:9: task 1: milestone due 2025-06-30 must fall between start 2024-01-01 and due 2024-12-31"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "b"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 9', "tasks.toml:10: task 1: milestone target 9 must lie between baseline 0 and target 5"),
    ('id = "1"\ntitle = "甲"\nunit = "u"\nstart = 2024-12-31', "tasks.toml:1: task 1: due 2024-12-31 must be after start 2024-12-31"),
    ('id = "1"\ntitle = "' + "甲" * 1001 + '"\nunit = "u"', "tasks.toml:3: task 1: title is 1,001 characters long; at most 1,000 are allowed"),
    ('id = "1"\ntitle = 195\nunit = "u"', "tasks.toml:3: task 1: title must be text in quotes"),
])
def test_each_rule_is_reported_with_its_line(body, message):
    """Each case counts lines from its [[task]] header; the file has [plan] and year above it."""
    (problem,) = problems("[plan]\nyear = 2024\n[[task]]\n" + body + "\n")
    path, line, rest = problem.split(":", 2)
    assert f"{path}:{int(line) - 2}:{rest}".startswith(message), problem


def test_a_misspelt_key_is_named_with_the_key_it_most_likely_means():
    assert problems('[plan]\nyear = 2024\ntitel = "x"\n[[task]]\nid = "1"\ntitle = "甲"\nunits = "u"\n'
                    '[[task.metric]]\nkey = "b"\ntraget = 5\n[[task.milestones]]\ndue = 2024-06-30\n') == [
        "tasks.toml:3: plan.titel is not a known key (did you mean title?)",
        "tasks.toml:4: task 1: unit is required",
        "tasks.toml:4: task 1: milestones is not a known key (did you mean milestone?)",
        "tasks.toml:7: task 1: units is not a known key (did you mean unit?)",
        "tasks.toml:8: task 1: metric.target is required",
        "tasks.toml:10: task 1: metric.traget is not a known key (did you mean target?)",
    ]


def test_due_required_without_plan_year():
    assert problems('[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\n') == [
        "tasks.toml:1: task 1: due is required (or set plan.year)"
    ]


def test_unknown_top_level_table_and_every_problem_at_once():
    found = problems('[plans]\nyear = 2024\n[[task]]\nid = "x"\ntitle = "甲"\n[[task]]\nid = "2"\nunit = "u"\n')
    assert found == [
        "tasks.toml:1: unknown table or key 'plans' (expected [plan] and [[task]])",
        'tasks.toml:3: task x: unit is required',
        'tasks.toml:4: task x: id must be digits 0-9, optionally dotted ("195", "3.2")',
        "tasks.toml:6: task 2: title is required",
        "tasks.toml:6: task 2: due is required (or set plan.year)",  # said now too, not once the title is
    ]


def test_toml_syntax_and_encoding_errors():
    with pytest.raises(PlanError, match=r"^tasks.toml:2: invalid TOML"):
        plan.parse("[plan]\nyear = = 2\n", "tasks.toml")
    with pytest.raises(PlanError, match="not UTF-8 text"):
        plan.decode("[plan]\ntitle = '民政'\n".encode("gbk"), "tasks.toml")
    assert plan.decode("\ufeff[plan]".encode("utf-8"), "tasks.toml") == "[plan]"
    assert plan.decode("[plan]".encode("utf-16"), "tasks.toml") == "[plan]"


@pytest.mark.parametrize("due, said", [
    ("2024-9-30", "not a date (write 2024-12-31)"), ("2024/09/30", "not a date (write 2024-12-31)"),
    ("2024-13-31", "2024-13-31 is no date: a year has 12 months"),
    ("2024-02-30", "2024-02-30 is no date: 2024-02 has 29 days"), ("2025-02-29", "2025-02-29 is no date: 2025-02 has 28 days"),
    ("2026-09-31", "2026-09-31 is no date: 2026-09 has 30 days"), ("2026-09-00", "2026-09-00 is no date: 2026-09 has 30 days"),
])
def test_a_date_toml_cannot_take_is_said_to_be_no_date(due, said):
    """tomli reads 2024 of 2024-13-31 as a number and stops at what follows: the clerk is told of the date, and of
    the calendar when the date is written as TOML writes one."""
    with pytest.raises(PlanError) as e:
        plan.parse(f'[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\ndue = {due}  # 年底\n', "tasks.toml")
    assert [str(p) for p in e.value.problems] == [f"tasks.toml:7: invalid TOML: {said}"]


@pytest.mark.parametrize("text, expected", [
    ("2024-08", "2024-08"), ("2024-8", "2024-08"), ("2024/08", "2024-08"), ("2024.8", "2024-08"),
    ("2024年8月", "2024-08"), (" 2024年08月 ", "2024-08"), ("2024-12", "2024-12"),
])
def test_month_forms(text, expected):
    assert months.fmt(months.parse(text)) == expected


@pytest.mark.parametrize("text", ["", "2024", "2024-13", "2024-0", "24-08", "August 2024", "2024-08-01", "２０２４-08x"])
def test_malformed_months(text):
    with pytest.raises(BadInput, match="malformed month"):
        months.parse(text)


def test_month_arithmetic():
    p = months.parse("2024-02")
    assert months.fmt(p - 3) == "2023-11"
    assert months.last_day(p) == dt.date(2024, 2, 29)
    assert months.of(dt.date(2024, 2, 10)) == p


def test_the_plan_cache_form_gives_back_the_same_plan():
    from tracker.core.model import plan_from_data, plan_to_data

    p = load("""
        [plan]
        year = 2024
        title = "2024年重点目标任务"
        [[task]]
        id = "1"
        title = "甲\\u001f乙"
        unit = "市民政局"
        co_units = ["市财政局", "市住建局"]
        category = "民生"
        stall_months = 3
        [[task.metric]]
        key = "beds"
        target = 500
        baseline = 100
        mode = "increment"
        [[task.metric]]
        key = "rate"
        name = "覆盖率"
        unit = "%"
        target = 96.2
        [[task.milestone]]
        due = 2024-06-30
        metric = "beds"
        target = 300
        [[task]]
        id = "2"
        title = "丙"
        unit = "市民政局"
        behind_tolerance = 0.2
        start = 2024-03-01
        due = 2025-06-30
    """)
    again = plan_from_data(json.loads(json.dumps(plan_to_data(p), ensure_ascii=False)))
    assert again == p and again.tasks == p.tasks and again.title == p.title
    assert again.tasks[0].milestones and again.tasks[0].co_units == ("市财政局", "市住建局")
    assert again.tasks[1].category is None and again.tasks[1].metrics == ()


@pytest.mark.parametrize("line, said", [
    ("target = １２０", "a number in full-width digits (１２０): write 120"),
    ("target = 9５.5", "a number in full-width digits (9５.5): write 95.5"),
    ("start = ２０２４-０３-０１", "a date in full-width digits (２０２４-０３-０１): write 2024-03-01"),
    ("start = 2024-０３-01", "a date in full-width digits (2024-０３-01): write 2024-03-01"),
    ('name = “新建中心”', "Chinese quotes (“…”) are not TOML's: write text between \"…\""),
    ('co_units = ["市财政局"，"市住建局"]', "a Chinese comma (，) between values: write ,"),
    ('category ＝ "民生"', "a full-width ＝ or ： after a key: write ="),
    ('co_units = 【"市财政局"】', "full-width brackets (［］【】): write [ ]"),
    ('category　= "民生"', "a full-width space (　) outside quotes: write an ordinary space"),
    ('ｃａｔｅｇｏｒｙ = "民生"', "full-width characters (ｃａｔｅｇｏｒｙ) where TOML wants ASCII: write category"),
    ('name = ＂新建中心＂', "full-width characters (＂) where TOML wants ASCII: write \""),
])
def test_what_a_chinese_input_method_types_in_toml_is_named(line, said):
    """A clerk typing tasks.toml with a Chinese input method: the message says which mark, not just what broke."""
    text = f'[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\ndue = 2024-12-31\n{line}\n'
    with pytest.raises(PlanError) as e:
        plan.parse(text, "tasks.toml")
    assert [str(p) for p in e.value.problems] == [f"tasks.toml:8: invalid TOML: {said}"]


def test_full_width_digits_are_named_as_typed_in_chinese_too():
    """The hint names the number the clerk typed and what to write, never a fixed example of another number."""
    with pytest.raises(PlanError) as e:
        plan.parse('[plan]\nyear = ２０２６\n', "tasks.toml")
    assert e.value.message("zh") == "tasks.toml:2: TOML 格式错误：数字是全角的（２０２６）：请写半角 2026"


def test_full_width_marks_inside_a_string_or_a_comment_are_no_hint():
    with pytest.raises(PlanError) as e:  # the fault is the missing value; the ，and ： are text and comment
        plan.parse('[plan]\ntitle = "甲，乙：丙"\nyear =   # 年份：２０２４\n', "tasks.toml")
    assert str(e.value.problems[0]) == \
        "tasks.toml:3: invalid TOML: a value is missing or not a TOML value (text needs quotes)"


def test_a_plan_cached_by_an_older_tracker_is_checked_again_by_a_newer_one(empty_project):
    """The cache key holds the version of how tracker reads plans: a rule added since (here, a task id's digits
    0-9) applies to a plan an older tracker had accepted and cached, instead of the cache answering for it."""
    from tracker import store
    from tracker.cli import project as cli_project

    task = '[[task]]\nid = "{id}"\ntitle = "新建"\nunit = "市民政局"\ndue = 2024-12-31\n'
    p = empty_project.write_plan(task.format(id="１"))
    # what an older tracker cached for this file: the plan as it read it, under its own key
    data = cli_project.cache_data(plan.parse(task.format(id="1"))).replace('"id": ["1"]', '"id": ["１"]')
    p.monkeypatch.setattr(cli_project, "PLAN_CACHE_VERSION", b"plan-cache-4")
    with store.new_log(str(p.db)) as conn:
        store.cache_plan(conn, cli_project.CACHE_KEY, cli_project.sealed(cli_project.file_digest(str(p.tasks)), data),
                         data)
    assert "１" in p.ok("tasks").out  # the older tracker's cache answers for its own key
    p.monkeypatch.undo()
    p.monkeypatch.chdir(p.root)
    r = p.bad("tasks")
    assert r.err.strip() == 'tasks.toml:2: task １: id must be digits 0-9, optionally dotted ("195", "3.2")'


def test_a_due_given_twice_is_said_to_be_given_twice_not_no_date(empty_project):
    """A task with two `due` lines (a deadline moved by adding a line): the second is a good date, so the clerk
    is told of the key given twice, at that line, in Chinese too."""
    empty_project.write_plan('[plan]\nyear = 2025\n\n[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\n'
                             'due = 2025-06-30\ndue = 2025-09-30\n')
    r = empty_project.bad("tasks")
    assert r.err.strip() == "tasks.toml:9: invalid TOML: a key is given twice"
    assert empty_project.bad("tasks", "--lang", "zh").err.strip() == "tasks.toml:9: TOML 格式错误：同一个键写了两次"


def test_a_task_with_a_wrong_key_still_has_its_metrics_and_milestones_checked(empty_project):
    """README: every problem at once; a misspelt `tittle` (so no title) does not hide its metrics' problems."""
    p = empty_project.write_plan("""
        [plan]
        year = 2024
        [[task]]
        id = "195"
        tittle = "x"
        unit = "市民政局"
        [[task.metric]]
        key = "a"
        target = 100
        [[task.metric]]
        target = 3
        baseline = 3
        [[task.milestone]]
        metric = "a"
        due = 2025-01-01
        target = 5
        [[task]]
        id = "196"
        title = "y"
        unit = "市民政局"
        due = "2024"
        [[task.metric]]
        key = "a"
        target = 1
        baseline = 2
        [[task.milestone]]
        metric = "a"
        due = 2025-01-01
        target = 5
    """)
    assert p.bad("validate").err.splitlines() == [
        "tasks.toml:3: task 195: title is required",
        "tasks.toml:5: task 195: tittle is not a known key (did you mean title?)",
        "tasks.toml:10: task 195: metric.key is required",
        "tasks.toml:11: task 195: metric #2: target 3 must be greater than baseline 3",
        "tasks.toml:15: task 195: milestone due 2025-01-01 must fall between start 2024-01-01 and due 2024-12-31",
        "tasks.toml:21: task 196: due must be a date such as 2024-12-31, without a time",
        "tasks.toml:24: task 196: metric a: target 1 must be greater than baseline 2",
    ]


def test_a_chinese_plan_saved_as_utf16_without_its_mark_is_named_so(project):
    """Windows' "UTF-16 LE" save: the Chinese of a plan is not UTF-8 long before a control character shows."""
    text = (project.root / "tasks.toml").read_text(encoding="utf-8")
    (project.root / "tasks.toml").write_bytes(text.encode("utf-16-le"))
    err = project.bad("tasks").err
    assert "tasks.toml:" in err and "it looks like UTF-16 without its byte-order mark: save it as UTF-8" in err


def test_a_key_typed_as_an_office_heads_its_column_is_answered_with_the_key_to_write():
    """编号 = "2" was told to be quoted ("编号"), and then was 'not a known key' with no word of which key is."""
    head = '[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\n'
    with pytest.raises(PlanError) as e:
        plan.parse(head + '牵头单位 = "市民政局"\n', "tasks.toml")
    assert e.value.message("zh") == "tasks.toml:7: TOML 格式错误：中文的键（牵头单位）：tasks.toml 中应写作 unit"
    assert str(e.value) == "tasks.toml:7: invalid TOML: a key in Chinese (牵头单位): tasks.toml writes it unit"
    with pytest.raises(PlanError) as e:
        plan.parse(head + '"目标值" = 3\n[[task.metric]]\nkey = "m"\nname = "中心"\nunit = "个"\n', "tasks.toml")
    assert e.value.message("zh").splitlines() == [
        "tasks.toml:7: 任务 1：目标值 不是已知的键：tasks.toml 中应写作 target",
        "tasks.toml:8: 任务 1：缺少 metric.target（目标值）"]


def test_a_key_named_in_a_chinese_message_has_the_office_s_word_beside_it_in_chinese_only():
    for body, zh, en in [
        ('[[task]]\nid = "1"\ntitle = "甲"\n', "tasks.toml:3: 任务 1：缺少 unit（牵头单位）",
         "tasks.toml:3: task 1: unit is required"),
        ('[[task]]\nid = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nname = "中心"\ntarget = 1\n',
         "tasks.toml:7: 任务 1：缺少 metric.key（指标代码）", "tasks.toml:7: task 1: metric.key is required")]:
        with pytest.raises(PlanError) as e:
            plan.parse("[plan]\nyear = 2024\n" + body, "tasks.toml")
        assert (e.value.message("zh"), str(e.value)) == (zh, en)
