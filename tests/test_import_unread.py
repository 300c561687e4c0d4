"""What `tracker import` says where it read no figure: why (the text's figures in the metric's measure word, or
none), and the tasks it added with no target read from a title that writes one (README: import)."""

from __future__ import annotations


def test_an_unread_figure_shows_the_text_s_figures_in_its_measure_word(project):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n"
        "1 | 195.新建… | 全市新建区域性居家养老服务中心15个;养老服务站改造完成120余个,另有三十个在建。 |\n",
        encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08", "--dry-run").out
    assert ("      stations 社区养老服务站: no figure (target 300个): the text's 120余个, 30个, "
            "not clearly this metric's\n") in out


def test_an_unread_figure_says_when_the_text_has_none_in_its_measure_word(project):
    (project.root / "t.md").write_text(
        "序号 | 目标任务 | 进展 |\n1 | 195.新建… | 社区养老服务站改造已完成投资1200万元。 |\n", encoding="utf-8")
    out = project.ok("import", "t.md", "--month", "2024-08", "--dry-run", "--lang", "zh").out
    assert "      stations 社区养老服务站: 未读出数字（目标300个）：文中没有以“个”计的数字\n" in out


def test_a_task_added_without_the_target_its_title_writes_is_named(empty_project):
    p = empty_project
    (p.root / "plan.md").write_text(
        "序号 | 目标任务 | 牵头单位 | 进展情况 |\n"
        "1 | 1.打造美丽庭院3500座 | 县农业农村局 | |\n"
        "2 | 2.硬化乡镇通三级道路17.9公里 | 县交通局 | |\n"
        "3 | 3.提高城乡低保救助标准 | 县民政局 | |\n", encoding="utf-8")
    out = p.ok("import", "plan.md", "--month", "2024-01", today="2024-02-01").out
    assert "  2 硬化乡镇通三级道路17.9公里 [added]: no progress text; no target read from its title\n" in out
    assert "  3 提高城乡低保救助标准 [added]: no progress text\n" in out  # no figure in its title: qualitative
    assert ("no target read from the title of 1 task added: 2; give it a [[task.metric]] in tasks.toml "
            "(key, name, unit, target) before its figures are recorded\n") in out
