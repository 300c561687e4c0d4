"""Rendering the office's month: `check` as text and as GitHub workflow commands, the `units` table, `fill`'s task card.

Only formats what tracker.office built; the CLI prints.
"""

from __future__ import annotations

from rich.cells import cell_len

from tracker.render.safe import Text  # user text shown, never obeyed (textfile.visible)
from tracker.textfile import visible

from tracker.core import months
from tracker.labels import label
from tracker.core.review import UNIT_COUNTS, CheckResult, Figure, Reason, UnitRow, by_unit
from tracker.render.table import Table
from tracker.render.terminal import STYLES, _table, bar, fig_of, figs, pct


def _sentence(lang: str, template: str, **values) -> str:
    return label(lang, template).format(**values)


def _colon(lang: str) -> str:
    return "\uff1a" if lang == "zh" else ": "


def _join(lang: str, codes, sep: str = ", ") -> str:
    return ("、" if lang == "zh" else sep).join(label(lang, c) for c in codes)


def _comma(lang: str) -> str:
    return "\uff0c" if lang == "zh" else ", "


def figures_text(figs: tuple[Figure, ...], lang: str) -> str:
    """`12/27 个`, or `中心 15/100 个, 站点 117/300 个` for a task with several metrics (zh: `，` between them)."""
    parts = []
    for f in figs:
        one = fig_of(f.value, f.target) + (f" {f.unit}" if f.unit else "")
        parts.append(f"{f.name} {one}" if f.name else one)
    return _comma(lang).join(parts)


def reason_text(r: Reason, lang: str) -> str:
    """What lies behind one flag or warning, after its name: `no increase since 2024-06: 12/27 个`."""
    if r.code == "overdue":
        if not r.days:  # judged as of the month's end, which is after the due date; today is not (yet)
            return _sentence(lang, "due {due}, before the month ends; {done} done", due=r.due.isoformat(), done=pct(r.completion))
        template = "1 day past due {due}, {done} done" if r.days == 1 else "{days} days past due {due}, {done} done"
        return _sentence(lang, template, days=r.days, due=r.due.isoformat(), done=pct(r.completion))
    if r.code == "behind":
        return _sentence(lang, "{done} done, {expected} expected", done=pct(r.completion), expected=pct(r.expected))
    if r.code == "stalled":
        if r.since is None:
            if r.last_month is None:
                return label(lang, "never reported")
            return _sentence(lang, "no report since {month}", month=months.fmt(r.last_month))
        text = _sentence(lang, "no increase since {month}: {figures}", month=months.fmt(r.since),
                         figures=figures_text(r.figures, lang) or pct(r.completion))
        if r.text_only is not None:
            text += _sentence(lang, ", though the {month} report came, with no figure",
                              month=months.fmt(r.text_only))
        return text
    if r.code == "blocked":
        if r.last_month is None:
            return label(lang, "never reported")
        return _sentence(lang, "reported blocked; last report {month}", month=months.fmt(r.last_month))
    if r.code == "missing":
        if r.last_month is None:
            return label(lang, "never reported")
        return _sentence(lang, "last report {month}", month=months.fmt(r.last_month))
    if r.code == "regressed":
        return _comma(lang).join(f"{a.name} {' → '.join(figs(b.value, a.value))}" + (f" {a.unit}" if a.unit else "")
                         for a, b in zip(r.figures, r.before))
    if r.code == "repeated_note":
        return _sentence(lang, "same note as {month}", month=months.fmt(r.earlier))
    return ""


def _reason_line(r: Reason, lang: str, failing: bool) -> Text:
    line = Text(label(lang, r.code), style=STYLES.get(r.code, "") if failing else "dim")
    line.append(_colon(lang) + reason_text(r, lang), style="" if failing else "dim")
    return line


def summary(result: CheckResult, lang: str) -> str:
    month = months.fmt(result.month)
    if result.ok:
        return _sentence(lang, "ok: none of {total} tasks is {flags} as of {month}",
                         total=result.total, flags=_join(lang, result.fail_on, " or "), month=month)
    n = len(result.findings)
    return _sentence(lang, "{n} of {total} tasks fail the check ({flags}) as of {month}" if n != 1 else
                     "{n} of {total} tasks fails the check ({flags}) as of {month}" if result.total != 1 else
                     "{n} of {total} task fails the check ({flags}) as of {month}",
                     n=n, total=result.total, flags=_join(lang, result.fail_on), month=month)


def _measure(width: int, indent: int):
    """The console _hanging() measures with (one for all the lines: a province has 20,000 tasks to list)."""
    from rich.console import Console

    return Console(width=max(width, indent + 20), markup=False, emoji=False, highlight=False)


