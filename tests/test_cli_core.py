"""The core commands through the real CLI: init, validate, tasks, log, status, overdue, history, export, import."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import BASIC_PLAN, ROOT


def test_init_writes_a_starter_and_refuses_to_overwrite(empty_project):
    p = empty_project
    r = p.ok("init")
    assert p.tasks.exists() and p.db.exists()
    assert "tasks.toml" in r.out and r.out.rstrip().endswith("edit the plan, then: tracker status")
    assert p.ok("validate").out.startswith("ok: tasks.toml (2 tasks)")
    r = p.bad("init")
    assert "already exists" in r.err
    r = p.ok("init", "sub")
    assert (p.root / "sub" / "tasks.toml").exists() and (p.root / "sub" / "data" / "tracker.db").exists()
    # run here, `tracker status` would find no plan: the next command says to go into the new folder
    assert r.out.rstrip().endswith("edit the plan, then: cd sub && tracker status")
    assert p.ok("init", "新 计划", "--lang", "zh").out.rstrip().endswith("编辑计划后运行：cd '新 计划' && tracker status")


def test_init_writes_next_years_plan_when_asked(empty_project):
    p = empty_project
    p.ok("init", "--year", "2025", "plan-2025")
    text = (p.root / "plan-2025" / "tasks.toml").read_text(encoding="utf-8")
    assert 'title = "2025年重点目标任务"' in text and "\nyear = 2025 " in text
    p.monkeypatch.chdir(p.root / "plan-2025")
    assert "2025年重点目标任务" in p.ok("status", "--month", "2025-08").out
    assert p.bad("init", "--year", "20250", "again", "--lang", "zh").err.strip() == \
        "tracker init: '--year' 的值 20250 无效：不在 1900<=x<=9999 范围内"
    assert not (p.root / "plan-2025" / "again").exists()


def test_init_in_chinese_writes_the_starter_s_comments_in_chinese(empty_project):
    p = empty_project
    p.ok("init", "--lang", "zh")
    text = p.tasks.read_text(encoding="utf-8")
    comments = [line.partition("#")[2] for line in text.splitlines() if line.startswith("#") or " # " in line]
    english = [c for c in comments if re.search(r"[a-z]{4}", re.sub(r"--\w+|README|tasks\.toml|\[\[task\]\]", "", c))]
    assert len(comments) == 7 and not english, english
    assert "# 牵头单位" in text and "即为停滞" in text
    # the .gitignore's line for contacts.toml is explained in the project's language too
    assert (p.root / ".gitignore").read_text(encoding="utf-8") == "# 催报（tracker remind）用的机器人密钥和 webhook 地址\ncontacts.toml\n"
    assert p.ok("validate").out.startswith("ok: tasks.toml (2 tasks)")
    p.monkeypatch.setenv("TRACKER_LANG", "zh")
    p.ok("init", "b")
    assert (p.root / "b" / "tasks.toml").read_text(encoding="utf-8") == text


def test_the_starter_s_plan_comments_line_up(empty_project):
    """The year is filled in when init writes the starter: its comment stays in line with the ones below."""
    empty_project.ok("init")
    plan = empty_project.tasks.read_text(encoding="utf-8").split("\n[[task]]")[0]
    columns = {line.index("#") for line in plan.splitlines() if " # " in line and not line.startswith("#")}
    assert len(columns) == 1, plan


def test_missing_plan_says_run_init(empty_project):
    r = empty_project.bad("status")
    assert "tasks.toml: no such file" in r.err and "tracker init" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_log_records_and_prints_what_was_recorded(project):
    r = project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117",
                   "--note", "截至目前,全市新建区域性居家养老服务中心15个。")
    assert "recorded 195 2024-08: centres=15/100个 stations=117/300个" in r.out
    assert "by tester" in r.out
    h = project.ok("history", "195", "--format", "json").json()
    assert h["task"] == "195"
    (e,) = h["entries"]
    assert e["values"] == {"centres": 15, "stations": 117}
    assert e["month"] == "2024-08" and e["by"] == "tester" and e["percent"] is None and e["status"] is None
    assert e["note"] == "截至目前,全市新建区域性居家养老服务中心15个。"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", e["recorded_at"])


def test_month_forms_are_all_accepted(project):
    for form in ("2024-03", "2024-3", "2024/03", "2024年3月"):
        project.ok("log", "184", "--month", form, "--percent", "10")
    months = {e["month"] for e in project.ok("history", "184", "--format", "json").json()["entries"]}
    assert months == {"2024-03"}


def test_a_month_alone_is_of_the_plans_year_in_every_command(project, tmp_path):
    """`8月`, `8月份`, `8` as a clerk types them: the plan's month, also in January of the year after."""
    for form in ("3月", "3月份", "3", "2024年3月份", "2024.3"):
        project.ok("log", "184", "--month", form, "--percent", "10")
    assert {e["month"] for e in project.ok("history", "184", "--format", "json").json()["entries"]} == {"2024-03"}
    assert project.ok("status", "--month", "12月", "--format", "json", today="2025-01-10").json()["as_of"] == "2024-12"
    project.ok("log", "184", "--month", "12月", "--percent", "60", today="2025-01-10")
    assert project.run("check", "--month", "12", "--format", "json").json()["as_of"] == "2024-12"
    assert project.ok("units", "--month", "8月份", "--format", "json").json()["as_of"] == "2024-08"
    project.ok("forms", "--month", "9月", "-o", str(tmp_path / "forms"), today="2024-08-20")
    assert [f.name for f in (tmp_path / "forms").iterdir()] == ["市民政局-2024-09.xlsx"]
    table = tmp_path / "t.md"
    table.write_text("| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n|---|---|---|\n"
                     "| 1 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 已完成提标测算。 |\n", encoding="utf-8")
    assert "for 2024-08" in project.ok("import", str(table), "--month", "8月", "--dry-run").out
    assert "月份格式不对 '13月'" in project.bad("status", "--month", "13月", "--lang", "zh").err
    assert "8月 (in the plan's year)" in project.bad("status", "--month", "八月").err


