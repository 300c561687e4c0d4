"""Rich renderables for the terminal. Only formats what it is given; the CLI prints."""

from __future__ import annotations

from rich.cells import cell_len

from tracker.core import months
from tracker.core.evaluate import Standing
from tracker.labels import label
from tracker.core.model import Plan, number, percent_text

# rich's Text, with control characters shown as symbols
from tracker.render.safe import Text
from tracker.render.table import Table

Cell = str | list  # a plain string, or (text, style[, keep]) pieces; a "\n" in the text starts a new line;
# keep: never break inside the piece (a unit's name)

STYLES = {
    "done": "bold green", "on_track": "green", "pending": "dim", "behind": "yellow",
    "stalled": "magenta", "overdue": "bold red", "missing": "cyan", "blocked": "bold magenta",
    "regressed": "red", "repeated_note": "yellow",
}


def fig(x, grouped: bool | None = None) -> str:
    """A figure without a needless .0, and with thousands separators from 10,000 on, whole or not (so that
    2293.3/4599个 reads alike on both sides of the slash); `grouped` decides it for a figure beside another."""
    x = number(x)
    sep = "," if (abs(x) >= 10000 if grouped is None else grouped) else ""
    if isinstance(x, float):
        return f"{x:{sep}.4f}".rstrip("0").rstrip(".")  # as recorded (0.986万户), not rounded to 0.99
    return f"{x:{sep}}"


def figs(*xs) -> list[str]:
    """Figures read side by side (`value/target`, `was → now`), all grouped or none: 8,153/36,268个, not
    8153/36,268个."""
    grouped = max(abs(number(x)) for x in xs) >= 10000
    return [fig(x, grouped) for x in xs]


def fig_of(value, target) -> str:
    return "/".join(figs(value, target))


pct = percent_text


def bar_pieces(fraction: float, width: int = 10) -> list[tuple[str, str]]:
    """A progress bar that still reads without colour: filled and empty cells differ in shape."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    colour = "green" if fraction >= 1 else "blue"
    return [("█" * filled, colour), ("░" * (width - filled), f"{colour} dim")]


def flag_pieces(codes, lang: str) -> list[tuple[str, str | None]]:
    """Flags (or statuses) in words, each in its colour."""
    pieces = []
    for i, code in enumerate(codes):
        if i:
            pieces.append((" ", None))
        pieces.append((label(lang, code), STYLES.get(code)))
    return pieces


def bar(fraction: float, width: int = 10) -> Text:
    (filled, colour), (empty, _) = bar_pieces(fraction, width)
    text = Text(filled, style=colour)
    text.append(empty, style="dim")
    return text


def status_text(code: str, lang: str) -> Text:
    return Text(label(lang, code), style=STYLES.get(code, ""))


def flags_text(codes, lang: str) -> Text:
    text = Text()
    for piece, style in flag_pieces(codes, lang):
        text.append(piece, style=style)
    return text


def _table(title: str | None, lang: str) -> Table:
    return Table(title)


def _unit(name: str) -> list:
    """A unit's name as a cell piece that never breaks (a line may break before it, not inside it)."""
    return [(name, None, True)]


def _grid(columns: list[tuple], title: str | None) -> Table:
    """A table of (header, options) columns whose rows are added as cells (`Cell`)."""
    table = Table(title)
    for header, options in columns:
        wrap = options.pop("wrap", True)
        table.add_column(header, no_wrap=not wrap, overflow="fold" if wrap else "ellipsis", **options)
    return table


def _add(table: Table, *cells: Cell) -> None:
    table.add_row(*cells)


def status_table(standings: list[Standing], p: int, lang: str, title: str | None = None, width: int = 80) -> Table:
    """The status table; below 140 columns the unit, metrics and forecast fold into other cells; on a terminal
    too narrow for that (a split pane, a phone) the progress, expected and last report fold into the status's,
    so that ID, title and status stay whole where six columns would be cut at its edge."""
    table = _status_table(standings, p, lang, title, width >= 140, False)
    if width < 80 and not table.fits(width):  # at 80 and more the six columns always fit
        table = _status_table(standings, p, lang, title, False, True)
    return table


