"""How the documents tracker makes read to the people they go to (trial 30): each made by a real `tracker`
process and opened as Word, Excel or a browser would open it."""

from __future__ import annotations

import docx
import openpyxl

from tracker.exchange.progress_table import title_month


def test_a_forms_row_number_is_centred_apart_from_the_task_beside_it(project):
    """序号 1 right-aligned against `73.推进…` read as task 173: on the form, as in the report, the row's number
    is centred in its cell."""
    project.ok("log", "184", "--month", "2024-07", "--percent", "60")  # the plan of conftest: 195, then 184
    project.ok("forms", "--month", "2024-08", "-o", "forms")
    ws = openpyxl.load_workbook(project.root / "forms" / "市民政局-2024-08.xlsx")["填报"]
    numbers = [row[0] for row in ws.iter_rows(min_row=5) if row[0].value is not None]
    assert [c.value for c in numbers] == [1, 2]
    assert {c.alignment.horizontal for c in numbers} == {"center"}
    project.ok("report", "--month", "2024-08", "--lang", "zh", "-o", "report.xlsx")
    report = openpyxl.load_workbook(project.root / "report.xlsx").active
    assert report["A3"].value == 1 and report["A3"].alignment.horizontal == "center"


def test_the_chinese_heading_brackets_its_month_in_full_width_brackets(project):
    """A Chinese title is set with Chinese brackets, as 公文 are: `…任务（2024年8月，市民政局牵头）`, never the
    half-width `(…)` that sits low and narrow beside Chinese characters."""
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--unit", "市民政局", "-o", "report.docx")
    assert docx.Document(str(project.root / "report.docx")).paragraphs[0].text == \
        "2024年市民政局重点目标任务（2024年8月，市民政局牵头）"
    md = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    assert md.splitlines()[0] == "# 2024年市民政局重点目标任务（2024年8月）"
    assert title_month(md.splitlines()[0]) == 8  # an import still reads the month its title names
