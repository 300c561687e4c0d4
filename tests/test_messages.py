"""Every message follows --lang: the catalogue has the Chinese of every template tracker raises or prints.

The templates are found in the code itself (with ast): the first argument of every BadInput(…) and
label(lang, …) call that is a string literal, and the tables of templates that are looked up by a code.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from tracker.labels import _ZH

TRACKER = Path(__file__).resolve().parent.parent / "tracker"
RAISERS = {"BadInput", "PlanError", "TrackerError", "Problems"}
# Templates kept in tables and looked up by a code: module → the names of those tables.
TABLES = {"plan/validate.py": ("_WORDS", "_BOUNDS"), "plan/__init__.py": ("_TOML_WORDS",), "cli/confirm.py": ("_SLIP_TEXT",),
          "store/__init__.py": ("_REASONS",)}


def _calls():
    for path in sorted(TRACKER.rglob("*.py")):
        if "notify" in path.parts:  # its sentences are its own catalogue (notify/message.py)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        yield path, tree


def templates() -> dict[str, str]:
    found: dict[str, str] = {}
    for path, tree in _calls():
        rel = path.relative_to(TRACKER).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                args = node.args
                if name in RAISERS and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                    found.setdefault(args[0].value, f"{rel}:{node.lineno}")
                if name in ("label", "_sentence") and len(args) >= 2 and isinstance(args[1], ast.Constant):
                    found.setdefault(args[1].value, f"{rel}:{node.lineno}")
                # the word a file is named by in textfile's messages (`no such {what}`)
                if getattr(getattr(node.func, "value", None), "id", None) == "textfile" and len(args) >= 2 \
                        and name in ("read", "read_bytes", "lines", "opened") \
                        and isinstance(args[1], ast.Constant):
                    found.setdefault(args[1].value, f"{rel}:{node.lineno}")
            if isinstance(node, ast.Assign) and rel in TABLES and any(
                    getattr(t, "id", None) in TABLES[rel] for t in node.targets):
                for const in ast.walk(node.value):
                    # the templates, not the codes they are looked up by (tomllib's words, "ge")
                    if isinstance(const, ast.Constant) and isinstance(const.value, str) and (
                            "{" in const.value or const.value.startswith(("invalid TOML", "warning:"))):
                        found.setdefault(const.value, f"{rel}:{node.lineno}")
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_no_message_of_the_catalogue_is_left_in_english():
    found = templates()
    assert len(found) > 150  # the scan finds them (a scan that finds nothing would pass)
    from tracker.labels_help import _ZH as HELP  # the help's words: in the catalogue once a help is printed

    missing = {t: where for t, where in found.items() if t not in _ZH and not (where.startswith("cli/help.py:") and t in HELP)}
    # a few words are the same in both languages (a figure's heading, a code)
    missing = {t: w for t, w in missing.items() if re.search(r"[A-Za-z]{3}", t)}
    assert not missing, "\n".join(f"{where}: {t!r}" for t, where in missing.items())


def test_each_translation_keeps_the_template_s_fields():
    for template, chinese in _ZH.items():
        assert _fields(template) == _fields(chinese), (template, chinese)


def test_no_english_text_is_given_twice_in_the_catalogue():
    """A key written twice in one dict literal keeps only its last Chinese, silently: the first is dead text."""
    import collections

    for name in ("labels.py", "labels_messages.py", "labels_help.py"):
        tree = ast.parse((Path(__file__).resolve().parent.parent / "tracker" / name).read_text(encoding="utf-8"))
        keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
                for k in node.keys if isinstance(k, ast.Constant)]
        assert [k for k, n in collections.Counter(keys).items() if n > 1] == [], name


def test_no_message_is_built_with_an_f_string():
    """An f-string message cannot be translated: its words are gone by the time --lang is known."""
    offenders = []
    for path, tree in _calls():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in RAISERS and node.args
                    and isinstance(node.args[0], ast.JoinedStr)):
                offenders.append(f"{path.relative_to(TRACKER)}:{node.lineno}")
    assert not offenders


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("args", [
    ("log", "999", "--set", "centres=1"),
    ("log", "195", "--month", "2023-12", "--set", "centres=1"),
    ("log", "195", "--month", "2024-09", "--set", "centres=1"),
    ("log", "195", "--set", "centres=-1"),
    ("log", "195", "--percent", "50"),
    ("log", "184", "--percent", "101"),
    ("log", "184", "--status", "finished"),
    ("log", "184"),
    ("status", "--month", "August"),
    ("status", "--unit", "民政局"),
    ("status", "--only", "late"),
    ("check", "--fail-on", "late"),
    ("void", "ffffffff", "--reason", "x"),
    ("import", "nope.jsonl"),
    ("history", "999"),
])
def test_every_refusal_is_in_chinese_under_lang_zh(project, args):
    r = project.bad(*args, "--lang", "zh")
    line = r.err.strip()
    assert CJK.search(line), line
    # what is left in Latin letters is what the user typed or a name of tracker's (options, keys, files)
    words = re.findall(r"(?<![-\w.'`])[A-Za-z]{4,}(?![\w'`])", re.sub(r"`[^`]*`|'[^']*'", "", line))
    assert set(words) <= {"centres", "stations", "August", "late", "finished", "nope", "jsonl", "tracker", "tasks",
                          "history"}, line


def test_a_plan_problem_is_in_chinese_and_in_tracker_s_own_words(project):
    project.write_plan('[plan]\nyear = "2024"\n\n[[task]]\nid = "1"\ntitle = ""\nunit = "u"\ndue = "soon"\n')
    err = project.bad("status", "--lang", "zh").err
    assert err.splitlines() == ["tasks.toml:2: plan.year（年度） 应为整数", "tasks.toml:6: 任务 1：title（目标任务） 不能为空",
                                "tasks.toml:8: 任务 1：due（截止） 应为日期，如 2024-12-31（不加引号）"]
    en = project.bad("status").err
    assert "Input should" not in en and "String should" not in en and "pydantic" not in en


def test_a_toml_syntax_error_names_its_true_line(project):
    project.write_plan('[plan]\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = "甲\nunit = "u"\n\n\n\n')
    assert project.bad("status").err.strip() == (
        "tasks.toml:6: invalid TOML: a string is not closed before the line ends (a missing quote)")
    project.write_plan('[plan]\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = """甲\nunit = "u"\n\n\n\n')
    assert project.bad("status", "--lang", "zh").err.strip() == "tasks.toml:6: TOML 格式错误：字符串没有结束（缺少引号）"


