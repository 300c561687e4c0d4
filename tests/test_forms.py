"""`tracker forms` out and `tracker import` back (SPEC: Forms): each form written, filled in through openpyxl as a
department would, and imported; a tampered form refused, naming the cell."""

from __future__ import annotations

import json

import openpyxl
import pytest

PLAN = """
[plan]
title = "2024年重点目标任务"
year = 2024

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"

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

[[task]]
id = "184"
title = "提高城乡低保、特困人员等困难群体救助标准。"
unit = "市民政局"

[[task]]
id = "3.2"
title = "新增养老床位1000张。"
unit = "市卫健委"

[[task.metric]]
key = "beds"
name = "养老床位"
unit = "张"
target = 1000
mode = "increment"

[[task]]
id = "9"
title = "明年的任务。"
unit = "市卫健委"
start = 2024-10-01
"""


@pytest.fixture
def office(project):
    project.write_plan(PLAN)
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10", "--set", "stations=90")
    project.ok("log", "3.2", "--month", "2024-07", "--set", "beds=100")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    return project


def sent(office, unit="市民政局"):
    out = office.ok("forms", "--month", "2024-08", "-o", "forms").out
    assert f"wrote forms/{unit}-2024-08.xlsx" in out
    return office.root / "forms" / f"{unit}-2024-08.xlsx"


def test_a_form_a_unit_with_its_open_tasks_last_months_figures_and_the_cells_to_fill(office):
    out = office.ok("forms", "--month", "2024-08", "-o", "forms").out
    assert "wrote forms/市民政局-2024-08.xlsx (2 tasks)" in out and "wrote forms/市卫健委-2024-08.xlsx (1 task)" in out
    wb = openpyxl.load_workbook(office.root / "forms" / "市民政局-2024-08.xlsx")
    ws = wb["填报"]
    assert [c.value for c in ws[4]] == ["序号", "目标任务", "指标", "计量单位", "目标值", "上月数", "本月数", "完成百分比",
                                        "状态", "进展情况", "存在问题", "下步计划"]
    assert [c.value for c in ws[5]][:7] == [1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。",
                                            "区域性居家养老服务中心（截至本月累计）", "个", 100, 10, None]
    assert [c.value for c in ws[6]][2:7] == ["社区养老服务站（截至本月累计）", "个", 300, 90, None]
    assert [c.value for c in ws[7]][:6] == [2, "184.提高城乡低保、特困人员等困难群体救助标准。", "—", "%", 100, 40]
    assert ws["G2"].value == "填报人" and not ws["H2"].protection.locked
    # locked but for the cells to fill in
    assert ws.protection.sheet
    assert [c.coordinate for row in ws.iter_rows(min_row=5) for c in row if not c.protection.locked] == [
        "G5", "I5", "J5", "K5", "L5", "G6", "H7", "I7", "J7", "K7", "L7"]
    kinds = {(dv.type, str(dv.sqref)) for dv in ws.data_validations.dataValidation}
    assert kinds == {("decimal", "G5 G6"), ("decimal", "H7"), ("list", "I5 I7")}
    keys = wb["tracker"]
    assert keys.sheet_state == "veryHidden"
    assert [list(r) for r in keys.iter_rows(values_only=True)] == [
        ["tracker form 1", "市民政局", "2024-08", "2024年重点目标任务", None, None],  # and each row's 目标值, 上月数 as sent
        [5, "195", "centres", "cumulative", 100, 10], [6, "195", "stations", "cumulative", 300, 90], [7, "184", None, None, 100, 40]]
    # the increment metric: last month's amount; the task not started yet is not on the form
    ws = openpyxl.load_workbook(office.root / "forms" / "市卫健委-2024-08.xlsx")["填报"]
    assert [c.value for c in ws[5]][1:6] == ["3.2.新增养老床位1000张。", "养老床位（本月新增）", "张", 1000, 100]
    assert ws["B6"].value is None


def fill(path, out, **cells):
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(out)
    return out


