"""`tracker fill`: a clerk's month at a real (pseudo-)terminal, through `python -m tracker fill`.

The project fixture's plan (195: centres /100 and stations /300; 184: qualitative, both 市民政局),
with today 2024-08-20. Each test drives the questions with pexpect and then reads back what the log
holds with `tracker history --format json`.
"""

from __future__ import annotations

import os
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

from tests.conftest import ROOT  # noqa: E402

SECOND_UNIT = """
[[task]]
id = "300"
title = "建成公办幼儿园27所。"
unit = "市教育局"

[[task.metric]]
key = "kg"
name = "公办幼儿园"
unit = "个"
target = 27
mode = "increment"
"""


def spawn(project, *args: str, path: str = ""):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_TODAY="2024-08-20", TRACKER_BY="李科员", NO_COLOR="1", TERM="dumb",
               COLUMNS="200", PYTHONPATH=os.pathsep.join(filter(None, (path, str(ROOT)))), PYTHONIOENCODING="utf-8")
    # TERM=dumb: rich writes plain 80-column text, no escape codes to match around.
    # A bound on each wait, not a timing assertion: a prompt that never comes fails the test.
    return pexpect.spawn(sys.executable, ["-m", "tracker", "fill", *args], cwd=str(project.root), env=env,
                         encoding="utf-8", timeout=30, dimensions=(50, 200))


def answer(child, prompt: str, text: str):
    child.expect_exact(prompt)
    child.sendline(text)


def report_195(child) -> None:
    """195's questions answered (20 centres, 130 stations, no note) and the report confirmed."""
    answer(child, "区域性居家养老服务中心 (个) · running total · was 0 · Enter skips the task: ", "20")
    answer(child, "社区养老服务站 (个) · running total · was 0: ", "130")
    answer(child, "Note: ", "")
    answer(child, "Record this report? [Y/n] ", "")


def interrupt(child, said: str) -> None:
    """Ctrl-C at a prompt, until `said` comes. CPython's readline can miss a SIGINT that lands between the
    prompt's text and its wait for a key (the handler runs, the wait starts after it); a person presses
    Ctrl-C again, and so does this."""
    for _ in range(3):
        child.sendintr()
        if child.expect_exact([said, pexpect.TIMEOUT], timeout=10) == 0:
            return
    raise AssertionError(f"no {said!r} after Ctrl-C")


