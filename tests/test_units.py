"""`tracker units`: one row per lead unit, ranked by mean completion over started tasks (the office's 排名).

The office plan of test_check.py as of 2024-08, worked out by hand:
- 民政局: task 2 overdue at 40 % (and missing), task 5 done at 100 % → mean (0.4 + 1.0) / 2 = 0.7.
- 教育局: task 1 stalled at 12/27 = 0.4444, task 3 on track at 60 % (missing) → (0.4444 + 0.6) / 2 = 0.5222.
- 住建局: task 4 starts in October: pending, left out of the mean → null, ranked last.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.test_check import OFFICE_PLAN


@pytest.fixture
def office(project):
    project.write_plan(OFFICE_PLAN)
    for month, value in (("2024-05", 5), ("2024-06", 12), ("2024-07", 12), ("2024-08", 12)):
        project.ok("log", "1", "--month", month, "--set", f"kg={value}")
    project.ok("log", "2", "--month", "2024-05", "--percent", "40")
    project.ok("log", "3", "--month", "2024-07", "--set", "estates=60")
    project.ok("log", "5", "--month", "2024-08", "--set", "posts=10")
    return project


def _row(unit, tasks, completion, **counts):
    row = {"unit": unit, "tasks": tasks, "done": 0, "pending": 0, "on_track": 0, "behind": 0, "blocked": 0,
           "stalled": 0, "overdue": 0, "missing": 0, "measured": 0, "completion": completion, "rank": None,
           "reminded": 0}
    row.update(counts)
    return row


def test_json_shape_and_ranking(office):
    r = office.ok("units", "--month", "2024-08", "--format", "json")
    assert r.json() == {
        "as_of": "2024-08",
        "units": [
            _row("民政局", 2, 0.7, done=1, overdue=1, missing=1, measured=2, rank=1),
            _row("教育局", 2, 0.5222, stalled=1, on_track=1, missing=1, measured=2, rank=2),
            _row("住建局", 1, None, pending=1),
        ],
    }


def test_month_defaults_to_today(office):
    assert office.ok("units", "--format", "json").json()["as_of"] == "2024-08"


def test_earlier_month_changes_the_ranking(office):
    # As of 2024-06: 教育局 12/27 = 0.4444 and 0 → 0.2222; 民政局 40 % and 0 → 0.2; 住建局 still pending.
    units = office.ok("units", "--month", "2024-06", "--format", "json").json()["units"]
    assert [(u["unit"], u["completion"]) for u in units] == [("教育局", 0.2222), ("民政局", 0.2), ("住建局", None)]


def test_ties_by_unit_name_after_rounding(project):
    # B局's mean (0.1 + 0.2) / 2 is 0.15000000000000002 in floating point; A局's is 0.15: a tie, so A局 first.
    project.write_plan("""
        [plan]
        year = 2024

        [[task]]
        id = "1"
        title = "乙"
        unit = "B局"

        [[task]]
        id = "2"
        title = "丙"
        unit = "B局"

        [[task]]
        id = "3"
        title = "甲"
        unit = "A局"

        [[task]]
        id = "4"
        title = "丁"
        unit = "C局"
        start = 2024-11-01

        [[task]]
        id = "5"
        title = "戊"
        unit = "0局"
        start = 2024-12-01
    """)
    project.ok("log", "1", "--month", "2024-08", "--percent", "10")
    project.ok("log", "2", "--month", "2024-08", "--percent", "20")
    project.ok("log", "3", "--month", "2024-08", "--percent", "15")
    units = project.ok("units", "--format", "json").json()["units"]
    assert [(u["unit"], u["completion"]) for u in units] == [("A局", 0.15), ("B局", 0.15), ("0局", None), ("C局", None)]


def test_table_in_rank_order(office):
    out = office.ok("units").out
    assert "Units · as of 2024-08" in out
    for heading in ("Rank", "Unit", "Tasks", "Done", "Pending", "On track", "Behind", "Stalled", "Overdue", "Missing", "Completion"):
        assert heading in out
    lines = out.splitlines()
    rows = {u: next(i for i, line in enumerate(lines) if u in line) for u in ("民政局", "教育局", "住建局")}
    assert rows["民政局"] < rows["教育局"] < rows["住建局"]
    assert lines[rows["民政局"]].split()[:3] == ["1", "民政局", "2"] and "70%" in lines[rows["民政局"]]
    assert lines[rows["教育局"]].split()[:3] == ["2", "教育局", "2"] and "52%" in lines[rows["教育局"]]
    assert lines[rows["住建局"]].split()[:3] == ["—", "住建局", "1"]


def test_table_fits_80_columns(office):
    office.monkeypatch.setenv("COLUMNS", "80")
    out = office.ok("units").out
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 80
    assert "Com-" in out and "pletion" in out and "70%" in out  # headings hyphenated below 110 columns


def test_lang_zh(office):
    out = office.ok("units", "--lang", "zh").out
    assert "单位排名 · 截至 2024-08" in out
    for heading in ("名次", "牵头单位", "任务数", "已完成", "未开始", "正常", "滞后", "停滞", "逾期", "未报送", "完成率"):
        assert heading in out


def test_bad_input_exit_2(office):
    assert "malformed month" in office.bad("units", "--month", "August").err
    office.write_plan(OFFICE_PLAN.replace('target = 27', 'target = -1'))
    assert "tasks.toml:" in office.bad("units").err


def test_at_80_columns_headings_are_whole_when_the_table_has_room(project, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=60", "--set", "stations=180")
    out = project.ok("units", "--month", "2024-08").out
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 80
    assert "Completion" in out and "Com-" not in out and "Units · as of 2024-08" in out.splitlines()[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 60])
def test_a_long_name_stays_whole_and_the_counts_go_in_words_under_it_rather_than_the_table_lose_its_completion(
        lang, width):
    """A 12-character unit's name, a blocked task and a reminder column: at 80 the name broke inside it
    (市城市管理综合 / 行政执法局), at 60 the last heading was cut too; each count is said in words under the name."""
    import io

    from rich.console import Console

    from tracker.core.review import UNIT_COUNTS, UnitRow
    from tracker.render.review import units_table

    counts = dict.fromkeys(UNIT_COUNTS, 1)
    rows = [UnitRow("市城市管理综合行政执法局", 9, counts, 1, 8, 0.614, 1), UnitRow("市民政局", 4, counts, 0, 4, 0.5, 2)]
    out = io.StringIO()
    Console(width=width, file=out).print(units_table(rows, 7, lang, "2024年重点目标任务", width, {"市民政局": 2}))
    lines = out.getvalue().splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= width, out.getvalue()
    assert "61%" in out.getvalue() and "50%" in out.getvalue()
    assert lines[2].split() == (["#", "牵头单位", "任务数", "完成率"] if lang == "zh" else ["#", "Unit", "Tasks", "Completion"])
    assert any(line.split()[:2] == ["1", "市城市管理综合行政执法局"] for line in lines)  # whole
    said = " ".join(out.getvalue().split())
    assert ("受阻 1 · 停滞 1" if lang == "zh" else "Blocked 1 · Stalled 1") in said
    assert ("已催报 2" if lang == "zh" else "Reminded 2") in said
    if width < 80:
        return
    # with room (fewer statuses), a column each, and the count of measured tasks is shown
    few = dict.fromkeys(UNIT_COUNTS, 0) | {"done": 3, "blocked": 1}
    whole = io.StringIO()
    Console(width=width, file=whole).print(units_table([r._replace(counts=few) for r in rows], 7, lang, None, width,
                                                    {"市民政局": 2}))
    assert "市城市管理综合行政执法局" in whole.getvalue() and ("已量化" if lang == "zh" else "Meas") in whole.getvalue()