def _hanging(head: str, body: list[Text], indent: int, width: int, measure) -> list[Text]:
    """`head` then each body part wrapped to `width`, continuation lines indented (no trailing blanks)."""
    out = []
    for i, part in enumerate(body):
        for j, line in enumerate(part.wrap(measure, max(width - indent, 20))):
            line.rstrip()
            prefix = head.ljust(indent) if i == 0 and j == 0 else " " * indent
            out.append(Text(prefix, style="bold" if i == 0 and j == 0 else "") + line)
    return out


def check_lines(result: CheckResult, lang: str, width: int = 80) -> list[Text]:
    """Failing tasks grouped by lead unit, every flag with its figures (failing ones first), the notes, then one summary line.

    Lines are wrapped here, under their task, so that nothing trails and a CI log reads as well as a terminal.
    """
    lines: list[Text] = []
    ids = [f.standing.task.id for f in result.findings] + [s.task.id for s, _ in result.notes]
    indent = max((len(i) for i in ids), default=0) + 2
    measure = _measure(width, indent)
    for unit, findings in by_unit(result.findings):
        lines.append(Text(f"{unit} · {len(findings)}", style="bold underline"))
        for f in findings:
            ordered = sorted(f.reasons, key=lambda r: r.code not in f.failing)
            body = [Text(f.standing.task.title)] + [_reason_line(r, lang, r.code in f.failing) for r in ordered]
            lines += _hanging(f.standing.task.id, body, indent, width, measure)
        lines.append(Text(""))
    if result.notes:
        lines.append(Text(label(lang, "Notes (they do not fail the check)"), style="bold underline"))
        for s, reasons in result.notes:
            body = Text(style="dim")
            body.append(s.task.unit, keep=True)
            body.append(" · ")
            for i, r in enumerate(reasons):
                body.append(("；" if lang == "zh" else "; ") if i else "")
                body.append(label(lang, r.code), style=STYLES.get(r.code, ""))
                body.append(_colon(lang) + reason_text(r, lang))
            lines += _hanging(s.task.id, [body], indent, width, measure)
        lines.append(Text(""))
    # (wrapped too: at 60 columns the terminal broke it inside its month, `2024-0` / `9`)
    return lines + _hanging("", [Text(summary(result, lang), style="green" if result.ok else "bold red")], 0, width,
                            measure)


