"""The plan loader's two ways through give one answer: the fast way (rtoml, plain checks, header lines)
builds the very Plan the careful way (tomllib, pydantic, every key's line) builds, or leaves the text to it.

Each test holds one of the things the fast way stands on: rtoml reads what tomllib reads (where the text
shows no sign of TOML 1.1), header_lines() finds the lines key_lines() finds, and the plain checks take
only what pydantic takes and build the same objects. Whole answers are compared with their types (an int
is not a float here), and errors by their messages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from pathlib import Path

import pytest
import rtoml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIC_PLAN, ROOT
from tests.test_hostile import PLAN_DATA, TOML_VALUE, _toml
from tracker import plan
from tracker.errors import PlanError
from tracker.model import MODES

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(a, b) -> bool:
    """a == b, and the same types all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, (dt.datetime, dt.time)) and a.tzinfo is not None:  # rtoml's tzinfo is its own class
        return a.utcoffset() == b.utcoffset() and a.replace(tzinfo=None) == b.replace(tzinfo=None)
    return a == b


def answer(read, text: str):
    try:
        return "plan", read(text, "tasks.toml")
    except PlanError as e:
        return "problems", e.problems


def careful(text: str, path: str):
    return plan._careful(text, path)  # the loader as it was before the fast way: tomllib and pydantic


def assert_one_answer(text: str) -> bool:
    """parse() answers as the careful way does; True when the fast way gave the answer."""
    want = answer(careful, text)
    fast = plan._fast(text, "tasks.toml")
    if fast is not None:
        assert want[0] == "plan", f"the fast way took a plan the careful way refuses: {want[1]}"
        assert same(fast, want[1])
    assert same(answer(plan.parse, text), want)
    return fast is not None


def test_the_fast_way_checks_the_keys_the_models_know():
    from tracker import plancheck

    assert plan._PLAN_KEYS == set(plancheck.PlanIn.model_fields)
    assert plan._TASK_KEYS == set(plancheck.TaskIn.model_fields)
    assert plan._METRIC_KEYS == set(plancheck.MetricIn.model_fields)
    assert plan._MILESTONE_KEYS == set(plancheck.MilestoneIn.model_fields)


FULL_PLAN = """\
# a comment: with a colon
[plan]
title = "2024年重点目标任务"
year = 2024
stall_months = 3
behind_tolerance = 0

[[task]]
id = 195
title = "新建区域性居家养老服务中心100个"
unit = "市民政局"
co_units = ["市财政局", "市住建局"]
category = "养老服务"
start = 2024-02-01
due = 2025-06-30
stall_months = 1
behind_tolerance = 0.25

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100
baseline = 4.5
mode = "increment"

[[task.metric]]
key = "rate"
target = 96.2

[[task.milestone]]
due = 2024-12-31
metric = "rate"
target = 50

[[task.milestone]]
due = 2024-06-30
metric = "centres"
target = 4.5

[[task.milestone]]
due = 2024-03-31
metric = "rate"
target = 96.2

[[task]]
id = "3.2.1"
title = "提高救助标准"
unit = "市民政局"
co_units = []

  [[ task ]]  # indented, spaced, with a comment
id = "7"
title = "甲"
unit = "乙"
due = 2024-03-01

[[task.metric]]
key = "a"
target = 1e3
baseline = 0.0

[[task.milestone]]
due = 2024-02-01
target = 999
"""


@pytest.mark.parametrize("text", [BASIC_PLAN, FULL_PLAN, "", "# nothing yet\n", "[plan]\nyear = 2024\n",
                                  (ROOT / "tasks.toml").read_text(encoding="utf-8")])
def test_the_fast_way_takes_a_well_formed_plan(text):
    assert assert_one_answer(text)


def test_the_fast_way_builds_every_field():
    p = plan.parse(FULL_PLAN, "tasks.toml")
    a, b, c = p.tasks
    assert (a.id, a.line, a.start, a.due, a.stall_months, a.behind_tolerance) == (
        "195", 8, dt.date(2024, 2, 1), dt.date(2025, 6, 30), 1, 0.25)
    assert [(m.key, m.name, m.target, m.baseline, m.mode, m.line) for m in a.metrics] == [
        ("centres", "区域性居家养老服务中心", 100.0, 4.5, "increment", 19),
        ("rate", "rate", 96.2, 0.0, "cumulative", 27)]
    assert [(s.metric, s.due, s.line) for s in a.milestones] == [
        ("centres", dt.date(2024, 6, 30), 36), ("rate", dt.date(2024, 3, 31), 41), ("rate", dt.date(2024, 12, 31), 31)]
    assert (b.co_units, b.stall_months, b.behind_tolerance, b.due, c.line) == ((), 3, 0.0, dt.date(2024, 12, 31), 52)
    assert type(p.behind_tolerance) is float and type(a.metrics[0].target) is float


