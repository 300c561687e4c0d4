"""Forms filled in as liaisons fill them (SPEC: Forms): a column deleted with the sheet unprotected, a date Excel
made of a note, a figure typed with its measure word; each read as meant or refused naming its cell."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from tests.test_forms import PLAN, fill, sent


@pytest.fixture
def office(project):
    project.write_plan(PLAN)
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10", "--set", "stations=90")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    return project


def august(office) -> dict:
    return {e["task"]: e for e in map(json.loads, office.ok("export").out.splitlines()) if e["month"] == "2024-08"}


def test_a_column_deleted_is_refused_naming_the_header_not_read_as_a_form_left_empty(office):
    wb = openpyxl.load_workbook(fill(sent(office), office.root / "back.xlsx", G5=15, H7=60))
    wb["填报"].delete_cols(6)   # 上月数 deleted (the sheet unprotected): 本月数 now stands in column F
    wb.save(office.root / "back.xlsx")
    before = office.ok("export").out
    assert office.bad("import", "back.xlsx").err.splitlines() == [
        "back.xlsx:填报!F4: the form's columns were changed (this column was 上月数 when the form was sent out, "
        "it is 本月数): put them back as they were (hiding a column is fine), or fill in a new form"]
    assert "填报表的列被改动" in office.bad("--lang", "zh", "import", "back.xlsx").err
    assert office.ok("export").out == before
    wb = openpyxl.load_workbook(fill(sent(office), office.root / "hidden.xlsx", G5=15, H7=60))
    wb["填报"].column_dimensions["F"].hidden = True
    wb.save(office.root / "hidden.xlsx")
    office.ok("import", "hidden.xlsx")
    assert august(office)["195"]["values"] == {"centres": 15}


def test_a_note_excel_turned_into_a_date_is_kept_as_the_date_it_shows(office):
    # 8月15日 typed alone in a note cell: Excel and WPS keep the date, midnight included
    fill(sent(office), office.root / "back.xlsx", G5=15, J5=dt.datetime(2024, 8, 15), K7=dt.datetime(2024, 8, 20, 9, 30))
    office.ok("import", "back.xlsx")
    got = august(office)
    assert got["195"]["note"] == "2024-08-15" and got["184"]["problems"] == "2024-08-20 09:30:00"


def test_a_figure_typed_with_its_own_measure_word_is_that_figure_another_word_is_refused(office):
    fill(sent(office), office.root / "back.xlsx", G5="15个", G6=" 117 个 ")
    office.ok("import", "back.xlsx")
    assert august(office)["195"]["values"] == {"centres": 15, "stations": 117}
    fill(sent(office), office.root / "other.xlsx", G5="15张")
    # said as what it is, a figure in another measure, with what to write (it was 'is not a number ≥ 0')
    assert office.bad("import", "other.xlsx").err.strip() == (
        "other.xlsx:填报!G5: 本月数: '15张' is not in this metric's measure word 个: write 15 (or 15个)")
    assert "本月数：'15张' 与该指标的计量单位（个）不符：请填写 15（或 15个）" in office.bad(
        "import", "other.xlsx", "--lang", "zh").err


def test_log_takes_a_figure_with_its_metric_s_own_measure_word_as_the_form_does(office):
    assert "centres=15/100个 stations=117/300个" in office.ok(
        "log", "195", "--month", "2024-08", "--set", "centres=15个", "--set", "stations=117 个").out
    assert office.bad("log", "195", "--month", "2024-08", "--set", "centres=15张").err.strip() == (
        "195.centres: '15张' is not in this metric's measure word 个: write 15 (or 15个)")
    assert "'15张' is not a number" in office.bad("log", "184", "--month", "2024-08", "--percent", "15张").err


WAN_PLAN = """
[plan]
year = 2024

[[task]]
id = "5"
title = "建设保障性租赁住房1.5万套,完成投资30亿元。"
unit = "市住房城乡建设局"

[[task.metric]]
key = "homes"
name = "保障性租赁住房"
unit = "套"
target = 15000

