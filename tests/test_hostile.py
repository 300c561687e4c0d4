"""Hostile input: whatever a user, a file or an attacker hands tracker, the answer is tracker's own error
(exit 2, one line, nothing written) — never a traceback — and user text is shown as text.

Property tests (hypothesis) feed the readers anything; example tests drive the CLI with
malformed, huge, binary and oddly encoded files.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIC_PLAN
from tracker.core import entries as make
from tracker.core import months
from tracker import plan as planfile
from tracker.errors import TrackerError
from tracker.exchange import jsonl

PLAN = planfile.parse(BASIC_PLAN, "tasks.toml")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_ours(fn, *args, **kwargs):
    """Call fn; tracker's own errors are a fine answer to nonsense, anything else fails the test."""
    try:
        return fn(*args, **kwargs)
    except TrackerError as e:
        assert str(e).strip(), "an error must say what is wrong"
        return None


# --- any input: only tracker's own errors --------------------------------------------------

MONTHISH = st.from_regex(r"\A\s?[0-9０-９]{1,6}\s?(-|/|\.|年)\s?[0-9]{0,3}\s?月?\s?\Z")


@FAST
@given(st.one_of(st.text(), MONTHISH))
def test_month_parser_takes_anything(text):
    m = only_ours(months.parse, text)
    if m is not None:
        assert 1 <= months.month_of_year(m) <= 12
        assert months.parse(months.fmt(m)) == m