def test_a_filled_form_comes_back_as_the_units_reports(office):
    back = fill(sent(office), office.root / "back.xlsx", G5=15, G6="117", J5="截至8月底新建中心15个。", K5="用地难",
                L5="加快建设", H7=60, I7="受阻", H2="张三")
    out = office.ok("import", "back.xlsx").out
    assert out.splitlines() == [
        "back.xlsx: form of 市民政局 for 2024-08, filled in by 张三",
        "  195 新建区域性居家养老服务中心100个,改造社区养老服务站300个。: 区域性居家养老服务中心 15个 · 社区养老服务站 117个 · "
        "note · problems · next steps",
        "  184 提高城乡低保、特困人员等困难群体救助标准。: 60% · blocked",
        "2 entries recorded",
        "still missing reports for 2024-08:",
        "  市卫健委: 1 task",
    ]
    got = {e["task"]: e for e in map(json.loads, office.ok("export").out.splitlines()) if e["month"] == "2024-08"}
    assert got["195"]["values"] == {"centres": 15, "stations": 117} and got["195"]["by"] == "张三"
    assert (got["195"]["note"], got["195"]["problems"], got["195"]["next_steps"]) == ("截至8月底新建中心15个。", "用地难", "加快建设")
    assert (got["184"]["percent"], got["184"]["status"]) == (60, "blocked")
    assert "0 entries recorded; 2 already in the log" in office.ok("import", "back.xlsx").out
    zh = office.ok("--lang", "zh", "import", "back.xlsx").out  # the same form's words, in the run's language
    assert "区域性居家养老服务中心 15个 · 社区养老服务站 117个 · 进展情况 · 存在问题 · 下步计划" in zh and "60% · 受阻" in zh
    assert zh.splitlines()[-2:] == ["2024-08仍未报送的牵头单位：", "  市卫健委：1项任务"]  # a Chinese colon, as above it
    office.ok("validate")


def test_rows_left_empty_are_left_alone_and_by_is_the_unit_without_a_name(office):
    fill(sent(office), office.root / "back.xlsx", H7=50)
    out = office.ok("import", "back.xlsx", "--dry-run").out
    assert "1 entry would be recorded; 1 task left empty" in out and not office.ok("export").out.count("2024-08")
    office.ok("import", "back.xlsx")
    (e,) = [e for e in map(json.loads, office.ok("export").out.splitlines()) if e["month"] == "2024-08"]
    assert (e["task"], e["percent"], e["by"]) == ("184", 50, "市民政局")


def test_forms_sent_back_empty_take_one_line_and_many_forms_end_with_their_sum(office):
    sent(office)
    forms = office.root / "forms"
    fill(forms / "市民政局-2024-08.xlsx", forms / "市民政局-2024-08.xlsx", H7=50)
    out = office.ok("import", "forms/市卫健委-2024-08.xlsx", "forms/市民政局-2024-08.xlsx").out.splitlines()
    assert out[0] == "forms/市卫健委-2024-08.xlsx: form of 市卫健委 for 2024-08, not filled in (1 task left empty)"
    assert "in all: 1 entry recorded from 1 of 2 files" in out
    zh = office.ok("--lang", "zh", "import", "forms/市卫健委-2024-08.xlsx", "forms/市民政局-2024-08.xlsx").out
    assert "合计：2个文件，其中0个有新内容，已记录0条" in zh and "已记录0条；1项日志中已有" in zh


def test_a_tampered_form_is_refused_naming_each_cell(office):
    path = sent(office)
    office.write_plan(PLAN.replace('困难群体救助标准。"\nunit = "市民政局"', '困难群体救助标准。"\nunit = "市财政局"'))
    fill(path, office.root / "bad.xlsx", G5="十五", E2="2024-07")
    before = office.ok("export").out
    r = office.bad("import", "bad.xlsx")
    assert r.err.splitlines() == [
        "bad.xlsx:填报!E2: the form's month was changed to '2024-07': it was sent out for 2024-08",
        "bad.xlsx:填报!G5: 本月数: '十五' is not a number: write it in digits (15, not 十五)",
        "bad.xlsx:填报!B7: task 184 is no longer 市民政局's (its lead unit is now 市财政局)",
    ]
    assert office.bad("import", "bad.xlsx", "--lang", "zh").err.splitlines()[1] == \
        "bad.xlsx:填报!G5: 本月数：'十五' 不是数字：请用阿拉伯数字填写（如 15，而不是 十五）"
    assert office.ok("export").out == before