[[task.metric]]
key = "money"
name = "完成投资"
unit = "亿元"
target = 30
"""


def test_a_figure_written_with_wan_or_yi_is_that_figure_in_the_metric_s_measure(project):
    # 1.2万 is how a clerk writes 12000 (it was refused as 'write it in digits (15, not 十五)', which it is)
    project.write_plan(WAN_PLAN)
    fill(sent(project, "市住房城乡建设局"), project.root / "back.xlsx", G5="1.2万", G6="8000万元")
    assert "保障性租赁住房 12,000套 · 完成投资 0.8亿元" in project.ok("import", "back.xlsx").out
    assert august(project)["5"]["values"] == {"homes": 12000, "money": 0.8}
    r = project.ok("log", "5", "--set", "homes=1.25万套", "--set", "money=1.1亿")
    assert "homes=12,500/15,000套 money=1.1/30亿元" in r.out
    assert "'1.2万张' is not a number" in project.bad("log", "5", "--set", "homes=1.2万张").err  # another measure


def test_status_done_with_figures_short_of_their_targets_is_warned_as_a_slip(office):
    # 已完成 picked for a task measured by its metrics counts for nothing while a figure is short: said, not silent
    fill(sent(office), office.root / "back.xlsx", G5=100, G6=290, I5="已完成")
    r = office.ok("import", "back.xlsx")
    assert r.err.strip().splitlines()[-1] == (
        "warning: task 195 2024-08: status done, but stations 社区养老服务站 290个 is below its target 300个 "
        "(a task is done when its figures reach their targets)")
    assert "centres" not in r.err  # 100 of 100: reached
    assert "提示：任务 195 2024-08：状态为已完成，但 stations 社区养老服务站 295个 未达到目标 300个" in office.ok(
        "log", "195", "--set", "stations=295", "--status", "已完成", "--lang", "zh").err
    assert "status done" not in office.ok("log", "195", "--set", "stations=300", "--status", "done").err


def test_a_target_or_last_month_s_figure_changed_in_the_form_is_refused_not_dropped_unread(office):
    # the sheet unprotected: the unit writes the target it now works to, and corrects last month's figure
    fill(sent(office), office.root / "back.xlsx", G5=15, E5=80, F6="95", F7=40)
    before = office.ok("export").out
    assert office.bad("import", "back.xlsx").err.splitlines() == [
        "back.xlsx:填报!E5: 目标值 was changed to 80 (it was sent out as 100): a form changes neither the plan nor "
        "last month's report; put 100 back, and tell the office what should change",
        "back.xlsx:填报!F6: 上月数 was changed to '95' (it was sent out as 90): a form changes neither the plan nor "
        "last month's report; put 90 back, and tell the office what should change"]
    assert "目标值被改为80" in office.bad("--lang", "zh", "import", "back.xlsx").err
    assert office.ok("export").out == before



def test_a_form_saved_in_libreoffice_s_own_format_is_refused_saying_to_save_it_as_xlsx(office):
    (office.root / "市民政局.ods").write_bytes(b"PK\x03\x04")
    assert office.bad("import", "市民政局.ods").err.strip() == (
        "市民政局.ods: cannot import .ods: open it in Excel, Word or WPS and save it as .xlsx (另存为 .xlsx), then import that")


def test_a_text_cell_that_says_same_as_above_is_the_task_above_s_text_said_on_stderr(office):
    # 同上 typed in 184's 进展情况 and 下步计划: the task above's texts (its first row, row 5), never the words 同上
    fill(sent(office), office.root / "back.xlsx", G5=15, J5="截至8月底新建中心15个。", L5="加快建设", H7=60,
         J7="同上", L7=" 同 上。")
    done = office.ok("import", "back.xlsx")
    got = august(office)
    assert (got["184"]["note"], got["184"]["next_steps"]) == ("截至8月底新建中心15个。", "加快建设")
    assert "back.xlsx:填报!J7: the 进展情况 cell says 同上: the row above's 进展情况 is recorded in this task's note" in done.err
    assert "| 2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 截至8月底新建中心15个。 |" in office.ok(
        "report", "--month", "2024-08").out
    # with no text above it, 同上 is refused at its cell, nothing written
    fill(sent(office), office.root / "first.xlsx", G5=16, J5="同上")
    assert office.bad("import", "first.xlsx").err.strip() == (
        "first.xlsx:填报!J5: the cell says 同上 (same as above), but there is no text above it to take: write the text in")


def test_a_figure_typed_as_a_sentence_is_refused_saying_the_figure_goes_alone_and_the_words_in_the_note(office):
    # 已完成15个 in 本月数: the liaison wrote the progress where the figure goes (it was 'is not a number ≥ 0')
    fill(sent(office), office.root / "back.xlsx", G5="已完成15个", G6="约120")
    assert office.bad("import", "back.xlsx").err.splitlines() == [
        "back.xlsx:填报!G5: 本月数 '已完成15个' is words, not a figure: type the figure alone (in 个), and the words in 进展情况",
        "back.xlsx:填报!G6: 本月数 '约120' is words, not a figure: type the figure alone (in 个), and the words in 进展情况"]
    assert office.bad("import", "back.xlsx", "--lang", "zh").err.splitlines()[0] == (
        "back.xlsx:填报!G5: 本月数'已完成15个'是文字，不是数字：本月数只填数字（单位：个），文字写在“进展情况”中")
    fill(sent(office), office.root / "good.xlsx", G5=15, G6=120, J5="已完成15个，约120个站点改造中。")
    assert "1 entry recorded" in office.ok("import", "good.xlsx").out