# Each of these must go the careful way (or be built the same): other types, TOML 1.1, lines the
# header scan cannot be sure of, and every kind of problem. The first line is [plan] with year = 2024.
ODD_TASKS = [
    'id = "١٩٥"\ntitle = "甲"\nunit = "u"',  # other scripts' digits: pydantic's \d takes them
    'id = true\ntitle = "甲"\nunit = "u"', 'id = -5\ntitle = "甲"\nunit = "u"', 'id = 1.5\ntitle = "甲"\nunit = "u"',
    'id = "1\\n"\ntitle = "甲"\nunit = "u"', 'id = "01"\ntitle = "甲"\nunit = "u"', 'id = "1."\ntitle = "甲"\nunit = "u"',
    'id = "1"\ntitle = ""\nunit = "u"', 'id = "1"\ntitle = "甲"\nunit = 5', 'id = "1"\ntitle = "甲"',
    'id = "1"\ntitle = "甲"\nunit = "u"\ncategory = ""', 'id = "1"\ntitle = "甲"\nunit = "u"\nco_units = ["a", ""]',
    'id = "1"\ntitle = "甲"\nunit = "u"\nco_units = "a"', 'id = "1"\ntitle = "甲"\nunit = "u"\nco_units = [1]',
    'id = "1"\ntitle = "甲"\nunit = "u"\ndue = 2024-06-30T00:00:00', 'id = "1"\ntitle = "甲"\nunit = "u"\ndue = "2024-06-30"',
    'id = "1"\ntitle = "甲"\nunit = "u"\nstart = 2024-06-30T00:00:00Z', 'id = "1"\ntitle = "甲"\nunit = "u"\ndue = 12:00:00',
    'id = "1"\ntitle = "甲"\nunit = "u"\nstart = 2024-12-31', 'id = "1"\ntitle = "甲"\nunit = "u"\nstart = 2025-01-01',
    'id = "1"\ntitle = "甲"\nunit = "u"\nstall_months = 0', 'id = "1"\ntitle = "甲"\nunit = "u"\nstall_months = 121',
    'id = "1"\ntitle = "甲"\nunit = "u"\nstall_months = 2.0', 'id = "1"\ntitle = "甲"\nunit = "u"\nstall_months = true',
    'id = "1"\ntitle = "甲"\nunit = "u"\nbehind_tolerance = 1', 'id = "1"\ntitle = "甲"\nunit = "u"\nbehind_tolerance = -0.1',
    'id = "1"\ntitle = "甲"\nunit = "u"\nbehind_tolerance = nan', 'id = "1"\ntitle = "甲"\nunit = "u"\nbehind_tolerance = -0.0',
    'id = "1"\ntitle = "甲"\nunit = "u"\ntittle = "x"', 'id = "1"\ntitle = "甲"\nunit = "u"\nmetric = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\nmetric = [{key = "a", target = 5}]',
    'id = "1"\ntitle = "甲"\nunit = "u"\nmilestone = [{due = 2024-06-30, target = 5}]',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[task.metric]\nkey = "a"\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "A"\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a\\n"\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.metric]]\nkey = "a"\ntarget = 6',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nbaseline = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nbaseline = -1',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nbaseline = -0.0',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = inf',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = nan',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 1e400',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 9007199254740993',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 9007199254740992',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 99999999999999999999',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = true',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = "5"',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nmode = "Increment"',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nname = ""',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nunit = 3',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\nweight = 3',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 2',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = 2024-01-01\ntarget = 2',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = 2024-12-31\ntarget = 2',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 5.5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 2\nmetric = 1',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = "2024-06-30"\ntarget = 2',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ntarget = 2',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.milestone]]\ndue = 2024-06-30\ntarget = 2\nnote = ""',
    ('id = "1"\ntitle = "甲"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5\n[[task.metric]]\nkey = "b"\ntarget = 5\n'
     '[[task.milestone]]\ndue = 2024-06-30\ntarget = 2'),
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task]]\nid = "1"\ntitle = "乙"\nunit = "u"',  # a duplicate id
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task]]\nid = 1\ntitle = "乙"\nunit = "u"',
    # where the lines are: headers in a multi-line string, a title over two lines, other line breaks
    'id = "1"\ntitle = """甲\n[[task]]\n"""\nunit = "u"\n[[task]]\nid = "2"\ntitle = "乙"\nunit = "u"',
    "id = \"1\"\ntitle = '''甲\n[[task.metric]]'''\nunit = \"u\"\n[[task.metric]]\nkey = \"a\"\ntarget = 5",
    'id = "1"\ntitle = "甲\u2028乙"\nunit = "u"\n[[task.metric]]\nkey = "a"\ntarget = 5',
    'id = "1"\ntitle = "甲\x85乙"\nunit = "u"\n[[task]]\nid = "2"\ntitle = "乙"\nunit = "u"',
    'id = "1"\r\ntitle = "甲"\r\nunit = "u"\r\n[[task.metric]]\r\nkey = "a"\r\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[["task".metric]]\nkey = "a"\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n[[task . metric]]  # spaced\nkey = "a"\ntarget = 5',
    'id = "1"\ntitle = "甲"\nunit = "u"\n\t[[task.metric]]\nkey = "a"\ntarget = 5\n\u3000',
    'id = "1"\ntitle = "甲"\nunit = "u"\nnotes = [\n[1],\n[2]]\n[[task.metric]]\nkey = "a"\ntarget = 5',
    # what TOML 1.1 reads and tomllib refuses
    'id = "1"\ntitle = "甲\\e"\nunit = "u"', 'id = "1"\ntitle = "甲\\x41"\nunit = "u"',
    'id = "1"\ntitle = "甲"\nunit = "u"\nmetric = [{key = "a", target = 5,}]',
    'id = "1"\ntitle = "甲"\nunit = "u"\nmetric = [{key = "a",\ntarget = 5}]',
    'id = "1"\ntitle = "甲"\nunit = "u"\ndue = 2024-06-30T12:00', 'id = "1"\ntitle = "甲"\nunit = "u"\nwhen = 12:00',
]


