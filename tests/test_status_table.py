"""`tracker status` as a person reads it: the table at 80 and 200 columns.

The table is a Grid (tracker/render/grid.py), laid out as rich's Table lays
out the others; the last tests hold it to that.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tests.test_check import OFFICE_PLAN, office_months
from tests.test_cli_core import cells
from tracker.render.grid import Column, Grid
from tracker.render.wrap import cell_width, fold, fold_sized

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
    assert LONG_TITLE in column and "教育局·12/27个" in column  # the unit and figures under the title
    assert "→" in out  # a forecast under the bar


def test_the_heading_takes_the_plan_title_and_a_filter_keeps_the_header(office):
    office.write_plan(PLAN.replace("year = 2024", 'year = 2024\ntitle = "2024年市政府重点目标任务"'))
    out = _status(office, 200, "--only", "pending")
    assert out.splitlines()[0].startswith("2024年市政府重点目标任务 · as of 2024-08")
    assert "完成年度考核。" in out and "建成公办幼儿园" not in out
    assert "Title" in _status(office, 200, "--unit", "nobody")


def test_colour_on_a_terminal(office):
    office.monkeypatch.setenv("FORCE_COLOR", "1")
    office.monkeypatch.setenv("TERM", "xterm-256color")
    out = _status(office, 200)
    assert "\x1b[1;31moverdue" in out and "\x1b[35mstalled" in out and "\x1b[1;32mdone" in out
    assert "\x1b[31m督查室" not in out and "␛[31m督查室" in out
    office.monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[31m" not in _status(office, 200)


# --- the Grid against rich's Table ----------------------------------------------------

COLUMNS = [
    {"header": "ID", "no_wrap": True, "style": "bold"},
    {"header": "Title", "min_width": 12},
    {"header": "Progress", "no_wrap": True},
    {"header": "Expected", "justify": "right", "no_wrap": True},
    {"header": "Last report", "min_width": 7},
]
ROWS = [
    ("1", LONG_TITLE, "███░░░░░ 41%\n→ 2028-12 将逾期", "67%", "2025-12"),
    ("22", "Build 100 community care centres and renovate 300 stations, a-very-long-hyphenated-word-that-folds", "x", "100%", ""),
    ("333", "新建　区域性　养老服务中心\n第二行", "unmeasured", "—", "2025-01\n2024-12"),
    ("4", "", "👍🏽 done", "5%", "e\u0301"),
    ("5", "abcdefghijklmnopqrstuvwxyz0123456789 ok 新建区域性居家养老服务中心一百个 好", "进度进度进度进度进度进度进度", "", "a b"),
]


def _rich(width: int, encoding: str = "utf-8") -> str:
    table = Table(title="2024年全市重点目标任务 · as of 2024-08", box=box.SIMPLE_HEAD, pad_edge=False,
                  title_justify="left", header_style="bold")
    for c in COLUMNS:
        table.add_column(c["header"], justify=c.get("justify", "left"), no_wrap=c.get("no_wrap", False),
                         overflow="ellipsis" if c.get("no_wrap") else "fold", min_width=c.get("min_width"),
                         style=c.get("style"))
    for row in ROWS:
        table.add_row(*map(Text, row))
    return _print(table, width, encoding)


def _grid(width: int, encoding: str = "utf-8") -> str:
    grid = Grid([Column(c["header"], justify=c.get("justify", "left"), wrap=not c.get("no_wrap"),
                        min_width=c.get("min_width"), style=c.get("style", "")) for c in COLUMNS],
                "2024年全市重点目标任务 · as of 2024-08")
    for row in ROWS:
        grid.add_row(*row)
    return _print(grid, width, encoding)


class _File(io.StringIO):
    encoding = "utf-8"


def _print(renderable, width: int, encoding: str) -> str:
    out = _File()
    out.encoding = encoding  # rich draws an ASCII box where the output cannot encode box drawing
    console = Console(file=out, width=width, color_system=None, markup=False, highlight=False)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [*range(24, 80, 3), 80, 81, 120, 200])
def test_grid_lays_out_text_as_rich_table_does(width):
    assert _grid(width) == _rich(width)


@pytest.mark.parametrize("width", [40, 80, 200])
def test_grid_draws_rich_tables_ascii_box_on_a_gbk_console(width):
    assert _grid(width, "gbk") == _rich(width, "gbk")
    assert _grid(width, "gbk").splitlines()[1].startswith("+--")


TEXT = st.text(st.sampled_from(list("ab 中文。,1") + ["\u0301", "\u200d", "\ufe0f", "👍", "ｱ", "\u3000"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(1, 12))
def test_fold_and_width_answer_as_rich_does(text, width):
    assert cell_width(text) == cell_len(text)
    assert fold(text, width) == chop_cells(text, width)
    assert all(size == cell_len(line) for line, size in fold_sized(text, width))


# --- `tasks` and `overdue`: Grids too, laid out as the rich Tables they were -------------

LISTS_PLAN = f"""
[plan]
title = "2024年全市重点目标任务"

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"
co_units = ["市财政局", "市住房和城乡建设局"]
start = 2024-01-01
due = 2024-06-30

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100
baseline = 12