TOML_SCALAR = st.one_of(
    st.integers(min_value=-(2 ** 63), max_value=2 ** 63 - 1), st.floats(), st.text(max_size=12), st.booleans(),
    st.dates(), st.datetimes(), st.times(),
)
TOML_VALUE = st.recursive(
    TOML_SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _maybe(strategy):
    return st.one_of(strategy, TOML_VALUE)


METRIC = st.fixed_dictionaries({}, optional={
    "key": _maybe(st.from_regex(r"\A[a-z][a-z0-9_]{0,5}\Z")), "name": _maybe(st.text(max_size=8)),
    "unit": _maybe(st.sampled_from(["个", "人次", ""])), "target": _maybe(st.floats(-10, 1e6)),
    "baseline": _maybe(st.floats(-10, 1e6)), "mode": _maybe(st.sampled_from(["cumulative", "increment", "x"])),
})
MILESTONE = st.fixed_dictionaries({}, optional={
    "due": _maybe(st.dates()), "metric": _maybe(st.text(max_size=6)), "target": _maybe(st.floats(-10, 1e6)),
})
TASK = st.fixed_dictionaries({}, optional={
    "id": _maybe(st.from_regex(r"\A\d{1,4}(\.\d{1,2})?\Z")), "title": _maybe(st.text(max_size=30)),
    "unit": _maybe(st.text(max_size=8)), "co_units": TOML_VALUE, "category": TOML_VALUE,
    "start": _maybe(st.dates()), "due": _maybe(st.dates()), "stall_months": _maybe(st.integers(-5, 200)),
    "behind_tolerance": _maybe(st.floats(-1, 2)), "metric": st.lists(METRIC, max_size=3),
    "milestone": st.lists(MILESTONE, max_size=2), "tittle": TOML_VALUE,
})
PLAN_DATA = st.fixed_dictionaries({}, optional={
    "plan": st.fixed_dictionaries({}, optional={
        "title": _maybe(st.text(max_size=20)), "year": _maybe(st.integers(1800, 10000)),
        "stall_months": _maybe(st.integers(-1, 200)), "behind_tolerance": _maybe(st.floats(-1, 2)),
    }) | TOML_VALUE,
    "task": st.lists(TASK, max_size=4) | TOML_VALUE,
    "extra": TOML_VALUE,
})


def _toml(data) -> str:
    import tomli_w

    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        assume(False)


@FAST
@given(st.text())
def test_plan_loader_takes_any_text(text):
    only_ours(planfile.parse, text, "tasks.toml")


@FAST
@given(PLAN_DATA)
def test_plan_loader_takes_any_toml(data):
    plan = only_ours(planfile.parse, _toml(data), "tasks.toml")
    if plan is not None:
        for task in plan.tasks:
            assert task.start < task.due


@FAST
@given(st.binary(max_size=300))
def test_plan_loader_takes_any_bytes(data):
    only_ours(lambda: planfile.parse(planfile.decode(data, "tasks.toml"), "tasks.toml"))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
ANY_TEXT = st.one_of(st.text(max_size=8), JSON_VALUE)
ENTRY_OBJECT = st.fixed_dictionaries({}, optional={
    "id": ANY_TEXT,
    "task": st.one_of(st.sampled_from(["195", "184", "9"]), JSON_VALUE),
    "month": st.one_of(MONTHISH, JSON_VALUE),
    "recorded_at": st.one_of(st.datetimes(timezones=st.timezones()).map(dt.datetime.isoformat), JSON_VALUE),
    "by": ANY_TEXT, "note": ANY_TEXT,
    "values": st.one_of(st.dictionaries(st.sampled_from(["centres", "stations", "x"]),
                                        st.one_of(st.floats(), st.integers(), st.text(max_size=6))), JSON_VALUE),
    "percent": st.one_of(st.floats(), st.integers(-5, 200), JSON_VALUE),
    "status": st.one_of(st.sampled_from(["ongoing", "done", "blocked", "x"]), JSON_VALUE),
})


@FAST
@given(st.text())
def test_jsonl_reader_takes_any_text(text):
    only_ours(jsonl.read_entries, text, "x.jsonl")


@FAST
@given(st.lists(ENTRY_OBJECT, min_size=1, max_size=4))
def test_jsonl_reader_takes_any_json(objects):
    text = "\n".join(json.dumps(o) for o in objects)
    read = only_ours(jsonl.read_entries, text, "x.jsonl")
    for e in (read[0] if read else []):
        assert e.values or e.percent is not None or e.status or e.note


def test_json_that_python_cannot_hold_is_refused_with_its_line():
    for line in ('{"id": "a", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "values": {"centres": 1' + "0" * 5000 + "}}",
                 '{"id": "a", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "values": {"centres": 1' + "0" * 400 + "}}",
                 "[" * 100000,
                 '{"id": "a", "task": "184", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "note": "\\ud800"}',
                 '{"id": "a", "task": "184", "month": "2024-08", "status": "done", "recorded_at": "0001-01-01T00:00:00+01:00"}'):
        with pytest.raises(TrackerError, match=r"^x\.jsonl:2: "):
            jsonl.read_entries('{"id": "ok", "task": "184", "month": "2024-01", "recorded_at": "2024-01-31T09:00:00Z", "status": "done"}\n' + line, "x.jsonl")


def test_figures_read_anything():
    figures = pytest.importorskip("tracker.core.figures")

    @FAST
    @given(st.text(max_size=200), st.text(max_size=10), st.sampled_from(["个", "人次", "万人次", ""]),
           st.sampled_from(["cumulative", "increment"]))
    def check(text, name, unit, mode):
        only_ours(figures.targets_from_title, text)
        value = only_ours(figures.value_for, text, name, unit, mode=mode)
        assert value is None or value >= 0

    check()
    for title in ("\x00", "\x000", "新建公园\x0012个"):  # (a NUL once marked a part the reader had read whole)
        only_ours(figures.targets_from_title, title)


TABLE_LINE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["| 序号 | 目标任务 | 总体工作进展及8月份进展 |", "|---|---|---|", "序号 | 目标任务 | 进展",
                     "| 1 | 195.新建区域性居家养老服务中心100个 | 全市新建15个 |", "| 2 | 184.提高标准 | 已完成<br>测算 \\| 续 |"]),
    st.from_regex(r"\A\|? ?\d{1,3} ?\| ?\d{1,4}[.．、]?[^\n|]{0,12}\|[^\n]{0,20}\Z"),
)


