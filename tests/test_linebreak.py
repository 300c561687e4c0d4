"""Tables at 80 columns never break inside a figure, a figure and its measure word, or a unit's name, and
never start a line with closing punctuation (the rules of Chinese typesetting; render/linebreak.py)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tracker.render.linebreak import divide, pieces

PLAN = """
[plan]
title = "2024年市政府重点目标任务"
year = 2024

[[task]]
id = "12"
title = "全市累计培训养老护理人员达到12.2万人次，其中新增持证上岗护理员3100人，城乡社区养老服务设施覆盖率达到99.5%，各县（市、区）完成示范创建任务。"
unit = "市住房和城乡建设局"
co_units = ["市财政局", "市人力资源和社会保障局"]

[[task.metric]]
key = "trained"
name = "培训养老护理人员"
unit = "人次"
target = 310

[[task.metric]]
key = "certified"
name = "新增持证上岗护理员"
unit = "人"
target = 3100

[[task]]
id = "13"
title = "新建改造城市燃气老旧管网1000公里，完成老旧小区改造100个、惠及居民2.8万户；加快推进保障性租赁住房建设，筹集房源5000套（间）。"
unit = "市发展和改革委员会"

[[task.metric]]
key = "pipes"
name = "燃气老旧管网"
unit = "公里"
target = 1000

[[task.metric]]
key = "estates"
name = "老旧小区"
unit = "个"
target = 100
"""

FIGURES = ("28/310人次", "1234/3100人", "333/1000公里", "17/100个")
UNITS = ("市住房和城乡建设局", "市发展和改革委员会")  # 9 characters: as wide as a name can be and stay whole at 80
CLOSING = "，。、；：？！）》」』】%"


@pytest.fixture
def crowded(project):
    project.write_plan(PLAN)
    project.ok("log", "12", "--month", "2024-06", "--set", "trained=28", "--set", "certified=1234")
    project.ok("log", "13", "--month", "2024-03", "--set", "pipes=333", "--set", "estates=17")
    project.monkeypatch.setenv("COLUMNS", "80")
    return project


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", [("status",), ("tasks",), ("check", "--fail-on", "overdue,stalled,behind,missing"),
                                     ("units",)])
def test_at_80_columns_no_figure_or_unit_is_broken_and_no_line_starts_with_closing_punctuation(crowded, command, lang):
    r = crowded.run(*command, "--month", "2024-08", "--lang", lang) if command[0] != "tasks" else \
        crowded.run(*command, "--lang", lang)
    out = r.out
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 80, out
    wanted = {"status": FIGURES + UNITS[:1], "tasks": ("12.2万人次", "99.5%", "1000公里", "5000套", "2.8万户") + UNITS,
              "check": UNITS + ("28/310 人次", "1234/3100 人"), "units": UNITS}[command[0]]
    for text in wanted:
        assert text in out, (text, out)
    for line in out.splitlines():
        # a cell's line starts after the table's two spaces between columns (or at the line's start)
        assert not re.search(rf"(^|\s\s)[{CLOSING}]", line), line


def test_the_pieces_keep_figures_with_their_measure_words_and_marks_with_the_words_before_them():
    line = "全市培训12.2万人次，达到99.5%；（含外地）完成28/310人次，就业3.5万人。"
    got = [line[a:b] for a, b in pieces(line)]
    assert "12.2万人次，" in got and "99.5%；" in got and "（含" in got and "28/310人次，" in got and "3.5万人。" in got
    quoted = [line[a:b] for line in ["上月：«已建成3个。»"] for a, b in pieces(line)]  # fill's quotes of a note
    assert "«已" in quoted and "3个。»" in quoted  # never a line that starts with 。» or ends with «
    for width in range(12, 40):  # from the widest piece (12.2万人次，) up
        parts, start = [], 0
        for end in divide(line, width) + [len(line)]:
            parts.append(line[start:end])
            start = end
        assert all(cell_len(p.rstrip()) <= width for p in parts), (width, parts)
        assert not any(p[:1] in CLOSING for p in parts), (width, parts)
        assert "".join(parts) == line


def test_a_span_kept_whole_moves_to_the_next_line_instead_of_breaking():
    line = "牵头：市城市管理综合行政执法局"
    keep = [(3, len(line))]
    assert divide(line, 26, keep) == [3]
    assert divide(line, 26) == [13]  # without it, Chinese text breaks between any two characters


def test_counts_in_部_and_concentrations_stay_with_their_figures():
    line = "加装电梯200部，PM2.5平均浓度35微克/立方米。"
    got = [line[a:b] for a, b in pieces(line)]
    assert "200部，" in got and "35微克/立方米。" in got


def test_a_piece_wider_than_the_line_folds_only_where_the_column_folds():
    line = "记录于 2026-12-07T02:15:00Z 前"
    assert divide(line, 8) != divide(line, 8, fold=False)
    # without folding, the long piece stands on a line of its own, whole (the column cuts it with …)
    parts = [line[a:b] for a, b in zip([0, *divide(line, 8, fold=False)], [*divide(line, 8, fold=False), len(line)])]
    assert "2026-12-07T02:15:00Z " in parts


def test_a_piece_folded_because_wider_than_the_line_starts_no_line_with_a_closing_mark():
    line = "+ 市住房和城乡建设局、市城市管理综合行政执法局、市教育局"
    keep = [(2, 11), (12, 24), (25, 29)]  # the units' names, each kept whole where it fits
    for width in range(4, 30):
        breaks = divide(line, width, keep)
        parts = [line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)])]
        assert "".join(parts) == line and all(parts), (width, parts)
        assert not any(p[:1] in CLOSING for p in parts), (width, parts)
        assert all(cell_len(p.rstrip()) <= width for p in parts), (width, parts)