[[task.metric]]
key = "stations"
name = "社区养老服务站"
unit = "个"
target = 300
mode = "increment"

[[task.milestone]]
due = 2024-03-31
target = 50
metric = "centres"

[[task]]
id = "7"
title = "{LONG_TITLE}"
unit = "市住房和城乡建设局"
due = 2024-03-31

[[task]]
id = "12"
title = "Build 100 community care centres and renovate 300 stations, a-very-long-hyphenated-word-that-folds"
unit = "City Civil Affairs Bureau"
due = 2024-07-31

[[task.metric]]
key = "kg"
name = "garden"
unit = "个"
target = 40

[[task]]
id = "13"
title = "完善考核办法。"
unit = "市督查室"
due = 2025-12-31
"""


def _old_rich_lists(project, lang: str) -> tuple:
    """`tasks` and `overdue` as the rich Tables the commands printed before they were Grids."""
    from tracker import months
    from tracker.commands.status_cmds import standings
    from tracker.context import Project, today
    from tracker.evaluate import days_overdue
    from tracker.labels import label
    from tracker.render.terminal import bar, fig, pct

    def table(title):
        return Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False,
                     title_justify="left", header_style="bold")

    plan, rows = standings(Project(str(project.tasks), str(project.db)), months.parse("2024-08"))
    tasks = table(plan.title)
    for name, wrap in (("ID", False), ("Title", True), ("Unit", True), ("Start", False), ("Due", False), ("Metrics", True)):
        tasks.add_column(label(lang, name), no_wrap=not wrap, overflow="fold" if wrap else "ellipsis",
                         style="bold" if name == "ID" else None)
    for t in plan.tasks:
        lines = []
        for m in t.metrics:
            line = f"{m.key}: {m.name} {fig(m.target)}{m.unit}"
            line += f" (from {fig(m.baseline)})" if m.baseline else ""
            line += " [increment]" if m.mode == "increment" else ""
            lines.append(line)
        lines += [f"  {s.due.isoformat()} → {fig(s.target)} ({s.metric})" for s in t.milestones]
        unit = t.unit + ("\n+ " + "、".join(t.co_units) if t.co_units else "")
        tasks.add_row(Text(t.id), Text(t.title), Text(unit), t.start.isoformat(), t.due.isoformat(),
                      Text("\n".join(lines) or "—"))
    late = sorted(((s, days_overdue(s, today())) for s in rows if "overdue" in s.flags), key=lambda r: (-r[1], r[0].task.due))
    assert len(late) == 3
    overdue = table(f"{label(lang, 'overdue')} · {label(lang, 'as of')} 2024-08")
    for name, wrap in (("ID", False), ("Title", True), ("Unit", True), ("Due", False), ("Days overdue", False), ("Progress", False)):
        overdue.add_column(label(lang, name), no_wrap=not wrap, overflow="fold" if wrap else "ellipsis",
                           style="bold" if name == "ID" else None,
                           justify="right" if name == "Days overdue" else "left")
    for s, days in late:
        progress = bar(s.completion, 8)
        progress.append(f" {pct(s.completion)}")
        overdue.add_row(Text(s.task.id), Text(s.task.title), Text(s.task.unit), s.task.due.isoformat(),
                        Text(str(days), style="red"), progress)
    return tasks, overdue


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tasks_and_overdue_lay_out_as_their_rich_tables_did(project, lang):
    project.write_plan(LISTS_PLAN)
    project.ok("log", "195", "--month", "2024-05", "--set", "centres=40", "--set", "stations=20")
    project.ok("log", "12", "--month", "2024-06", "--set", "kg=10")
    tasks, overdue = _old_rich_lists(project, lang)
    for width in (30, 40, 61, 80, 120, 200):
        project.monkeypatch.setenv("COLUMNS", str(width))
        assert project.ok("tasks", "--lang", lang).out == _print(tasks, width, "utf-8"), width
        assert project.ok("overdue", "--lang", lang, "--month", "2024-08").out == _print(overdue, width, "utf-8"), width


def test_a_grid_writes_the_same_text_with_and_without_colour():
    """Without a colour system a Grid joins each line into one segment (a province's million pieces
    otherwise); with one, each styled piece keeps its style: the text is the same."""
    import re

    grid = Grid([Column("ID", wrap=False, style="bold"), Column("Title"), Column("Progress", wrap=False)], "标题")
    for i, row in enumerate(ROWS):
        grid.add_row(row[0], [(row[1], "red" if i % 2 else None), ("\n新行", "dim")], [("███", "blue"), (" 41%", None)])
    out = _File()
    Console(file=out, width=60, color_system="standard", markup=False, highlight=False).print(grid)
    coloured = out.getvalue()
    assert "\x1b[31m" in coloured and "\x1b[34m███" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == _print(grid, 60, "utf-8")