def finish(child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def entries(project, task_id: str) -> list[dict]:
    return project.ok("history", task_id, "--format", "json").json()["entries"]


def test_walks_the_missing_reports_checks_each_answer_and_records_each_task(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=12", "--set", "stations=100", "--note", "七月进展")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    child = spawn(project, "--month", "2024-08")
    child.expect_exact("missing reports for 2024-08: 2")
    # The card: the task, its targets with the figures so far, the last report and its note.
    child.expect_exact("[1/2] 195. 新建区域性居家养老服务中心100个,改造社区养老服务站300个。")
    child.expect_exact("centres: 区域性居家养老服务中心 12/100 个")
    child.expect_exact("stations: 社区养老服务站 100/300 个")
    child.expect_exact("last report 2024-07")
    child.expect_exact("«七月进展»")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 12 · Enter skips the task: ", "fifteen")
    child.expect_exact("! 195.centres: 'fifteen' is not a number")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 12 · Enter skips the task: ", "-3")
    child.expect_exact("is not a number ≥ 0")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 12 · Enter skips the task: ", "15")
    answer(child, "社区养老服务站 (个) · running total · was 100: ", "")            # Enter: no figure for stations
    answer(child, "Note: ", "截至目前,全市新建区域性居家养老服务中心15个。")
    answer(child, "Record this report? [Y/n] ", "")
    child.expect_exact("recorded 195 2024-08: centres=15/100个 «截至目前,全市新建区域性居家养老服务中心15个。» (by 李科员")
    # Recorded before the next task is even shown.
    child.expect_exact("[2/2] 184. 提高城乡低保、特困人员等困难群体救助标准。")
    (_july, august) = entries(project, "195")
    assert (august["month"], august["values"], august["by"]) == ("2024-08", {"centres": 15}, "李科员")
    assert august["note"] == "截至目前,全市新建区域性居家养老服务中心15个。"

    child.expect_exact("last report 2024-07: 40%")
    answer(child, "percent 0–100, or status · Enter skips the task: ", "150")
    child.expect_exact("! percent: '150' is outside 0–100")
    answer(child, "percent 0–100, or status · Enter skips the task: ", "100")
    answer(child, "status (ongoing, done, blocked): ", "finished")
    child.expect_exact("! status 'finished' is not one of ongoing, done, blocked")
    answer(child, "status (ongoing, done, blocked): ", "已完成")                 # the Chinese word is understood too
    answer(child, "Note: ", "")
    answer(child, "Record this report? [Y/n] ", "")
    child.expect_exact("recorded 184 2024-08: 100% done")
    child.expect_exact("recorded 2, skipped 0")
    assert finish(child) == 0
    (_july, august) = entries(project, "184")
    assert (august["percent"], august["status"], august["note"]) == (100, "done", None)
    # Both reports are in: nothing is missing any more.
    child = spawn(project)
    child.expect_exact("nothing to fill: every started task has a report for 2024-08")
    assert finish(child) == 0


def test_enter_on_the_first_question_skips_the_task(project):
    child = spawn(project)
    child.expect_exact("no report yet")
    answer(child, "区域性居家养老服务中心 (个) · running total · was 0 · Enter skips the task: ", "")
    child.expect_exact("skipped")
    answer(child, "percent 0–100, or status · Enter skips the task: ", "30")
    answer(child, "status (ongoing, done, blocked): ", "")
    answer(child, "Note: ", "已完成测算")
    answer(child, "Record this report? [Y/n] ", "")
    child.expect_exact("recorded 1, skipped 1")
    assert finish(child) == 0
    assert entries(project, "195") == []
    (e,) = entries(project, "184")
    assert (e["percent"], e["status"], e["note"]) == (30, None, "已完成测算")


def test_a_status_alone_answers_a_task_without_metrics_as_log_status_does(project):
    """A blocked task whose percent nobody knows: 受阻 at the first question is its report, not 'not a number'."""
    child = spawn(project, "--lang", "zh")
    answer(child, "区域性居家养老服务中心（个） · 累计数（截至目前） · 此前0 · 回车跳过: ", "")
    answer(child, "完成百分比（0–100）或状态 · 回车跳过: ", "资金")
    child.expect_exact("! 完成百分比：'资金' 不是数字")  # neither: the percent's refusal, as before
    answer(child, "完成百分比（0–100）或状态 · 回车跳过: ", "受阻")
    answer(child, "进展情况: ", "资金未到位")  # no status question after a status
    answer(child, "记录这条报送吗？ [Y/n] ", "")
    child.expect_exact("已记录1项，跳过1项")
    assert finish(child) == 0
    (e,) = entries(project, "184")
    assert (e["percent"], e["status"], e["note"]) == (None, "blocked", "资金未到位")


def test_interrupted_session_keeps_what_was_recorded(project):
    child = spawn(project)
    report_195(child)
    child.expect_exact("recorded 195 2024-08")
    answer(child, "percent 0–100, or status · Enter skips the task: ", "50")     # half-way through 184's questions
    child.expect_exact("status (ongoing, done, blocked): ")
    interrupt(child, "stopped: recorded 1; run tracker fill again for the rest")
    assert finish(child) == 130
    (e,) = entries(project, "195")
    assert e["values"] == {"centres": 20, "stations": 130}
    assert entries(project, "184") == []
    # The next session asks only for what is still missing.
    child = spawn(project)
    child.expect_exact("missing reports for 2024-08: 1")
    child.expect_exact("[1/1] 184.")
    child.expect_exact("Enter skips the task: ")  # the prompt is up: an EOF sent before it can be lost
    child.sendeof()
    child.expect_exact("stopped: recorded 0")
    assert finish(child) == 0


# Started with the process (a sitecustomize on its path): a real SIGINT sent to itself the moment the append's
# COMMIT returns, before fill has counted or said what it recorded.
SIGINT_AT_COMMIT = """
import linecache, os, signal, sys

def _at_commit(frame, event, arg):
    if event == "c_return" and frame.f_code.co_name == "append" and \\
            "COMMIT" in linecache.getline(frame.f_code.co_filename, frame.f_lineno):
        sys.setprofile(None)
        os.kill(os.getpid(), signal.SIGINT)

sys.setprofile(_at_commit)
"""


def test_a_ctrl_c_as_a_report_is_written_counts_it_as_recorded(project, tmp_path):
    (tmp_path / "sitecustomize.py").write_text(SIGINT_AT_COMMIT, encoding="utf-8")
    child = spawn(project, path=str(tmp_path))
    report_195(child)
    child.expect_exact("stopped: recorded 1; run tracker fill again for the rest")
    assert finish(child) == 130
    (e,) = entries(project, "195")
    assert e["values"] == {"centres": 20, "stations": 130}


def test_unit_option_and_increment_metric(project):
    project.tasks.write_text(project.tasks.read_text(encoding="utf-8") + SECOND_UNIT, encoding="utf-8")
    project.ok("log", "300", "--month", "2024-07", "--set", "kg=4")
    child = spawn(project, "--unit", "市教育局")
    child.expect_exact("市教育局 · missing reports for 2024-08: 1")
    child.expect_exact("kg: 公办幼儿园 4/27 个")
    answer(child, "公办幼儿园 (个) · this month's amount · Enter skips the task: ", "3")
    answer(child, "Note: ", "")
    answer(child, "Record this report? [Y/n] ", "")
    child.expect_exact("recorded 300 2024-08: kg=3个 this month (target 27个)")
    assert finish(child) == 0
    assert [e["values"] for e in entries(project, "300")] == [{"kg": 4}, {"kg": 3}]
    assert entries(project, "195") == []


def test_lang_zh(project):
    child = spawn(project, "--lang", "zh")
    child.expect_exact("2024-08尚缺报送：2项")
    answer(child, "区域性居家养老服务中心（个） · 累计数（截至目前） · 此前0 · 回车跳过: ", "")
    child.expect_exact("已跳过")
    answer(child, "完成百分比（0–100）或状态 · 回车跳过: ", "")
    child.expect_exact("已记录0项，跳过2项")
    assert finish(child) == 0


def test_refusals_at_a_terminal(project):
    child = spawn(project, "--unit", "市财政局")
    child.expect_exact("--unit 市财政局: no task has this lead unit (units: 市民政局)")
    assert finish(child) == 2
    child = spawn(project, "--month", "2024-09")
    child.expect_exact("month 2024-09 is still in the future")
    assert finish(child) == 2
    assert not project.db.exists()


def test_no_terminal_on_stdin_is_refused_at_once(project):
    r = project.bad("fill", input="15\n")   # CliRunner's stdin is not a terminal
    assert "needs a terminal" in r.err and "tracker log" in r.err
    assert not project.db.exists()


def test_the_card_on_a_phone_s_60_columns_breaks_its_lines_as_tables_do(project):
    """rich's print joined the card into a Text of its own, broken by rich's rule: `Ctrl` / `-C`, and the task's
    number alone on its line with the title below. Now by the rules of Chinese typesetting, as a table's cells."""
    project.write_plan(project.tasks.read_text(encoding="utf-8").replace(
        "新建区域性居家养老服务中心100个,改造社区养老服务站300个。",
        "新建改造区域性居家养老服务中心和社区嵌入式养老服务站点,推动城乡基本公共服务均等化,全年完成投资387744万元"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_TODAY="2024-08-20", NO_COLOR="1", TERM="dumb", COLUMNS="60", LINES="50", PYTHONPATH=str(ROOT),
               PYTHONIOENCODING="utf-8")
    # (TERM=dumb's readline scrolls a question wider than the screen, cutting a character's bytes: replaced; rich
    # takes a dumb terminal for 80 columns unless both COLUMNS and LINES say its size: pytest-xdist's workers had
    # LINES, a run in one process did not)
    child = pexpect.spawn(sys.executable, ["-m", "tracker", "fill", "--lang", "zh"], cwd=str(project.root), env=env,
                          encoding="utf-8", codec_errors="replace", timeout=30, dimensions=(50, 60))
    child.expect_exact("尚无报送")  # the card's last line
    screen = child.before.replace("\r", "")
    child.terminate(force=True)
    lines = screen.splitlines()
    assert any(line.startswith("Ctrl-C ") or " Ctrl-C " in line for line in lines), screen
    assert any(line.startswith("[1/2] 195. 新建改造区域性") for line in lines), screen
    assert "387744万元" in screen  # a figure with its measure word, whole


def test_an_answer_to_record_this_report_that_is_neither_yes_nor_no_is_explained(project):
    """The note typed once more at `Record this report?` (a clerk a question behind) was asked again in silence, as if
    the keys had not been taken; fill explains every wrong answer, this one too."""
    child = spawn(project, "--lang", "zh")
    answer(child, "区域性居家养老服务中心（个） · 累计数（截至目前） · 此前0 · 回车跳过: ", "15")
    answer(child, "社区养老服务站（个） · 累计数（截至目前） · 此前0: ", "")
    answer(child, "进展情况: ", "新建中心15个")
    answer(child, "记录这条报送吗？ [Y/n] ", "新建中心15个")
    child.expect_exact("! 请回答 y（是）或 n（否）；直接回车即")
    answer(child, "记录这条报送吗？ [Y/n] ", "是")
    child.expect_exact("已记录 195 2024-08")
    child.sendintr()
    child.expect(pexpect.EOF)
    assert [e["values"] for e in entries(project, "195")] == [{"centres": 15}]
