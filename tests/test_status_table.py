"""`tracker status` as a person reads it: the table at 80 and 200 columns."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.test_check import OFFICE_PLAN, office_months
from tests.test_cli_core import cells

LONG_TITLE = "推进城市更新行动,完成老旧小区改造100个、背街小巷整治200条,新建口袋公园30个,城市生活垃圾分类覆盖率达到98%以上。"

# OFFICE_PLAN (test_check) as of 2024-08: 1 stalled, 2 overdue, 3 on track, 4 pending, 5 done;
# and here 6 behind, 7 never measured, with a long title and a unit holding an escape character.
PLAN = OFFICE_PLAN + f"""
[[task]]
id = "6"
title = "{LONG_TITLE}"
unit = "市住房和城乡建设局"

[[task.metric]]
key = "estates"
name = "老旧小区"
unit = "个"
target = 100

[[task]]
id = "7"
title = "完善考核办法。"
unit = "市\\u001b[31m督查室"
"""


@pytest.fixture
def office(project):
    office_months(project, PLAN)
    project.ok("log", "6", "--month", "2024-08", "--set", "estates=10")
    project.ok("log", "7", "--month", "2024-08", "--note", "正在起草。")
    return project


def _status(project, columns: int, *args: str) -> str:
    project.monkeypatch.setenv("COLUMNS", str(columns))
    return project.ok("status", "--month", "2024-08", *args).out


def _fits(out: str, width: int) -> None:
    assert max(cell_len(line) for line in out.splitlines()) <= width


def _title_column(out: str, header: str, next_header: str) -> str:
    return "".join(cells(line, out, header, next_header) for line in out.splitlines()).replace(" ", "")


def test_wide_table_has_a_column_for_each_and_every_status_in_words(office):
    out = _status(office, 200)
    _fits(out, 200)
    assert "\x1b" not in out, "no colour and no escape outside a terminal"
    assert out.splitlines()[0].startswith("as of 2024-08")
    header = next(line for line in out.splitlines() if "Title" in line)
    names = ["ID", "Title", "Unit", "Progress", "Expected", "Status", "Flags", "Last report", "Metrics", "Forecast"]
    assert [header.index(n) for n in names] == sorted(header.index(n) for n in names)
    assert set(out.splitlines()[out.splitlines().index(header) + 1].strip()) == {"─"}
    for word in ("stalled", "overdue", "on track", "pending", "done", "behind", "missing", "unmeasured"):
        assert word in out, word
    row = next(line for line in out.splitlines() if line.split()[:1] == ["1"])
    assert "建成公办幼儿园27所。" in row and "教育局" in row and "12/27个" in row and "44%" in row and "67%" in row
    assert LONG_TITLE in _title_column(out, "Title", "Unit")  # folded within its column, nothing cut
    assert "市␛[31m督查室" in out  # the escape in the unit is shown, not obeyed


def test_narrow_table_folds_unit_figures_and_forecast_into_other_cells(office):
    out = _status(office, 80, "--lang", "zh")
    _fits(out, 80)
    header = next(line for line in out.splitlines() if "目标任务" in line)
    assert header.split() == ["编号", "目标任务", "完成进度", "序时进度", "状态", "最近报送"]
    for word in ("停滞", "逾期", "正常", "未开始", "已完成", "滞后", "未报送", "未量化"):
        assert word in out, word
    column = _title_column(out, "目标任务", "完成进度")
    assert LONG_TITLE in column and "教育局12/27个" in column  # the unit and figures under the title
    assert "→" in out  # a forecast under the bar
    english = _status(office, 80)
    _fits(english, 80)
    lines = english.splitlines()
    at = next(i for i, line in enumerate(lines) if " Title " in line)
    assert lines[at - 1].split() == ["Last"] and lines[at].split()[-1] == "report"  # whole, on two lines


@pytest.mark.parametrize("columns", [40, 50, 60, 70, 71, 72, 79])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_narrow_terminal_keeps_every_task_s_id_title_and_status_whole(office, columns, lang):
    """A split pane or a phone's terminal: nothing cut at its edge, each status and the time elapsed still said."""
    out = _status(office, columns, "--lang", lang)
    _fits(out, columns)
    words = {"en": ("stalled", "overdue", "on track", "pending", "done", "behind", "missing", "unmeasured", "67%"),
             "zh": ("停滞", "逾期", "正常", "未开始", "已完成", "滞后", "未报送", "未量化", "67%")}[lang]
    for word in words:
        assert word in out, word
    assert LONG_TITLE in _title_column(out, *{"en": ("Title", "Status"), "zh": ("目标任务", "状态")}[lang]) or \
        LONG_TITLE in _title_column(out, *{"en": ("Title", "Progress"), "zh": ("目标任务", "完成进度")}[lang])
    assert "2024-08" in out.split("\n", 1)[1]  # the last report, besides the heading's month


