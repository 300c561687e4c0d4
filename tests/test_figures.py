"""tracker.core.figures against a table of work-report phrases (tests/figure_phrases.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figure_phrases import EXAMPLE_TITLES, INCREMENT_PHRASES, TITLES, VALUE_PHRASES
from tracker.core.figures import Target, targets_from_title, value_for


@pytest.mark.parametrize(("text", "name", "unit", "truth", "reads"), VALUE_PHRASES)
def test_value(text, name, unit, truth, reads):
    got = value_for(text, name, unit)
    if reads:
        assert got == truth
    else:  # a known miss: nothing, never another figure
        assert got is None, f"now reads {got!r}: mark the row as read if that is {truth!r}"


@pytest.mark.parametrize(("text", "name", "unit", "expected"), INCREMENT_PHRASES)
def test_value_of_an_increment_metric(text, name, unit, expected):
    assert value_for(text, name, unit, mode="increment") == expected


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_targets_from_title(title, expected):
    assert targets_from_title(title) == [Target(*t) for t in expected]


def test_the_table_is_large_enough():
    assert len(VALUE_PHRASES) >= 80
    assert len(EXAMPLE_TITLES) == 7


def test_precision_is_one_and_recall_is_reported():
    given = right = present = 0
    for text, name, unit, truth, _ in VALUE_PHRASES:
        got = value_for(text, name, unit)
        present += truth is not None
        if got is not None:
            given += 1
            right += got == truth
    assert given > 0
    precision = right / given
    recall = right / present
    print(f"\nfigures: {len(VALUE_PHRASES)} phrases, {given} figures read, "
          f"precision {precision:.3f}, recall {recall:.3f} ({right}/{present})")
    assert precision == 1.0


def test_the_targets_of_a_title_are_values_of_the_same_phrase():
    # A title read as a narrative gives back its own targets.
    title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
    for t in targets_from_title(title):
        assert value_for(title, t.name, t.unit) == t.target


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        value_for("新建区域性居家养老服务中心15个。", "区域性居家养老服务中心", "个", mode="monthly")


def test_a_blank_name_or_unit_gives_nothing():
    assert value_for("新建区域性居家养老服务中心15个。", "", "个") is None
    assert value_for("新建区域性居家养老服务中心15个。", "区域性居家养老服务中心", "") is None
    assert value_for("", "区域性居家养老服务中心", "个") is None


# Digits, separators, measure words and report words: the text the reader is built to doubt.
_REPORT_TEXT = st.text(alphabet=list("0123456789,，、。.%个人次万元近约余以上累计截至目前其中新建区域中心皇姑区计划和 "), max_size=60)


@settings(deadline=None, max_examples=300)
@given(_REPORT_TEXT)
def test_any_text_gives_a_figure_or_nothing(text):
    got = value_for(text, "区域中心", "个")
    assert got is None or (isinstance(got, float) and got >= 0)
    assert all(t.target > 0 for t in targets_from_title(text))