def test_table_importer_reads_anything():
    progress_table = pytest.importorskip("tracker.exchange.progress_table")
    table = pytest.importorskip("tracker.exchange.table")

    @FAST
    @given(st.lists(TABLE_LINE, max_size=8), st.sampled_from([None, "市民政局"]), st.booleans())
    def check(lines, unit, with_plan):
        problems = []
        parsed = only_ours(progress_table.parse_table, "\n".join(lines), "t.md", problems)
        if parsed is not None:
            only_ours(table.read_rows, parsed, PLAN if with_plan else None, unit, months.parse("2024-08"), problems)
        assert all(isinstance(p, TrackerError) and str(p).startswith("t.md:") for p in problems)

    check()


# --- export → import: every entry, exactly --------------------------------------------------

NOTE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)  # any Unicode a file can hold


@st.composite
def an_entry(draw, n):
    task = draw(st.sampled_from(["195", "184"]))
    obj = {"id": f"e{n}-{draw(st.uuids()).hex[:8]}", "task": task,
           "month": f"2024-{draw(st.integers(1, 8)):02d}",  # from the plan's start to today (2024-08-20)
           "recorded_at": draw(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2025, 1, 1),
                                            timezones=st.timezones() | st.just(dt.timezone.utc))).isoformat(),
           "by": draw(st.none() | NOTE), "note": draw(st.none() | NOTE)}
    if draw(st.booleans()):
        obj["problems"], obj["next_steps"] = draw(st.none() | NOTE), draw(st.none() | NOTE)
    number = st.integers(0, 10 ** 12) | st.floats(0, 1e15, allow_nan=False, allow_infinity=False)
    if task == "195":
        keys = draw(st.lists(st.sampled_from(["centres", "stations"]), unique=True, min_size=1))
        obj["values"] = {k: draw(number) for k in keys}
    else:
        obj["percent"] = draw(st.none() | st.floats(0, 100) | st.integers(0, 100))
        obj["status"] = draw(st.sampled_from([None, "ongoing", "done", "blocked"]))
        if obj["percent"] is None and obj["status"] is None:
            obj["status"] = "ongoing"
    return obj


def _expected(obj) -> dict:
    """What the log must give back for an input line: the same report, in the log's canonical form."""
    from tracker.core.model import number

    return {"id": obj["id"], "task": obj["task"], "month": obj["month"],
            "recorded_at": make.stamp_of(obj["recorded_at"]), "by": obj["by"],
            "values": {k: number(float(v)) for k, v in obj.get("values", {}).items()},
            "percent": number(None if obj.get("percent") is None else float(obj["percent"])),
            "status": obj.get("status"), "note": make.note(obj["note"]),
            "problems": make.note(obj.get("problems")), "next_steps": make.note(obj.get("next_steps")), "voids": None,
            "voided_by": None}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_export_then_import_gives_back_every_entry_exactly(empty_project, data):
    size = data.draw(st.integers(1, 6))
    objects = [data.draw(an_entry(i)) for i in range(size)]
    with tempfile.TemporaryDirectory(dir=empty_project.root) as d:
        d = Path(d)
        (d / "tasks.toml").write_text(BASIC_PLAN, encoding="utf-8")
        (d / "in.jsonl").write_text("\n".join(json.dumps(o, ensure_ascii=data.draw(st.booleans())) for o in objects),
                                    encoding="utf-8")
        first = ["--tasks", str(d / "tasks.toml"), "--db", str(d / "one.db")]
        second = ["--tasks", str(d / "tasks.toml"), "--db", str(d / "two.db")]
        empty_project.ok(*first, "import", str(d / "in.jsonl"))
        empty_project.ok(*first, "export", "-o", str(d / "out1.jsonl"))
        out1 = (d / "out1.jsonl").read_text(encoding="utf-8")
        got = {e["id"]: e for e in map(json.loads, out1.splitlines())}
        assert got == {o["id"]: _expected(o) for o in objects}
        empty_project.ok(*second, "import", str(d / "out1.jsonl"))
        empty_project.ok(*second, "export", "-o", str(d / "out2.jsonl"))
        assert (d / "out2.jsonl").read_text(encoding="utf-8") == out1
        again = empty_project.ok(*first, "import", str(d / "out1.jsonl"))
        assert f"imported 0 entries from {d / 'out1.jsonl'} ({size} already in the log)" in again.out
        assert empty_project.ok(*second, "validate").out.startswith("ok:")