def test_a_renamed_metric_is_said_once_on_stderr_pointing_to_validate(project):
    project.ok("log", "195", "--month", "2024-07", "--set", "stations=10")
    project.write_plan(project.tasks.read_text(encoding="utf-8").replace('key = "stations"', 'key = "posts"'))
    r = project.ok("status", "--month", "2024-08")
    assert r.err == ("log names 1 task or metric that tasks.toml no longer has (195.stations); "
                     "`tracker validate` lists it\n")
    assert "日志中有 1 个任务或指标已不在 tasks.toml 中（195.stations）" in project.ok("history", "195", "--lang", "zh").err
    assert "195.stations" not in project.bad("validate").out  # validate says it in its own words, once


@pytest.mark.parametrize("args", [("status", "--format", "json"), ("check", "--format", "json"), ("status",),
                                  ("report",)])
def test_a_removed_task_and_metric_are_said_by_the_commands_that_read_the_series(project, args):
    project.ok("log", "195", "--month", "2024-07", "--set", "stations=10")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    text = project.tasks.read_text(encoding="utf-8")
    project.write_plan(text[:text.index('[[task]]\nid = "184"')].replace('key = "stations"', 'key = "posts"'))
    r = project.run(*args, "--month", "2024-08")
    assert r.code in (0, 1) and r.err == ("log names 2 tasks or metrics that tasks.toml no longer has (184, 195.stations); "
                                          "`tracker validate` lists them\n")
