"""`--help` follows the run's language: in Chinese under zh (--lang anywhere, or TRACKER_LANG), click's own English
otherwise; the Chinese is wrapped by the cells it takes on a screen."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.cells import cell_len

from tracker.cli import app
from tracker.cli.help import help_of, paragraphs
from tracker.labels import _ZH, load_help

TRACKER = Path(__file__).resolve().parent.parent / "tracker"


def _commands():
    """tracker and each of its commands, with a context to read their options from."""
    group = typer.main.get_command(app)
    root = typer.Context(group, info_name="tracker")
    yield group, root
    for name, command in group.commands.items():
        yield command, typer.Context(command, info_name=name, parent=root)


def test_every_text_of_every_command_s_help_has_its_chinese():
    """A description, an example's heading or comment, an option's help added in English fails here until its
    Chinese is in labels_help.py."""
    load_help()
    missing, seen = [], 0
    for command, ctx in _commands():
        for kept, text in paragraphs(command.help or ""):
            if kept:  # the examples: their heading and comments are said in Chinese, the commands as typed
                texts = [line for line in text.splitlines() if line.strip() == line]
                texts += [line.partition("# ")[2] for line in text.splitlines() if "# " in line]
            else:
                texts = [text]
            for t in texts:
                seen += 1
                if t not in _ZH:
                    missing.append(f"{ctx.info_name}: {t!r}")
        for param in command.get_params(ctx):
            record = param.get_help_record(ctx)
            if record:
                seen += 1
                body, extras = help_of(record[1])
                missing += [f"{ctx.info_name} {record[0]}: {t!r}" for t in [body, *[e.partition(": ")[0] for e in extras]]
                            if t not in _ZH and not t[:1].isdigit()]  # a range ([1900<=x<=9999]) is its figures
    assert seen > 150  # the walk reaches every command and option (a walk that finds nothing would pass)
    assert not missing, "\n".join(missing)


def test_each_command_s_summary_is_the_first_sentence_of_its_chinese(project):
    out = project.ok("--lang", "zh", "--help").out
    for line in ("  status    查看进展\n", "  log       登记进展\n", "  import    导入报表\n", "  remind    催报\n",
                 "  report    生成月度进展表\n", "命令：\n"):
        assert line in out


@pytest.mark.parametrize("args, env", [
    (["--lang", "zh", "status", "--help"], None),
    (["status", "--help", "--lang", "zh"], None),
    (["status", "--lang=zh", "-h"], None),
    (["status", "--help"], "zh"),
    (["--lang", "en", "status", "--lang", "zh", "--help"], None),  # the command's own wins
])
def test_a_command_s_help_is_in_chinese_wherever_zh_is_asked(project, args, env):
    if env:
        project.monkeypatch.setenv("TRACKER_LANG", env)
    out = project.ok(*args).out
    assert out.startswith("用法：tracker status [选项]\n\n  查看进展。每项任务的完成进度与序时进度对比")
    assert "\n  示例：\n    tracker status --month 2024-08 --only behind,stalled\n" in out
    assert "\n选项：\n  -m, --month MONTH" in out
    assert "table（表格，供人阅读）或 json（供脚本使用）。\n" in out and "  [默认：table]\n" in out
    assert "-h, --help                 显示本帮助并退出。" in out


def test_tracker_s_help_is_in_chinese_bare_too(project):
    project.monkeypatch.setenv("TRACKER_LANG", "zh")
    for args in ([], ["--help"]):
        out = project.ok(*args).out
        assert out.startswith("用法：tracker [选项] 命令 [参数]...\n\n  跟踪政府年度目标任务")
    assert project.ok("log", "--help").out.count("[必填]") == 1  # the task's number
    assert project.ok("--lang", "zh", "log", "--lang", "en", "--help").out.startswith("Usage: tracker log [OPTIONS] {ID}")


def test_the_english_help_is_click_s_own(project):
    project.monkeypatch.setenv("COLUMNS", "80")
    assert project.ok("overdue", "--help").out == """\