def test_a_month_alone_is_of_this_year_when_the_plan_has_none(project):
    project.tasks.write_text(project.tasks.read_text(encoding="utf-8").replace("year = 2024\n", "")
                             .replace('unit = "市民政局"\n', 'unit = "市民政局"\ndue = 2025-12-31\n'), encoding="utf-8")
    assert project.ok("status", "--month", "3月", "--format", "json", today="2025-05-01").json()["as_of"] == "2025-03"


def test_note_from_stdin(project):
    project.ok("log", "184", "--percent", "50", "--note-file", "-", input="已完成提标测算。\n")
    (e,) = project.ok("history", "184", "--format", "json").json()["entries"]
    assert e["note"] == "已完成提标测算。" and e["percent"] == 50


def test_bad_log_input_is_refused_and_nothing_is_written(project):
    cases = {
        ("log", "999", "--set", "centres=1"): "unknown task '999'",
        ("log", "195", "--set", "hospitals=1"): "task 195 has no metric 'hospitals'",
        ("log", "195", "--set", "centres=abc"): "'abc' is not a number",
        ("log", "195", "--set", "centres=-3"): "is not a number ≥ 0",
        ("log", "195", "--set", "centres=nan"): "is not a number ≥ 0",
        ("log", "195", "--set", "centres"): "KEY=VALUE",
        ("log", "184", "--percent", "120"): "outside 0–100",
        ("log", "195", "--percent", "50"): "is measured by its metrics; give their figures, not a percent",
        ("log", "184", "--status", "finished"): "status 'finished' is not one of",
        ("log", "184", "--month", "2024-13", "--percent", "5"): "malformed month",
        ("log", "184", "--month", "August", "--percent", "5"): "malformed month",
        ("log", "184", "--month=", "--percent", "5"): "malformed month ''",  # empty is no month, not this month
        ("status", "--month="): "malformed month ''",
        ("log", "184", "--month", "2024-09", "--percent", "5"): "in the future",
        ("log", "184"): "nothing to record",
        ("log", "184", "--note", "a", "--note-file", "x.txt"): "not both",
        ("log", "184", "--note-file", "nope.txt"): "nope.txt: no such note file",
        ("log", "184", "--percent", "5", "--bogus"): "No such option: --bogus",
    }
    for args, message in cases.items():
        r = project.bad(*args)
        assert message in r.err, (args, r.err)
        assert len(r.err.strip().splitlines()) == 1, r.err
    assert not project.db.exists(), "a refused command must write nothing"


def test_a_file_that_is_not_sqlite_is_refused(project):
    project.db.parent.mkdir()
    project.db.write_text("not a database", encoding="utf-8")
    for args in (("status",), ("log", "184", "--percent", "5")):
        r = project.bad(*args)
        assert "not a SQLite database" in r.err
    assert project.db.read_text(encoding="utf-8") == "not a database"