def test_a_figure_cell_s_refusal_says_what_to_write_as_log_does(office):
    """`1,5` in a form's cell: 15 or 1.5? The cell is named, and what to write said, as `tracker log` says it."""
    path = sent(office)
    fill(path, office.root / "bad.xlsx", G5="1,5", H7="八十")
    before = office.ok("export").out
    assert office.bad("import", "bad.xlsx").err.splitlines() == [
        "bad.xlsx:填报!G5: 本月数: '1,5' is not a number (a comma groups thousands, 1,500; a decimal point is "
        "written 1.5)",
        "bad.xlsx:填报!H7: 完成百分比: '八十' is not a number: write it in digits (15, not 十五)"]
    assert office.bad("import", "bad.xlsx", "--lang", "zh").err.splitlines()[0] == \
        "bad.xlsx:填报!G5: 本月数：'1,5' 不是数字（逗号只用于千位分隔，如 1,500；小数请写 1.5）"
    assert office.ok("export").out == before


def test_a_form_whose_metrics_changed_or_whose_rows_moved_is_refused(office):
    path = sent(office)
    office.write_plan(PLAN.replace('key = "stations"', 'key = "sites"'))
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    ws["B7"] = "195.挪过来的一行"
    ws["G5"] = 15
    wb.save(office.root / "bad.xlsx")
    r = office.bad("import", "bad.xlsx")
    notice, *lines = r.err.splitlines()  # first, that the log names a metric the plan no longer has
    assert notice.startswith("log names 1 task or metric that tasks.toml no longer has (195.stations)")
    assert lines == [
        "bad.xlsx:填报!B6: task 195's metrics have changed since the form was made: send its unit a new form",
        "bad.xlsx:填报!B7: this row was task 184 when the form was sent out: rows were moved or changed",
    ]


def test_a_task_s_rows_swapped_are_refused_not_read_into_each_other_s_metrics(office):
    """A sort in WPS swaps a task's metric rows: the hidden sheet still says which row was which metric."""
    path = sent(office)
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    for col in range(1, 13):
        ws.cell(5, col).value, ws.cell(6, col).value = ws.cell(6, col).value, ws.cell(5, col).value
    ws["G5"], ws["G6"] = 95, 12  # 社区养老服务站 95, 区域性居家养老服务中心 12, as the unit reads its rows
    wb.save(office.root / "sorted.xlsx")
    before = office.ok("export").out
    assert office.bad("import", "sorted.xlsx").err.splitlines() == [
        "sorted.xlsx:填报!C5: this row was task 195's 区域性居家养老服务中心 when the form was sent out: rows were "
        "moved or changed",
        "sorted.xlsx:填报!C6: this row was task 195's 社区养老服务站 when the form was sent out: rows were moved or changed",
    ]
    assert office.bad("import", "sorted.xlsx", "--lang", "zh").err.splitlines()[0] == \
        "sorted.xlsx:填报!C5: 下发时此行为任务195的区域性居家养老服务中心：行被移动或改动"
    assert office.ok("export").out == before


def test_a_percent_over_100_and_a_status_not_in_the_list(office):
    fill(sent(office), office.root / "bad.xlsx", H7=120, I7="差不多")
    r = office.bad("import", "bad.xlsx")
    # every problem of the row at once, not one a round
    assert r.err.splitlines() == ["bad.xlsx:填报!H7: 完成百分比 120 is not a number from 0 to 100",
                                  "bad.xlsx:填报!I7: 状态 '差不多' is not one of 推进中、已完成、受阻"]


def test_forms_and_a_table_in_one_import_and_month_must_agree(office):
    back = fill(sent(office), office.root / "back.xlsx", G5=15)
    assert office.bad("import", "back.xlsx", "--month", "2024-07").err.startswith(
        "back.xlsx: the form is for 2024-08, but --month is 2024-07")


def test_forms_refuse_an_unknown_unit_and_a_file_as_folder(office):
    assert "--unit 市外事办: no task has this lead unit" in office.bad("forms", "--unit", "市外事办", "-o", "f").err
    (office.root / "f").write_text("x")
    assert "not a folder" in office.bad("forms", "-o", "f").err
    out = office.ok("forms", "--unit", "市卫健委", "-o", "one").out
    assert [p.name for p in (office.root / "one").iterdir()] == ["市卫健委-2024-08.xlsx"]