# --- hostile files and values through the CLI: exit 2, one line, nothing written --------------


def _state(p) -> tuple:
    """Everything a refused command must leave as it was: the plan, the log and its heads, the files there are.

    (Not the database's bytes: SQLite may checkpoint its WAL into the file whenever a connection closes.)
    """
    import sqlite3

    log = None
    if p.db.exists():
        conn = sqlite3.connect(p.db)
        log = (conn.execute("SELECT seq, hash FROM entries ORDER BY seq").fetchall(),
               conn.execute("SELECT * FROM chain_heads ORDER BY seq").fetchall())
        conn.close()
    files = sorted(str(x.relative_to(p.root)) for x in p.root.rglob("*") if not x.name.endswith(("-wal", "-shm")))
    return p.tasks.read_bytes() if p.tasks.exists() else None, log, files


def refused(p, *args, **kw) -> str:
    before = _state(p)
    r = p.bad(*args, **kw)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert len(lines[0]) < 400, lines[0][:400]
    assert "\x1b" not in r.err
    assert _state(p) == before, "a refused command wrote something"
    return lines[0]


GOOD_LINE = '{"id": "a1", "task": "184", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "status": "done", "note": "好"}\n'

HOSTILE_JSONL = [
    (bytes(range(256)) * 4, "not UTF-8 text"),
    (GOOD_LINE.encode() + b'{"id": "b\x00"}\n', "x.jsonl:2: binary data, not text"),
    (GOOD_LINE.encode("utf-16-le"), "UTF-16 without its byte-order mark"),
    (GOOD_LINE.replace("好", "好进展").encode("gbk"), "GBK/GB18030"),
    (b"\xff\xfe" + GOOD_LINE.encode("utf-16-le")[:-1] + b"\x00\xd8", "damaged UTF-16 text"),
    ((GOOD_LINE + "{not json}\n").encode(), "x.jsonl:2: not a JSON object"),
    (("[" * 200000).encode(), "x.jsonl:1: not a JSON object"),
    ((GOOD_LINE + '{"id": "b", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "values": {"centres": 1e999}}').encode(), "x.jsonl:2: 195.centres"),
    ((GOOD_LINE + '{"id": "b", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "values": {"centres": 1' + "0" * 5000 + "}}").encode(), "x.jsonl:2: not a JSON object"),
    ((GOOD_LINE + '{"id": "b", "task": "' + "9" * 100000 + '", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "status": "done"}').encode(), "x.jsonl:2: unknown task"),
    ((GOOD_LINE + '{"id": "b", "task": "184", "month": "' + "x" * 100000 + '", "status": "done"}').encode(), "x.jsonl:2: malformed month"),
    ((GOOD_LINE + '{"id": "b", "task": "184", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", "note": "\\udc9b"}').encode(), "x.jsonl:2: note is not valid text"),
    ((GOOD_LINE + '{"id": "b", "task": "184", "month": "2024-08", "status": "done", "recorded_at": "9999-12-31T23:59:59-05:00"}').encode(), "x.jsonl:2: recorded_at"),
    ((GOOD_LINE + '["a list"]').encode(), "x.jsonl:2: not a JSON object"),
    ((GOOD_LINE + GOOD_LINE.replace('"done"', '"ongoing"')).encode(), "entry a1 is given twice, with different content"),
    # JSON's own words for what a line holds, never Python's (None, False, dict)
    ((GOOD_LINE + '{"id": "b", "task": "184", "month": "2024-08", "status": "done"}').encode(),
     "x.jsonl:2: recorded_at is required"),
    ((GOOD_LINE + '{"id": "b", "task": "195", "month": "2024-08", "recorded_at": false}').encode(),
     "recorded_at must be a time such as 2024-08-31T09:00:00Z, not false"),
    ((GOOD_LINE + '{"id": "b", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", '
      '"values": {"centres": null}}').encode(), "x.jsonl:2: 195.centres: null is not a number"),
    ((GOOD_LINE + '{"id": "b", "task": "184", "month": "2024-08", "recorded_at": "2024-08-31T09:00:00Z", '
      '"note": {"text": "好"}}').encode(), 'x.jsonl:2: note must be text, not {"text": "好"}'),
]