@pytest.mark.parametrize("body", ODD_TASKS)
def test_an_unusual_task_has_the_careful_answer(body):
    assert_one_answer("[plan]\nyear = 2024\n[[task]]\n" + body + "\n")


@pytest.mark.parametrize("text", [
    "\ufeff[plan]\nyear = 2024\n", "[plan]\nyear = 2024\n[plan]\n", "plan = 5\n", "[[plan]]\nyear = 2024\n",
    "[plan]\nyear = 1899\n", "[plan]\nyear = 2024.0\n", "[plan]\ntitle = ''\n", "[plan]\nstall_months = 0\n",
    "[plan]\nbehind_tolerance = 1.0\n", "[plan]\nowner = 'x'\n", "task = 5\n", "task = []\n", "[task]\nid = '1'\n",
    "extra = 1\n", "[plan]\nyear = 2024\n[[task]]\n", "[[task]]\nid = '1'\ntitle = '甲'\nunit = 'u'\n",
    "[[task]]\nid = '1'\ntitle = '甲'\nunit = 'u'\ndue = 2024-06-30\n", "task = [[1]]\n", "a = [" * 40 + "]" * 40,
    "[plan]\nyear = = 2\n", "[plan]\ntitle = \"x\n", "[plan]\ntitle = '''x", "a = 9223372036854775808\n",
])
def test_an_unusual_plan_has_the_careful_answer(text):
    assert_one_answer(text)


def test_a_deep_nesting_is_the_careful_way_s_error():
    text = "a = " + "[" * 100_000 + "]" * 100_000
    assert answer(plan.parse, text) == ("problems", ["tasks.toml:1: invalid TOML: arrays or tables nested too deeply"])


# --- rtoml reads what tomllib reads, where the text shows no sign of TOML 1.1 -------------------

TOML_1_1 = ['a = "\\e"', 'a = "\\x41"', "a = '\\e'", 'a = {b = 1,}', 'a = {\nb = 1\n}', 'a = {b = "}",\nc = 1}',
            "a = 07:32", "a = 1979-05-27T07:32Z", "a = 1979-05-27 07:32", "a = 1979-05-27T07:32+08:00",
            "\ufeffa = 1", "a = 1\r\n"]