Usage: tracker overdue [OPTIONS]

  Tasks past their due date and not done, most days overdue first.

  Example:
    tracker overdue --format json

Options:
  -m, --month MONTH          Month: 2024-08 or 2024年8月; 8月 alone is the
                             plan's year's (default: this month).
  -f, --format <table|json>  table (for people) or json (for scripts).
                             [default: table]
  --lang <en|zh>             Label language: en or zh (default: TRACKER_LANG,
                             else en).
  -h, --help                 Show this message and exit.
"""


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_the_chinese_help_fits_the_screen_in_cells(columns):
    """click wraps by characters, and a Chinese character takes two cells: its lines would run past the screen.
    (click's help is as wide as the screen less 2, at most 78; typer's CliRunner forces 80, so the formatter is
    given the width itself here.)"""
    from tracker.cli.help import Formatter

    width = max(min(columns, 80) - 2, 50)
    for command, ctx in _commands():
        formatter = Formatter(width=width)
        command.format_help(ctx, formatter)
        wide = [line for line in formatter.getvalue().splitlines() if cell_len(line) > width]
        assert not wide, (ctx.info_name, wide)
        if ctx.info_name == "forms" and columns == 60:  # [默认：…] and [必填] are never broken inside
            assert "（不存在时自动创\n                     建）。  [必填]\n" in formatter.getvalue()


@pytest.mark.parametrize("columns", ["60", "70", "80", "100"])
def test_the_english_help_fits_the_screen_in_cells(project, columns):
    """click counts a Chinese character in an English help (`2024年8月`, `推进中`) as one column: it takes two."""
    env = {**os.environ, "PYTHONPATH": str(TRACKER.parent), "COLUMNS": columns}
    for command in ("status", "log", "import", "report"):
        r = subprocess.run([sys.executable, "-m", "tracker", command, "--help"], capture_output=True, text=True,
                           env=env, cwd=project.root)
        wide = [line for line in r.stdout.splitlines() if cell_len(line) > int(columns)]
        assert r.returncode == 0 and not wide, (command, wide)


def test_a_real_terminal_s_width_is_the_chinese_help_s(project):
    env = {**os.environ, "PYTHONPATH": str(TRACKER.parent), "COLUMNS": "60"}
    r = subprocess.run([sys.executable, "-m", "tracker", "status", "--help", "--lang", "zh"], capture_output=True,
                       text=True, env=env, cwd=project.root)
    assert "\n  查看进展。每项任务的完成进度与序时进度对比，以及状态、标\n  记、最近报送和数据。\n" in r.stdout
    assert max(cell_len(line) for line in r.stdout.splitlines()) == 58


def test_only_a_help_reads_the_help_s_chinese(project):
    """An office's `status` has no time to spare: the help's formatter and its Chinese are read by a help only."""
    env = {**os.environ, "PYTHONPATH": str(TRACKER.parent)}
    def imported(*args):
        r = subprocess.run([sys.executable, "-X", "importtime", "-m", "tracker", *args], capture_output=True,
                           text=True, env=env, cwd=project.root)
        assert r.returncode == 0, r.stderr[-2000:]
        return {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}
    helps = {"tracker.cli.help", "tracker.labels_help"}
    assert not helps & imported("status", "--lang", "zh")
    assert not helps & imported("status", "--help")
    assert helps <= imported("status", "--help", "--lang", "zh")


def test_no_help_text_is_given_twice_in_the_catalogue():
    """The help's Chinese joins labels' catalogue: a key already there would change a message's Chinese."""
    def keys(name):
        tree = ast.parse((TRACKER / name).read_text(encoding="utf-8"))
        return [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
                for k in node.keys if isinstance(k, ast.Constant)]
    assert not set(keys("labels_help.py")) & set(keys("labels.py") + keys("labels_messages.py"))
