"""Departments' own tables as they come to the office: numbers written in the 编号 column the ways offices
write them, and what a cell that says 同上 or 无进展 becomes."""

from __future__ import annotations

import openpyxl


def _sheet(path, rows, header=("序号", "编号", "目标任务", "进展情况")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "8月"
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_a_bianhao_written_with_the_marks_offices_put_around_a_number_is_that_task(project):
    _sheet(project.root / "民政局.xlsx", [[1, "第195项", "新建区域性居家养老服务中心100个,改造社区养老服务站300个。",
                                          "全市新建区域性居家养老服务中心15个。"],
                                         [2, "（184）", "提高城乡低保、特困人员等困难群体救助标准。", "已完成提标。"]])
    project.ok("import", "民政局.xlsx", "--month", "2024-08")
    assert [e["values"] for e in project.ok("history", "195", "--format", "json").json()["entries"]] == [{"centres": 15}]
    assert [e["note"] for e in project.ok("history", "184", "--format", "json").json()["entries"]] == ["已完成提标。"]
    _sheet(project.root / "卫健委.xlsx", [[1, "184.", "提高城乡低保、特困人员等困难群体救助标准。", "已完成提标,并开展监督检查。"]])
    project.ok("import", "卫健委.xlsx", "--month", "2024-08")


def test_a_sub_items_number_is_refused_at_its_cell_and_never_written_into_tasks_toml(project):
    before = project.tasks.read_bytes()
    _sheet(project.root / "交通局.xlsx", [[1, "50-1", "完成农村公路提质改造300公里。", "已完成186公里。"]])
    err = project.bad("import", "交通局.xlsx", "--month", "2024-08", "--unit", "市交通局").err.strip()
    assert err == ("交通局.xlsx:8月!B2: the 编号 '50-1' is not a task's number (digits, optionally dotted: 195, 3.2); "
                   "a sub-item (50-1) is reported under its task's own number")
    err = project.bad("--lang", "zh", "import", "交通局.xlsx", "--month", "2024-08", "--unit", "市交通局").err.strip()
    assert err == "交通局.xlsx:8月!B2: 编号'50-1'不是任务编号（应为数字，可带小数点：195、3.2）；子项（50-1）请按所属任务的编号报送"
    assert project.tasks.read_bytes() == before and not project.db.exists()


def test_a_cell_that_says_tongshang_is_the_text_of_the_cell_above_it_as_a_merged_cell_would_show(empty_project):
    import docx

    p = empty_project
    _sheet(p.root / "城建局.xlsx", [[1, "70.新建口袋公园20个。", "市城建局", "已建成口袋公园8个。"],
                                   [2, "71.新建口袋公园绿地10个。", "同上", "同上"]],
           header=("序号", "目标任务", "牵头单位", "进展情况"))
    r = p.ok("import", "城建局.xlsx", "--month", "2024-08")
    # the progress cell's 同上 is another task's narrative recorded as this one's note: said, one line a cell; the
    # lead unit's is what a merged cell shows, read silently
    assert r.err.splitlines()[0] == ("note: 城建局.xlsx:8月!D3: the 进展情况 cell says 同上: the row above's 进展情况 "
                                     "is recorded in this task's note") and "同上" not in "".join(r.err.splitlines()[1:])
    tasks = p.ok("tasks", "--format", "json").json()["tasks"]
    assert [t["unit"] for t in tasks] == ["市城建局", "市城建局"]  # not a unit named 同上
    assert [e["note"] for e in p.ok("history", "71", "--format", "json").json()["entries"]] == ["已建成口袋公园8个。"]
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "目标任务", "9月份进展情况"), ("1", "70.新建口袋公园20个。", "同上。"),
                             ("2", "71.新建口袋公园绿地10个。", "已建成口袋公园绿地3个。")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.save(p.root / "城建局-9月.docx")
    err = p.bad("import", "城建局-9月.docx", "--month", "2024-09", today="2024-09-20").err.strip()
    assert err == ("城建局-9月.docx:table 1, row 2: the cell says 同上 (same as above), but there is no text above it "
                   "to take: write the text in")
    assert len(p.ok("history", "70", "--format", "json").json()["entries"]) == 1