def _status_table(standings: list[Standing], p: int, lang: str, title: str | None, wide: bool, narrow: bool) -> Table:
    heading = f"{title + ' · ' if title else ''}{label(lang, 'as of')} {months.fmt(p)}"
    # Below 140 columns the unit's name stands under the title: the column is wide enough for it whole.
    # (18: what the other columns leave at 80; a longer name folds, as it must somewhere)
    title_width = 12 if wide or narrow else min(max([12] + [cell_len(s.task.unit) for s in standings]), 18)
    columns = [(label(lang, "ID"), dict(wrap=False, style="bold")), (label(lang, "Title"), dict(min_width=title_width))]
    if wide:
        columns.append((label(lang, "Unit"), dict(min_width=4)))
    if narrow:
        columns.append((label(lang, "Status"), dict(min_width=16)))  # `→ 2025-03 超期`, `最近报送 2024-08` whole
        table = _grid(columns, heading)
    columns += [(label(lang, "Progress"), dict(wrap=False)), (label(lang, "Expected"), dict(justify="right", wrap=False)),
                (label(lang, "Status"), dict(min_width=6))]
    if wide:
        # a flag is one word: the column holds the widest whole, and a line breaks between flags, never in one
        shown = {f for s in standings for f in [*s.flags, *s.warnings] if f != s.status}
        columns.append((label(lang, "Flags"), dict(min_width=max([6] + [cell_len(label(lang, f)) for f in shown]))))
    # below 140 columns the heading takes two lines ("Last / report"): rich crops a table it cannot fit rather
    # than wrap a heading whose column it has not narrowed
    last = label(lang, "Last report")
    columns.append((last if wide else last.replace(" ", "\n", 1), dict(min_width=7)))
    if wide:
        columns += [(label(lang, "Metrics"), dict(min_width=8)), (label(lang, "Forecast"), dict(wrap=False))]
    if not narrow:
        table = _grid(columns, heading)
    for s in standings:
        if s.measured:
            progress = bar_pieces(s.completion, 8)
            colour = progress[0][1]
            progress.append((f" {pct(s.completion)}", colour))
        else:
            colour, progress = "dim", [(label(lang, "unmeasured"), "dim")]
        metrics = "\n".join(f"{fig_of(m.value, m.metric.target)}{m.metric.unit}" for m in s.metrics)
        forecast = months.fmt(s.forecast) or "—"
        # late: a forecast past the due date; with none (no progress to project), nothing is foretold
        forecast = [(f"{forecast} {label(lang, 'late')}", "red")] if s.forecast_late and s.forecast else [(forecast, None)]
        others = [f for f in s.flags if f != s.status] + list(s.warnings)
        last = months.fmt(s.last_month) or "—"
        if wide:
            _add(table, s.task.id, s.task.title, _unit(s.task.unit), progress, pct(s.expected),
                          [(label(lang, s.status), STYLES.get(s.status))],
                          [(text, style, text != " ") for text, style in flag_pieces(others, lang)],
                          last, metrics, forecast)
            continue
        task = [(s.task.title, None), ("\n", None), (s.task.unit, "dim", True),
                ("\n" + metrics.replace("\n", " · ") if metrics else "", "dim")]
        if s.measured and not s.done and s.status != "pending" and s.forecast:
            # under the bar, in its colour; a late forecast in red; with none, nothing (`→ —` said nothing to act on)
            progress += [("\n→ ", colour)] + [(text, style or colour) for text, style in forecast]
        base = STYLES.get(s.status, "")
        state = [(label(lang, s.status), base)]
        if others:
            # one flag a line: the column stays narrow enough for the title's to hold a unit's name whole
            state += [(("\n" if text == " " else text), f"{base} {style or ''}".strip())
                      for text, style in [("\n", None)] + flag_pieces(others, lang)]
        if narrow:
            # each piece whole: `超期` not broken at the column's edge (a line may break before a piece)
            progress = [(text, style, True) if text.strip() else (text, style) for text, style in progress]
            _add(table, s.task.id, task, state + [("\n", None)] + progress + [
                (f"\n{label(lang, 'Expected')} {pct(s.expected)}\n{label(lang, 'Last report')} {last}", "dim")])
            continue
        _add(table, s.task.id, task, progress, pct(s.expected), state, last)
    return table


def overdue_table(rows: list[tuple[Standing, int]], p: int, lang: str, title: str | None = None,
                  width: int = 80) -> Table:
    """The overdue tasks, most days late first; under the plan's title, as status's table is. Where the six
    columns would not hold a unit's name whole beside a readable title (80 columns and a long name, a phone's
    60), the unit and the due date fold under the title, as status's do."""
    table = _overdue_table(rows, p, lang, title, False)
    return table if table.fits(width) else _overdue_table(rows, p, lang, title, True)