@pytest.mark.parametrize("data,message", HOSTILE_JSONL, ids=range(len(HOSTILE_JSONL)))
def test_a_hostile_jsonl_file_is_refused_whole(project, data, message):
    project.ok("log", "195", "--set", "centres=1")
    (project.root / "x.jsonl").write_bytes(data)
    assert message in refused(project, "import", "x.jsonl")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8-sig"), lambda t: t.encode("utf-16"), lambda t: t.encode("utf-32"),
    lambda t: t.replace("\n", "\r\n").encode(),
], ids=["utf-8 BOM", "utf-16 BOM", "utf-32 BOM", "CRLF"])
def test_files_in_the_encodings_tracker_reads_are_read(project, encode):
    (project.root / "x.jsonl").write_bytes(encode(GOOD_LINE * 1))
    assert "imported 1 entry from x.jsonl" in project.ok("import", "x.jsonl").out
    project.tasks.write_bytes(encode(BASIC_PLAN))
    assert project.ok("validate").out.startswith("ok: tasks.toml (2 tasks)")
    (project.root / "note.txt").write_bytes(encode("第一行\n第二行\n"))
    project.ok("log", "184", "--note-file", "note.txt")
    notes = [e["note"] for e in project.ok("history", "184", "--format", "json").json()["entries"]]
    assert notes[-1] == "第一行\n第二行"


HOSTILE_PLANS = [
    (bytes(range(256)), "tasks.toml:"),
    ("[plan]\ntitle = '督查'\n".encode("gbk"), "GBK/GB18030"),
    (b"[plan]\n\x00\x01", "binary data, not text"),
    (("a = " + "[" * 5000 + "]" * 5000).encode(), "nested too deeply"),
    (("x" * 3_000_000).encode(), "tasks.toml:1: invalid TOML"),
    (BASIC_PLAN.encode() + b"\n[[task]]\nid = \"7\"\ntitle = \"t\"\nunit = \"u\"\n[[task.metric]]\nkey = \"a\"\ntarget = 1e400\n",
     "tasks.toml:35: task 7: metric.target"),
]


@pytest.mark.parametrize("data,message", HOSTILE_PLANS, ids=range(len(HOSTILE_PLANS)))
def test_a_hostile_plan_is_refused(project, data, message):
    project.ok("log", "195", "--set", "centres=1")
    project.tasks.write_bytes(data)
    for command in (("status",), ("log", "195", "--set", "centres=2"), ("validate",)):
        assert message in refused(project, *command)


