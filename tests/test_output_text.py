"""Hostile text in every output: control characters, ESC sequences (OSC 8 links among them) and the
invisible characters that reorder or hide text are shown, never sent, in the terminal, md, csv, xlsx,
html, CI annotations (github); JSON keeps the exact text, escaped. Markdown writes `|`, line breaks,
`<`, `>`, `&` so that nothing renders but the text, and the table importer reads them back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.core import months
from tracker.core.evaluate import evaluate
from tracker.core.model import Plan, Task, TaskLog
from tracker.core.rows import monthly_json, monthly_table
from tracker.textfile import INVISIBLE, visible

P = months.make(2024, 8)
HIDDEN = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0), *INVISIBLE)]
# Everything no output may send raw: C0 but tab and line feed, DEL, C1, the invisible and bidi characters.
FORBIDDEN = re.compile("[" + "".join(re.escape(c) for c in HIDDEN) + "]")
SEQUENCES = ["\x1b[2J", "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07", "\x1b]0;title\x07", "\x9b31m",
             "\u202eexe.txt", "a\u200bb", "\u2066isolated\u2069", "<script>alert(1)</script>",
             "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")", "|", "&amp;", "\r\n", "\\", "`"]
HOSTILE = st.lists(st.one_of(st.sampled_from(HIDDEN), st.sampled_from(SEQUENCES),
                             st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
                             st.sampled_from(["进展", "截至目前", " ", "\n"])), max_size=12).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _table(title: str, note: str, with_status=True):
    task = Task("1", title, "市民政局", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    plan = Plan((task,), title=f"计划{title}", year=2024)
    logs = {"1": TaskLog(months={P}, percent={P: 50.0}, notes={P: note})}
    return monthly_table(plan, evaluate(plan, logs, P), P, "zh", with_status)


def _clean(text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"U+{ord(found[0]):04X} sent as it is"


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_markdown_sends_no_control_character_tag_or_entity_of_the_texts_own(title, note):
    from tracker.render.markdown import monthly_md

    out = monthly_md(_table(title, note))
    _clean(out)
    assert "<" not in out.replace("<br>", "")  # no tag but our line breaks
    assert not re.search(r"&(?!lt;|gt;|amp;)", out)  # no entity but ours
    for line in out.splitlines()[2:]:
        assert len(re.findall(r"(?<!\\)\|", line)) == 6  # five cells: the text's own | never splits one


@SETTINGS
@given(HOSTILE)
def test_markdown_round_trips_through_the_table_importer(note):
    from tracker.exchange.progress_table import parse_table
    from tracker.render.markdown import monthly_md

    table = _table("养老服务|<b>&amp;</b>", note, with_status=False)
    rows = parse_table(monthly_md(table), "t.md").rows
    assert rows[0].task_cell == visible("1.养老服务|<b>&amp;</b>")
    shown = visible(note.replace("\r\n", "\n")).strip()
    # Line breaks at a cell's edges and runs of white space around <br> are not kept by Markdown itself.
    assert rows[0].progress == (shown if shown else "本月未报送进展") or \
        re.sub(r"\s+", " ", rows[0].progress) == re.sub(r"\s+", " ", shown)


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_csv_cells_show_every_character_and_start_no_formula(title, note):
    from tracker.render.csv_ import monthly_csv

    text = monthly_csv(_table(title, note)).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            _clean(cell.replace("\r\n", "\n"))
            assert not cell.startswith(("=", "+", "-", "@"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE, HOSTILE)
def test_xlsx_cells_show_every_character(title, note):
    from openpyxl import load_workbook

    from tracker.render.xlsx import monthly_xlsx

    ws = load_workbook(io.BytesIO(monthly_xlsx(_table(title, note)))).active
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                _clean(cell.value)
                assert cell.data_type == "s"


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_html_shows_the_text_and_nothing_else(title, note):
    from tracker.render.html import monthly_html

    out = monthly_html(_table(title, note), lambda ids: {})
    _clean(out.replace("\n", ""))
    assert "<script" not in out and "<img" not in out  # the page has neither of its own


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_json_keeps_the_exact_text_escaped(title, note):
    from tracker.render.jsontext import json_text

    out = json_text(monthly_json(_table(title, note)))
    _clean(out)
    back = json.loads(out)
    assert back["rows"][0]["title"] == title and back["rows"][0]["progress"] == note


@SETTINGS
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=8), HOSTILE)
def test_json_reads_back_every_figure_and_text_exactly_streamed_or_whole(figures, text):
    # status streams a province's JSON in chunks (json_chunks); every other command writes it whole (json_text):
    # the same text either way, and every figure (0.00005 and 1e+300 alike) and text read back as it was
    from tracker.render.jsontext import json_chunks, json_encoder, json_text

    items = [{"text": text, "value": x} for x in figures]
    whole = json_text({"tasks": items})
    streamed = '{"tasks":[' + b"".join(json_chunks(items, json_encoder(), size=3)).decode()[1:] + "]}"
    assert streamed == whole
    _clean(whole)
    assert json.loads(whole) == {"tasks": items}


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_the_terminal_gets_no_control_character_from_user_text(title, note):
    from tracker.render.safe import SafeConsole
    from tracker.render.terminal import history_table, status_table

    table = _table(title, note)
    console = SafeConsole(file=io.StringIO(), width=100, force_terminal=True, color_system="truecolor",
                          markup=False, highlight=False, emoji=False)
    console.print(status_table([r.standing for r in table.rows], P, "zh"))
    from tracker.store import Entry

    console.print(history_table("1", title, [Entry("e1", "1", P, "2024-08-20T00:00:00Z", note, {}, 50.0, None, note)],
                                "zh"))
    out = console.file.getvalue()
    # rich's own colours are ESC [ … m; anything else with ESC, or any other control or hidden character, is not.
    _clean(re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\n", ""))


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_github_annotations_show_every_character(title, note):
    from tracker.core.review import check
    from tracker.render.review import check_github

    task = Task("1", title, f"单位{note}", dt.date(2023, 1, 1), dt.date(2024, 3, 31))
    plan = Plan((task,), year=2024)
    standings = evaluate(plan, {}, P)
    lines = check_github(check(standings, {}, P, ("overdue", "stalled"), dt.date(2024, 8, 20)), "zh")
    assert lines
    for line in lines:
        _clean(line)
        assert line.startswith(("::error title=", "::warning title=")) and "\n" not in line and "\r" not in line


def test_the_rule_is_one_function_for_every_format_docx_included():
    assert visible("a\x1b]8;;http://x\x07b\u202ec\u200bd\x85\x7f") == "a␛]8;;http://x␇b<U+202E>c<U+200B>d\ufffd␡"
    assert visible("行一\n\t行二") == "行一\n\t行二"
    assert visible(visible("\u202e\x1b")) == visible("\u202e\x1b")