def test_the_heading_takes_the_plan_title_and_a_filter_keeps_the_header(office):
    office.write_plan(PLAN.replace("year = 2024", 'year = 2024\ntitle = "2024年市政府重点目标任务"'))
    out = _status(office, 200, "--only", "pending")
    assert out.splitlines()[0].startswith("2024年市政府重点目标任务 · as of 2024-08")
    assert "完成年度考核。" in out and "建成公办幼儿园" not in out
    none = _status(office, 200, "--only", "blocked")  # no task is blocked: the header stays, and it is said
    assert "Title" in none and none.rstrip().endswith("no task matches these filters as of 2024-08")
    assert _status(office, 200, "--only", "受阻", "--lang", "zh").rstrip().endswith("截至 2024-08，没有符合筛选条件的任务")
    err = office.bad("status", "--unit", "nobody").err          # a unit that names no task: refused, the known ones named
    assert err.startswith("--unit nobody: no task has this lead unit (units: 教育局、民政局") and "␛[31m督查室" in err


def test_colour_on_a_terminal(office):
    office.monkeypatch.setenv("FORCE_COLOR", "1")
    office.monkeypatch.setenv("TERM", "xterm-256color")
    out = _status(office, 200)
    assert "\x1b[1;31moverdue" in out and "\x1b[35mstalled" in out and "\x1b[1;32mdone" in out
    assert "\x1b[31m督查室" not in out and "␛[31m督查室" in out
    office.monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[31m" not in _status(office, 200)


def test_a_task_with_no_forecast_is_not_foretold_late(project, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = project.ok("status", "--month", "2024-08").out  # task 195: no report, so no rate to project
    assert "→" not in out and "— late" not in out  # nothing under its bar: `→ —` was noise
    project.monkeypatch.setenv("COLUMNS", "200")  # its own column says `—`
    row = next(line for line in project.ok("status", "--month", "2024-08").out.splitlines() if line.startswith(" 195"))
    assert row.rstrip().endswith("0/100个    —")  # the Forecast column, last
    assert "超期" not in project.ok("status", "--month", "2024-08", "--lang", "zh").out
    # show says it as status does: no forecast, and its chart's legend says why, the JSON that it is late
    project.ok("log", "195", "--month", "2024-03", "--set", "centres=10")
    shown = project.ok("show", "195", "--month", "2024-08", "--lang", "zh").out
    assert "预计完成 —\n" in shown and "超期" not in shown and "预计完成：近三个月无进展" in shown
    assert project.ok("show", "195", "--month", "2024-08", "--format", "json").json()["task"]["forecast_late"] is True


def test_a_figure_and_its_target_are_written_alike_either_side_of_the_slash(project):
    """2293.3 of 4599 reads as 2293.3/4599个, not 2,293.3/4599个; separators from 10,000 on, whole or not."""
    project.write_plan("""
        [plan]
        year = 2024

        [[task]]
        id = "1"
        title = "建成5G基站4599个,新增充电桩12000台"
        unit = "市工业和信息化局"

        [[task.metric]]
        key = "bases"
        name = "5G基站"
        unit = "个"
        target = 4599

        [[task.metric]]
        key = "piles"
        name = "充电桩"
        unit = "台"
        target = 12000
    """)
    project.ok("log", "1", "--month", "2024-08", "--set", "bases=2293.3", "--set", "piles=10500.5")
    out = project.ok("status", "--month", "2024-08").out
    assert "2293.3/4599个" in out and "10,500.5/12,000台" in out
    assert "2293.3" in project.ok("show", "1", "--month", "2024-08").out



# Long titles, unit names, figures and a late forecast leave the Flags column little room: tasks 1–3 are
# overdue, stalled, behind and missing (three flags beside the status); task 4 is foretold late.
CROWDED = "[plan]\nyear = 2024\n" + "".join(f"""
[[task]]
id = "{n}"
title = "{title}"
unit = "{unit}"
due = {due}

[[task.metric]]
key = "m"
unit = "万人次"
target = 1200.5
""" for n, (title, unit, due) in enumerate([
    (LONG_TITLE, "市城市管理综合行政执法局", "2024-06-30"),
    ("新增城镇就业5万人,城镇登记失业率控制在3.5%以内。", "市人力资源和社会保障局", "2024-06-30"),
    ("完成老旧小区改造120个,惠及居民3万户。", "市住房和城乡建设局", "2024-06-30"),
    ("建成市第一人民医院新院区并投入使用。", "市卫生健康委员会", "2024-12-31")], start=1))


@pytest.mark.parametrize("columns", [140, 150])
def test_a_flag_is_never_broken_inside_its_word(project, columns):
    project.write_plan(CROWDED)
    for n in ("1", "2", "3"):
        project.ok("log", n, "--month", "2024-03", "--set", "m=360.15")
    project.ok("log", "4", "--month", "2024-06", "--set", "m=120.05")
    project.ok("log", "4", "--month", "2024-08", "--set", "m=360.15")
    out = _status(project, columns, "--lang", "zh")
    _fits(out, columns)
    flags = [cells(line, out, "标记", "最近报送").split() for line in out.splitlines()[4:]]
    assert ["停滞", "滞后"] in flags or ["停滞", "滞后", "未报送"] in flags
    assert all(word in {"停滞", "滞后", "未报送"} for line in flags for word in line), flags  # never 未报 / 送


def test_overdue_on_a_narrow_terminal_folds_the_unit_and_due_under_the_title(project):
    """At 60 columns the six columns left the title two characters wide ("Titl"/"e", 新建/区域…); at 80 a unit
    of 9 characters was broken inside its name. Folded, the title reads, the unit is whole and the due is said."""
    office_months(project, PLAN.replace('unit = "民政局"\ndue = 2024-06-30',
                                        'unit = "市发展和改革委员会"\ndue = 2024-06-30', 1)
                  .replace('id = "2"\ntitle = "', f'id = "2"\ntitle = "{LONG_TITLE}', 1))
    for columns, lang in ((60, "en"), (60, "zh"), (80, "zh"), (80, "en")):
        project.monkeypatch.setenv("COLUMNS", str(columns))
        out = project.ok("overdue", "--month", "2024-08", "--lang", lang).out
        _fits(out, columns)
        lines = out.splitlines()
        title, unit, due = ("Title", "市发展和改革委员会", "Due 2024-06-30") if lang == "en" else \
            ("目标任务", "市发展和改革委员会", "截止 2024-06-30")
        assert any(line.split()[:2] == [("ID" if lang == "en" else "编号"), title] for line in lines)
        assert any(line.strip() == unit for line in lines) and any(line.strip() == due for line in lines)
        assert any(line.startswith(" 2 ") and LONG_TITLE[:10] in line for line in lines)  # a title that reads
    project.monkeypatch.setenv("COLUMNS", "200")  # wide: a column each, as before
    out = project.ok("overdue", "--month", "2024-08").out
    assert "市发展和改革委员会   2024-06-30" in out and "Due 2024-06-30" not in out


def test_a_figure_and_its_target_are_grouped_alike(project):
    """8153/36,268个 read as two kinds of number side by side: both grouped once either reaches 10,000, in
    status, log's line, check's stalled and regressed, and the warning of a figure below the month before's."""
    project.write_plan("""
        [plan]
        year = 2024

        [[task]]
        id = "1"
        title = "新增学位。"
        unit = "市教育局"

        [[task.metric]]
        key = "seats"
        name = "学位"
        unit = "个"
        target = 36268
        """)
    project.ok("log", "1", "--month", "2024-06", "--set", "seats=11339")
    logged = project.ok("log", "1", "--month", "2024-07", "--set", "seats=8153")
    assert "seats=8,153/36,268个" in logged.out and "8,153个 is below" in logged.err and "11,339" in logged.err
    project.monkeypatch.setenv("COLUMNS", "200")
    assert "8,153/36,268个" in project.ok("status", "--month", "2024-08").out
    assert "8,153/36,268 个" in project.run("check", "--month", "2024-08").out
    assert "11,339 → 8,153 个" in project.run("check", "--month", "2024-07").out
    project.ok("log", "1", "--month", "2024-08", "--set", "seats=9000")
    assert "9000/36,268" not in project.ok("status", "--month", "2024-08").out


def test_a_forecast_past_the_due_says_so_in_chinese_without_foretelling_an_overdue_task_late(project, monkeypatch):
    # task 4 is overdue already (due in June); `将逾期` (will be overdue) beside its 逾期 said the opposite: 超期,
    # past the deadline, is true of it and of task 3, due in August and foreseen in September
    project.write_plan("""
[plan]
year = 2024

[[task]]
id = "3"
title = "新建城市书房30个。"
unit = "市文化广电旅游局"
due = 2024-08-31

[[task.metric]]
key = "rooms"
name = "城市书房"
unit = "个"
target = 30

[[task]]
id = "4"
title = "提高城乡低保救助标准。"
unit = "市民政局"
due = 2024-06-30
""")
    project.ok("log", "3", "--month", "2024-06", "--set", "rooms=12")
    project.ok("log", "3", "--month", "2024-08", "--set", "rooms=27")
    project.ok("log", "4", "--month", "2024-06", "--percent", "60")
    project.ok("log", "4", "--month", "2024-08", "--percent", "90")
    monkeypatch.setenv("COLUMNS", "80")  # under the bar
    lines = project.ok("status", "--month", "2024-08", "--lang", "zh").out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(" 4 "))
    assert "逾期" in lines[at] and "→ 2024-09 超期" in lines[at + 1]
    assert sum("→ 2024-09 超期" in line for line in lines) == 2 and not any("将逾期" in line for line in lines)
    monkeypatch.setenv("COLUMNS", "200")  # in its own column, last
    rows = [line.rstrip() for line in project.ok("status", "--month", "2024-08", "--lang", "zh").out.splitlines()
            if line.startswith((" 3 ", " 4 "))]
    assert [row.endswith("2024-09 超期") for row in rows] == [True, True]
    assert "预计完成 2024-09（超期）" in project.ok("show", "4", "--month", "2024-08", "--lang", "zh").out