HOSTILE_OPTIONS = [
    (("log", "195", "--set", "centres=abc"), "is not a number"),
    (("log", "195", "--set", "centres=-1"), "not a number ≥ 0"),
    (("log", "195", "--set", "centres=1e999"), "not a number ≥ 0"),
    (("log", "195", "--set", "centres=nan"), "not a number ≥ 0"),
    (("log", "195", "--set", "centres="), "is not a number"),
    (("log", "195", "--set", "centres=" + "9" * 5000), "not a number ≥ 0"),
    (("log", "195", "--set", "centres=0x10"), "is not a number"),
    (("log", "195", "--set", "x" * 10000 + "=1"), "has no metric"),
    (("log", "184", "--percent", "101"), "outside 0–100"),
    (("log", "184", "--status", "\x1b[2Jdone"), "is not one of"),
    (("log", "195", "--month", "2024-13", "--set", "centres=1"), "no month 13"),
    (("log", "195", "--month", "0000-01", "--set", "centres=1"), "malformed month"),
    (("log", "195", "--month", "x" * 10000, "--set", "centres=1"), "malformed month"),
    (("log", "195", "--month", "2024年13月", "--set", "centres=1"), "malformed month"),
    (("log", "184", "--note", "a\udc9bb"), "note is not valid text"),
    (("log", "184", "--status", "done", "--by", "\udcff"), "by is not valid text"),
    (("log", "184", "--status", "done", "--by", ""), "--by: a name is required"),
    (("log", "195", "--set", "centres=2", "--by", " \u3000"), "--by: a name is required"),
    (("status", "--month", "99999-01"), "malformed month"),
]


@pytest.mark.parametrize("args,message", HOSTILE_OPTIONS, ids=range(len(HOSTILE_OPTIONS)))
def test_hostile_options_are_refused(project, args, message):
    project.ok("log", "195", "--set", "centres=1")
    assert message in refused(project, *args)


@pytest.mark.parametrize("data,message", [
    (bytes(range(256)), "not UTF-8 text"),
    ("八月进展".encode("gbk"), "GBK/GB18030"),
    ("八月进展".encode("utf-16-le"), "binary data, not text (control character U+0008)"),
    ("\x1b[2J八月进展".encode(), "binary data, not text (control character U+001B)"),
])
def test_a_hostile_note_file_is_refused(project, data, message):
    (project.root / "note.txt").write_bytes(data)
    assert message in refused(project, "log", "184", "--note-file", "note.txt")  # and no database is created


@pytest.mark.parametrize("data,message", [
    (bytes(range(256)) * 10, "not UTF-8 text"),
    ("| 序号 | 目标任务 | 总体工作进展及8月份进展 |\n| 1 | 195.新建 | 进展 |\n".encode("gbk"), "GBK/GB18030"),
    (b"just some words\n" * 1000, "t.md"),
])
def test_a_hostile_progress_table_is_refused(project, data, message):
    (project.root / "t.md").write_bytes(data)
    assert message in refused(project, "import", "t.md", "--month", "2024-08", "--unit", "市民政局")


# --- user text is shown as text ---------------------------------------------------------------

TITLE = "=cmd|' /C calc'!A0 [bold]粗体[/bold] \x1b[31m红\x1b[0m"
NOTE_TEXT = "=HYPERLINK(\"http://x\") [red]红[/red] \x1b[2J\x1b]0;pwned\x07 +1 @SUM(A1) \u009b31m"


@pytest.fixture
def hostile_text(project):
    project.write_plan(BASIC_PLAN.replace("提高城乡低保、特困人员等困难群体救助标准。",
                                          TITLE.replace("\x1b", "\\u001b")))
    project.ok("log", "184", "--percent", "40", "--note", NOTE_TEXT, "--by", "王[b]科长[/b]\x1b[5m")
    return project


def _shown_as_text(out: str):
    assert "\x1b" not in out and "\x07" not in out and "\u009b" not in out  # nothing a terminal would obey


