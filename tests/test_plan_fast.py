"""header_lines() finds the lines of the tables that key_lines() finds, reading only the lines that begin with `[`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import plan

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


def test_header_lines_are_key_lines_of_a_province():
    text = plan_text(300)
    assert plan.header_lines(text) == table_lines(text)


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