# --- GitHub workflow commands -------------------------------------------------------


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are percent-encoded (GitHub's rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (title=…): also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def check_github(result: CheckResult, lang: str) -> list[str]:
    """One `::error` (overdue, stalled) or `::warning` line per failing task, so each is an annotation."""
    lines = []
    for f in result.findings:
        t = f.standing.task
        title = f"{t.id} {_join(lang, f.standing.flags)} · {t.unit}"
        reasons = ("；" if lang == "zh" else "; ").join(label(lang, r.code) + _colon(lang) + reason_text(r, lang) for r in f.reasons)
        message = f"{t.id}. {t.title} ({t.unit}) — {reasons}"
        # A CI log is a terminal: control and invisible characters shown (ESC, BEL, OSC 8 links, bidi), never sent.
        title, message = visible(title), visible(message)
        lines.append(f"::{'error' if f.error else 'warning'} title={escape_property(title)}::{escape_data(message)}")
    return lines


# --- units --------------------------------------------------------------------------


# Below 140 columns English headings break where a hyphen can go, so that twelve columns fit 80.
_NARROW = {"pending": "Pend-\ning", "on_track": "On\ntrack", "behind": "Be-\nhind", "blocked": "Block-\ned",
           "stalled": "Stall-\ned", "overdue": "Over-\ndue", "missing": "Miss-\ning", "measured": "Meas-\nured",
           "Completion": "Com-\npletion", "Reminded": "Re-\nminded"}


def _heading(lang: str, code: str, narrow: bool = False) -> str:
    if narrow and lang == "en" and code in _NARROW:
        return _NARROW[code]
    text = label(lang, code)
    return text[:1].upper() + text[1:]


def units_table(rows: list[UnitRow], p: int, lang: str, title: str | None = None, width: int = 80,
                reminded: dict[str, int] | None = None) -> Table:
    """The ranking; below 140 columns the bar is left out and headings wrap, so it fits 80.
    reminded: the reminders delivered to each unit for the month (a column when any was).

    A unit's name is always whole. Where the table does not fit with it so (a long name, and a column more:
    已催报, 受阻), the count of measured tasks is left out (JSON has it); where even then it does not (a phone's
    60 columns: the last heading was cut and names broke inside them), the counts are said in words under the
    unit's name (`滞后 4 · 逾期 1 · 未报送 5`), beside its tasks and its completion: the figure it ranks by."""
    for measured in (True, False):
        table = _units_table(rows, p, lang, title, width, reminded, measured)
        if wide_enough(width) or table.fits(width):
            return table
    return _counts_in_words(rows, p, lang, title, width, reminded)


def wide_enough(width: int) -> bool:
    return width >= 140


def _heading_of(title: str | None, p: int, lang: str) -> str:
    return f"{title + ' · ' if title else ''}{label(lang, 'Units')} · {label(lang, 'as of')} {months.fmt(p)}"


def _counts_in_words(rows: list[UnitRow], p: int, lang: str, title: str | None, width: int,
                     reminded: dict[str, int] | None) -> Table:
    """# | unit, and under its name each count in words | tasks | completion."""
    table = _table(_heading_of(title, p, lang), lang)
    table.add_column("#", justify="right", no_wrap=True)
    # (a name wider than the screen leaves it: it folds, as it must somewhere)
    table.add_column(label(lang, "Unit"), min_width=min(max([8] + [cell_len(r.unit) for r in rows]), width - 24))
    table.add_column(label(lang, "Tasks"), justify="right", no_wrap=True)
    table.add_column(_heading(lang, "Completion"), justify="right", no_wrap=True)
    for r in rows:
        said = [(c, r.counts[c]) for c in UNIT_COUNTS if r.counts[c]] + [("missing", r.missing)] * bool(r.missing)
        sent = reminded.get(r.unit, 0) if reminded else 0
        unit = Text(r.unit, keep=True)
        for i, (code, n) in enumerate(said + [("Reminded", sent)] * bool(sent)):
            unit.append("\n" if i == 0 else " · ", style="dim")
            unit.append(f"{_heading(lang, code)} {n}", style=STYLES.get(code, ""), keep=True)
        table.add_row(str(r.rank) if r.rank is not None else "—", unit, str(r.tasks),
                      "—" if r.completion is None else pct(r.completion))
    return table


def _units_table(rows: list[UnitRow], p: int, lang: str, title: str | None, width: int,
                 reminded: dict[str, int] | None, with_measured: bool) -> Table:
    wide = wide_enough(width)
    table = _table(_heading_of(title, p, lang), lang)
    if not wide:
        table.padding = 0  # the box's own divider still leaves one space between columns

    def column(text: str, **kw):
        # A heading wraps between words but never inside one, where there is room for that at all.
        table.add_column(text, min_width=max(cell_len(w) for w in text.split()) if width >= 80 else None, **kw)

    # Below 140 columns a status no unit has is left out (JSON has every one), so that a unit's name
    # fits whole: a line may break before it, never inside it.
    shown = [c for c in UNIT_COUNTS if wide or any(r.counts[c] for r in rows)]
    with_missing = wide or any(r.missing for r in rows)
    longest = max((cell_len(r.unit) for r in rows), default=8)
    # English headings are hyphenated onto two lines only when the table would not fit with them whole.
    codes = [*shown, *(["missing"] if with_missing else []), "measured", "Completion"]
    whole = sum(cell_len(_heading(lang, c)) + 1 for c in codes) + cell_len(label(lang, "Tasks")) + 1
    narrow = not wide and whole + min(max(longest, 8), 24) + 4 + (9 if reminded else 0) > width
    column(label(lang, "Rank") if wide else "#", justify="right", no_wrap=True)
    table.add_column(label(lang, "Unit"), min_width=min(max(longest, 8), 24))
    column(label(lang, "Tasks"), justify="right")
    for code in (*shown, "missing") if with_missing else shown:
        column(_heading(lang, code, narrow), justify="right", header_style=f"bold {STYLES.get(code, '')}")
    if with_measured:
        column(_heading(lang, "measured", narrow), justify="right")
    if reminded:
        column(_heading(lang, "Reminded", narrow), justify="right")
    column(_heading(lang, "Completion", narrow))
    for r in rows:
        # r.rank: equal printed completion, equal rank (1, 1, 3): the office's 排名 does not split a tie by name.
        if r.completion is None:
            progress = Text("—")
        elif wide:
            progress = bar(r.completion, 8)
            progress.append(f" {pct(r.completion)}")
        else:
            progress = Text(pct(r.completion))
        counts = [Text(str(r.counts[c]) if r.counts[c] else "·", style=STYLES.get(c, "") if r.counts[c] else "dim")
                  for c in shown]
        if with_missing:
            counts.append(Text(str(r.missing) if r.missing else "·", style=STYLES["missing"] if r.missing else "dim"))
        sent = reminded.get(r.unit, 0) if reminded else 0
        extra = [Text(str(sent) if sent else "·", style="" if sent else "dim")] if reminded else []
        table.add_row(str(r.rank) if r.rank is not None else "—", Text(r.unit, keep=True), str(r.tasks), *counts,
                      *([str(r.measured)] if with_measured else []), *extra, progress)
    return table