@pytest.mark.parametrize("args", [
    ("status",), ("status", "--month", "2024-08"), ("tasks",), ("history", "184"), ("show", "184"),
    ("report",), ("report", "--format", "csv"), ("report", "--format", "md", "--with-status"),
    ("units",), ("check", "--fail-on", "missing"),
])
def test_markup_escapes_and_formulas_in_titles_and_notes_show_as_text(hostile_text, args):
    r = hostile_text.run(*args)
    assert r.code in (0, 1), r.err
    _shown_as_text(r.out + r.err)
    if args[0] in ("status", "tasks", "history", "show", "report"):
        assert "[bold]粗体[/bold]" in r.out or "[bold]粗体[/bold]" in r.out.replace("\n", "")
        assert "␛[31m红" in r.out


def test_the_log_itself_and_its_history_show_the_note_as_text(hostile_text):
    r = hostile_text.ok("log", "184", "--note", NOTE_TEXT)
    _shown_as_text(r.out)
    assert "[red]红[/red] ␛[2" in r.out
    out = hostile_text.ok("history", "184").out
    _shown_as_text(out)
    assert "[red]红[/red]" in out.replace("\n", "") and "王[b]科长[/b]␛[5m" in out


def test_a_colour_terminal_still_gets_no_escape_from_user_text(hostile_text, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    for args in (("status",), ("history", "184"), ("tasks",)):
        out = hostile_text.ok(*args).out
        for attack in ("\x1b[2J", "\x1b]0;", "\x1b[31m红", "\x07", "\u009b"):
            assert attack not in out, (args, attack)


def test_json_outputs_keep_the_text_exactly_and_escaped(hostile_text):
    for args in (("history", "184", "--format", "json"), ("status", "--format", "json"), ("export",),
                 ("report", "--format", "json")):
        out = hostile_text.ok(*args).out
        _shown_as_text(out)
        assert "\\u001b" in out
        assert "\\u009b" in out or args[0] == "status"  # status shows no notes
    (entry,) = hostile_text.ok("history", "184", "--format", "json").json()["entries"]
    assert entry["note"] == NOTE_TEXT and entry["by"] == "王[b]科长[/b]\x1b[5m"
    titles = [t["title"] for t in hostile_text.ok("status", "--format", "json").json()["tasks"]]
    assert TITLE in titles


def test_formula_prefixes_stay_text_in_csv_and_xlsx(hostile_text):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(hostile_text.ok("report", "--format", "csv").out.lstrip("\ufeff"))))
    progress = [r[2] for r in rows[1:]]
    assert any(c.startswith("'=HYPERLINK(") for c in progress)
    openpyxl = pytest.importorskip("openpyxl")
    hostile_text.ok("report", "-o", "r.xlsx")
    sheet = openpyxl.load_workbook(hostile_text.root / "r.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("where", ["title", "unit", "category", "name", "metric_unit"])
def test_status_json_escapes_what_terminals_obey_wherever_the_plan_puts_it(project, where):
    # Streamed a few hundred tasks at a time, and searched for what to escape only when the plan has any.
    hostile = "甲\u009b31m\u202e乙\u2028"
    plan = BASIC_PLAN
    texts = {"title": ('title = "提高城乡低保', f'title = "{hostile}提高城乡低保'),
             "unit": ('unit = "市民政局"\ncategory', f'unit = "{hostile}"\ncategory'),
             "category": ('category = "养老服务"', f'category = "{hostile}"'),
             "name": ('name = "社区养老服务站"', f'name = "{hostile}"'),
             "metric_unit": ('unit = "个"\ntarget = 300', f'unit = "{hostile}"\ntarget = 300')}
    old, new = texts[where]
    assert old in plan
    project.write_plan(plan.replace(old, new))
    out = project.ok("status", "--format", "json").out
    assert "\u009b" not in out and "\u202e" not in out and "\u2028" not in out
    assert "\\u009b31m\\u202e" in out and "\\u2028" in out
    assert hostile in json.dumps(json.loads(out), ensure_ascii=False)  # the text itself, once parsed
    plain = project.write_plan(BASIC_PLAN).ok("status", "--format", "json").out
    assert "\\u" not in plain and json.loads(plain)["tasks"][0]["title"].startswith("新建区域性")
