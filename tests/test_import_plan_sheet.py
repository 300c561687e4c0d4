"""An office's own sheets met by a clerk moving from Excel: the plan sheet (序号 | 目标任务 | 牵头单位 | 完成时限, a
title row merged across it) and a department's table that lost its progress column."""

from __future__ import annotations

import openpyxl


def _sheet(path, header, rows, title="2024年县政府重点目标任务分解表"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "8月"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_a_table_without_its_progress_column_is_named_by_its_header_row_not_by_the_title_merged_above(project):
    _sheet(project.root / "人社局.xlsx", ["序号", "目标任务", "牵头单位"], [[1, "195.新建区域性居家养老服务中心", "市民政局"]])
    err = project.bad("import", "人社局.xlsx", "--month", "2024-08").err.strip()
    assert err == ("人社局.xlsx:8月!A2: no progress table found: the row `序号 | 目标任务 | 牵头单位` names no progress "
                   "column (…进展…, 完成情况)")
    err = project.bad("--lang", "zh", "import", "人社局.xlsx", "--month", "2024-08").err.strip()
    assert err == "人社局.xlsx:8月!A2: 没有找到进展表：`序号 | 目标任务 | 牵头单位` 一行中没有进展列（…进展…、完成情况）"
    assert not (project.root / "data").exists()


def test_the_plan_sheet_as_the_office_keeps_it_is_told_how_to_import_its_tasks(empty_project):
    # 序号 | 目标任务 | 牵头单位 | 责任单位 | 完成时限: tasks with their deadlines, no progress column (README: From the
    # office's plan sheet); the refusal says what to add, not only what is missing
    p = empty_project
    rows = [[1, "新建区域性居家养老服务中心20个", "县民政局", "各乡镇", "2024年12月底"]]
    _sheet(p.root / "分解表.xlsx", ["序号", "目标任务", "牵头单位", "责任单位", "完成时限"], rows)
    assert p.bad("import", "分解表.xlsx", "--month", "2024-07").err.strip() == (
        "分解表.xlsx:8月!A2: no progress table found: the row `序号 | 目标任务 | 牵头单位 | 责任单位 | 完成时限` names no "
        "progress column (…进展…, 完成情况); to add the tasks of a plan sheet, add an empty column headed 进展情况 and "
        "head the tasks' numbers 编号")
    assert p.bad("--lang", "zh", "import", "分解表.xlsx", "--month", "2024-07").err.strip().endswith(
        "一行中没有进展列（…进展…、完成情况）；如果这是任务分解表，要导入其中的任务，请加一个表头为“进展情况”的空列，"
        "并把任务编号列的表头写作“编号”")
    _sheet(p.root / "分解表.xlsx", ["编号", "目标任务", "牵头单位", "责任单位", "完成时限"], rows)
    assert p.bad("import", "分解表.xlsx", "--month", "2024-07").err.strip().endswith(
        "to add the tasks of a plan sheet, add an empty column headed 进展情况")
    assert not p.tasks.exists()


def test_a_plan_sheet_numbered_under_xuhao_is_told_to_head_that_column_bianhao_and_then_imports(empty_project):
    p = empty_project
    header, rows = ["序号", "目标任务", "牵头单位", "完成时限", "进展情况"], [
        [1, "新建区域性居家养老服务中心20个", "县民政局", "2024年12月底", None],
        [2, "改造农村公路45公里", "县交通运输局", "2024年11月底", None]]
    _sheet(p.root / "目标任务.xlsx", header, rows)
    err = p.bad("--lang", "zh", "import", "目标任务.xlsx", "--month", "2024-07").err.strip().splitlines()
    assert err[0] == ("目标任务.xlsx:8月!B3: 任务单元格应为“编号.任务名称”（如`195.新建…`），而不是'新建区域性居家养老服务中心20个'"
                      "；如果序号列就是任务的编号，请把该列表头改为“编号”")
    assert len(err) == 2 and not p.tasks.exists()
    _sheet(p.root / "目标任务.xlsx", ["编号"] + header[1:], rows)
    p.ok("import", "目标任务.xlsx", "--month", "2024-07")
    tasks = p.ok("tasks", "--format", "json").json()
    assert [(t["id"], t["due"]) for t in tasks["tasks"]] == [("1", "2024-12-31"), ("2", "2024-11-30")]


def test_the_lead_unit_is_the_one_under_qiantou_where_zeren_danwei_stands_before_it(empty_project):
    p = empty_project
    _sheet(p.root / "目标任务.xlsx", ["编号", "目标任务", "责任单位", "牵头单位", "进展情况"],
           [[1, "改造农村公路45公里", "各乡镇", "县交通运输局", None]])
    p.ok("import", "目标任务.xlsx", "--month", "2024-07")
    assert [t["unit"] for t in p.ok("tasks", "--format", "json").json()["tasks"]] == ["县交通运输局"]


def test_an_import_without_month_suggests_the_month_its_header_names_of_the_year_it_came(project):
    _sheet(project.root / "人社局.xlsx", ["序号", "目标任务", "7月份进展情况"], [[1, "184.提高救助标准", "已完成提标。"]])
    err = project.bad("--lang", "zh", "import", "人社局.xlsx").err.strip()  # today: 2024-08-20
    assert err == "人社局.xlsx: 请给出 --month（如 --month 2024-07）：进展表只写月份，不写年份"
    err = project.bad("import", "人社局.xlsx", today="2024-03-02").err.strip()
    assert err == "人社局.xlsx: give --month (e.g. --month 2023-07): a progress table names the month, not the year"
