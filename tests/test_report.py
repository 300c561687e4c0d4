"""`tracker report`: the monthly progress table in md, csv, xlsx and json (SPEC: The monthly progress table)."""

from __future__ import annotations

import io

import pytest

from tracker.core import months
from tracker.core.evaluate import evaluate
from tracker.core.model import Plan, Task, TaskLog
from tracker.render.markdown import monthly_md
from tracker.core.rows import monthly_cells, monthly_table

NOTE_195 = "截至目前,全市新建区域性居家养老服务中心15个、改造社区养老服务站117个。"


def logged(project):
    """BASIC_PLAN with 195 reported in August 2024 and 184 reported only in July."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117", "--note", NOTE_195)
    project.ok("log", "184", "--month", "2024-07", "--percent", "40", "--note", "已完成提标测算。")
    return project


def test_markdown_is_the_exchanged_table_with_a_heading(project):
    out = logged(project).ok("report", "--month", "2024-08", "--lang", "zh").out
    assert out == (
        "# 2024年市民政局重点目标任务（2024年8月）\n"
        "\n"
        "| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
        "| ---: | --- | --- |\n"
        f"| 1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | {NOTE_195} |\n"
        "| 2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 本月未报送进展 |\n"
    )


def test_markdown_in_english_with_status(project):
    out = logged(project).ok("report", "--month", "2024-08", "--with-status").out
    lines = out.splitlines()
    assert lines[0] == "# 2024年市民政局重点目标任务 — August 2024"
    assert lines[2] == "| No. | Task | Progress overall and in August | Completion | Status |"
    assert lines[3] == "| ---: | --- | --- | ---: | --- |"
    # 195: (15/100 + 117/300) / 2 = 0.27 against 8/12 of the year: behind.
    assert lines[4].endswith(f"| {NOTE_195} | 27% | behind |")
    # 184 reported 40 % in July, nothing in August: behind, and its report is missing.
    assert lines[5] == "| 2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | no report this month | 40% | behind · missing |"


def test_a_task_short_of_done_never_prints_100_percent(project):
    """99.7 % done rounds to 100 %, beside a status that says it is not done: every format prints 99 %."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=100", "--set", "stations=298")
    md = project.ok("report", "--month", "2024-08", "--with-status").out.splitlines()[4]
    assert md.endswith("| 99% | on track |"), md
    assert "99%" in project.ok("status", "--month", "2024-08").out
    assert _xlsx(project, "--with-status")["D3"].value == pytest.approx(0.99)
    html = project.ok("report", "--month", "2024-08", "--with-status", "--format", "html").out
    assert '<td class="pct">99%</td>' in html and '<td class="pct">100%</td>' not in html
    assert project.ok("units", "--month", "2024-08", "--format", "json").json()["units"][0]["completion"] < 1
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=100", "--set", "stations=300")
    assert project.ok("report", "--month", "2024-08", "--with-status").out.splitlines()[4].endswith("| 100% | done |")


def test_markdown_escapes_pipes_and_line_breaks(project):
    project.ok("log", "184", "--month", "2024-08", "--percent", "50", "--note", "一、提标 | 测算\n二、发放")
    out = project.ok("report", "--month", "2024-08").out
    assert "| 2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 一、提标 \\| 测算<br>二、发放 |" in out


def test_json_shape(project):
    data = logged(project).ok("report", "--month", "2024-08", "--format", "json").json()
    assert data["as_of"] == "2024-08"
    assert data["title"] == "2024年市民政局重点目标任务"
    first, second = data["rows"]
    assert {k: first[k] for k in ("no", "id", "title", "progress", "completion", "status")} == {
        "no": 1, "id": "195", "title": "新建区域性居家养老服务中心100个,改造社区养老服务站300个。",
        "progress": NOTE_195, "completion": 0.27, "status": "behind"}
    assert second["progress"] is None
    assert second["completion"] == 0.4
    assert second["flags"] == ["behind", "missing"]