def test_a_form_and_its_correction_in_one_import_are_refused_whatever_order_the_shell_lists_them(office):
    form = sent(office)
    fill(form, office.root / "市民政局-2024-08.xlsx", G5=12)
    fill(form, office.root / "市民政局-2024-08-更正.xlsx", G5=13)
    r = office.bad("import", "市民政局-2024-08-更正.xlsx", "市民政局-2024-08.xlsx")
    assert r.err.strip() == ("市民政局-2024-08.xlsx:填报!B5: task 195's report for 2024-08 is also at "
                             "市民政局-2024-08-更正.xlsx:填报!B5: import one file at a time, the one to be in force last")
    assert "2024-08" not in office.ok("export").out  # nothing written
    r = office.bad("--lang", "zh", "import", "市民政局-2024-08.xlsx", "市民政局-2024-08-更正.xlsx")
    assert "任务195的2024-08报送也在市民政局-2024-08.xlsx:填报!B5：请逐个导入" in r.err
    # the same file twice is no conflict
    office.ok("import", "市民政局-2024-08.xlsx", "市民政局-2024-08.xlsx")


def test_a_report_sent_again_after_its_correction_says_it_is_not_in_force(office):
    form = sent(office)
    first = fill(form, office.root / "a.xlsx", G5=12)
    fill(form, office.root / "b.xlsx", G5=13)
    assert "replace" not in office.ok("import", "a.xlsx").out  # the first report of the month replaces none
    out = office.ok("import", "b.xlsx").out  # the corrected form says what it replaces
    assert "1 of them replaces a report already recorded for 2024-08 (task 195)" in out
    r = office.ok("import", "a.xlsx")
    assert "0 entries recorded; 1 already in the log" in r.out
    assert r.err.startswith("a.xlsx:填报!B5: task 195's report for 2024-08 is in the log already, but a later one "
                            "(recorded ") and "record its figures with `tracker log`" in r.err
    status = json.loads(office.ok("status", "--month", "2024-08", "--format", "json").out)
    assert {t["id"]: t["metrics"][0]["value"] for t in status["tasks"] if t["metrics"]}["195"] == 13
    # the one in force, imported again, says nothing of the kind
    assert "in force" not in office.ok("import", "b.xlsx").err
    assert "再次导入不会改变什么" in office.ok("--lang", "zh", "import", str(first)).err


def test_a_formula_whose_result_was_never_saved_is_refused_not_read_as_empty(office):
    # openpyxl, like any script, writes a formula without its result; Excel, WPS and LibreOffice save both
    fill(sent(office), office.root / "back.xlsx", G5="=1000+300", G6=117)
    r = office.bad("import", "back.xlsx")
    assert r.err.strip() == ("back.xlsx:填报!G5: 本月数 holds a formula (=1000+300) whose result was never saved: "
                             "open the form in Excel or WPS and save it, or type the figure")
    assert "2024-08" not in office.ok("export").out
    assert "是公式（=1000+300），但没有保存计算结果" in office.bad("--lang", "zh", "import", "back.xlsx").err


def test_a_rate_is_asked_as_of_the_month_not_summed_and_a_long_title_shows_whole():
    from tracker.core.model import Metric
    from tracker.exchange.forms import _lines, metric_label

    assert metric_label(Metric("rate", "城市污水集中处理率", "%", 98, 0, "cumulative", 0)) == "城市污水集中处理率（截至本月）"
    assert metric_label(Metric("km", "污水管网", "公里", 98, 0, "cumulative", 0)) == "污水管网（截至本月累计）"
    assert metric_label(Metric("km", "污水管网", "公里", 98, 0, "increment", 0)) == "污水管网（本月新增）"
    assert _lines("215.新建污水管网294.0公里,城市污水集中处理率达到96.8%。", 32) == 2


def test_a_figure_cell_merged_over_two_rows_is_refused_not_read_as_one_metric_s(office):
    wb = openpyxl.load_workbook(sent(office))
    wb["填报"]["G5"] = 15
    wb["填报"].merge_cells("G5:G6")   # the sheet unprotected in WPS, 本月数 merged over both metrics of task 195
    wb["填报"].merge_cells("J5:J6")   # a note merged over its task's rows is harmless
    wb.save(office.root / "back.xlsx")
    before = office.ok("export").out
    assert office.bad("import", "back.xlsx").err.splitlines() == [
        "back.xlsx:填报!G5:G6: merged cells: each row's figure is its own; unmerge them (取消合并) and fill in each row"]
    assert "单元格被合并" in office.bad("--lang", "zh", "import", "back.xlsx").err
    assert office.ok("export").out == before


