"""`tracker import TABLE.md`: progress tables in, tasks.toml appended, notes and figures logged (SPEC: Importing a progress table)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tomllib

import pytest

from conftest import FIXTURES, ROOT
from tracker import store
from tracker.errors import BadInput
from tracker.exchange.progress_table import header_month, parse_table, split_task_cell

EXAMPLE = FIXTURES / "progress-table-2020-08.md"
NOTE_195 = ("截至目前,全市新建区域性居家养老服务中心15个、改造社区养老服务站117个。 按照郑滨副市长要求部署,"
            "市民政局会同市政府督查室组成联合督查调研组,深入各地区开展工作督查,并协调各部门研究解决区域性居家养老服务中心"
            "建设中存在的重点难点问题,同时,积极配合中国健康养老集团将二期50个合作项目录入了国家重大项目库。")


def entries(project) -> list[dict]:
    return [json.loads(line) for line in project.ok("export").out.splitlines()]


def import_example(project, *extra):
    shutil.copy(EXAMPLE, project.root / "table.md")
    return project.ok("import", "table.md", "--month", "2020-08", "--unit", "市民政局", *extra, today="2020-08-31")


# --- the shared example -------------------------------------------------------------------


def test_example_creates_the_plan_and_the_month(empty_project):
    p = empty_project
    out = import_example(p).out
    plan = tomllib.loads(p.tasks.read_text(encoding="utf-8"))
    assert plan["plan"] == {"year": 2020}
    assert [t["id"] for t in plan["task"]] == ["73", "142", "184", "195", "173", "175", "188"]
    t195 = plan["task"][3]
    assert t195["title"] == "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
    assert t195["unit"] == "市民政局" and str(t195["due"]) == "2020-12-31"
    assert t195["metric"] == [
        {"key": "m1", "name": "区域性居家养老服务中心", "unit": "个", "target": 100},
        {"key": "m2", "name": "社区养老服务站", "unit": "个", "target": 300}]
    assert all("metric" not in t for i, t in enumerate(plan["task"]) if i != 3)
    # What it read, for a person to check before sending the table on.
    assert ("  195 新建区域性居家养老服务中心100个,改造社区养老服务站300个。 [added]\n"
            "      m1 区域性居家养老服务中心: 15/100个  ← «全市新建区域性居家养老服务中心15个»\n"
            "      m2 社区养老服务站: 117/300个  ← «改造社区养老服务站117个»\n") in out
    assert "  184 提高城乡低保、特困人员等困难群体救助标准。 [added]: note, no metric\n" in out
    assert "7 entries recorded for 2020-08; 7 tasks added to tasks.toml (unit 市民政局)" in out

    logged = {e["task"]: e for e in entries(p)}
    assert logged["195"]["values"] == {"m1": 15, "m2": 117}
    assert logged["195"]["note"] == NOTE_195
    assert logged["188"]["note"].startswith("1.贯彻落实市社区建设工作委员会(扩大)会议精神。")
    assert all(e["month"] == "2020-08" and e["by"] == "tester" for e in logged.values())
    status = {t["id"]: t for t in p.ok("status", "--month", "2020-08", "-f", "json").json()["tasks"]}
    assert status["195"]["completion"] == 0.27
    assert [m["value"] for m in status["195"]["metrics"]] == [15, 117]


def test_importing_the_same_table_twice_adds_nothing(empty_project):
    p = empty_project
    import_example(p)
    plan_before = p.tasks.read_bytes()
    first = entries(p)
    out = import_example(p).out
    assert "0 entries recorded for 2020-08; 7 already in the log" in out
    assert p.tasks.read_bytes() == plan_before
    assert entries(p) == first


def test_a_corrected_table_is_a_new_entry(empty_project):
    p = empty_project
    import_example(p)
    text = EXAMPLE.read_text(encoding="utf-8").replace("服务中心15个", "服务中心16个")
    (p.root / "fixed.md").write_text(text, encoding="utf-8")
    out = p.ok("import", "fixed.md", "--month", "2020-08", today="2020-08-31").out
    assert "1 entry recorded for 2020-08; 6 already in the log" in out
    status = {t["id"]: t for t in p.ok("status", "--month", "2020-08", "-f", "json").json()["tasks"]}
    assert status["195"]["metrics"][0]["value"] == 16
    # the first table sent again records nothing, and says its row is not the one in force
    r = p.ok("import", str(EXAMPLE), "--month", "2020-08", today="2020-08-31")
    assert "0 entries recorded for 2020-08; 7 already in the log" in r.out
    assert r.err.count("is in the log already, but a later one") == 1
    assert f"{EXAMPLE}:" in r.err and "task 195's report for 2020-08" in r.err
    status = {t["id"]: t for t in p.ok("status", "--month", "2020-08", "-f", "json").json()["tasks"]}
    assert status["195"]["metrics"][0]["value"] == 16


def _substance(tasks_path, db_path, scratch):
    """What the example is: its tasks with their metrics, and each entry's task, month, values and note.

    The database file is read from a lone copy: what it holds must not depend on a -wal file beside it.
    """
    plan = tomllib.loads(tasks_path.read_text(encoding="utf-8"))
    tasks = [{k: t.get(k) for k in ("id", "title", "unit", "due", "metric")} for t in plan["task"]]
    scratch.mkdir()
    shutil.copy(db_path, scratch / "lone.db")
    conn = sqlite3.connect(scratch / "lone.db")
    rows = conn.execute(
        "SELECT e.task, e.month, e.note, e.figures FROM entries e ORDER BY e.seq").fetchall()
    conn.close()
    return plan["plan"], tasks, [(t, m, n, store.figures_of(v)) for t, m, n, v in rows]


def test_the_repository_example_is_the_import_of_the_shared_table(empty_project):
    """tasks.toml and data/tracker.db in the repository are `tracker import` of the example (plus a title)."""
    p = empty_project
    import_example(p)
    made_plan, made_tasks, made_entries = _substance(p.tasks, p.db, p.root / "made")
    repo_plan, repo_tasks, repo_entries = _substance(ROOT / "tasks.toml", ROOT / "data" / "tracker.db", p.root / "repo")
    assert repo_plan == dict(made_plan, title="2020年市民政局重点目标任务")
    assert repo_tasks == made_tasks
    assert len(repo_entries) == 7
    assert repo_entries == made_entries


# --- the table's shape -------------------------------------------------------------------------


def rows_of(text: str):
    return [(r.line, r.no, r.task_cell, r.progress) for r in parse_table(text, "t.md").rows]


def test_rows_with_and_without_pipes_and_separator():
    plain = "序号 | 目标任务 | 进展 |\n1 | 1.甲 | 好 |\n2 | 2.乙 | 差 |\n"
    piped = "# 标题\n\n| 序号 | 目标任务 | 进展 |\n| ---: | --- | :---: |\n| 1 | 1.甲 | 好 |\n| 2 | 2.乙 | 差 |\n"
    open_ended = "序号 | 目标任务 | 进展\n1 | 1.甲 | 好\n2 | 2.乙 | 差"
    assert rows_of(plain) == [(2, 1, "1.甲", "好"), (3, 2, "2.乙", "差")]
    assert rows_of(piped) == [(5, 1, "1.甲", "好"), (6, 2, "2.乙", "差")]
    assert rows_of(open_ended) == [(2, 1, "1.甲", "好"), (3, 2, "2.乙", "差")]


def test_a_cell_runs_over_lines_until_its_closing_pipe():
    text = "序号 | 目标任务 | 进展 |\n1 | 1.甲 | 第一段。\n\n第二段。\n|\n2 | 2.乙 | 差 |"
    assert rows_of(text) == [(2, 1, "1.甲", "第一段。\n\n第二段。"), (6, 2, "2.乙", "差")]


def test_escaped_pipes_and_br_are_read_back():
    text = "| 序号 | 目标任务 | 进展 |\n|---|---|---|\n| 1 | 1.甲\\|乙 | 一 \\| 二<br>三<BR/>四 |\n"
    assert rows_of(text) == [(3, 1, "1.甲|乙", "一 | 二\n三\n四")]


def test_numbering_may_restart_and_text_after_the_table_is_ignored():
    text = "序号 | 目标任务 | 进展 |\n1 | 1.甲 | a |\n1 | 2.乙 | b |\n\n备注:以上为8月份进展。\n"
    assert [r[1:3] for r in rows_of(text)] == [(1, "1.甲"), (1, "2.乙")]


@pytest.mark.parametrize("text, message", [
    ("# 进展\n\n没有表格。\n", "t.md: no progress table found"),
    ("序号 | 目标任务 | 7月工作 |\n1 | 1.甲 | a |\n",
     "t.md:1: no progress table found: the row `序号 | 目标任务 | 7月工作` names no progress column (…进展…, 完成情况)"),
    ("序号 | 事项 | 进展情况 |\n1 | 1.甲 | a |\n",
     "t.md:1: no progress table found: the row `序号 | 事项 | 进展情况` names no task column (目标任务, 任务, 编号)"),
    ("序号 | 目标任务 | 进展 |\n", "t.md:1: the progress table has no rows"),
    ("序号 | 目标任务 | 进展 |\n甲 | 1.甲 | a |\n", "t.md:2: 序号 '甲' is not a number"),
    ("序号 | 目标任务 | 进展 |\n1 | 1.甲 | a |\n2 | 2.乙 | b\n", "t.md:3: the row has no closing `|` (the file ends first)"),
    ("序号 | 目标任务 | 进展 |\n1 | 1.甲 | a\n2 | 2.乙 | b |\n", "t.md:2: the row is not closed before the next row starts at line 3"),
    ("序号 | 目标任务 | 进展 |\n1 | 1.甲 | a | b |\n", "t.md:2: the row has more cells than the header's 3"),
    ("序号 | 目标任务 | 进展\n1 | 1.甲\n", "t.md:2: the row has 2 cells, the header 3"),
    ("序号 | 目标任务 | 进展 |\n1 | 1.甲 | a |\n说明\n2 | 2.乙 | b |\n", "t.md:3: a line inside the table that is not a row"),
])
def test_malformed_tables_name_file_and_line(text, message):
    with pytest.raises(BadInput) as e:
        parse_table(text, "t.md")
    assert str(e.value).startswith(message)


def test_task_cell_splits_at_the_first_dot_unless_a_dotted_id_is_declared():
    assert split_task_cell("195.新建100个。", set()) == ("195", "新建100个。")
    assert split_task_cell("3.2.完成3.5亿元投资", {"3.2"}) == ("3.2", "完成3.5亿元投资")
    assert split_task_cell("3.2.完成投资", set()) == ("3", "2.完成投资")
    assert split_task_cell("12、推进试点", set()) == ("12", "推进试点")
    assert split_task_cell("推进试点", set()) is None
    assert split_task_cell("12.", set()) is None


def test_header_month():
    assert header_month(("序号", "目标任务", "总体工作进展及8月份进展")) == 8
    assert header_month(("No.", "Task", "Progress overall and in December")) == 12
    assert header_month(("序号", "目标任务", "工作进展")) is None


# --- what import writes, and what it refuses -----------------------------------------------------


def test_an_added_tasks_target_is_shown_where_no_figure_was_read(project):
    """A task the import adds takes its target from the title: shown beside a metric left unread, to check too."""
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
        "1 | 201.改造提升农村公路45公里。 | 已完成施工招标,正在进场施工。 |\n", encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08", "--unit", "市交通局", "--lang", "zh").out
    assert "  201 改造提升农村公路45公里。［新增］\n      m1 农村公路: 未读出数字（目标45公里）：文中没有以“公里”计的数字\n" in out, out


def test_declared_tasks_and_comments_stay_and_declared_metrics_are_read(project):
    before = project.tasks.read_text(encoding="utf-8").replace("[plan]", "# 我们的计划\n[plan]")
    project.tasks.write_text(before, encoding="utf-8")
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
        "1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 截至目前,全市新建区域性居家养老服务中心20个、改造社区养老服务站150个。 |\n"
        "2 | 200.新增养老床位1000张。 | 今年以来新增养老床位300张。 |\n", encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08", "--unit", "市民政局").out
    after = project.tasks.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n\n# Added by `tracker import t.md --month 2024-08`\n\n[[task]]\nid = \"200\"\n")
    assert ("centres 区域性居家养老服务中心: 20/100个  ← «全市新建区域性居家养老服务中心20个»\n"
            "      stations 社区养老服务站: 150/300个  ← «改造社区养老服务站150个»\n") in out
    assert "  200 新增养老床位1000张。 [added]\n      m1 养老床位: 300/1000张  ← «今年以来新增养老床位300张»\n" in out
    values = {e["task"]: e["values"] for e in entries(project)}
    assert values == {"195": {"centres": 20, "stations": 150}, "200": {"m1": 300}}
    # plan.year is 2024 like the month: the new task needs no start of its own.
    assert tomllib.loads(after)["task"][2] == {
        "id": "200", "title": "新增养老床位1000张。", "unit": "市民政局", "due": tomllib.loads("d = 2024-12-31")["d"],
        "metric": [{"key": "m1", "name": "养老床位", "unit": "张", "target": 1000}]}


def test_the_comment_above_the_tasks_an_import_adds_is_in_the_import_s_language(empty_project):
    # `init --lang zh` writes tasks.toml's comments in Chinese: the tasks an import adds under it are said so too
    p = empty_project
    p.ok("init", ".", "--lang", "zh")
    plan = p.tasks.read_text(encoding="utf-8")
    p.tasks.write_text(plan[:plan.index("\n[[task]]\n") + 1], encoding="utf-8")  # init's samples deleted
    (p.root / "t.md").write_text("编号 | 目标任务 | 牵头单位 | 进展情况 |\n9 | 新建城市书房30个。 | 市文化广电旅游局 | |\n",
                                 encoding="utf-8")
    p.ok("import", "t.md", "--month", "2024-08", "--lang", "zh")
    assert "\n# 以下任务由 `tracker import t.md --month 2024-08` 新增\n\n[[task]]\nid = \"9\"\n" in p.tasks.read_text(
        encoding="utf-8")


def test_a_new_task_of_another_year_than_the_plan_gets_its_own_start(project):
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 9.推进试点。 | 已完成。 |\n", encoding="utf-8")
    project.ok("import", "t.md", "--month", "2023-08", "--unit", "u")
    task = tomllib.loads(project.tasks.read_text(encoding="utf-8"))["task"][-1]
    assert (str(task["start"]), str(task["due"])) == ("2023-01-01", "2023-12-31")


def test_crlf_plan_gets_crlf_lines(project):
    before = project.tasks.read_bytes().replace(b"\n", b"\r\n")
    project.tasks.write_bytes(before)
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 9.推进试点。 | 已完成。 |\n", encoding="utf-8")
    project.ok("import", "t.md", "--month", "2024-08", "--unit", "u")
    data = project.tasks.read_bytes()
    assert data.startswith(before.rstrip(b"\r\n") + b"\r\n\r\n# Added by")
    assert data.count(b"\n") == data.count(b"\r\n")
    project.ok("tasks")


def test_an_increment_metric_takes_the_months_amount_not_the_total(project):
    project.write_plan('[plan]\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = "新建养老服务站300个"\nunit = "u"\n\n'
                       '[[task.metric]]\nkey = "stations"\nname = "养老服务站"\nunit = "个"\ntarget = 300\nmode = "increment"\n')
    table = "序号 | 目标任务 | 进展 |\n1 | 1.新建养老服务站300个 | {} |\n"
    (project.root / "t.md").write_text(table.format("8月新建养老服务站12个,累计建成养老服务站117个。"), encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08").out
    assert "stations 养老服务站: 12/300个" in out, out
    # a running total alone is no month's amount: nothing is set
    (project.root / "t.md").write_text(table.format("截至目前,累计建成养老服务站130个。"), encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-09", today="2024-09-20").out
    assert "stations 养老服务站: no figure" in out, out
    assert [e["values"] for e in entries(project)] == [{"stations": 12}, {}]


def test_a_table_printed_by_report_imports_as_nothing_new(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--note", "截至目前,全市新建区域性居家养老服务中心15个。")
    project.ok("report", "--month", "2024-08", "-o", "t.md")
    out = project.ok("import", "t.md", "--month", "2024-08").out
    assert "0 entries recorded" in out
    assert len(entries(project)) == 1
    # a note with characters every output shows as symbols (a zero-width space pasted from a web page, an
    # escape, a bidi mark), in each format report writes: still nothing new
    project.ok("log", "184", "--month", "2024-08", "--note", "已完成\u200b测算\x1b[2J，\u202e见附件", "--problems", "无\u200b")
    for fmt in ("md", "xlsx", "docx"):
        project.ok("report", "--month", "2024-08", "-o", f"t.{fmt}")
        out = project.ok("import", f"t.{fmt}", "--month", "2024-08").out
        assert "0 entries recorded" in out, (fmt, out)
    assert len(entries(project)) == 2


def test_markdown_round_trip_gives_the_same_rows(project, tmp_path, monkeypatch):
    """report → import into a new project → report: the same table (the heading aside: the new plan has no title)."""
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--set", "stations=117",
               "--note", "截至目前,全市新建区域性居家养老服务中心15个、改造社区养老服务站117个。\n另:a|b")
    first = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "t.md").write_text(first, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "copy")
    project.ok("import", "t.md", "--month", "2024-08", "--unit", "市民政局")
    again = project.ok("report", "--month", "2024-08", "--lang", "zh").out
    assert again.splitlines()[1:] == first.splitlines()[1:]
    status = project.ok("status", "--month", "2024-08", "-f", "json").json()["tasks"]
    assert [m["value"] for m in status[0]["metrics"]] == [15, 117]


@pytest.mark.parametrize("args, message", [
    (("--unit", "u"), "t.md: give --month"),
    (("--month", "2024-09", "--unit", "u"), "t.md:1: the table's header names month 8 (总体工作进展及8月份进展), but --month is 2024-09"),
    (("--month", "2024-08",), "t.md:3: task 9 is not in tasks.toml: give --unit"),
    (("--month", "2024-13", "--unit", "u"), "malformed month"),
])
def test_refusals_write_nothing(project, args, message):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 总体工作进展及8月份进展 |\n1 | 195.新建… | 截至目前,全市新建区域性居家养老服务中心15个。 |\n"
        "2 | 9.推进试点。 | 已完成。 |\n", encoding="utf-8")
    plan = project.tasks.read_bytes()
    r = project.bad("import", "t.md", *args)
    assert r.err.startswith(message)
    assert project.tasks.read_bytes() == plan
    assert not project.db.exists()


def test_a_task_numbered_in_full_width_digits_is_that_number(empty_project):
    p = empty_project
    (p.root / "t.md").write_text("序号 | 目标任务 | 9月份进展 |\n１ | ９．新建公厕100座。 | 已建成公厕40座。 |\n", encoding="utf-8")
    assert "9 新建公厕100座。 [added]" in p.ok("import", "t.md", "--month", "2024-09", "--unit", "市城管局", today="2024-09-30").out
    assert [t["id"] for t in tomllib.loads(p.tasks.read_text(encoding="utf-8"))["task"]] == ["9"]
    assert [e["values"] for e in entries(p)] == [{"m1": 40}]
    p.ok("log", "9", "--set", "m1=45", today="2024-09-30")


def test_a_row_numbered_with_a_leading_zero_is_that_task(project):
    # a table numbered 01, 02 … (a text cell in Excel): 0184. is task 184, not a wrong number nor a task to add
    (project.root / "t.md").write_text("序号 | 目标任务 | 8月份进展 |\n1 | 0184.提高城乡低保、特困人员等困难群体救助标准。 "
                                       "| 已完成提标测算。 |\n", encoding="utf-8")
    assert "1 entry recorded for 2024-08" in project.ok("import", "t.md", "--month", "2024-08").out
    assert [(e["task"], e["note"]) for e in entries(project)] == [("184", "已完成提标测算。")]
    assert "0184" not in project.tasks.read_text(encoding="utf-8")


def test_a_future_month_is_refused(project):
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 195.新建中心 | y |\n", encoding="utf-8")
    assert "still in the future" in project.bad("import", "t.md", "--month", "2024-09").err


def test_one_bad_row_writes_nothing(empty_project):
    p = empty_project
    text = EXAMPLE.read_text(encoding="utf-8").replace("6 | 175.", "6 | 175", 1)
    (p.root / "t.md").write_text(text, encoding="utf-8")
    r = p.bad("import", "t.md", "--month", "2020-08", "--unit", "市民政局", today="2020-08-31")
    assert r.err.startswith("t.md:9: the task cell must be the task's number, a dot and its title")
    assert not p.tasks.exists() and not p.db.exists()


def test_a_task_twice_in_one_table_is_refused(project):
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 195.新建中心 | a |\n2 | 195.新建中心 | b |\n", encoding="utf-8")
    assert project.bad("import", "t.md", "--month", "2024-08").err.startswith("t.md:3: task 195 appears twice (first at line 2)")


def test_a_failed_append_puts_tasks_toml_back(empty_project, monkeypatch):
    from tracker import store

    def broken(*a, **kw):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "append", broken)
    r = empty_project.bad("import", str(EXAMPLE), "--month", "2020-08", "--unit", "市民政局", today="2020-08-31")
    assert "disk I/O error" in r.err
    assert not empty_project.tasks.exists()


def test_a_failed_append_restores_an_existing_plan(project, monkeypatch):
    from tracker import store

    plan = project.tasks.read_bytes()
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 9.推进试点。 | 已完成。 |\n", encoding="utf-8")
    monkeypatch.setattr(store, "append", lambda *a, **kw: (_ for _ in ()).throw(sqlite3.OperationalError("database is locked")))
    project.bad("import", "t.md", "--month", "2024-08", "--unit", "u")
    assert project.tasks.read_bytes() == plan


def test_tasks_toml_keeps_its_permissions(project):
    import os

    os.chmod(project.tasks, 0o644)
    (project.root / "t.md").write_text("序号 | 目标任务 | 进展 |\n1 | 9.推进试点。 | 已完成。 |\n", encoding="utf-8")
    project.ok("import", "t.md", "--month", "2024-08", "--unit", "u")
    assert os.stat(project.tasks).st_mode & 0o777 == 0o644


def test_a_figure_not_clearly_there_sets_nothing(project):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n"
        "1 | 195.新建… | 全市新建区域性居家养老服务中心15个,社区养老服务站改造正在推进。 |\n", encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08").out
    assert ("      centres 区域性居家养老服务中心: 15/100个  ← «全市新建区域性居家养老服务中心15个»\n"
            "      stations 社区养老服务站: no figure (target 300个): the text's figures in 个 are its other metrics'\n") in out
    assert [e["values"] for e in entries(project)] == [{"centres": 15}]


def test_the_words_shown_beside_a_figure_are_the_cell_s_own(empty_project):
    # The reader reads 两千一百 as 2100; the clerk is shown the words as the cell writes them, to find them there.
    p = empty_project
    (p.root / "t.md").write_text(
        "| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n|---|---|---|\n"
        "| 1 | 9.新增普惠性托位3000个。 | 截至目前，全市新增普惠性托位两千一百个，完成年度任务的70%。 |\n",
        encoding="utf-8")
    out = p.ok("import", "t.md", "--month", "2024-08", "--unit", "市卫健委", "--dry-run").out
    assert "m1 普惠性托位: 2100/3000个  ← «全市新增普惠性托位两千一百个»" in out
    # a condition the reader leaves out (65岁以上) is in the words shown, as in the cell
    (p.root / "t2.md").write_text(
        "| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n|---|---|---|\n"
        "| 2 | 10.为65岁以上老年人免费体检12万人次。 | 截至目前，已为65岁以上老年人免费体检11.3万人次。 |\n",
        encoding="utf-8")
    out = p.ok("import", "t2.md", "--month", "2024-08", "--unit", "市卫健委", "--dry-run").out
    assert "← «已为65岁以上老年人免费体检11.3万人次»" in out, out


@pytest.mark.parametrize("fmt", ["md", "xlsx", "docx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_with_problems_and_next_steps_imports_as_nothing_new(project, fmt, lang):
    # tracker's own report, in either language, with its 存在问题 / Problems and 下步计划 / Next steps columns
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=5", "--note", "进展", "--problems", "问题",
               "--next", "计划")
    project.ok("report", "--month", "2024-08", "--format", fmt, "--lang", lang, "-o", f"back.{fmt}")
    before = entries(project)
    out = project.ok("import", f"back.{fmt}", "--month", "2024-08").out
    assert "0 entries recorded for 2024-08" in out, out
    assert entries(project) == before


def test_the_comment_before_added_tasks_names_every_file_that_added_one(project):
    head = "序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
    (project.root / "a.md").write_text(head + "1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 已新建20个。 |\n",
                                       encoding="utf-8")
    (project.root / "b.md").write_text(head + "1 | 200.新增养老床位1000张。 | 今年以来新增养老床位300张。 |\n", encoding="utf-8")
    (project.root / "c.md").write_text(head + "1 | 201.新建社区食堂50个。 | 已建成社区食堂12个。 |\n", encoding="utf-8")
    project.ok("import", "a.md", "b.md", "c.md", "--month", "2024-08", "--unit", "市民政局")
    assert "# Added by `tracker import b.md c.md --month 2024-08`" in project.tasks.read_text(encoding="utf-8")


def test_unit_on_tables_that_add_no_task_is_said_to_choose_no_rows(project):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
        "1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 已新建20个。 |\n", encoding="utf-8")
    r = project.ok("import", "t.md", "--month", "2024-08", "--unit", "市住建局", "--dry-run")
    assert r.err.strip() == ("note: --unit 市住建局 is the lead unit of tasks an import adds; these tables add none "
                             "(it chooses no rows)")
    zh = project.ok("import", "t.md", "--month", "2024-08", "--unit", "市住建局", "--dry-run", "--lang", "zh").err
    assert zh.strip() == "提示：--unit 市住建局 是导入所新增任务的牵头单位；这些表格没有新增任务（它不筛选行）"


def test_a_title_is_cut_to_what_the_terminal_s_width_holds(project, monkeypatch):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 总体工作进展及8月份进展 |\n"
        "1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。 | 已新建20个。 |\n", encoding="utf-8")
    wide = project.ok("import", "t.md", "--month", "2024-08", "--dry-run").out
    assert "  195 新建区域性居家养老服务中心100个,改造社区养老服务站300个。\n" in wide
    monkeypatch.setenv("COLUMNS", "80")
    narrow = project.ok("import", "t.md", "--month", "2024-08", "--dry-run").out
    assert "  195 新建区域性居家养老服务中心100个,改造社区养…\n" in narrow


def test_a_row_whose_title_is_another_task_s_is_refused_not_recorded_against_it(project):
    """A number mistyped (184 for 195), or init's sample tasks still in tasks.toml: never another task's figures.
    A title shortened or reworded as offices do is the same task."""
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n"
        "1 | 184.建设城市应急避难场所10处。 | 已建成城市应急避难场所6处。 |\n"
        "2 | 7.提高城乡低保、特困人员等困难群体救助标准 | 已完成提标。 |\n", encoding="utf-8")
    before = project.ok("export").out
    assert project.bad("import", "t.md", "--month", "2024-08", "--unit", "市应急局").err.splitlines() == [
        "t.md:2: task 184 in tasks.toml is 提高城乡低保、特困人员等困难群体救助标准。, not 建设城市应急避难场所10处。: "
        "a wrong number?",
        "t.md:3: task 7 is not in tasks.toml, but its title is task 184's: a wrong number?",
    ]
    assert project.bad("--lang", "zh", "import", "t.md", "--month", "2024-08", "--unit", "市应急局").err.startswith(
        "t.md:2: tasks.toml 中任务184是“提高城乡低保、特困人员等困难群体救助标准。”，不是“建设城市应急避难场所10处。”：编号写错了？")
    assert project.ok("export").out == before
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n1 | 184.提高救助标准 | 已完成提标。 |\n"
        "2 | 195.新建区域性居家养老服务中心、改造社区养老服务站 | 截至目前,全市新建区域性居家养老服务中心15个。 |\n",
        encoding="utf-8")
    assert "2 entries recorded" in project.ok("import", "t.md", "--month", "2024-08").out



def test_init_s_sample_tasks_in_the_way_are_named_as_such_with_what_to_do(empty_project):
    """Right after `tracker init`, the office's own table meets the two samples: the refusal says to delete them."""
    project = empty_project
    project.ok("init")
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n"
        "1 | 1.建设城市应急避难场所10处。 | 已建成城市应急避难场所6处。 |\n"
        "2 | 184.提高城乡低保、特困人员等困难群体救助标准。 | 已完成提标。 |\n", encoding="utf-8")
    hint = "that one is `tracker init`'s sample: delete init's sample tasks from tasks.toml, then import"
    assert project.bad("import", "t.md", "--month", "2024-08", "--unit", "市应急局").err.splitlines() == [
        "t.md:2: task 1 in tasks.toml is 新建区域性居家养老服务中心100个,改造社区养老服务站30…, "
        f"not 建设城市应急避难场所10处。: {hint}",
        f"t.md:3: task 184 is not in tasks.toml, but its title is task 2's: {hint}",
    ]
    assert "请先从 tasks.toml 中删除示例任务再导入" in project.bad(
        "--lang", "zh", "import", "t.md", "--month", "2024-08", "--unit", "市应急局").err

