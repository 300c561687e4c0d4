"""What the director reads on a laptop (80 columns) or a phone over ssh (60): every screen whole at its width,
nothing cut at the edge or broken inside a word, in Chinese and in English. (status and overdue: test_status_table.)"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from rich.cells import cell_len

NOTE = ("截至目前,全市累计完成固定资产投资,新建区域性居家养老服务中心15个、改造社区养老服务站117个,"
        "其中市发展和改革委员会牵头推进的项目已全部开工建设,预计年底前全面完成建设任务并投入使用。")


def _screen(project, columns: int, *args: str) -> str:
    project.monkeypatch.setenv("COLUMNS", str(columns))
    out = project.ok(*args).out
    assert max(cell_len(line) for line in out.splitlines()) <= columns, out
    return out


def _flat(out: str) -> str:
    """The screen's text with its lines joined (a long note folds over several)."""
    return "".join(line.strip() for line in out.splitlines())


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_on_a_narrow_terminal_folds_who_and_when_under_the_note(project, columns, lang):
    """At 60–80 columns six columns left the note 6–12 columns wide and cut the time recorded ("2024-0…"):
    folded, the note reads in lines of the screen's width and who recorded it, when, and the entry stand whole
    under it; a voided entry's mark is never broken inside a word (作 / 废)."""
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=15", "--note", NOTE,
               "--problems", "部分项目资金未到位", "--next", "9月争取省级专项资金")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=920", "--note", NOTE)
    entries = project.ok("history", "195", "--format", "json").json()["entries"]
    project.ok("void", entries[1]["id"], "--reason", "错报")
    out = _screen(project, columns, "history", "195", "--lang", lang)
    assert out.startswith("195. 新建区域性")  # the number and the title on one line, not `195.` alone
    assert any(NOTE[:20] in line for line in out.splitlines())  # a note that reads, not 6 characters a line
    assert NOTE in _flat(out)
    for entry in project.ok("history", "195", "--format", "json").json()["entries"]:
        when = dt.datetime.fromisoformat(entry["recorded_at"].replace("Z", "+00:00")).astimezone()
        assert when.strftime("%Y-%m-%d %H:%M:%S") in out  # whole, on one line
        assert entry["id"][:8] in out
    assert ("存在问题：部分项目资金未到位" if lang == "zh" else "Problems: 部分项目资金未到位") in out
    marks = ("有效", "作废", "已被") if lang == "zh" else ("in force", "voided by", "voids")
    assert all(mark in " ".join(out.split()) for mark in marks)  # (an English line breaks between words)
    assert lang == "en" or "作\n" not in out


def test_history_on_a_wide_terminal_keeps_a_column_each(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=15", "--note", NOTE)
    out = _screen(project, 200, "history", "195")
    assert all(head in out for head in ("Recorded", "By", "Values", "Note", "Entry"))
    assert "centres=15" in out and "tester" in out


LONG_PLAN = """
[plan]
title = "2024年市政府重点目标任务督查台账"
year = 2024

[[task]]
id = "12"
title = "新建改造区域性居家养老服务中心和社区嵌入式养老服务站点,推动城乡基本公共服务均等化,全年完成投资257514万元"
unit = "市发展和改革委员会"
co_units = ["市人力资源和社会保障局", "市住房和城乡建设局"]

[[task.metric]]
key = "invest"
name = "完成固定资产投资额"
unit = "万元"
target = 5188505

[[task.milestone]]
due = 2024-06-30
target = 2000000

[[task]]
id = "13"
title = "提高城乡低保、特困人员等困难群体救助标准。"
unit = "市民政局"
"""


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tasks_on_a_narrow_terminal_fold_the_unit_dates_and_metrics_under_the_title(project, columns, lang):
    """At 60 columns the Metrics column was cut at the screen's edge (`invest` / `固定资` / `5,188,`), at 80 a
    co-unit's name broke inside it (市人力资源和社会保 / 障局): folded, every name, date and metric is whole."""
    project.write_plan(LONG_PLAN)
    out = _screen(project, columns, "tasks", "--lang", lang)
    lines = [line.strip() for line in out.splitlines()]
    assert "invest: 完成固定资产投资额 5,188,505万元" in lines
    milestone = "2024-06-30 → 2,000,000万元（invest）" if lang == "zh" else "2024-06-30 → 2,000,000万元 (invest)"
    assert "2024-01-01 – 2024-12-31" in lines and milestone in lines
    assert any(line.startswith("市发展和改革委员会 + 市人力资源和社会保障局") for line in lines)
    assert "新建改造区域性居家养老服务中心" in out.splitlines()[4]  # the title beside its number, whole words a line


def test_tasks_on_a_wide_terminal_keep_a_column_each(project):
    project.write_plan(LONG_PLAN)
    out = _screen(project, 200, "tasks")
    assert all(head in out for head in ("Unit", "Start", "Due", "Metrics"))


@pytest.mark.parametrize("columns", [60, 80])
def test_every_commands_help_fits_and_its_example_reads_as_typed(project, columns):
    """Each --help at 60 and 80 columns: the example stands on lines of its own as it is typed (it ran on in the
    paragraph and was broken anywhere, `--set` / `centres=15`), each line within the screen; and every option
    names what it takes (`--month MONTH`, `--note TEXT`, not `<str>`)."""
    from tracker.cli import app
    import typer

    env = {**os.environ, "COLUMNS": str(columns)}
    for name in typer.main.get_command(app).commands:  # (in a process of its own: click reads the terminal's width)
        out = subprocess.run([sys.executable, "-m", "tracker", name, "--help"], capture_output=True, text=True,
                             env=env, check=True).stdout
        assert max(cell_len(line) for line in out.splitlines()) <= columns, out
        lines = out.splitlines()
        example = lines.index("  Example:")
        shown = []
        for line in lines[example + 1:]:
            if not line.strip():
                break
            shown.append(line)
        assert shown and shown[0].startswith("    tracker "), (name, shown)
        for before, line in zip(shown, shown[1:]):  # a command, or the next line of one ended with `\`
            assert line.startswith("    tracker ") or (line.startswith("      --") and before.endswith(" \\")), (name, shown)
        assert "<str>" not in out and "<int" not in out, name
    top = subprocess.run([sys.executable, "-m", "tracker", "--help"], capture_output=True, text=True, env=env).stdout
    assert max(cell_len(line) for line in top.splitlines()) <= columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_heading_wider_than_its_table_is_whole_where_the_screen_holds_it(project, lang):
    """units' table is narrow (43 columns for one unit): its heading, the plan's title, the word and the month,
    was broken at the table's edge on an 80-column screen (`…单位排名 · 截` / `至 2024-08`), where it fits whole."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15")
    out = _screen(project, 80, "units", "--lang", lang)
    heading = "2024年市民政局重点目标任务 · " + ("单位排名 · 截至 2024-08" if lang == "zh" else "Units · as of 2024-08")
    assert out.splitlines()[0].rstrip() == heading
    out = _screen(project, 30, "units", "--lang", lang)  # narrower than the heading: it breaks at the screen's edge
    assert "2024-08" in _flat(out)