def test_the_overall_progress_and_the_months_in_two_columns_are_both_the_note(project):
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=3, cols=4)
    rows = [("序号", "目标任务", "总体工作进展", "8月份进展"),
            ("1", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。",
             "截至目前,全市新建区域性居家养老服务中心18个。", "8月新建区域性居家养老服务中心3个。"),
            ("2", "184.提高城乡低保、特困人员等困难群体救助标准。", "已完成提标。", "")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 2).merge(table.cell(2, 3))  # one text over both columns: read once
    doc.save(project.root / "民政局.docx")
    err = project.bad("import", "民政局.docx", "--month", "2024-07").err.strip()
    assert err == "民政局.docx:table 1, row 1: the table's header names month 8 (8月份进展), but --month is 2024-07"
    project.ok("import", "民政局.docx", "--month", "2024-08")
    [entry] = project.ok("history", "195", "--format", "json").json()["entries"]
    assert entry["note"] == "截至目前,全市新建区域性居家养老服务中心18个。\n8月新建区域性居家养老服务中心3个。"
    assert entry["values"] == {"centres": 18}
    assert [e["note"] for e in project.ok("history", "184", "--format", "json").json()["entries"]] == ["已完成提标。"]


def test_a_tongshang_in_either_progress_column_is_said_by_its_column(project):
    """总体工作进展 | 8月份进展, both 同上 in a Markdown row: said once a column, each named (two lines alike, the
    whole progress said copied, where only one column may be)."""
    (project.root / "t.md").write_text(
        "| 编号 | 目标任务 | 总体工作进展 | 8月份进展 |\n|---|---|---|---|\n"
        "| 195 | 新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 截至目前,全市新建中心15个。 | 8月新建中心2个。 |\n"
        "| 184 | 提高城乡低保、特困人员等困难群体救助标准。 | 已完成提标测算。 | 同上 |\n", encoding="utf-8")
    r = project.ok("import", "t.md", "--month", "2024-08")
    assert [line for line in r.err.splitlines() if "同上" in line] == [
        "note: t.md:4: the 8月份进展 cell says 同上: the row above's 8月份进展 is recorded in this task's note"]
    assert project.ok("history", "184", "--format", "json").json()["entries"][0]["note"] == "已完成提标测算。\n8月新建中心2个。"
    table = (project.root / "t.md").read_text(encoding="utf-8")
    (project.root / "t.md").write_text(table.replace("| 已完成提标测算。 |", "| 同上 |"), encoding="utf-8")
    err = project.ok("import", "t.md", "--month", "2024-08", "--dry-run", "--lang", "zh").err.splitlines()
    assert err == ["注意：t.md:4：总体工作进展单元格写的是“同上”，已将上一行的总体工作进展记入本任务的进展情况",
                   "注意：t.md:4：8月份进展单元格写的是“同上”，已将上一行的8月份进展记入本任务的进展情况"]


def test_a_completion_rate_column_is_said_not_read(project):
    """完成率 80% beside a qualitative task: a percent is the department's to log (or the form's 完成百分比), and a
    table's rate is often the office's computed completion; the clerk is told, not left to think it recorded."""
    _sheet(project.root / "民政局.xlsx", [[1, "184", "提高城乡低保、特困人员等困难群体救助标准。", "已完成提标。", "80%"]],
           header=("序号", "编号", "目标任务", "进展情况", "完成率"))
    r = project.ok("import", "民政局.xlsx", "--month", "2024-08")
    assert "note: 民政局.xlsx:8月!E1: the column 完成率 is not read: a qualitative task's percent is logged with " \
           "`tracker log ID --percent N`, or sent back in the office's form (tracker forms)" in r.err.splitlines()
    (e,) = project.ok("history", "184", "--format", "json").json()["entries"]
    assert e["note"] == "已完成提标。" and e["percent"] is None