@pytest.mark.parametrize("head", ["7月份进展情况", "7月进展", "截至7月底工作进展", "1-7月完成情况", "本月进展", "工作推进情况",
                                  "进展情况(7月)"])
def test_the_progress_column_is_found_by_the_words_offices_head_it_with(head):
    assert rows_of(f"序号 | 任务名称 | {head} |\n1 | 1.甲 | a |\n")[0][1:3] == (1, "1.甲")


def test_import_ends_with_the_reports_it_replaces_and_the_figures_it_could_not_read(project):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个 | "
        "截至目前,全市新建区域性居家养老服务中心15个,服务站建设稳步推进。 |\n", encoding="utf-8")
    # under zh the hint said `--set 指标=数值`, and a clerk typed the metric's Chinese name, which --set refuses
    zh = project.ok("--lang", "zh", "import", "t.md", "--month", "2024-08", "--dry-run").out.splitlines()
    assert zh[-1] == ("已报送但未读出数值的指标1项：195 社区养老服务站（stations）；请用 `tracker log 任务编号 --set "
                      "指标代码=数值` 补录（指标代码是括号中的英文，如 `tracker log 195 --set stations=数值`）")
    out = project.ok("import", "t.md", "--month", "2024-08").out.splitlines()
    assert out[-1] == ("no figure read for 1 metric of a report that came in: 195 社区养老服务站 (stations); "
                       "give it with `tracker log ID --set KEY=VALUE` (`tracker log 195 --set stations=VALUE`)")
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n1 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个 | "
        "截至目前,全市新建区域性居家养老服务中心16个、改造社区养老服务站118个。 |\n", encoding="utf-8")
    zh = project.ok("--lang", "zh", "import", "t.md", "--month", "2024-08").out
    assert "其中1条替换了2024-08已记录的报送（任务195）" in zh and "未读出数值" not in zh