def test_corrections_latest_recorded_wins_per_metric(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=16")  # corrects one metric only
    (t, _) = project.ok("status", "--month", "2024-08", "--format", "json").json()["tasks"]
    assert [m["value"] for m in t["metrics"]] == [16, 117]
    assert len(project.ok("history", "195", "--format", "json").json()["entries"]) == 2


def test_status_json_matches_the_contract(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    data = project.ok("status", "--month", "2024-08", "--format", "json").json()
    assert data["as_of"] == "2024-08"
    t195, t184 = data["tasks"]
    assert t195 == {
        "id": "195", "title": "新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "unit": "市民政局",
        "category": "养老服务", "start": "2024-01-01", "due": "2024-12-31",
        "status": "behind", "flags": ["behind"], "completion": 0.27, "measured": True,
        "expected": round(243 / 365, 4), "last_month": "2024-08",
        "forecast": "2025-05", "forecast_late": True, "warnings": [],
        "metrics": [
            {"key": "centres", "name": "区域性居家养老服务中心", "unit": "个", "target": 100, "baseline": 0,
             "mode": "cumulative", "value": 15, "ratio": 0.15, "expected": round(243 / 365, 4)},
            {"key": "stations", "name": "社区养老服务站", "unit": "个", "target": 300, "baseline": 0,
             "mode": "cumulative", "value": 117, "ratio": 0.39, "expected": round(243 / 365, 4)},
        ],
    }
    # 184: 40 % against 66.6 % expected → behind; no report in August → missing
    assert t184["status"] == "behind" and t184["flags"] == ["behind", "missing"]
    assert t184["completion"] == 0.4 and t184["last_month"] == "2024-07" and t184["metrics"] == []


def test_a_task_short_of_done_never_reads_completion_1_in_json(project):
    # SPEC: a task is done when its completion is 1. 99,999 of 100,000 is not done, and no JSON may say 1.0
    # beside a status that is not done (a script counts done tasks by either).
    project.write_plan('[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "t"\nunit = "甲局"\n'
                       '[[task.metric]]\nkey = "m"\nunit = "个"\ntarget = 100000\n')
    project.ok("log", "1", "--month", "2024-08", "--set", "m=99999")
    t = project.ok("status", "--format", "json").json()["tasks"][0]
    assert t["status"] == "on_track" and t["completion"] == 0.9999 and t["metrics"][0]["ratio"] == 0.9999
    assert project.ok("units", "--format", "json").json()["units"][0]["completion"] == 0.9999
    assert project.ok("report", "--format", "json").json()["rows"][0]["completion"] == 0.9999
    assert project.ok("show", "1", "--format", "json").json()["task"]["completion"] == 0.9999
    project.ok("log", "1", "--month", "2024-08", "--set", "m=100000")
    t = project.ok("status", "--format", "json").json()["tasks"][0]
    assert t["status"] == "done" and t["completion"] == 1.0


def test_status_filters(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=100", "--set", "stations=300")
    ids = lambda *a: [t["id"] for t in project.ok("status", "--month", "2024-08", "--format", "json", *a).json()["tasks"]]
    assert ids("--only", "done") == ["195"]
    assert ids("--only", "missing") == ["184"]
    assert ids("--unit", "市民政局") == ["195", "184"]
    assert "units: 市民政局" in project.bad("status", "--unit", "市财政局").err  # no such unit: exit 2, the known ones named
    # a unit's short name: the one meant, in every command that takes --unit
    for command in (("status",), ("remind", "--dry-run"), ("forms", "-o", "f")):
        assert project.bad(*command, "--unit", "民政局").err == \
            "--unit 民政局: no task has this lead unit; did you mean 市民政局?\n"
    assert ids("--category", "养老服务") == ["195"]
    assert "categories: 养老服务" in project.bad("status", "--category", "教育").err
    assert project.bad("status", "--category", "养老", "--lang", "zh").err == \
        "--category 养老：没有该类别的任务；是否指 养老服务？\n"
    assert "unknown late" in project.bad("status", "--only", "late").err



def test_unit_abbreviated_as_offices_say_it(project):
    # trial 35: an office of 60 units says 市住建局 and 卫健委; refused with sixty names to read through, the clerk
    # never saw 市住房城乡建设局 in them. The name meant is named, in every command that takes --unit.
    plan = '[plan]\nyear = 2024\n'
    for n, unit in enumerate(["市住房城乡建设局", "市卫生健康委员会", "市财政局", "市民政局"], 1):
        plan += f'[[task]]\nid = "{n}"\ntitle = "任务{n}"\nunit = "{unit}"\n'
    project.write_plan(plan)
    assert project.bad("status", "--unit", "市住建局").err == \
        "--unit 市住建局: no task has this lead unit; did you mean 市住房城乡建设局?\n"
    assert project.bad("report", "--unit", "卫健委", "--lang", "zh").err == \
        "--unit 卫健委：没有以此为牵头单位的任务；是否指 市卫生健康委员会？\n"
    assert "did you mean" not in project.bad("status", "--unit", "市财务局").err  # not 市财政局: another department


def test_filters_by_co_unit_and_words_of_a_title(project):
    # trial 35: in 720 tasks, "what does 市财政局 share?" and "where are the 养老 tasks?" had no filter; the
    # whole table had to be read. --co-unit and --search choose them in status and report, as --unit does.
    project.write_plan('[plan]\nyear = 2024\n'
                       '[[task]]\nid = "1"\ntitle = "新建区域性居家养老服务中心10个"\nunit = "市民政局"\nco_units = ["市财政局"]\n'
                       '[[task]]\nid = "2"\ntitle = "改造老旧小区50个"\nunit = "市住房城乡建设局"\nco_units = ["市财政局", "各区县政府"]\n'
                       '[[task]]\nid = "3"\ntitle = "养老护理员培训 500 人次"\nunit = "市人社局"\n')
    ids = lambda *a: [t["id"] for t in project.ok("status", "--month", "2024-08", "--format", "json", *a).json()["tasks"]]
    assert ids("--co-unit", "市财政局") == ["1", "2"]
    assert ids("--co-unit", "市财政局", "--unit", "市民政局") == ["1"]
    assert ids("--search", "养老") == ["1", "3"]
    assert ids("--search", "养老　中心") == ["1"]  # every word, a full-width space between them too
    assert ids("--search", "老旧 养老") == []
    rows = project.ok("report", "--month", "2024-08", "--co-unit", "各区县政府", "--search", "小区", "--lang", "zh")
    assert rows.out.startswith("# 重点目标任务进展情况（2024年8月，各区县政府配合，目标任务含“小区”）") and "2.改造老旧小区" in rows.out
    assert project.bad("status", "--co-unit", "财政局", "--lang", "zh").err == \
        "--co-unit 财政局：没有以此为配合单位的任务；是否指 市财政局？\n"
    assert "co-units: 市财政局、各区县政府" in project.bad("report", "--co-unit", "市民政局").err
    # a unit that leads no task but shares some is pointed to --co-unit
    assert project.bad("status", "--unit", "市财政局").err == (
        "--unit 市财政局: no task has this lead unit; it shares tasks as a co-unit (--co-unit 市财政局)\n")
    assert "它是部分任务的配合单位（--co-unit 市财政局）" in project.bad("report", "--unit", "市财政局", "--lang", "zh").err
    # remind has no --co-unit to point to: the lead units are listed, as for any unit leading no task
    assert project.bad("remind", "--dry-run", "--unit", "市财政局").err.startswith(
        "--unit 市财政局: no task has this lead unit (units: ")
    assert "no task matches these filters" in project.ok("status", "--search", "火星").out

def test_status_table_for_people(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117")
    wide = project.ok("status", "--month", "2024-08").out
    assert "\x1b[" not in wide, "no colour codes outside a terminal"
    for text in ("195", "184", "27%", "67%", "behind", "stalled", "missing", "15/100个", "117/300个", "2025-05 late"):
        assert text in wide, text
    project.monkeypatch.setenv("COLUMNS", "80")
    narrow = project.ok("status", "--month", "2024-08", "--lang", "zh").out
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 80
    for text in ("编号", "序时进度", "滞后", "停滞", "未报送", "未量化", "市民政局", "15/100个 · 117/300个"):
        assert text in narrow, text
    # the title folds rather than being cut: the whole of it stands in its column
    column = "".join(cells(line, narrow, "目标任务", "完成进度") for line in narrow.splitlines())
    assert "新建区域性居家养老服务中心100个,改造社区养老服务站300个。" in column.replace(" ", "")


def cells(line: str, screen: str, header: str, next_header: str) -> str:
    """The part of a table line under `header`, measured in terminal cells (a Chinese character is two)."""
    from rich.cells import cell_len

    head = next(h for h in screen.splitlines() if header in h and next_header in h)
    start = cell_len(head[: head.index(header)])
    end = cell_len(head[: head.index(next_header)])
    out, pos = "", 0
    for ch in line:
        if start <= pos < end:
            out += ch
        pos += cell_len(ch)
    return out


def test_overdue_lists_most_days_overdue_first(project):
    project.write_plan("""
        [plan]
        title = "2024年重点目标任务"

        [[task]]
        id = "1"
        title = "甲"
        unit = "市民政局"
        due = 2024-05-31
        [[task]]
        id = "2"
        title = "乙"
        unit = "市财政局"
        due = 2024-03-31
        [[task]]
        id = "3"
        title = "丙"
        unit = "市财政局"
        due = 2024-12-31
    """)
    data = project.ok("overdue", "--month", "2024-08", "--format", "json").json()
    assert [(t["id"], t["days_overdue"]) for t in data["tasks"]] == [("2", 142), ("1", 81)]
    assert all(t["status"] == "overdue" for t in data["tasks"])
    out = project.ok("overdue", "--month", "2024-08").out
    assert "142" in out and out.lstrip().startswith("2024年重点目标任务 · overdue · as of 2024-08")  # as status is headed
    assert project.ok("overdue", "--month", "2024-02").out.strip() == "no overdue tasks (as of 2024-02)"
    # a Chinese sentence takes its own brackets: it said 没有逾期任务 (截至 2024-02)
    assert project.ok("overdue", "--month", "2024-02", "--lang", "zh").out.strip() == "没有逾期任务（截至 2024-02）"


def test_export_import_round_trip(project, tmp_path):
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10", "--note", "七月")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117")
    project.ok("log", "184", "--month", "2024-08", "--percent", "60", "--status", "ongoing", "--note", "测算")
    out = project.ok("export").out
    lines = [json.loads(line) for line in out.splitlines()]
    assert [e["task"] for e in lines] == ["195", "195", "184"]
    (tmp_path / "log.jsonl").write_text(out, encoding="utf-8")
    project.ok("--db", "other.db", "import", "log.jsonl")
    assert project.ok("--db", "other.db", "export").out == out
    r = project.ok("--db", "other.db", "import", "log.jsonl")
    assert "imported 0 entries" in r.out and "3 already in the log" in r.out
    one = [json.dumps({**lines[0], "id": "e" * 32, "month": "2024-06"}, ensure_ascii=False)]
    (tmp_path / "one.jsonl").write_text("\n".join(one + out.splitlines()) + "\n", encoding="utf-8")
    assert "one.jsonl: 1 entry to import, 3 already in the log" in project.ok(
        "--db", "other.db", "import", "one.jsonl", "--dry-run").out
    r = project.ok("--db", "other.db", "import", "one.jsonl")
    assert r.out == "imported 1 entry from one.jsonl (3 already in the log)\n"
    assert project.ok("export", "-o", "copy.jsonl").out == "wrote copy.jsonl (3 entries)\n"
    assert (tmp_path / "copy.jsonl").read_text(encoding="utf-8") == out
    assert project.ok("export", "-o", "zh.jsonl", "--lang", "zh").out == "已写入 zh.jsonl（3条记录）\n"
    assert project.ok("export", "-o", "-").out == out  # "-": the standard output, as with most tools
    assert project.ok("report", "--month", "2024-08", "-o", "-").out.startswith("# ")
    assert not (tmp_path / "-").exists()


def test_bad_jsonl_import_names_file_and_line_and_writes_nothing(project, tmp_path):
    good = {"id": "a1", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T10:00:00Z",
            "by": "x", "values": {"centres": 3}, "percent": None, "status": None, "note": None}
    rows = [good, dict(good, id="a2", task="999")]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    r = project.bad("import", "in.jsonl")
    assert r.err.strip() == "in.jsonl:2: unknown task '999' (`tracker tasks` lists the declared ones)"
    assert not project.db.exists()
    (tmp_path / "in.jsonl").write_text(json.dumps(good) + "\n{oops\n", encoding="utf-8")
    assert project.bad("import", "in.jsonl").err.strip() == (
        "in.jsonl:2: not a JSON object: Expecting property name enclosed in double quotes (column 2)")
    # what the json module says is wrong, in Chinese too, with where in the line
    assert project.bad("--lang", "zh", "import", "in.jsonl").err.strip() == "in.jsonl:2: 不是 JSON 对象：键名要用双引号括起（第 2 列）"
    # the same id with other content is an error
    (tmp_path / "in.jsonl").write_text(json.dumps(good), encoding="utf-8")
    project.ok("import", "in.jsonl")
    (tmp_path / "in.jsonl").write_text(json.dumps(dict(good, values={"centres": 4})), encoding="utf-8")
    assert "already in the log with other content" in project.bad("import", "in.jsonl").err


def test_validate_reports_entries_the_plan_no_longer_knows(project):
    project.ok("log", "184", "--month", "2024-08", "--percent", "10")
    project.write_plan("""
        [plan]
        year = 2024
        [[task]]
        id = "195"
        title = "新建"
        unit = "市民政局"
    """)
    r = project.bad("validate")
    assert "names task 184, which tasks.toml does not declare" in r.err


def test_validate_names_each_counted_entry_before_its_task_start_moved_past_it(project):
    # every write refuses a month before the task's start; tasks.toml's start (or plan.year) moved later since
    # leaves entries that still count in every month after: validate names each, voided ones no longer
    from tests.conftest import BASIC_PLAN

    project.ok("log", "195", "--month", "2024-03", "--set", "centres=5")
    project.ok("log", "195", "--month", "2024-04", "--set", "centres=8")
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=9")
    project.ok("log", "184", "--month", "2024-03", "--percent", "10")
    project.write_plan(BASIC_PLAN.replace('category = "养老服务"', 'category = "养老服务"\nstart = 2024-06-01'))
    ids = [e["id"] for e in project.ok("history", "195", "--format", "json").json()["entries"]]
    r = project.bad("validate")
    assert r.err.splitlines() == [
        f"data/tracker.db: entry {ids[0]} of task 195 is for 2024-03, before the task's start in tasks.toml "
        "(2024-06), and still counts: move the start back, or void the entry",
        f"data/tracker.db: entry {ids[1]} of task 195 is for 2024-04, before the task's start in tasks.toml "
        "(2024-06), and still counts: move the start back, or void the entry"]
    assert project.bad("validate", "--lang", "zh").err.splitlines()[0] == (
        f"data/tracker.db: 任务 195 的条目 {ids[0]} 填报的是 2024-03，早于 tasks.toml 中该任务的开始月份（2024-06），"
        "但仍计入进度：请把开始日期改回，或作废该条目")
    project.ok("void", ids[0], "--reason", "任务调整为6月开始")
    assert [line.split(" entry ")[1].split(" ")[0] for line in project.bad("validate").err.splitlines()] == [ids[1]]
    project.ok("void", ids[1], "--reason", "任务调整为6月开始")
    project.ok("validate")


def test_validate_names_every_entry_of_a_metric_the_plan_no_longer_has_voided_or_not(project):
    import json as _json

    project.ok("log", "195", "--month", "2024-07", "--set", "stations=10")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=12")
    history = _json.loads(project.ok("history", "195", "--format", "json").out)
    first, second = (e["id"] for e in history["entries"])
    project.ok("void", first, "--reason", "填错")  # the only entry that names stations no longer counts
    plan = project.tasks.read_text(encoding="utf-8")
    project.write_plan(plan.replace('key = "centres"', 'key = "centers"').replace('key = "stations"', 'key = "station"'))
    err = project.bad("validate").err.splitlines()
    assert f"data/tracker.db: entry {first} names metric 'stations', which task 195 does not have" in err  # voided too
    assert f"data/tracker.db: entry {second} names metric 'centres', which task 195 does not have" in err
    assert len([line for line in err if "names metric" in line]) == 2


def test_invalid_plan_reports_every_problem_with_its_line(project):
    project.write_plan("""
        [plan]
        year = 2024
        stall_months = 0

        [[task]]
        id = "1"
        title = "甲"

        [[task]]
        id = "1"
        title = "乙"
        unit = "市民政局"

        [[task]]
        id = "3"
        title = "丙"
        unit = "市民政局"
        [[task.metric]]
        key = "a"
        target = 0
    """)
    r = project.bad("validate")
    assert r.err.splitlines() == [
        "tasks.toml:3: plan.stall_months must be at least 1",
        "tasks.toml:5: task 1: unit is required",
        "tasks.toml:9: duplicate task id 1 (first declared at line 5)",
        "tasks.toml:20: task 3: metric a: target 0 must be greater than baseline 0",
    ]
    assert project.bad("status").err == r.err


def test_a_duplicate_task_and_a_metric_with_a_bad_key_still_have_their_other_problems_said(project):
    project.write_plan("""
        [plan]
        year = 2024

        [[task]]
        id = "1"
        title = "甲"
        unit = "市民政局"

        [[task.metric]]
        key = "Centres"
        target = 0
        baseline = 5

        [[task.metric]]
        target = 3
        baseline = 3

        [[task]]
        id = "1"
        title = "乙"
        unit = "市民政局"
        start = 2024-06-01
        due = 2024-03-01

        [[task.metric]]
        key = "a"
        target = -5
        mode = "cumulativ"
    """)
    assert project.bad("validate").err.splitlines() == [
        "tasks.toml:10: task 1: metric.key must match [a-z][a-z0-9_]*",
        "tasks.toml:11: task 1: metric Centres: target 0 must be greater than baseline 5",
        "tasks.toml:14: task 1: metric.key is required",
        "tasks.toml:15: task 1: metric #2: target 3 must be greater than baseline 3",
        "tasks.toml:18: duplicate task id 1 (first declared at line 4)",
        "tasks.toml:23: task 1: due 2024-03-01 must be after start 2024-06-01",
        "tasks.toml:27: task 1: metric a: target -5 must be greater than baseline 0",
        'tasks.toml:28: task 1: metric.mode must be "cumulative" or "increment"',
    ]


def test_a_task_id_that_is_another_written_with_a_leading_zero_is_refused(project):
    # a task added mid-year as 05 beside task 5: `tracker log 5` and a table's `05.` could not tell them apart
    project.write_plan("""
        [plan]
        year = 2026

        [[task]]
        id = "5"
        title = "新建改扩建中小学校12所"
        unit = "市教育局"

        [[task]]
        id = "05"
        title = "新建幼儿园5所"
        unit = "市教育局"

        [[task]]
        id = "3.2"
        title = "甲"
        unit = "市教育局"

        [[task]]
        id = "3.02"
        title = "乙"
        unit = "市教育局"

        [[task]]
        id = "3.20"
        title = "丙"
        unit = "市教育局"
    """)
    assert project.bad("validate").err.splitlines() == [
        "tasks.toml:9: task id 05 is task 5 written another way (declared at line 4): give it a number of its own",
        "tasks.toml:19: task id 3.02 is task 3.2 written another way (declared at line 14): "
        "give it a number of its own",
    ]
    assert project.bad("status", "--lang", "zh").err.splitlines()[0] == (
        "tasks.toml:9: 任务编号 05 与第 4 行的任务 5 是同一个编号的不同写法：请另编一个编号")
    assert not project.db.exists() or project.ok("export").out == ""


def test_a_task_number_typed_with_a_leading_zero_is_that_task(project):
    # the number the plan refuses as a second task (05 beside 5) is the task's own when typed: never unknown
    project.write_plan("""
        [plan]
        year = 2024

        [[task]]
        id = "5"
        title = "新建改扩建中小学校12所"
        unit = "市教育局"

        [[task]]
        id = "3.2"
        title = "新建幼儿园5所"
        unit = "市教育局"
    """)
    assert project.ok("log", "05", "--percent", "40", "--note", "已开工").out.startswith("recorded 5 2024-08: 40%")
    project.ok("log", "3.02", "--percent", "10")
    assert [(e["task"], e["percent"]) for e in map(json.loads, project.ok("export").out.splitlines())] == [
        ("5", 40), ("3.2", 10)]
    assert project.ok("history", "05", "--format", "json").json()["task"] == "5"
    assert project.ok("show", "005").out.startswith("5. 新建改扩建中小学校12所")
    assert "unknown task '50'" in project.bad("log", "50", "--percent", "1").err  # another number stays unknown


def test_a_task_number_typed_with_the_marks_offices_write_is_that_task(project):
    # a Chinese input method types １９５． for 195.: the number a table's 编号 cell gives is the command line's too
    r = project.ok("log", "１９５．", "--set", "centres=15", "--set", "stations=117", "--lang", "zh")
    assert r.out.startswith("已记录 195 2024-08")
    for typed in ("195.", "195、", "第195项", "（１９５）"):
        assert project.ok("history", typed, "--format", "json").json()["task"] == "195"
        assert project.ok("show", typed).out.startswith("195. 新建区域性居家养老服务中心")
    assert [e["task"] for e in map(json.loads, project.ok("export").out.splitlines())] == ["195"]
    assert "unknown task '195-1'" in project.bad("log", "195-1", "--percent", "1").err  # a sub-item is no task


def test_toml_syntax_error_carries_its_line(project):
    project.tasks.write_text('[plan]\nyear = 2024\n[[task]]\nid = "1"\ntitle = "甲\n', encoding="utf-8")
    r = project.bad("tasks")
    assert r.err.startswith("tasks.toml:5: invalid TOML:")


def test_reading_commands_do_not_create_the_database(project):
    for args in (("status",), ("tasks",), ("overdue",), ("history", "195"), ("export",)):
        project.ok(*args)
    assert not project.db.exists()


def test_validate_without_a_database_says_so_and_fails(project):
    r = project.run("validate")
    assert r.code == 2
    assert r.err == "no database at data/tracker.db (no such file): nothing to check (is --db or TRACKER_DB right?)\n"
    assert not project.db.exists()
    r = project.run("--db", "nope/typo.db", "validate")
    assert r.code == 2 and r.err.startswith("no database at nope/typo.db")
    r = project.run("--db", "nope/typo.db", "validate", "--lang", "zh")  # every word of it in Chinese
    assert (r.code, r.err) == (2, "nope/typo.db 处没有数据库（没有这个文件）：没有可检查的内容（--db 或 TRACKER_DB 对吗？）\n")
    project.db.parent.mkdir(exist_ok=True)
    project.db.write_bytes(b"")
    assert "（文件为空）" in project.run("validate", "--lang", "zh").err


def test_a_mistyped_db_is_said_by_what_shows_the_log_and_by_what_starts_one(project):
    project.ok("log", "195", "--set", "centres=15")
    r = project.ok("--db", "data/trakcer.db", "status")  # every task unreported: say why that may be
    assert r.err == "no log at data/trakcer.db: nothing is recorded there (is --db or TRACKER_DB right?)\n"
    assert "195" in r.out
    r = project.ok("--db", "data/trakcer.db", "--lang", "zh", "report", "-o", "t.docx")
    assert r.err == "data/trakcer.db 处没有记录库：尚无任何记录（--db 或 TRACKER_DB 是否写对？）\n"
    assert project.run("--db", "data/trakcer.db", "check").err.endswith("(is --db or TRACKER_DB right?)\n")
    assert project.ok("--db", "data/trakcer.db", "tasks").err == ""  # the plan alone: the log is not asked
    assert "no log" not in project.bad("--db", "data/trakcer.db", "status", "--month", "13").err  # the refusal alone
    (project.root / "e.jsonl").write_text(
        '{"id": "b1", "task": "184", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "percent": 40}\n')
    assert project.ok("--db", "data/trakcer.db", "import", "e.jsonl").err == "started a new log at data/trakcer.db\n"
    assert project.ok("--db", "data/trakcer.db", "import", "e.jsonl").err == ""


def test_an_empty_db_file_is_said_to_be_no_log_and_left_as_it_is(project):
    """A data/tracker.db of 0 bytes (cut short, a checkout gone wrong) shows every task unreported, as no log
    does: CI's check says why on stderr, and reading makes no -wal or -shm beside it."""
    project.db.parent.mkdir(exist_ok=True)
    project.db.write_bytes(b"")
    r = project.run("check", "--format", "json")
    assert r.code == 1 and r.json()["ok"] is False
    assert r.err == "no log at data/tracker.db: nothing is recorded there (is --db or TRACKER_DB right?)\n"
    assert sorted(p.name for p in project.db.parent.iterdir()) == ["tracker.db"]


def test_export_of_a_mistyped_db_says_there_is_no_log_there(project):
    """An export meant as a backup, of a --db mistyped: an empty file must not pass as the log's."""
    project.ok("log", "195", "--set", "centres=15")
    r = project.ok("--db", "data/trakcer.db", "export", "-o", "log.jsonl")
    assert r.out == "wrote log.jsonl (0 entries)\n"
    assert r.err == "no log at data/trakcer.db: nothing is recorded there (is --db or TRACKER_DB right?)\n"
    r = project.ok("--db", "data/trakcer.db", "export", "--lang", "zh")
    assert r.out == "" and r.err.startswith("data/trakcer.db 处没有记录库")
    assert project.ok("export").err == ""


def test_tasks_lists_the_plan(project):
    data = project.ok("tasks", "--format", "json").json()
    assert [t["id"] for t in data["tasks"]] == ["195", "184"]
    assert data["tasks"][0]["metrics"][1] == {"key": "stations", "name": "社区养老服务站", "unit": "个",
                                              "target": 300, "baseline": 0, "mode": "cumulative"}
    assert data["tasks"][0]["due"] == "2024-12-31"
    out = project.ok("tasks").out
    assert "centres: 区域性居家养老服务中心 100个" in out


def test_tasks_gives_a_milestone_and_a_baseline_in_their_metric_s_measure_word(project):
    project.write_plan(BASIC_PLAN.replace('target = 100\n', 'target = 100\nbaseline = 20\n', 1)
                       + '\n[[task.milestone]]\ndue = 2024-06-30\nmetric = "stations"\ntarget = 150\n'.replace(
                           "[[task.milestone]]", "[[task]]\nid = \"9\"\ntitle = \"新建站点\"\nunit = \"市民政局\"\n"
                           "[[task.metric]]\nkey = \"stations\"\nunit = \"个\"\ntarget = 300\n[[task.milestone]]"))
    out = project.ok("tasks").out
    assert "centres: 区域性居家养老服务中心 100个 (from 20个)" in out and "2024-06-30 → 150个 (stations)" in out
    zh = project.ok("tasks", "--lang", "zh").out  # Chinese text in full-width brackets
    assert "100个（起点 20个）" in zh and "2024-06-30 → 150个（stations）" in zh


def test_plan_cache_gives_the_same_result_and_follows_edits(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15")
    first = project.ok("status", "--month", "2024-08", "--format", "json").out
    with sqlite3.connect(project.db) as conn:
        assert conn.execute("SELECT count(*) FROM plan_cache").fetchone()[0] == 1
    assert project.ok("status", "--month", "2024-08", "--format", "json").out == first
    project.tasks.write_text(project.tasks.read_text(encoding="utf-8").replace("target = 100", "target = 50"), encoding="utf-8")
    t = project.ok("status", "--month", "2024-08", "--format", "json").json()["tasks"][0]
    assert t["metrics"][0]["target"] == 50


def test_version_and_module_entry_point():
    r = subprocess.run([sys.executable, "-m", "tracker", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and re.fullmatch(r"tracker \d+\.\d+\.\d+\n", r.stdout)


def test_the_process_leaves_with_its_output_whole_and_its_exit_code(project):
    # cli.leave() skips Python's teardown: what was printed must still be out, the code kept.
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15")
    env = {**os.environ, "TRACKER_TODAY": "2024-08-20", "TRACKER_TASKS": str(project.tasks),
           "TRACKER_DB": str(project.db)}
    run = [sys.executable, "-m", "tracker"]
    r = subprocess.run([*run, "status", "--format", "json"], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and json.loads(r.stdout)["tasks"][0]["metrics"][0]["value"] == 15
    r = subprocess.run([*run, "check", "--fail-on", "behind,missing", "--format", "json"], capture_output=True,
                       text=True, env=env)
    assert r.returncode == 1 and json.loads(r.stdout)["ok"] is False
    r = subprocess.run([*run, "statu"], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "No such command 'statu'" in r.stderr and r.stdout == ""


def test_every_command_has_help_and_a_readme_mention(project):
    from tracker.cli import app
    import typer

    group = typer.main.get_command(app)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(group.commands) >= 10
    for name, command in group.commands.items():
        r = project.ok(name, "--help")
        assert "Example:" in r.out, name
        assert f"tracker {name}" in readme, f"README does not mention `tracker {name}`"


def test_every_command_takes_lang(project):
    """SPEC: every command that prints takes --lang zh|en for its labels."""
    from tracker.cli import app
    import typer

    for name in typer.main.get_command(app).commands:
        assert "--lang" in project.ok(name, "--help").out, name
    project.ok("log", "184", "--month", "2024-08", "--percent", "10")
    assert project.ok("validate", "--lang", "zh").out.startswith("正常：tasks.toml（2项任务），")
    assert project.ok("backup", "b.db", "--lang", "zh").out.strip() == "已备份1条记录到 b.db"
    (project.root / "e.jsonl").write_text(project.ok("export", "--lang", "zh").out, encoding="utf-8")
    assert project.ok("--db", "c.db", "import", "e.jsonl", "--lang", "zh").out.strip() == "从 e.jsonl 导入1条记录（0条日志中已有）"
    assert project.bad("validate", "--lang", "fr").err.strip() == (
        "tracker validate: Invalid value for '--lang': 'fr' is not one of 'en', 'zh'.")


def test_usage_errors_are_one_line_in_the_run_s_language(project):
    """A mistyped command line is bad input too: one line, exit 2, in Chinese under --lang zh."""
    cases = [
        (["log", "--lang", "zh"], "tracker log: 缺少参数 'ID'", "tracker log: Missing argument 'ID'."),
        (["log", "195", "--bogus", "--lang", "zh"], "tracker log: 没有选项 --bogus", "tracker log: No such option: --bogus"),
        (["status", "--lang", "zh", "--formt", "json"], "tracker status: 没有选项 --formt（是否想用 --format？）",
         "tracker status: No such option: --formt (Possible options: --format)"),
        (["log", "195", "--lang", "zh", "--prcent", "5"], "tracker log: 没有选项 --prcent（是否想用 --percent, --set？）",
         "tracker log: No such option: --prcent (Possible options: --percent, --set)"),
        (["statuz", "--lang", "zh"], "tracker: 没有命令 'statuz'（是否想用 'status'？）",
         "tracker: No such command 'statuz'. Did you mean 'status'?"),
        (["status", "--format", "xx", "--lang", "zh"], "tracker status: '--format' / '-f' 的值 'xx' 无效，可选：'table', 'json'",
         "tracker status: Invalid value for '--format' / '-f': 'xx' is not one of 'table', 'json'."),
        (["status", "--lang", "zh", "--month"], "tracker: 选项 '--month' 需要一个值", "tracker: Option '--month' requires an argument."),
        (["status", "extra", "--lang", "zh"], "tracker status: 多余的参数：extra", "tracker status: Got unexpected extra argument(s) (extra)"),
    ]
    assert project.bad("--lang", "zh").err == "tracker: 缺少命令（`tracker --help` 列出全部命令）\n"  # (bare `tracker` is its help)
    assert project.bad("--db", "x.db").err == "tracker: Missing command.\n"
    for args, zh, en in cases:
        assert project.bad(*args).err == zh + "\n"
        english = [a for a in args if a not in ("--lang", "zh")]
        assert project.bad(*english).err == en + "\n"


def test_lang_before_the_command_is_the_run_s_language(project):
    project.ok("log", "184", "--month", "2024-08", "--percent", "10")
    assert project.ok("--lang", "zh", "validate").out.startswith("正常：tasks.toml（2项任务），")
    assert project.ok("--lang=zh", "validate").out.startswith("正常：")
    assert project.ok("--lang", "zh", "validate", "--lang", "en").out.startswith("ok: tasks.toml")  # the command's own wins
    assert project.bad("--lang", "zh", "log").err == "tracker log: 缺少参数 'ID'\n"
    assert project.bad("--lang", "zh", "log", "--lang", "en").err == "tracker log: Missing argument 'ID'.\n"  # its own wins
    assert project.bad("--lang", "en", "log", "--lang", "zh").err == "tracker log: 缺少参数 'ID'\n"
    assert project.ok("validate").out.startswith("ok: tasks.toml")  # the next run is in English again


@pytest.mark.parametrize("args, named", [
    (["status", "--format", "json"], "status"),
    (["--tasks", "t.toml", "--db=x.db", "import", "a.jsonl"], "import"),
    (["--db", "x.db", "--tasks=t.toml", "check"], "check"),
    (["--help"], None), (["--version"], None), ([], None), (["statu"], "statu"), (["--db", "x.db"], None),
    (["--lang", "zh", "status"], "status"), (["--lang=zh", "--db", "x.db", "log"], "log"),
])
def test_the_command_named_after_the_global_options(args, named):
    from tracker.cli import command_named

    assert command_named(args) == named


def test_each_command_is_registered_by_the_module_the_map_names():
    from typer.main import get_command_name

    from tracker.cli import COMMAND_MODULES, app

    registered = {c.name or get_command_name(c.callback.__name__): c.callback.__module__
                  for c in app.registered_commands}
    assert registered == {name: f"tracker.cli.{module}" for name, module in COMMAND_MODULES.items()}


def test_a_run_builds_only_the_command_it_names(project):
    code = ("import sys; sys.argv = ['tracker', 'tasks', '--format', 'json']; import tracker.cli as cli; "
            "import tracker.cli.root as a; cli.leave = lambda code: print(sorted(sys.modules.keys() & "
            "{'tracker.cli.setup', 'tracker.cli.status'}), len(a.app.registered_commands), "
            "file=sys.stderr); cli.main()")
    env = {**os.environ, "TRACKER_TASKS": str(project.tasks), "TRACKER_DB": str(project.db)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["tasks"] and r.stderr.strip() == "['tracker.cli.setup'] 1"


def test_the_quick_start_reads_the_example_and_writes_nothing(tmp_path, monkeypatch):
    """README's quick start (`tracker status --month 2020-08` in a clone) shows task 195 at 27 % and leaves the
    committed example log as it is: its plan is cached under the key this tracker uses (a new key would make the
    first run of a clone write the database)."""
    import shutil

    shutil.copy(ROOT / "tasks.toml", tmp_path / "tasks.toml")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "tracker.db", tmp_path / "data" / "tracker.db")
    before = (tmp_path / "data" / "tracker.db").read_bytes()
    r = subprocess.run([sys.executable, "-m", "tracker", "status", "--month", "2020-08"], capture_output=True,
                       text=True, cwd=tmp_path, env={**os.environ, "COLUMNS": "120", "TRACKER_TODAY": "2020-08-31"})
    assert r.returncode == 0, r.stderr
    assert next(line for line in r.stdout.splitlines() if line.startswith(" 195")).count("27%") == 1
    assert (tmp_path / "data" / "tracker.db").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["tracker.db"]


def test_a_blank_tracker_by_is_unset_and_a_blank_by_is_refused(project, monkeypatch):
    import getpass

    monkeypatch.setenv("TRACKER_BY", " ")
    assert f"(by {getpass.getuser()}," in project.ok("log", "195", "--set", "centres=3").out
    r = project.bad("void", "--by", "", "--reason", "x", "195")
    assert r.err.strip() == "--by: a name is required (it is empty)"
    assert project.bad("log", "195", "--set", "centres=4", "--by", "", "--lang", "zh").err.strip() == \
        "--by：需要填写报送人姓名（现为空）"


def test_a_report_logged_for_a_month_already_reported_says_it_corrects_that_report(project):
    # a clerk who types --month 9月 for October's figures replaces September's report: said, as an import says it
    project.ok("log", "184", "--month", "2024-07", "--percent", "40")
    assert "corrects" not in project.ok("log", "184", "--percent", "50").err
    r = project.ok("log", "184", "--month", "7月", "--percent", "55")
    assert r.err.strip() == "note: this corrects task 184's report already recorded for 2024-07 " \
                            "(`tracker history 184` shows both)"
    assert "注意：本条更正了任务 184 已记录的 2024-07 报送" in project.ok(
        "log", "184", "--month", "2024-07", "--percent", "40", "--lang", "zh").err
