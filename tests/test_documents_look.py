"""How the documents tracker makes read to the people they go to (trial 30): each made by a real `tracker`
process and opened as Word, Excel or a browser would open it."""

from __future__ import annotations

import openpyxl

PLAN = """
[plan]
title = "2020年市民政局重点目标任务"
year = 2020

[[task]]
id = "73"
title = "推进省居家和社区养老服务试点项目。"
unit = "市民政局"

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
"""


def test_a_forms_row_number_is_centred_apart_from_the_task_beside_it(project):
    """序号 1 right-aligned against `73.推进…` read as task 173: on the form, as in the report, the row's number
    is centred in its cell."""
    project.write_plan(PLAN)
    project.ok("log", "73", "--month", "2020-08", "--percent", "60")
    project.ok("forms", "--month", "2020-09", "-o", "forms")
    ws = openpyxl.load_workbook(project.root / "forms" / "市民政局-2020-09.xlsx")["填报"]
    numbers = [row[0] for row in ws.iter_rows(min_row=5) if row[0].value is not None]
    assert [c.value for c in numbers] == [1, 2]
    assert {c.alignment.horizontal for c in numbers} == {"center"}
    project.ok("report", "--month", "2020-09", "--lang", "zh", "-o", "report.xlsx")
    report = openpyxl.load_workbook(project.root / "report.xlsx").active
    assert report["A3"].value == 1 and report["A3"].alignment.horizontal == "center"


def test_the_chinese_heading_brackets_its_month_in_full_width_brackets(project):
    """A Chinese title is set with Chinese brackets, as 公文 are: `…任务（2020年9月，市民政局牵头）`, never the
    half-width `(…)` that sits low and narrow beside Chinese characters."""
    import docx

    project.write_plan(PLAN)
    project.ok("report", "--month", "2020-09", "--lang", "zh", "--unit", "市民政局", "-o", "report.docx")
    assert docx.Document(str(project.root / "report.docx")).paragraphs[0].text == \
        "2020年市民政局重点目标任务（2020年9月，市民政局牵头）"
    md = project.ok("report", "--month", "2020-09", "--lang", "zh").out
    assert md.splitlines()[0] == "# 2020年市民政局重点目标任务（2020年9月）"
    from tracker.exchange.progress_table import title_month

    assert title_month(md.splitlines()[0]) == 9  # an import still reads the month its title names
