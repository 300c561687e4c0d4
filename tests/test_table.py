"""The terminal's table (tracker/render/table.py): how its columns share the width and how a cell is laid out."""

from __future__ import annotations

import io
import re

from rich.cells import cell_len
from rich.console import Console

from tests.test_cli_core import cells
from tracker.render.safe import SafeConsole, Text
from tracker.render.table import Table

TITLE = "新建区域性居家养老服务中心100个,改造社区养老服务站300个"


def _print(table: Table, width: int, colour: bool = False, encoding: str = "utf-8") -> str:
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="")
    console = SafeConsole(file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None,
                          highlight=False, markup=False)
    console.print(table, crop=False)  # as the commands print it: the table cuts its own lines
    out.flush()
    return out.buffer.getvalue().decode(encoding)


def _tasks(*rows, **title_options) -> Table:
    table = Table("2024年目标任务")
    table.add_column("ID", no_wrap=True, style="bold")
    table.add_column("Title", overflow="fold", **title_options)
    table.add_column("Done", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    return table


def test_a_table_that_fits_keeps_each_cell_on_one_line_and_figures_right_aligned():
    out = _print(_tasks(("195", "新建养老服务中心", "35%"), ("2", "改造老旧小区", "100%")), 80)
    lines = out.splitlines()
    assert lines[0].rstrip() == "2024年目标任务"
    body = [line for line in lines if line.strip().startswith(("195", "2 "))]
    assert len(body) == 2
    assert [line.rstrip()[-4:] for line in body] == [" 35%", "100%"]  # right-justified: the figures end together
    assert max(cell_len(line) for line in lines) <= 80


def test_a_long_title_wraps_inside_its_column_never_inside_a_figure_and_its_measure_word():
    out = _print(_tasks(("195", TITLE, "35%")), 40)
    assert max(cell_len(line) for line in out.splitlines()) <= 40
    column = [cells(line, out, "Title", "Done").strip() for line in out.splitlines()[4:]]  # below the header rule
    assert len([part for part in column if part]) > 1
    assert "".join(column) == TITLE
    assert all("100个" in part or "100" not in part for part in column)
    assert all("300个" in part or "300" not in part for part in column)
    assert not any(part.strip().startswith((",", "，")) for part in column)


def test_a_kept_span_moves_whole_to_the_next_line():
    table = _tasks(("1", [("完成重点项目投资 ", None), ("市人力资源社会保障局", "dim", True)], "1%"))
    out = _print(table, 40)
    assert "完成重点项目投资" in out and "市人力资源社会保障局" in out  # on a line of its own, whole
    assert max(cell_len(line) for line in out.splitlines()) <= 40


def test_a_column_that_may_not_wrap_ends_a_line_too_long_with_an_ellipsis():
    table = Table()
    table.add_column("Month", no_wrap=True)
    table.add_column("Note", overflow="fold")
    table.add_row("2024-08-31 23:59:59", "已完成")
    out = _print(table, 16)
    assert "…" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 16


def test_columns_wider_together_than_the_terminal_are_cut_at_its_edge():
    table = Table()
    for name in ("一", "二", "三"):
        table.add_column(name, min_width=20)
    table.add_row("甲", "乙", "丙")
    out = _print(table, 40)
    assert max(cell_len(line) for line in out.splitlines()) == 40


def test_headers_sit_at_the_bottom_of_their_row_and_short_cells_at_the_top_of_theirs():
    table = Table()
    table.add_column("Last\nreport")
    table.add_column("ID")
    table.add_row("2024-08", "1\n2")
    lines = _print(table, 40).splitlines()
    assert lines[1].split() == ["Last"] and lines[2].split() == ["report", "ID"]
    assert lines[4].split() == ["2024-08", "1"] and lines[5].split() == ["2"]


def test_colours_come_from_the_column_and_the_cell_and_only_on_a_terminal():
    table = _tasks(("1", [("新建", None), ("养老", "red")], Text("35%", style="green")))
    assert "\x1b" not in _print(table, 60)
    coloured = _print(table, 60, colour=True)
    assert "\x1b[1m1" in coloured  # the ID column's bold
    assert "\x1b[31m养老" in coloured and re.search("\x1b\\[32m *35%", coloured)


def test_control_characters_in_user_text_are_shown_never_sent():
    table = _tasks(("1", "清屏\x1b[2J", "5%"), ("2", [("响铃\x07", "red")], Text("\x1b]0;x\x07")))
    out = _print(table, 80, colour=True)
    assert "\x1b[2J" not in out and "\x07" not in out and "\x1b]0" not in out
    assert "␛[2J" in out


def test_a_console_that_cannot_encode_box_drawing_gets_an_ascii_box():
    out = _print(_tasks(("195", TITLE, "35%")), 60, encoding="gbk")
    assert "─" not in out and "-" in out and "|" in out


def test_the_least_width_is_what_no_cell_can_be_narrower_than():
    table = Table()
    table.add_column("#", no_wrap=True)
    table.add_column("Unit")
    table.add_row("1", Text("新疆维吾尔自治区人力资源社会保障厅", keep=True))
    console = Console(width=10_000, file=io.StringIO())
    least, most = console.measure(table)
    assert most == 2 + 35 + 3  # "1" and its padding, the name whole and its padding, the edges and the divider
    assert least == 2 + 21 + 3  # a name kept whole may still fold past 20 cells (safe.WIDEST), where nothing fits


def test_an_empty_table_prints_its_header():
    out = _print(_tasks(), 60)
    assert ["ID", "Title", "Done"] == out.splitlines()[2].split()


def test_a_full_width_space_at_a_line_end_loses_no_text():
    table = Table()
    table.add_column("Note", overflow="fold")
    table.add_row("一二三四和　全角空格　　截至目前,全市筹集保障性租赁住房2100套(间)。　　棚户区")
    for width in range(6, 30):
        lines = _print(table, width).splitlines()[3:-1]
        assert len({cell_len(line) for line in lines}) == 1, width  # every line as wide as the table
        shown = "".join(line.strip() for line in lines).replace("　", "")
        assert shown == "一二三四和全角空格截至目前,全市筹集保障性租赁住房2100套(间)。棚户区", width


def test_a_column_that_cuts_with_an_ellipsis_does_not_fold_a_long_word():
    table = Table()
    table.add_column("Recorded", max_width=7)
    table.add_column("Note", overflow="fold")
    table.add_row("2026-12-07 02:15:00", "已完成")
    out = _print(table, 30)
    assert "2026-1…" in out and "02:15:…" in out


def test_the_title_breaks_at_its_spaces():
    table = _tasks(("1", "新建", "1%"))
    table.title = "2025年市政府工作报告重点目标任务分解 · 单位排名 · 截至 2025-10"
    out = _print(table, 40)
    assert "单位排名" in out  # not broken inside a word of the heading