def test_json_is_one_compact_line_in_a_pipe_or_a_file_indented_on_a_terminal(project):
    """As every command's JSON: a report's in a pipe or a file is one line, the same data as on a terminal."""
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    logged(project)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "tracker", "report", "--month", "2024-08", "--format", "json"]
    piped = subprocess.run(args, cwd=project.root, env=env, capture_output=True, text=True, check=True).stdout
    assert piped.count("\n") == 1 and ": " not in piped.replace(NOTE_195, "")
    subprocess.run([*args, "-o", "table.json"], cwd=project.root, env=env, capture_output=True, check=True)
    assert (project.root / "table.json").read_text(encoding="utf-8") == piped
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(args[0], args[1:], cwd=str(project.root), env={**env, "TERM": "dumb"},
                          encoding="utf-8", timeout=30, dimensions=(50, 200))
    shown = child.read()
    child.close()
    assert child.exitstatus == 0 and shown.startswith("{\r\n  \"as_of\": \"2024-08\"")
    assert json.loads(shown) == json.loads(piped)


def test_json_title_is_null_without_plan_title(project):
    project.write_plan("[plan]\nyear = 2024\n\n[[task]]\nid = \"1\"\ntitle = \"t\"\nunit = \"u\"\n")
    data = project.ok("report", "--month", "2024-08", "-f", "json").json()
    assert data["title"] is None
    assert data["rows"] == [{"no": 1, "id": "1", "title": "t", "progress": None, "problems": None,
                             "next_steps": None, "completion": 0.0,
                             "measured": False, "status": "stalled", "flags": ["stalled", "missing"], "warnings": []}]