def test_a_form_copied_into_another_workbook_is_refused_not_read_as_a_table_without_its_figures(office):
    wb = openpyxl.load_workbook(fill(sent(office), office.root / "back.xlsx", H7=100, I7="已完成", J7="标准已提高。"))
    del wb["tracker"]   # what a copy of the visible cells into a new workbook keeps
    wb.save(office.root / "copy.xlsx")
    before = office.ok("export").out
    err = office.bad("import", "copy.xlsx", "--month", "2024-08").err.strip()
    assert err == ("copy.xlsx: a form whose hidden sheet is gone (its cells copied into another workbook?): its rows "
                   "cannot be matched to tasks; have the unit fill in the form as it was sent")
    assert "填报表的隐藏工作表已丢失" in office.bad("--lang", "zh", "import", "copy.xlsx", "--month", "2024-08").err
    assert office.ok("export").out == before


def test_the_month_cell_typed_again_as_the_same_month_is_no_change(office):
    """A liaison who unprotects the sheet and types the month again (`2024年8月`, or `2024-08`, which Excel turns
    into a date) has not changed it: the form is read. Another month is still refused."""
    import datetime as dt

    path = sent(office)
    for i, month in enumerate(("2024年8月", " 2024/8 ", dt.datetime(2024, 8, 1))):
        fill(path, office.root / f"back{i}.xlsx", E2=month, H7=50)
        assert "1 entry would be recorded" in office.ok("import", f"back{i}.xlsx", "--dry-run").out
    fill(path, office.root / "july.xlsx", E2="2024年7月", H7=50)
    assert office.bad("import", "july.xlsx").err == (
        "july.xlsx:填报!E2: the form's month was changed to '2024年7月': it was sent out for 2024-08\n")


def test_a_form_whose_sheet_was_renamed_is_read_and_named_by_its_new_name(office):
    """The liaison renames the sheet (8月, or the unit's name): it is still the form's one sheet to fill in."""
    wb = openpyxl.load_workbook(sent(office))
    wb["填报"].title = "8月"
    wb["8月"]["H7"] = 50
    wb.save(office.root / "back.xlsx")
    assert "1 entry would be recorded" in office.ok("import", "back.xlsx", "--dry-run").out
    wb["8月"]["G5"] = "十五"
    wb.save(office.root / "bad.xlsx")
    assert office.bad("import", "bad.xlsx").err == "bad.xlsx:8月!G5: 本月数: '十五' is not a number: write it in digits (15, not 十五)\n"
    wb.create_sheet("Sheet2")
    wb.save(office.root / "two.xlsx")
    assert office.bad("import", "two.xlsx").err == "two.xlsx: the form's sheet 填报 is gone\n"


def test_a_status_typed_as_log_takes_it_is_read_as_log_reads_it(office):
    """The status cell takes the words `tracker log --status` takes (进行中, 完成 beside the list's three, typed
    where the list was lost, a copy from WPS): one rule for both, not refused by the form alone."""
    for word, code in (("进行中", "ongoing"), ("完成", "done"), (" 受阻 ", "blocked")):
        fill(sent(office), office.root / "back.xlsx", H7=50, I7=word)
        out = office.ok("import", "back.xlsx", "--dry-run").out
        assert f"184 提高城乡低保、特困人员等困难群体救助标准。: 50% · {code}" in out


def test_a_percent_typed_with_its_sign_in_excel_is_the_percent_shown(office):
    """Typing `60%` in a cell, Excel keeps 0.6 and shows it as 60% (the cell's format becomes 0%): the form reads
    60, what the liaison sees, never 0.6 %. So for a 本月数 (a rate's `85.5%`)."""
    wb = openpyxl.load_workbook(sent(office))
    ws = wb["填报"]
    ws["H7"], ws["H7"].number_format = 0.6, "0%"
    ws["G5"], ws["G5"].number_format = 0.155, "0.0%"
    wb.save(office.root / "back.xlsx")
    out = office.ok("import", "back.xlsx", "--dry-run").out
    assert "184 提高城乡低保、特困人员等困难群体救助标准。: 60%" in out and "区域性居家养老服务中心 15.5个" in out
    ws["H7"], ws["H7"].number_format = 6, "0%"  # 600 %: refused as any percent over 100
    wb.save(office.root / "bad.xlsx")
    assert office.bad("import", "bad.xlsx").err == "bad.xlsx:填报!H7: 完成百分比 600 is not a number from 0 to 100\n"