def test_a_due_the_table_names_otherwise_than_tasks_toml_is_noted(project):
    """A 完成时限 moved in the office's sheet is said (tasks.toml's counts); one that agrees, or names no date, is not."""
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 完成时限 | 进展 |\n"
        "1 | 184.提高救助标准 | 2024年6月底 | 已完成提标测算。 |\n"
        "2 | 195.新建区域性居家养老服务中心100个,改造社区养老服务站300个 | 12月底 | 已建成中心15个。 |\n", encoding="utf-8")
    r = project.ok("import", "t.md", "--month", "2024-08")
    notes = [line for line in r.err.splitlines() if "due" in line]
    assert notes == ["note: t.md:2: the table gives task 184's due as 2024年6月底; tasks.toml's 2024-12-31 is what counts"]
    zh = project.ok("--lang", "zh", "import", "t.md", "--month", "2024-08", "--dry-run").err
    assert "提示：t.md:2：表中任务184的完成时限写作2024年6月底；以 tasks.toml 中的2024-12-31为准" in zh
    assert "due = 2024-06" not in project.tasks.read_text(encoding="utf-8")
    (project.root / "t.md").write_text("序号 | 目标任务 | 完成时限 | 进展 |\n"
                                       "1 | 184.提高救助标准 | 持续推进 | 已完成提标测算。 |\n", encoding="utf-8")
    assert "due" not in project.ok("import", "t.md", "--month", "2024-07").err


def test_a_lead_unit_the_table_names_otherwise_than_tasks_toml_is_noted(project):
    (project.root / "t.md").write_text("序号 | 目标任务 | 牵头单位 | 进展 |\n"
                                       "1 | 184.提高救助标准 | 市民政居 | 已完成提标测算。 |\n", encoding="utf-8")
    r = project.ok("import", "t.md", "--month", "2024-08")
    assert r.err.splitlines()[-1] == "note: t.md:2: the table names 市民政居 as task 184's lead unit; tasks.toml's 市民政局 is what counts"
    assert "市民政居" not in project.tasks.read_text(encoding="utf-8")