@pytest.mark.parametrize("text", TOML_1_1)
def test_a_sign_of_toml_1_1_sends_the_text_the_careful_way(text):
    assert plan._maybe_toml_1_1(text)


# (An offset, +08:00, and 10:30 in a title do look like a time without seconds: such a text goes
# the careful way, which costs time only; no value of a plan is a time.)
@pytest.mark.parametrize("text", ["a = 07:32:00", "a = 1979-05-27T07:32:00Z", "a = 1979-05-27 07:32:00.5",
                                  "# note: a colon\na = 'x:y'", 'a = "\\\\ \\n \\u00e9"', "a = [1, 2,]"])
def test_toml_1_0_is_not_taken_for_1_1(text):
    assert not plan._maybe_toml_1_1(text)


FRAGMENTS = ["[", "]", "{", "}", '"', "'", '"""', "'''", "=", ",", ".", "#", "\n", " ", "\t", "\\", ":", "-", "+", "_",
             "0", "1", "9", "e", "E", "x", "T", "Z", "\\e", "\\x41", "\\u00e9", "\\U0001F600", "\x7f", "\x00", "\x0c",
             "\u2028", "é", "1979-05-27", "07:32", "07:32:00", "inf", "nan", "true", "0x1f", "0o7", "0b1", "1_000",
             "[[task]]\n", "[[task.metric]]\n", "[a]\n", "a.b = 1\n", "= 1\n", "\r\n"]
SEEDS = [FULL_PLAN, BASIC_PLAN, ('a = 1979-05-27T07:32:00Z\nb = [1, 2.5, "x", [true]]\nc = """\nm\\\n  l"""\n'
          "d = 'lit'\n[t]\n\"q\" = 0x1f\n[[u]]\nv = 1e3\n[[u]]\nw = -inf\nx = 07:32:00.25\n")]


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 3)):]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_rtoml_reads_what_tomllib_reads(text):
    assume(not plan._maybe_toml_1_1(text))
    try:
        fast = rtoml.loads(text)
    except rtoml.TomlParsingError:
        return  # the careful way reads it, or names the error
    assert same(fast, tomllib.loads(text))


# --- header_lines() finds the lines key_lines() finds -----------------------------------------

LINES = ["[plan]", "[[task]]", "[[task.metric]]", "[[task.milestone]]", "  [[ task ]]", "[[task]] # c", "\t[[task.metric]]",
         "[task.metric]", "[[task.metric.x]]", "[[other]]", "[['task']]", '[["task"]]', "[[task]]x", "[[task]", "[1]",
         "[[task.milestone ]]", "[[task.milestone]]]", 'id = "1"', "notes = [", "  [1, 2],", "  [[3]],", "]", "key = 'a'",
         "", "# [[task]]", "\u3000[[task]]", "\u00a0[[task]]", "\x1f[[task]]", " [ [task]]"]


def table_lines(text: str) -> dict:
    return {k: v for k, v in plan.key_lines(text).items() if len(k) in (2, 4) and all(type(x) is int for x in k[1::2])}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=30))
def test_header_lines_are_key_lines(lines):
    text = "\n".join(lines)
    assert plan.header_lines(text) == table_lines(text)