def test_csv_bytes_bom_crlf_and_formula_neutralised(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--note", "=HYPERLINK(\"http://x\",\"点此\")")
    project.ok("log", "184", "--month", "2024-08", "--percent", "10", "--note", "@SUM(A1)")
    r = project.runner.invoke(__import__("tracker.cli", fromlist=["app"]).app,
                              ["report", "--month", "2024-08", "--format", "csv", "--lang", "zh"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout_bytes == (
        "\ufeff序号,目标任务,总体工作进展及8月份进展\r\n"
        "1,\"195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。\",\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"\r\n"
        "2,184.提高城乡低保、特困人员等困难群体救助标准。,'@SUM(A1)\r\n"
    ).encode("utf-8")


@pytest.mark.parametrize("text, safe", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"),
                                        ("\tx", "'\tx"), ("1.x=y", "1.x=y"), ("截至目前", "截至目前")])
def test_csv_cells_that_start_a_formula_get_a_quote(text, safe):
    from tracker.render.csv_ import safe as neutral

    assert neutral(text) == safe


def test_csv_keeps_line_breaks_inside_quoted_cells(project):
    import csv

    project.ok("log", "184", "--month", "2024-08", "--percent", "10", "--note", "一、甲\n二、乙")
    out = project.tmp = project.root / "t.csv"
    project.ok("report", "--month", "2024-08", "-o", str(out), "--with-status")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == ["No.", "Task", "Progress overall and in August", "Completion", "Status"]
    assert rows[2][2] == "一、甲\n二、乙"
    assert rows[2][3:] == ["10%", "behind"]


def _xlsx(project, *extra):
    from openpyxl import load_workbook

    path = project.root / "table.xlsx"
    r = project.ok("report", "--month", "2024-08", "-o", str(path), *extra)
    assert "wrote" in r.out or "已写入" in r.out
    return load_workbook(path).active


def test_xlsx_layout_for_printing(project):
    logged(project)
    ws = _xlsx(project, "--lang", "zh", "--with-status")
    assert ws.title == "2024-08"
    assert ws["A1"].value == "2024年市民政局重点目标任务（2024年8月）"
    assert ws["A1"].font.b
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == ["序号", "目标任务", "总体工作进展及8月份进展", "完成率", "状态"]
    assert all(c.font.b for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert [c.value for c in ws[3]][:3] == [1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195]
    assert ws["D3"].value == pytest.approx(0.27) and ws["D3"].number_format == "0%"
    assert ws["E4"].value == "滞后 · 未报送"
    for row in ws.iter_rows(min_row=3):
        assert row[1].alignment.wrap_text and row[2].alignment.wrap_text
        assert all(c.border.left.style == "thin" and c.border.bottom.style == "thin" for c in row)
        assert ws.row_dimensions[row[0].row].height >= 21


def test_xlsx_widths_count_a_chinese_character_double(project):
    project.write_plan('[plan]\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = "养老服务"\nunit = "u"\n')
    project.ok("log", "1", "--month", "2024-08", "--percent", "10", "--note", "abc")
    ws = _xlsx(project)
    # "1.养老服务": 2 narrow + 4 wide characters = 10 units, plus 2 of padding.
    assert ws.column_dimensions["B"].width == 12
    # The progress column is at least 40 wide; "Progress overall and in August" is 30 + 2.
    assert ws.column_dimensions["C"].width == 40


def test_xlsx_long_notes_share_a_landscape_page(project):
    long = "全市新建区域性居家养老服务中心15个。" * 40
    project.ok("log", "195", "--month", "2024-08", "--note", long)
    ws = _xlsx(project, "--with-status")
    widths = [ws.column_dimensions[c].width for c in "ABCDE"]
    assert sum(widths) == 140 and 40 <= widths[2] <= 90
    # 760 wide characters in a column of that width take many lines: the row is tall enough.
    assert ws.row_dimensions[3].height >= 15 * (760 * 2 // widths[2])


def test_xlsx_never_stores_a_formula(project):
    project.ok("log", "195", "--month", "2024-08", "--note", "=1+1")
    project.ok("log", "184", "--month", "2024-08", "--note", "=HYPERLINK(\"http://evil\")")
    ws = _xlsx(project)
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert ws["C3"].value == "=1+1" and ws["C3"].data_type == "s"


def test_xlsx_to_a_pipe_is_the_file_itself(project):
    from tracker.cli import app

    r = project.runner.invoke(app, ["report", "--month", "2024-08", "-f", "xlsx"])
    assert r.exit_code == 0
    assert r.stdout_bytes[:2] == b"PK"


def test_format_follows_the_output_file(project):
    logged(project)
    project.ok("report", "--month", "2024-08", "-o", "t.json")
    assert (project.root / "t.json").read_text(encoding="utf-8").startswith('{"as_of":"2024-08",')
    project.ok("report", "--month", "2024-08", "-o", "t.txt")
    assert (project.root / "t.txt").read_text(encoding="utf-8").startswith("# 2024年")


def test_format_and_file_that_disagree_are_refused(project):
    r = project.bad("report", "-o", "t.xlsx", "--format", "csv")
    assert "t.xlsx" in r.err and "csv" in r.err
    assert not (project.root / "t.xlsx").exists()


def test_bad_month_is_refused(project):
    project.bad("report", "--month", "2024-13")


def test_without_a_log_every_task_has_the_placeholder(project):
    out = project.ok("report", "--month", "2024-08").out
    assert out.count("| no report this month |") == 2


# --- the neutral table, without the CLI ---------------------------------------------------


def _plan():
    import datetime as dt

    tasks = tuple(Task(str(i), f"任务{i}", "u", dt.date(2024, 1, 1), dt.date(2024, 12, 31)) for i in (7, 3, 9))
    return Plan(tasks, title="T", year=2024)


def test_monthly_table_numbers_tasks_in_declaration_order():
    plan = _plan()
    p = months.make(2024, 8)
    logs = {"3": TaskLog(months={p}, percent={p: 50.0}, notes={p: "过半"})}
    table = monthly_table(plan, evaluate(plan, logs, p), p, "zh", with_status=True)
    assert [(r.no, r.id) for r in table.rows] == [(1, "7"), (2, "3"), (3, "9")]
    assert monthly_cells(table, table.rows[1]) == ["2", "3.任务3", "过半", "50%", "滞后"]
    # Unmeasured and silent since June: stalled, and this month's report is missing.
    assert monthly_cells(table, table.rows[0]) == ["1", "7.任务7", "本月未报送进展", "未量化", "停滞 · 未报送"]
    assert table.rows[1].standing.task.id == "3"
    assert monthly_md(table).splitlines()[0] == "# T（2024年8月）"


def test_the_output_file_is_readable_like_any_new_file(project):
    import os

    old = os.umask(0o022)
    try:
        project.ok("report", "--month", "2024-08", "-o", "t.xlsx")
    finally:
        os.umask(old)
    assert os.stat(project.root / "t.xlsx").st_mode & 0o777 == 0o644


def test_a_department_s_own_table_and_a_table_of_flagged_tasks(project):
    """--unit, --category and --only choose the tasks as status does, in every format; the heading says so."""
    logged(project)
    md = project.ok("report", "--month", "2024-08", "--lang", "zh", "--unit", "市民政局", "--only", "滞后").out
    assert md.splitlines()[0] == "# 2024年市民政局重点目标任务（2024年8月，市民政局牵头，滞后）"
    assert [line.split(" | ")[1] for line in md.splitlines()[4:]] == [
        "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "184.提高城乡低保、特困人员等困难群体救助标准。"]
    data = project.ok("report", "--month", "2024-08", "--only", "missing", "--format", "json").json()
    assert [(r["no"], r["id"]) for r in data["rows"]] == [(1, "184")]  # numbered anew, 1…n
    r = project.ok("report", "--month", "2024-08", "--only", "overdue,behind", "-o", "t.docx")
    assert "(docx, 2 tasks, 2024年市民政局重点目标任务 — August 2024 — overdue, behind)" in r.out
    assert project.bad("report", "--unit", "民政局").err == "--unit 民政局: no task has this lead unit; did you mean 市民政局?\n"
    none = project.ok("report", "--month", "2024-08", "--only", "done")
    assert none.err == "no task matches these filters as of 2024-08\n" and "| No. |" in none.out


def test_a_task_done_before_says_so_where_it_sent_no_report_and_the_table_reads_back(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=100", "--set", "stations=300")
    md = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    assert md.splitlines()[4].endswith("| 已完成，本月未报送进展 |")  # nothing owed: not a missing report
    assert md.splitlines()[5].endswith("| 本月未报送进展 |")
    assert "| done; no report this month |" in project.ok("report", "--month", "2024-08").out
    (project.root / "back.md").write_text(md, encoding="utf-8")
    assert "0 entries" in project.ok("import", "back.md", "--month", "2024-08", "--dry-run").out
    from tests.conftest import BASIC_PLAN

    project.write_plan(BASIC_PLAN + "start = 2024-10-01\n")  # 184 starts after August: it owes no report yet
    md = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    assert md.splitlines()[5].endswith("| 尚未开始，无需报送 |")
    (project.root / "back.md").write_text(md, encoding="utf-8")
    assert "0 entries" in project.ok("import", "back.md", "--month", "2024-08", "--dry-run").out


def test_a_report_without_a_note_is_not_called_no_report_and_the_table_reads_back(project):
    # SPEC: the progress cell is the month's note, a placeholder saying that no report came in where none did.
    # 195 reported its figures for August with no note: it is not missing, and the table must not say it is.
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=20", "--set", "stations=120")
    assert "missing" not in project.ok("status", "--format", "json").json()["tasks"][0]["flags"]
    md = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    assert md.splitlines()[4].endswith("| 已报送，未附进展情况 |")
    assert md.splitlines()[5].endswith("| 本月未报送进展 |")  # 184 sent nothing
    assert "| reported; no progress note |" in project.ok("report", "--month", "2024-08").out
    (project.root / "back.md").write_text(md, encoding="utf-8")
    assert "0 entries" in project.ok("import", "back.md", "--month", "2024-08", "--dry-run").out


def test_a_half_percent_rounds_up_as_offices_round(project):
    """29 of 100 centres and none of 300 stations is 14.5 %: the table, status, units and xlsx print 15 %, not
    Python's 14 % (round half to even, and 0.145 * 100 falls a hair short of 14.5); 2.5 % prints 3 %."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=29", "--set", "stations=0")
    assert project.ok("report", "--month", "2024-08", "--with-status").out.splitlines()[4].endswith("| 15% | behind |")
    assert " 15%" in project.ok("status", "--month", "2024-08").out
    assert " 15%" in project.ok("units", "--month", "2024-08").out
    assert _xlsx(project, "--with-status")["D3"].value == pytest.approx(0.15)
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=5")
    assert project.ok("report", "--month", "2024-08", "--with-status").out.splitlines()[4].endswith("| 3% | behind |")
