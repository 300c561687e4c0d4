"""`tracker import` of what offices send: Word and Excel tables, CSV, a tab-separated paste (SPEC: Importing a
progress table). Every file is made with the library an office's software is read with (python-docx, openpyxl)."""

from __future__ import annotations

import json
import tomllib

import docx
import openpyxl
import pytest

from tracker.exchange.sheets import shown
from tracker.exchange.table import due_date

NOTE_195 = "截至目前,全市新建区域性居家养老服务中心20个、改造社区养老服务站150个。"


def entries(project) -> dict:
    return {e["task"]: e for e in map(json.loads, project.ok("export").out.splitlines())}


def word_table(path, rows, title="市民政局2024年8月重点任务进展情况"):
    """A .docx with a heading and one table of `rows` (lists of cell texts; None: merged with the cell above)."""
    d = docx.Document()
    d.add_paragraph(title)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                t.cell(r, c).text = text
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                top = r - 1
                while rows[top][c] is None:
                    top -= 1
                t.cell(top, c).merge(t.cell(r, c))
    d.save(path)
    return t


def test_a_word_table_with_merged_cells_and_columns_in_another_order(empty_project):
    p = empty_project
    rows = [
        ["总体工作进展及8月份进展", "牵头单位", "序号", "目标任务", "完成时限", "存在问题"],
        ["一、养老服务"] * 6,  # a section row merged across the table
        [NOTE_195, "市民政局", "1", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "2024年12月底", "用地难落实"],
        ["今年以来新增养老床位300张。", None, "2", "200.新增养老床位1000张。", "6月底", ""],
        ["已完成标准调整。", "市财政局", "3", "184.提高城乡低保救助标准。", "年底", ""],
    ]
    table = word_table(p.root / "进展.docx", rows)
    table.cell(1, 0).merge(table.cell(1, 5))
    document = table._parent
    while not hasattr(document, "save"):
        document = document._parent
    document.save(p.root / "进展.docx")

    out = p.ok("import", "进展.docx", "--month", "2024-08").out
    plan = {t["id"]: t for t in tomllib.loads(p.tasks.read_text(encoding="utf-8"))["task"]}
    assert (plan["195"]["unit"], str(plan["195"]["due"])) == ("市民政局", "2024-12-31")
    assert (plan["200"]["unit"], str(plan["200"]["due"])) == ("市民政局", "2024-06-30")  # the merged 牵头单位
    assert (plan["184"]["unit"], str(plan["184"]["due"])) == ("市财政局", "2024-12-31")
    logged = entries(p)
    assert logged["195"]["values"] == {"m1": 20, "m2": 150} and logged["195"]["problems"] == "用地难落实"
    assert logged["200"]["values"] == {"m1": 300} and logged["200"]["problems"] is None
    assert "m1 区域性居家养老服务中心: 20/100个  ← «全市新建区域性居家养老服务中心20个»" in out
    assert "3 tasks added to tasks.toml (unit 市民政局, 市财政局)" in out


def test_a_bad_row_of_a_word_table_is_named_by_table_and_row(project):
    word_table(project.root / "t.docx", [["序号", "目标任务", "进展情况"], ["1", "195.新建", "截至目前新建中心15个"],
                                          ["2", "推进试点", "已完成"]])
    r = project.bad("import", "t.docx", "--month", "2024-08")
    assert r.err.startswith("t.docx:table 1, row 3: the task cell must be the task's number, a dot and its title")
    assert not project.db.exists()