def _overdue_table(rows: list[tuple[Standing, int]], p: int, lang: str, title: str | None, folded: bool) -> Table:
    units = min(max([4] + [cell_len(s.task.unit) for s, _ in rows]), 18)
    days = label(lang, "Days overdue")
    columns = [(label(lang, "ID"), dict(wrap=False, style="bold")), (label(lang, "Title"), dict(min_width=12))]
    if not folded:
        columns += [(label(lang, "Unit"), dict(min_width=units)), (label(lang, "Due"), dict(wrap=False))]
    columns += [(days.replace(" ", "\n", 1) if folded else days, dict(justify="right", wrap=False)),
                (label(lang, "Progress"), dict(wrap=False))]
    table = _grid(columns, f"{title + ' · ' if title else ''}{label(lang, 'overdue')} · {label(lang, 'as of')} {months.fmt(p)}")
    for s, days in rows:
        progress = bar_pieces(s.completion, 8)
        progress.append((f" {pct(s.completion)}", progress[0][1]))
        due = s.task.due.isoformat()
        if folded:
            task = [(s.task.title, None), ("\n", None), (s.task.unit, "dim", True),
                    (f"\n{label(lang, 'Due')} {due}", "dim", True)]
            _add(table, s.task.id, task, [(str(days), "red")], progress)
        else:
            _add(table, s.task.id, s.task.title, _unit(s.task.unit), due, [(str(days), "red")], progress)
    return table


def tasks_table(plan: Plan, lang: str, width: int = 80) -> Table:
    """The declared tasks; below 120 columns start and due share a column, so that a unit's name fits whole; where
    even so the title or the metrics would be squeezed (a laptop's 80 columns and long names, a phone's 60, where
    the metrics were cut at the screen's edge), the unit, the dates and the metrics fold under the title."""
    rows = [(t, _metric_lines(t, lang)) for t in plan.tasks]
    table = _tasks_table(plan, rows, lang, width >= 120, False)
    return table if table.fits(width) else _tasks_table(plan, rows, lang, False, True)


def _metric_lines(t, lang: str) -> list[str]:
    lines = []
    opened, closed = ("（", "）") if lang == "zh" else (" (", ")")  # Chinese text takes full-width brackets
    for m in t.metrics:
        line = f"{m.key}: {m.name} {fig(m.target)}{m.unit}"
        if m.baseline:
            line += f"{opened}{label(lang, 'from')} {fig(m.baseline)}{m.unit}{closed}"
        if m.mode == "increment":
            line += f" [{label(lang, 'increment')}]"
        lines.append(line)
    # a milestone's target in its metric's measure word, as the metric's own (60个, not 60)
    return lines + [f"  {s.due.isoformat()} → {fig(s.target)}{t.metric(s.metric).unit}{opened}{s.metric}{closed}"
                    for s in t.milestones]


def _tasks_table(plan: Plan, rows: list[tuple], lang: str, wide: bool, folded: bool) -> Table:
    units = [t.unit for t in plan.tasks] + [u for t in plan.tasks for u in t.co_units]
    columns = [(label(lang, "ID"), dict(wrap=False, style="bold")), (label(lang, "Title"), dict(min_width=20))]
    if not folded:
        columns.append((label(lang, "Unit"), dict(min_width=min(max([4] + [cell_len(u) for u in units]), 18))))
        columns += [(label(lang, "Start"), dict(wrap=False)), (label(lang, "Due"), dict(wrap=False))] if wide else \
            [(f"{label(lang, 'Start')}\n{label(lang, 'Due')}", dict(wrap=False))]
        columns.append((label(lang, "Metrics"), dict(min_width=16)))
    table = _grid(columns, plan.title)
    for t, lines in rows:
        unit = _unit(t.unit)
        for i, co in enumerate(t.co_units):
            unit += [("\n+ " if i == 0 and not folded else " + " if i == 0 else "、", None), (co, None, True)]
        if folded:
            when = f"{t.start.isoformat()} – {t.due.isoformat()}"
            _add(table, t.id, [(t.title, None), ("\n", None)] + [(text, "dim", *keep) for text, _, *keep in unit] +
                 [("\n", None), (when, "dim", True)] + [("\n" + line, None) for line in lines])
            continue
        when = [t.start.isoformat(), t.due.isoformat()] if wide else [f"{t.start.isoformat()}\n{t.due.isoformat()}"]
        _add(table, t.id, t.title, unit, *when, "\n".join(lines) or "—")
    return table