@pytest.mark.parametrize("odd", ['"""', "'''", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_header_lines_leave_a_text_they_might_misread_to_key_lines(odd):
    text = f"[[task]]\ntitle = 'a{odd}b'\n[[task]]\n"
    assert plan.header_lines(text) is None
    assert plan.header_lines(text.replace(odd, "")) == table_lines(text.replace(odd, ""))


# Found by hypothesis: key_lines() took the three quotes in `category` for a multi-line string left open.
QUOTES_IN_STRINGS = """[plan]
year = 2024

[[task]]
id = "1"
title = A3
新建养老服务中心A3
unit = "市民政局"
category = "A3"  # no string opens here: Q3
co_units = ['aQ3b', "c#d"]

[[task.metric]]
key = "a"
target = 1
""".replace("A3", "'" * 3).replace("Q3", '"' * 3)


def test_key_lines_read_strings_as_toml_does():
    """Three quotes inside a one-line string, or after a #, open no multi-line string: the lines after
    them are still found (the fast way takes the plan; an error names its line)."""
    text = QUOTES_IN_STRINGS
    assert "category = \"'''\"" in text
    lines = plan.key_lines(text)
    assert lines[("task", 0, "metric", 0)] == 12 and lines[("task", 0, "metric", 0, "target")] == 14
    assert assert_one_answer(text), "the fast way took it"
    with pytest.raises(PlanError) as e:
        plan.parse(text.replace("target = 1", "target = -1"), "tasks.toml")
    assert "tasks.toml:14:" in str(e.value)
    # a multi-line string that is still open, or ends and opens another on its last line
    assert plan.key_lines('[[task]]\nx = """a\n[[task]]\nb""" + \'\'\'\n[[task]]\n\'\'\'\n[[task]]\n') == \
        {("task", 0): 1, ("task", 0, "x"): 2, ("task", 1): 7}


def test_header_lines_are_key_lines_of_a_province():
    text = plan_text(300)
    assert plan.header_lines(text) == table_lines(text)


# --- whole plans: near the common shape, and anything ------------------------------------------

ODD_VALUE = st.one_of(st.sampled_from([None, True, 0, -1, 0.0, -0.0, 1.0, 1e300, 2 ** 53 + 1, 2 ** 63 - 1, "", "x", "١",
                                       "2024-06-30", dt.date(2024, 1, 1), dt.date(2030, 1, 1),
                                       dt.datetime(2024, 6, 30), dt.time(12, 0), [], ["x"], {}]), TOML_VALUE)


@st.composite
def near_plans(draw):
    """A tasks.toml text, mostly of the common shape; and whether it is of the common shape all through."""
    pristine = True

    def value(good):
        nonlocal pristine
        if draw(st.integers(0, 30)) == 0:
            pristine = False
            return draw(ODD_VALUE)
        return draw(good)

    def put(table, key, good, optional=True):
        if optional and draw(st.booleans()):
            return
        v = value(good)
        if v is not None:
            table[key] = v

    year = draw(st.none() | st.integers(2000, 2030))
    data: dict = {}
    head: dict = {}
    put(head, "title", st.text(min_size=1, max_size=8))
    if year is not None:
        head["year"] = value(st.just(year))
    put(head, "stall_months", st.integers(1, 120))
    put(head, "behind_tolerance", st.floats(0, 0.99) | st.just(0))
    if head or draw(st.booleans()):
        data["plan"] = head
    tasks = []
    for i in range(draw(st.integers(0, 4))):
        due = draw(st.dates(dt.date(max(2000, year or 2000) + 1, 1, 2), dt.date(2031, 12, 31)))
        due += dt.timedelta(days=(due.month, due.day) == (1, 1))  # after 1 January, the start by default
        start = draw(st.dates(dt.date(due.year, 1, 1), due - dt.timedelta(days=1)))
        task: dict = {"id": value(st.sampled_from([str(i + 1), i + 1, f"{i + 1}.{i}"]))}
        put(task, "title", st.text(min_size=1, max_size=12), optional=False)
        put(task, "unit", st.text(min_size=1, max_size=6), optional=False)
        put(task, "co_units", st.lists(st.text(min_size=1, max_size=4), max_size=2))
        put(task, "category", st.text(min_size=1, max_size=4))
        if year is None or draw(st.booleans()):
            task["due"] = value(st.just(due))
            put(task, "start", st.just(start))
        put(task, "stall_months", st.integers(1, 120))
        put(task, "behind_tolerance", st.floats(0, 0.99))
        metrics = []
        for key in draw(st.lists(st.from_regex(r"\A[a-z][a-z0-9_]{0,3}\Z"), max_size=3, unique=True)):
            baseline = draw(st.integers(0, 50) | st.floats(0, 50))
            metric = {"key": value(st.just(key)), "target": value(st.just(baseline + draw(st.integers(1, 1000))))}
            put(metric, "baseline", st.just(baseline))
            put(metric, "name", st.text(min_size=1, max_size=6))
            put(metric, "unit", st.text(max_size=3))
            put(metric, "mode", st.sampled_from(MODES))
            metrics.append(metric)
        if metrics:
            task["metric"] = metrics
            span = (task["due"] if type(task.get("due")) is dt.date else due) - start  # an odd value may be a datetime
            stones = []
            for _ in range(draw(st.integers(0, 2)) if span.days > 2 and "start" in task else 0):
                m = draw(st.sampled_from(metrics))
                stone = {"due": value(st.just(start + dt.timedelta(days=draw(st.integers(1, span.days - 1))))),
                         "target": value(st.just(m.get("baseline", 0)))}
                if len(metrics) > 1 or draw(st.booleans()):
                    stone["metric"] = m["key"]
                stones.append(stone)
            if stones:
                task["milestone"] = stones
        if draw(st.integers(0, 30)) == 0:
            pristine = False
            task["tittle"] = "x"
        tasks.append(task)
    if tasks:
        data["task"] = tasks
    return write(draw, data), pristine


HEADERS = {"[[task]]": ["[[task]]", "  [[task]]", "[[ task ]]", "[[task]]  # a task"],
           "[[task.metric]]": ["[[task.metric]]", "\t[[task.metric]]", "[[task.metric ]] # m"],
           "[[task.milestone]]": ["[[task.milestone]]", "[[ task.milestone]]"]}


def write(draw, data: dict) -> str:
    """data as tasks.toml is written by people: a header for each table (tomli_w writes the metrics inline)."""
    import tomli_w

    def table(header: str, values: dict) -> str:
        try:
            text = tomli_w.dumps(values)
        except (TypeError, ValueError):
            assume(False)
        if draw(st.integers(0, 9)) == 0:  # a title over lines: the lines are then found the careful way
            text = re.sub(r'^title = "(.*)"$', r'title = """\n\1"""', text, count=1, flags=re.MULTILINE)
        return f"{draw(st.sampled_from(HEADERS.get(header, [header])))}\n{text}\n"

    out = [table("[plan]", data["plan"])] if "plan" in data else []
    for task in data.get("task", []):
        subs = {k: task[k] for k in ("metric", "milestone") if isinstance(task.get(k), list)
                and all(isinstance(x, dict) for x in task[k])}
        out.append(table("[[task]]", {k: v for k, v in task.items() if k not in subs}))
        for key, rows in subs.items():
            out += [table(f"[[task.{key}]]", row) for row in rows]
    return "".join(out)




@PROPERTY
@given(near_plans())
def test_a_plan_near_the_common_shape_has_one_answer(drawn):
    text, pristine = drawn
    took = assert_one_answer(text)
    if pristine and not plan._maybe_toml_1_1(text):
        assert took, "the fast way left a plan of the common shape to the careful way"


@PROPERTY
@given(PLAN_DATA)
def test_any_toml_has_one_answer(data):
    assert_one_answer(_toml(data))


@PROPERTY
@given(mutated())
def test_a_damaged_plan_has_one_answer(text):
    assert_one_answer(text)


@PROPERTY
@given(st.text(max_size=200))
def test_any_text_has_one_answer(text):
    assert_one_answer(text)


# --- a province's shape ------------------------------------------------------------------------

def plan_text(n: int) -> str:
    """A plan of n tasks in the shape of bench/plan_gen.py's (one metric or two, some milestones)."""
    out = ["# a generated plan\n[plan]\ntitle = \"省重点目标任务\"\nyear = 2024\n"]
    for i in range(1, n + 1):
        out.append(f'\n[[task]]\nid = "{i}"\ntitle = "任务{i}：完成{i}个"\nunit = "市{i % 17}局"\n')
        if i % 3:
            out.append('co_units = ["市财政局"]\n')
        if i % 5 == 0:
            out.append("start = 2024-03-01\ndue = 2026-06-30\n")
        out.append(f'\n[[task.metric]]\nkey = "m{i % 4}"\nname = "指标"\nunit = "个"\ntarget = {i}.5\nbaseline = 0\n')
        if i % 2:
            out.append('\n[[task.metric]]\nkey = "rate"\nunit = "%"\ntarget = 97.0\nbaseline = 87.4\nmode = "increment"\n')
        if i % 7 == 0:
            out.append(f'\n[[task.milestone]]\ndue = 2024-06-30\nmetric = "m{i % 4}"\ntarget = 0.5\n')
    return "".join(out)


def test_a_province_shaped_plan_goes_the_fast_way_to_the_same_plan():
    assert assert_one_answer(plan_text(300))


def test_a_plan_file_is_read_the_same_either_way(tmp_path: Path):
    path = tmp_path / "tasks.toml"
    path.write_text(plan_text(50), encoding="utf-8")
    assert same(plan.load(str(path)), careful(plan.read_text(str(path)), str(path)))
