"""`tracker show` for people: one task in full, as rich renderables. Formats only what trend.py gives it."""

from __future__ import annotations

from rich.console import Group
from tracker.render.safe import Text  # user text shown, never obeyed (textfile.visible)

from tracker.core import months
from tracker.labels import label, reason
from tracker.render.chart import progress_chart
from tracker.render.table import Table
from tracker.render.terminal import _table, fig, flags_text, history_table, local_time, pct, status_text
from tracker.core.trend import Trajectory


def show_view(tr: Trajectory, entries, lang: str, width: int = 80, reminders=()) -> Group:
    parts = [heading(tr, lang), Text(""), progress_chart(tr.chart, lang, width)]
    if tr.months:
        parts.append(month_table(tr, lang))
        for i in range(len(tr.standing.task.metrics)):
            parts += metric_table(tr, i, lang)
    if tr.milestones:
        parts.append(milestone_table(tr, lang))
    if entries:
        reports = history_table(tr.standing.task.id, tr.standing.task.title, entries, lang)
        reports.title = f"{label(lang, 'Reports')} ({len(entries)})"
        parts.append(reports)
    else:
        parts.append(Text(f"{label(lang, 'Reports')}{'：' if lang == 'zh' else ': '}{label(lang, 'no entries')}"))
    if reminders:
        parts.append(reminder_table(reminders, lang))
    return Group(*parts)


def reminder_table(reminders, lang: str):
    """The reminders (催报) sent about the task: when, for which month, to whom, how, and whether they arrived."""
    table = _table(f"{label(lang, 'Reminders')} ({len(reminders)})", lang)
    table.add_column(label(lang, "Sent"), no_wrap=True)
    table.add_column(label(lang, "Month"), no_wrap=True)
    table.add_column(label(lang, "Unit"), overflow="fold")
    table.add_column(label(lang, "To"), overflow="fold")
    table.add_column(label(lang, "Delivered"), overflow="fold")
    for r in reminders:
        table.add_row(local_time(r.at, seconds=False), months.fmt(r.month), Text(r.unit), Text(r.target),
                      Text(label(lang, "yes")) if r.delivered else Text(f"{label(lang, 'no')}{'：' if lang == 'zh' else ': '}{reason(lang, (r.reason or '').removeprefix(f'{r.target}: '))}", style="red"))
    return table


def heading(tr: Trajectory, lang: str) -> Text:
    s, t = tr.standing, tr.standing.task
    text = Text(f"{t.id}. ", style="bold")
    text.append(t.title, style="bold")
    text.append("\n")
    text.append(t.unit)
    if t.co_units:
        text.append(" + " + "、".join(t.co_units))
    if t.category:
        text.append(f" · {t.category}")
    text.append(f" · {t.start.isoformat()} → {t.due.isoformat()}", style="dim")
    text.append(f"\n{label(lang, 'as of')} {months.fmt(s.month)}{'：' if lang == 'zh' else ': '}")
    text.append_text(status_text(s.status, lang))
    others = [f for f in s.flags if f != s.status]
    if others:
        text.append(" ")
        text.append_text(flags_text(others, lang))
    if s.measured:
        text.append(f" · {pct(s.completion)} {label(lang, 'against')} {pct(s.expected)} {label(lang, 'expected')}")
    else:
        text.append(f" · {label(lang, 'unmeasured')}")
    if tr.rate is not None and s.status not in ("done", "pending"):
        text.append(f"\n{label(lang, 'rate')} {tr.rate * 100:+.1f}%/{label(lang, 'month')}")
        text.append(f" · {label(lang, 'forecast')} ")
        text.append(months.fmt(s.forecast) or "—", style="red" if s.forecast_late else "green")
        if s.forecast_late and s.forecast:  # with none, the chart's legend says why (no progress in three months)
            text.append(f"（{label(lang, 'late')}）" if lang == "zh" else f" ({label(lang, 'late')})", style="red")
    if s.warnings:
        text.append(f"\n{label(lang, 'Warnings')}{'：' if lang == 'zh' else ': '}")
        text.append_text(flags_text(s.warnings, lang))
    return text


def _reported(pt, lang: str) -> Text:
    parts = [f"{mp.key}={fig(mp.reported)}" for mp in pt.metrics if mp.reported is not None]
    if pt.percent is not None:
        parts.append(f"{fig(pt.percent)}%")
    if pt.status:
        parts.append(label(lang, pt.status))
    if not pt.reported:
        return Text("—", style="dim")
    return Text(" ".join(parts) or label(lang, "note only"))


def month_table(tr: Trajectory, lang: str) -> Table:
    table = _table(label(lang, "Month by month"), lang)
    table.add_column(label(lang, "Month"), no_wrap=True, style="bold")
    table.add_column(label(lang, "Completion"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Expected"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Reported"), overflow="fold")
    for pt in tr.months:
        table.add_row(months.fmt(pt.month), pct(pt.completion) if pt.measured else "—", pct(pt.expected),
                      _reported(pt, lang))
    return table


def metric_table(tr: Trajectory, index: int, lang: str) -> list:
    """A heading line (a table's title would wrap at the table's narrow width) and the table."""
    metric = tr.standing.task.metrics[index]
    title = f"{metric.key} · {metric.name} · {label(lang, 'target')} {fig(metric.target)}{metric.unit}"
    if metric.baseline:
        title += f" ({label(lang, 'from')} {fig(metric.baseline)})"
    if metric.mode == "increment":
        title += f" · {label(lang, 'increment')}"
    table = _table(None, lang)
    table.add_column(label(lang, "Month"), no_wrap=True, style="bold")
    table.add_column(label(lang, "Value"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Change"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Ratio"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Expected"), justify="right", no_wrap=True)
    for pt in tr.months:
        mp = pt.metrics[index]
        change = Text(f"{'+' if mp.change > 0 else ''}{fig(mp.change)}" if mp.change else "0",
                      style="red" if mp.change < 0 and metric.mode == "cumulative" else "")
        table.add_row(months.fmt(pt.month), Text(fig(mp.value), style="" if mp.reported is not None else "dim"),
                      change, pct(mp.ratio), pct(mp.expected))
    return [Text(title, style="italic"), table]


def milestone_table(tr: Trajectory, lang: str) -> Table:
    table = _table(label(lang, "Milestones"), lang)
    table.add_column(label(lang, "Due"), no_wrap=True, style="bold")
    table.add_column(label(lang, "Metric"), overflow="fold")
    table.add_column(label(lang, "Target"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Value"), justify="right", no_wrap=True)
    table.add_column(label(lang, "Met"), no_wrap=True)
    for st in tr.milestones:
        s = st.milestone
        unit = (tr.standing.task.metric(s.metric).unit if tr.standing.task.metric(s.metric) else "")
        met = Text("—", style="dim") if st.met is None else (
            Text(label(lang, "yes"), style="green") if st.met else Text(label(lang, "no"), style="red"))
        table.add_row(s.due.isoformat(), Text(s.metric), f"{fig(s.target)}{unit}",
                      "—" if st.value is None else fig(st.value), met)
    return table