def local_time(stamp: str, seconds: bool = True) -> str:
    """A recorded_at (UTC, as the log keeps it) in the system's local time zone (TZ honoured), to the second
    (or the minute)."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        if when.tzinfo is None:
            raise ValueError("no time zone")
        return when.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):  # not the log's form (a hand-edited log): shown as it is
        return stamp


def history_table(task_id: str, title: str, entries, lang: str, width: int = 80) -> Table:
    """Every entry, oldest first, each marked: in force, corrected by a later one, voided (why, who, when), a void.
    Where six columns would leave the note (what the director reads) narrower than 36 columns, or cut the time it
    was recorded (80 columns, a phone's 60), the values, who, when and the entry fold into the note's cell."""
    from tracker.core.rows import marked_history

    rows = [_history_row(m, lang) for m in marked_history(entries)]
    table = _history_table(f"{task_id}. {title}", rows, lang, False)
    return table if table.fits(width) else _history_table(f"{task_id}. {title}", rows, lang, True)


def _history_row(m, lang: str) -> tuple:
    """(month, values, said, by, recorded, mark pieces, style) of one marked entry."""
    e = m.entry
    values = [f"{k}={fig(v)}" for k, v in e.values.items()]
    if e.percent is not None:
        values.append(f"{fig(e.percent)}%")
    if e.status:
        values.append(label(lang, e.status))
    if m.role == "voided":
        v = m.voided_by
        mark = [(label(lang, "voided by {id}: {reason} ({by}, {at})").format(
            id=v.id[:8], reason=v.note or "", by=v.by or "—", at=local_time(v.recorded_at)), "red")]
        style = "dim strike"
    elif m.role == "corrected" and m.still:  # a correction of some of it: the rest counts, and is not dimmed
        parts = "、".join(label(lang, _PARTS.get(p, p)) for p in m.still) if lang == "zh" else ", ".join(
            _PARTS.get(p, p).lower() for p in m.still)
        mark, style = [(label(lang, "corrected by {id}; in force: {parts}").format(
            id=m.corrected_by[:8], parts=parts), "yellow")], None
    elif m.role == "corrected":
        mark, style = [(label(lang, "corrected by {id}").format(id=m.corrected_by[:8]), "dim")], "dim"
    elif m.role in ("void", "not_counted"):
        mark, style = [(label(lang, "voids {id}").format(id=e.voids[:8]), "red")], None
    else:
        mark, style = [(label(lang, "in force"), "green")], None
    # a mark's words whole (已被 e747cfcb 作废, never 作 / 废); a line breaks between them
    mark = [(e.id[:8], "dim", True), (" ", None)] + [(piece, mark_style, True) if piece.strip() else (piece, mark_style)
                                        for text, mark_style in mark for piece in _words(text)]
    # 存在问题 and 下步计划 under the note, each after its heading (the monthly table's columns)
    said = [e.note or ""] + [f"{label(lang, head)}{'：' if lang == 'zh' else ': '}{text}" for head, text in
                             (("Problems", e.problems), ("Next steps", e.next_steps)) if text]
    return months.fmt(e.month), values, "\n".join(s for s in said if s), e.by or "—", local_time(e.recorded_at), \
        mark, style


_PARTS = {"note": "note", "percent": "percent", "status": "Status", "problems": "Problems", "next_steps": "Next steps"}


def _words(text: str) -> list[str]:
    """A text as its words and the spaces between them, each a piece of its own."""
    import re

    return [piece for piece in re.split(r"( +)", text) if piece]


def _history_table(heading: str, rows: list[tuple], lang: str, folded: bool) -> Table:
    note = min(max([8] + [cell_len(line) for row in rows for line in row[2].split("\n")]), 36)
    if folded:
        table = _grid([(label(lang, "Month"), dict(wrap=False, style="bold")), (label(lang, "Note"), {})], heading)
        for month, values, said, by, at, mark, style in rows:
            cell = [(" · ".join(values) or "—", style)] + ([("\n" + said, style)] if said else []) + [
                ("\n", None), (by, "dim", True), (" · ", "dim"), (at, "dim", True), (" · ", "dim")] + mark
            _add(table, month, cell)
        return table
    recorded = label(lang, "Recorded (local time)").replace(" (", "\n(")
    table = _grid([(label(lang, "Month"), dict(wrap=False, style="bold")), (recorded, dict(wrap=False)),
                   (label(lang, "By"), dict(min_width=min(max([2] + [cell_len(r[3]) for r in rows]), 12))),
                   (label(lang, "Values"), dict(min_width=min(max([1] + [cell_len(v) for r in rows for v in r[1]]), 16))),
                   (label(lang, "Note"), dict(min_width=note)), (label(lang, "Entry"), dict(min_width=8))], heading)
    for month, values, said, by, at, mark, style in rows:
        _add(table, month, at.replace(" ", "\n", 1), [(by, None)], [("\n".join(values) or "—", style)],
             [(said, style)], mark)
    return table