def test_a_sheet_with_a_title_row_merged_cells_and_numbers_stored_as_numbers(project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "8月"
    ws.append(["2024年8月重点任务进展情况"])
    ws.merge_cells("A1:E1")
    ws.append(["编号", "重点任务", "责任单位", "工作进展", "下步计划"])
    ws.append([195, "新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "市民政局", NOTE_195, "加快建设"])
    ws.append([3.1, "新增养老床位1000张。", "市卫健委", "今年以来新增养老床位300张。", None])
    ws["A4"].number_format = "0.00"      # shown as 3.10: the ID is 3.10, not 3.1
    ws.append([4.0, "推进医养结合。", None, "已完成。", None])
    ws.merge_cells("C4:C5")              # 市卫健委 leads both
    wb.save(project.root / "进展.xlsx")

    project.ok("import", "进展.xlsx", "--month", "2024-08")
    plan = {t["id"]: t for t in tomllib.loads(project.tasks.read_text(encoding="utf-8"))["task"]}
    assert plan["3.10"]["unit"] == plan["4"]["unit"] == "市卫健委"
    logged = entries(project)
    assert logged["195"]["values"] == {"centres": 20, "stations": 150}
    assert logged["195"]["next_steps"] == "加快建设"
    assert logged["3.10"]["values"] == {"m1": 300}
    assert set(logged) == {"195", "3.10", "4"}


def test_a_sheet_names_its_bad_cells_and_every_problem_is_reported(project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "进展"
    ws.append(["序号", "目标任务", "进展情况", "完成时限"])
    ws.append(["第一", "195.新建", "新建中心15个", None])
    ws.append([2, "9.推进试点", "已完成", "长期坚持"])
    wb.save(project.root / "t.xlsx")
    r = project.bad("import", "t.xlsx", "--month", "2024-08", "--unit", "市民政局")
    assert r.err.splitlines() == [
        "t.xlsx:进展!A2: 序号 '第一' is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)",
        "t.xlsx:进展!D3: the due date '长期坚持' of task 9 is not a date (write 2024年12月底, 12月底, 年底 or 2024-12-31)",
    ]
    zh = project.bad("import", "t.xlsx", "--month", "2024-08", "--unit", "市民政局", "--lang", "zh").err
    assert zh.splitlines()[1] == "t.xlsx:进展!D3: 任务9的完成时限'长期坚持'不是日期（请写 2024年12月底、12月底、年底 或 2024-12-31）"
    assert not project.db.exists()


def test_a_sheet_s_text_too_long_is_named_at_its_own_cell(project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "进展"
    ws.append(["序号", "目标任务", "进展情况", "存在问题"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "进展" * 10_001, "无"])
    ws.append([2, "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成提标测算。", "问" * 20_001])
    wb.save(project.root / "t.xlsx")
    r = project.bad("import", "t.xlsx", "--month", "2024-08")
    assert r.err.splitlines() == [
        "t.xlsx:进展!C2: note is 20,002 characters long; at most 20,000 are allowed",
        "t.xlsx:进展!D3: problems is 20,001 characters long; at most 20,000 are allowed",
    ]
    assert not project.db.exists()


def test_a_sheet_s_header_month_is_named_at_its_own_cell(project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "9月进展"
    ws.append(["市民政局9月份重点任务推进情况"])
    ws.append(["序号", "目标任务", "总体工作进展及9月份进展"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "新建中心15个。"])
    wb.save(project.root / "t.xlsx")
    r = project.bad("import", "t.xlsx", "--month", "2024-08")
    assert r.err.strip() == ("t.xlsx:9月进展!C2: the table's header names month 9 (总体工作进展及9月份进展), "
                             "but --month is 2024-08")


def test_a_gb18030_csv(project):
    text = "序号,目标任务,总体工作进展及8月份进展\r\n1,195.新建…,\"截至目前,全市新建区域性居家养老服务中心15个。\"\r\n"
    (project.root / "t.csv").write_bytes(text.encode("gb18030"))
    project.ok("import", "t.csv", "--month", "2024-08")
    assert entries(project)["195"]["values"] == {"centres": 15}


def test_a_utf8_csv_with_bom_names_its_lines(project):
    text = "\ufeff序号,目标任务,进展\n1,195.新建中心,\"第一行\n第二行\"\n2,,y\n"
    (project.root / "t.csv").write_text(text, encoding="utf-8")
    assert project.bad("import", "t.csv", "--month", "2024-08").err.startswith("t.csv:4: the task cell must be")


def test_a_table_pasted_from_word_separated_by_tabs(project):
    paste = ("序号\t目标任务\t总体工作进展及8月份进展\n"
             "1\t195.新建区域性居家养老服务中心100个\t\"截至目前,全市新建区域性居家养老服务中心15个。\n下步加快建设。\"\n"
             "2\t184.提高救助标准。\t已完成标准调整。\n")
    (project.root / "paste.txt").write_text(paste, encoding="utf-8")
    out = project.ok("import", "paste.txt", "--month", "2024-08").out
    logged = entries(project)
    assert logged["195"]["note"] == "截至目前,全市新建区域性居家养老服务中心15个。\n下步加快建设。"
    assert logged["184"]["note"] == "已完成标准调整。"
    assert "paste.txt: 2 rows; 2 entries recorded for 2024-08" in out


def test_several_files_all_or_nothing_every_problem_at_once(project):
    (project.root / "a.md").write_text("序号 | 目标任务 | 进展 |\n1 | 195.新建中心 | 新建中心15个 |\n", encoding="utf-8")
    (project.root / "b.md").write_text("序号 | 目标任务 | 进展 |\n1 | 9.推进试点 | 已完成 |\n", encoding="utf-8")
    (project.root / "c.md").write_text("序号 | 目标任务 | 进展 |\nx | 184.y | z |\n", encoding="utf-8")
    r = project.bad("import", "a.md", "b.md", "c.md", "--month", "2024-08")
    assert r.err.splitlines() == [
        "c.md:2: 序号 'x' is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)",
        "b.md:2: task 9 is not in tasks.toml: give --unit (its lead unit) to add it",
    ]
    assert not project.db.exists()
    out = project.ok("import", "a.md", "b.md", "--month", "2024-08", "--unit", "市民政局").out
    assert "a.md: 1 row; 1 entry recorded" in out and "b.md: 1 row; 1 entry recorded" in out
    assert set(entries(project)) == {"195", "9"}


def test_a_task_in_two_files_is_named_once_with_both_places(project):
    for name, n in (("a.md", 15), ("b.md", 16)):  # two replies that differ (the same bytes twice are read once)
        row = f"1 | 195.新建中心 | 全市新建区域性居家养老服务中心{n}个 |\n"
        (project.root / name).write_text("序号 | 目标任务 | 进展 |\n" + row, encoding="utf-8")
    r = project.bad("import", "a.md", "b.md", "--month", "2024-08")
    assert r.err.strip() == ("b.md:2: task 195 is given in two files (first at a.md:2): keep it in one, or import "
                             "them one after the other (the later is in force)")
    assert project.bad("--lang", "zh", "import", "a.md", "b.md", "--month", "2024-08").err.strip() == (
        "b.md:2: 任务195在两个文件中都有（首次在a.md:2）：请只保留一处，或分两次导入（以后导入的为准）")
    project.ok("import", "a.md", "--month", "2024-08")
    project.ok("import", "b.md", "--month", "2024-08")
    assert project.ok("status", "--month", "2024-08", "-f", "json").json()["tasks"][0]["metrics"][0]["value"] == 16


def test_dry_run_shows_the_reading_and_writes_nothing(project):
    (project.root / "t.md").write_text(f"序号 | 目标任务 | 进展 |\n1 | 195.新建中心 | {NOTE_195} |\n2 | 9.推进试点 | 已完成 |\n",
                                      encoding="utf-8")
    plan = project.tasks.read_bytes()
    out = project.ok("import", "t.md", "--month", "2024-08", "--unit", "u", "--dry-run").out
    assert out.splitlines()[0] == "dry run: nothing is written"
    assert "centres 区域性居家养老服务中心: 20/100个  ← «全市新建区域性居家养老服务中心20个»" in out
    assert "t.md: 2 rows; 2 entries would be recorded for 2024-08; 1 task would be added to tasks.toml (unit u)" in out
    assert project.tasks.read_bytes() == plan and not project.db.exists()


def test_a_file_with_no_table_and_an_unknown_format_are_refused(project):
    docx.Document().save(project.root / "empty.docx")
    assert project.bad("import", "empty.docx", "--month", "2024-08").err.startswith("empty.docx: no progress table found")
    (project.root / "t.pdf").write_bytes(b"%PDF-1.4")
    assert "cannot import .pdf" in project.bad("import", "t.pdf", "--month", "2024-08").err
    (project.root / "市民政局.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # old Excel's (and WPS's .et) binary format
    assert project.bad("import", "市民政局.xls", "--month", "2024-08").err.strip() == (
        "市民政局.xls: cannot import .xls: open it in Excel, Word or WPS and save it as .xlsx (另存为 .xlsx), then import that")
    assert "另存为 .docx 后再导入" in project.bad("--lang", "zh", "import", "t.doc", "--month", "2024-08").err
    # several such files: each named, at once
    err = project.bad("import", "t.doc", "市民政局.xls", "t.pdf", "--month", "2024-08").err.strip().splitlines()
    assert [line.split(":")[0] for line in err] == ["t.doc", "市民政局.xls", "t.pdf"]
    (project.root / "README").write_text("x", encoding="utf-8")
    assert project.bad("--lang", "zh", "import", "README", "--month", "2024-08").err.startswith("README: 无法导入没有扩展名的文件：")
    (project.root / "broken.xlsx").write_bytes(b"not a zip")
    assert project.bad("import", "broken.xlsx").err.startswith("broken.xlsx: not an Excel workbook")


@pytest.mark.parametrize("value, fmt, text", [
    (195, "General", "195"), (195.0, "General", "195"), (3.1, "General", "3.1"), (3.1, "0.00", "3.10"),
    (0.85, "0%", "85%"), (1200.5, "#,##0.0", "1200.5"), (None, "General", ""), ("  12.1 ", "@", "12.1"),
])
def test_a_cell_reads_as_excel_shows_it(value, fmt, text):
    assert shown(value, fmt) == text


@pytest.mark.parametrize("text, due", [
    ("2024年12月底", "2024-12-31"), ("12月底", "2024-12-31"), ("年底", "2024-12-31"), ("2024-12-31", "2024-12-31"),
    ("2024/6/30", "2024-06-30"), ("6月30日前", "2024-06-30"), ("2025年上半年", "2025-06-30"), ("9月", "2024-09-30"),
    ("长期坚持", None), ("13月底", None), ("2月30日", None),
])
def test_due_dates_as_offices_write_them(text, due):
    got = due_date(text, 2024)
    assert (got.isoformat() if got else None) == due


def test_a_month_the_title_names_must_be_month_s_when_the_header_names_none(project):
    """A department's July table imported for August would put July's figures in August's place."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["市民政局重点任务进展情况(7月)"])
    ws.append(["序号", "目标任务", "进展情况"])
    ws.append([1, "195.新建区域性居家养老服务中心100个", "截至目前,全市新建区域性居家养老服务中心12个。"])
    wb.save(project.root / "7月.xlsx")
    before = project.ok("export").out
    assert project.bad("import", "7月.xlsx", "--month", "2024-08").err == (
        "7月.xlsx:Sheet!A1: the table's title names month 7 (市民政局重点任务进展情况(7月)), but --month is 2024-08\n")
    assert project.ok("export").out == before
    project.ok("import", "7月.xlsx", "--month", "2024-07")
    # a Word document's heading too; the day it was written (8月5日) is no month it is about
    word_table(project.root / "w.docx", [["序号", "目标任务", "进展"], ["1", "184.提高救助标准", "已完成测算。"]],
               title="市民政局2024年7月份重点工作进展")
    assert project.bad("import", "w.docx", "--month", "2024-08").err.startswith(
        "w.docx:table 1: the table's title names month 7 (市民政局2024年7月份重点工作进展)")
    word_table(project.root / "d.docx", [["序号", "目标任务", "进展"], ["1", "184.提高救助标准", "已完成测算。"]],
               title="填报日期：2024年8月5日")
    project.ok("import", "d.docx", "--month", "2024-07")
    # a Markdown table under its heading
    (project.root / "r.md").write_text("# 市民政局进展(2024年7月)\n\n序号 | 目标任务 | 进展 |\n1 | 184.提高救助标准 | 好 |\n",
                                       encoding="utf-8")
    assert project.bad("import", "r.md", "--month", "2024-08").err == (
        "r.md:1: the table's title names month 7 (市民政局进展(2024年7月)), but --month is 2024-08\n")


def test_a_sheets_total_row_at_its_foot_is_no_task(project):
    """合计 (or 总计, 小计, spaced out as 合  计) in a row's first written cell: the table's total, skipped."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "目标任务", "进展情况"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195])
    ws.append(["合  计", None, "共完成投资3.2亿元"])
    ws.append([None, "总计：", "全市共推进任务1项"])
    wb.save(project.root / "进展.xlsx")

    project.ok("import", "进展.xlsx", "--month", "2024-08")
    assert set(entries(project)) == {"195"}


def test_an_excel_error_in_a_cell_the_import_reads_is_named_by_its_cell(project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "8月"
    ws.append(["序号", "目标任务", "进展情况", "存在问题"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195, "=1/0"])
    wb.save(project.root / "t.xlsx")
    # openpyxl writes the formula with no cached value; Excel's own save holds the error it showed
    wb = openpyxl.load_workbook(project.root / "t.xlsx")
    wb.active["D2"].value = "#DIV/0!"
    wb.active["D2"].data_type = "e"
    wb.save(project.root / "t.xlsx")

    r = project.bad("import", "t.xlsx", "--month", "2024-08")
    assert r.err.startswith("t.xlsx:8月!D2: the cell shows Excel's error #DIV/0! (a formula that failed)")
    assert not project.db.exists()
    r = project.bad("import", "t.xlsx", "--month", "2024-08", "--lang", "zh")
    assert "单元格显示的是 Excel 的错误值 #DIV/0!" in r.err
    wb = openpyxl.load_workbook(project.root / "t.xlsx")  # in the 序号 column too: the error, not "no number"
    wb.active["D2"].value = None
    wb.active["A2"].value = "#N/A"
    wb.active["A2"].data_type = "e"
    wb.save(project.root / "t.xlsx")
    assert project.bad("import", "t.xlsx", "--month", "2024-08").err.startswith(
        "t.xlsx:8月!A2: the cell shows Excel's error #N/A")


def test_a_file_of_another_kind_under_docx_or_xlsx_is_named_for_what_it_holds(project):
    workbook = openpyxl.Workbook()
    workbook.save(project.root / "进展表.docx")   # a workbook saved under the Word name
    docx.Document().save(project.root / "进展表.xlsx")
    (project.root / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)  # an .xls renamed
    (project.root / "cut.xlsx").write_bytes((project.root / "进展表.docx").read_bytes()[:300])  # a copy cut short
    err = project.bad("import", "进展表.docx", "--month", "2024-08").err.strip()
    assert err == "进展表.docx: not a Word document (.docx) that can be read (it is an Excel workbook (.xlsx))"
    assert project.bad("--lang", "zh", "import", "进展表.xlsx", "--month", "2024-08").err.strip() == (
        "进展表.xlsx: 不是可读取的 Excel 工作簿（.xlsx）（这是 Word 文档（.docx））")
    assert "old binary .xls, .doc or .et file renamed" in project.bad("import", "old.xlsx", "--month", "2024-08").err
    assert project.bad("import", "cut.xlsx", "--month", "2024-08").err.strip().endswith(
        "(it is damaged: an incomplete copy or download?)")
    assert "BytesIO" not in project.bad("report", "--template", "进展表.docx", "-o", "out.docx").err
    assert not project.db.exists()


def test_a_word_table_as_offices_make_it_two_row_header_and_numbers_in_chinese(project):
    """A title and a 填报单位 line above; 序号 and 目标任务 merged down over a two-row header; 序号 written 1、, (一),
    （二）, ①: each row is read, none refused for its 序号, and a 序号 that is no number at all still is."""
    d = docx.Document()
    d.add_paragraph("市民政局2024年重点目标任务8月份进展情况")
    d.add_paragraph("填报单位：市民政局（盖章）        填报时间：2024年9月3日")
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "序号"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "目标任务"
    t.cell(0, 2).text = "总体工作进展及8月份进展"
    for no, task, note in [("(一)", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195),
                           ("（二）", "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成标准调整。")]:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = no, task, note
    d.save(project.root / "进展.docx")

    out = project.ok("import", "进展.docx", "--month", "2024-08").out
    assert "进展.docx: 2 rows; 2 entries recorded for 2024-08" in out
    assert entries(project)["195"]["values"] == {"centres": 20, "stations": 150}

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "目标任务", "进展情况"])
    ws.append(["①", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195])
    ws.append(["二、", "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成标准调整。"])
    ws.append(["第三", "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成标准调整。"])
    wb.save(project.root / "进展.xlsx")
    r = project.bad("import", "进展.xlsx", "--month", "2024-08", "--dry-run")
    assert r.err == "进展.xlsx:Sheet!A4: 序号 '第三' is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)\n"


def test_a_workbook_with_a_sheet_a_month_imports_the_sheet_of_month(project):
    """A unit keeps its months in one workbook (7月, 8月): --month's sheet is imported, the others said and left;
    a workbook with no sheet of --month is still refused, each sheet named."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "7月"
    ws.append(["序号", "目标任务", "总体工作进展及7月份进展"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "截至目前,全市新建区域性居家养老服务中心12个。"])
    ws = wb.create_sheet("8月")
    ws.append(["序号", "目标任务", "总体工作进展及8月份进展"])
    ws.append([1, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", NOTE_195])
    wb.save(project.root / "市民政局.xlsx")

    r = project.ok("import", "市民政局.xlsx", "--month", "2024-08", "--lang", "zh")
    assert "提示：市民政局.xlsx:7月!A1：7月的表未导入；导入的是本文件中2024-08的表" in r.err
    assert entries(project)["195"]["values"] == {"centres": 20, "stations": 150}
    r = project.bad("import", "市民政局.xlsx", "--month", "2024-06", "--dry-run")
    assert r.err.splitlines()[:2] == [
        "市民政局.xlsx:7月!C1: the table's header names month 7 (总体工作进展及7月份进展), but --month is 2024-06",
        "市民政局.xlsx:8月!C1: the table's header names month 8 (总体工作进展及8月份进展), but --month is 2024-06"]


def test_headers_as_units_word_them_are_read_not_dropped(empty_project):
    """牵头部门, 存在的问题, 下一步工作计划, 重点目标任务, a header with words in brackets (责任单位（部门）): each column
    read as its kind, so a row's lead unit is never replaced by --unit and its problems never dropped."""
    p = empty_project
    word_table(p.root / "进展.docx", [
        ["序号", "重点目标任务", "牵头部门", "8月份进展情况", "存在的问题", "下一步工作计划"],
        ["1", "200.新增养老床位1000张。", "市卫健委", "今年以来新增养老床位300张。", "资金不足", "加快建设"],
    ])
    p.ok("import", "进展.docx", "--month", "2024-08", "--unit", "市民政局")
    plan = {t["id"]: t for t in tomllib.loads(p.tasks.read_text(encoding="utf-8"))["task"]}
    assert plan["200"]["unit"] == "市卫健委"
    logged = entries(p)["200"]
    assert (logged["problems"], logged["next_steps"], logged["values"]) == ("资金不足", "加快建设", {"m1": 300})
    word_table(p.root / "b.docx", [["序号", "目标任务（项目）", "责任单位（部门）", "进展情况（截至8月底）"],
                                   ["1", "201.新建社区食堂10个。", "市商务局", "已建成社区食堂3个。"]])
    p.ok("import", "b.docx", "--month", "2024-08")
    plan = {t["id"]: t for t in tomllib.loads(p.tasks.read_text(encoding="utf-8"))["task"]}
    assert plan["201"]["unit"] == "市商务局"


def test_a_refused_row_of_a_word_or_excel_table_is_named_by_its_cell_not_by_a_line(project):
    """The checks before recording name a Word or Excel row by its table and row or its cell: such a row has no
    line (a text file's rows have), and `FILE:None` would leave the clerk to search the table."""
    word_table(project.root / "t.docx", [["序号", "目标任务", "总体工作进展及8月份进展"],
                                          ["1", "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成提标测算。"]])
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "目标任务", "总体工作进展及8月份进展"])
    wb.active.append([1, "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成提标测算。"])
    wb.save(project.root / "t.xlsx")
    for name, place in (("t.docx", "t.docx:table 1, row 2"), ("t.xlsx", "t.xlsx:Sheet!B2")):
        r = project.bad("import", name, "--month", "2023-08")
        assert r.err == f"{place}: task 184 starts in 2024-01: no report can be for 2023-08\n"
    assert not project.db.exists()


def test_an_empty_row_under_a_merged_lead_unit_is_skipped_in_excel_and_word(project):
    """A blank row left between tasks, with the 牵头单位 merged down over it, holds nothing but the unit the merge
    shows there: it is skipped as an empty row, not refused as a task cell left empty."""
    title = "184.提高城乡低保、特困人员等困难群体救助标准。"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["序号", "目标任务", "牵头单位", "总体工作进展及8月份进展"], [1, title, "市民政局", "已完成提标测算。"],
                [None] * 4, [2, "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", None, NOTE_195]):
        ws.append(row)
    ws.merge_cells("C2:C4")
    wb.save(project.root / "t.xlsx")
    word_table(project.root / "t.docx", [["序号", "目标任务", "牵头单位", "总体工作进展及8月份进展"],
                                          ["1", title, "市民政局", "已完成提标测算。"], ["", "", None, ""]])
    for name in ("t.xlsx", "t.docx"):
        out = project.ok("import", name, "--month", "2024-08", "--dry-run").out
        assert "184 提高城乡低保" in out
    assert "t.xlsx: 2 rows; 2 entries would be recorded for 2024-08" in project.ok(
        "import", "t.xlsx", "--month", "2024-08", "--dry-run").out


def test_a_row_with_only_its_lead_unit_and_no_merge_above_is_still_refused(project):
    word_table(project.root / "t.docx", [["序号", "目标任务", "牵头单位", "总体工作进展及8月份进展"],
                                          ["1", "184.提高城乡低保、特困人员等困难群体救助标准。", "市民政局", "已完成。"],
                                          ["2", "", "市财政局", ""]])
    assert project.bad("import", "t.docx", "--month", "2024-08").err.startswith(
        "t.docx:table 1, row 3: the task cell must be the task's number")