def test_a_figure_excel_turned_into_a_date_is_named_as_the_cell_shows_it(office):
    """`8-1` typed, Excel keeps a date: the refusal names 2024-08-01, never Python's datetime.datetime(…)."""
    import datetime as dt

    fill(sent(office), office.root / "bad.xlsx", G5=dt.datetime(2024, 8, 1), H7=dt.datetime(2024, 8, 1, 9, 30),
         I7=dt.time(9, 30))
    assert office.bad("import", "bad.xlsx").err.splitlines() == [
        "bad.xlsx:填报!G5: 本月数 2024-08-01 is not a number ≥ 0",
        "bad.xlsx:填报!H7: 完成百分比 2024-08-01 09:30:00 is not a number from 0 to 100",
        "bad.xlsx:填报!I7: 状态 09:30:00 is not one of 推进中、已完成、受阻"]


def test_a_row_filled_in_below_the_forms_tasks_is_refused_not_dropped_unread(office):
    """A liaison who unprotects the sheet and adds a row (a task, a remark) would see it vanish on import."""
    fill(sent(office), office.root / "bad.xlsx", G5=15, C8="", J9="另：新增一处站点，待核实")
    before = office.ok("export").out
    assert office.bad("import", "bad.xlsx").err == (
        "bad.xlsx:填报!J9: a row was added below the form's tasks: the form reads only the rows it was sent out "
        "with; delete the row, or write what it says in a task's row\n")
    assert office.bad("import", "bad.xlsx", "--lang", "zh").err.startswith("bad.xlsx:填报!J9: 表格任务行之下新增了一行")
    assert office.ok("export").out == before
    fill(sent(office), office.root / "good.xlsx", G5=15, C8="  ")  # a blank typed below is nothing written
    assert "1 entry recorded" in office.ok("import", "good.xlsx").out
    # the sign-off lines offices write under a table are no report
    fill(sent(office), office.root / "signed.xlsx", G6=120, B9="填报人：张三", E9="联系电话：0731-8888 1234", B10="审核人：李四")
    assert "1 entry recorded" in office.ok("import", "signed.xlsx").out


def test_a_rate_typed_as_text_with_its_sign_is_the_rate_as_log_takes_it(project):
    from tests.test_remind import RATE_PLAN

    project.write_plan(RATE_PLAN)
    back = fill(sent(project, "市城管局"), project.root / "back.xlsx", G5="60%", G6="60%")
    assert project.bad("import", "back.xlsx").err == "back.xlsx:填报!G6: 本月数 '60%' is not a number ≥ 0\n"  # a count
    fill(back, back, G6=None)
    assert "城市生活垃圾分类覆盖率 60%" in project.ok("import", "back.xlsx").out


def test_a_form_sent_out_before_its_month_and_returned_early_is_refused_naming_the_file(office):
    """forms may go out before their month; one filled in early and returned names itself, among the others."""
    office.ok("forms", "--month", "2024-09", "-o", "early")
    fill(office.root / "early" / "市民政局-2024-09.xlsx", office.root / "sep.xlsx", G5=20)
    fill(sent(office), office.root / "aug.xlsx", G5=15)
    r = office.bad("import", "aug.xlsx", "sep.xlsx")
    assert r.err == "sep.xlsx: the form is for 2024-09, still to come: import it when the month has come\n"
    assert office.bad("import", "sep.xlsx", "--lang", "zh").err == "sep.xlsx: 该填报表是 2024-09 的，该月尚未到来：到时再导入\n"
    assert "1 entry recorded" in office.ok("import", "sep.xlsx", today="2024-09-03").out


def test_forms_of_a_plan_of_no_task_say_that_none_was_written(project):
    # Not silence: an emptied or truncated tasks.toml would otherwise pass unnoticed (exit 0, nothing written).
    project.write_plan("[plan]\nyear = 2024\n")
    r = project.ok("forms", "-o", "f")
    assert r.out.strip() == "no form written: tasks.toml declares no task"
    assert project.ok("forms", "-o", "f", "--lang", "zh").out.strip() == "未生成报表：tasks.toml 中没有任何任务"
    assert not (project.root / "f").exists()
