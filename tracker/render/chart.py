"""The terminal chart of `show`: a task's progress against its expected line, drawn with plotext.

It draws the points trend.Chart gives it and nothing else. Every series has
its own shape (blocks for actual, dots for expected, ◆ milestones, ┊ the due
month, ○ the forecast), so the chart reads in a pipe without colour too; the
colour plotext writes becomes rich styles, which rich drops where there is
no terminal.
"""

from __future__ import annotations

import math

from tracker.render.safe import Text  # user text shown, never obeyed (textfile.visible)

from tracker.core import months
from tracker.labels import label
from tracker.core.trend import Chart

# Beyond this many months after the due month (or P) a forecast is named, not drawn:
# a chart stretched to 2032 would flatten the year that matters.
HORIZON = 12


def span(c: Chart) -> tuple[int, int]:
    """The months on the x axis: from the month before the start to the due month, P, or a near forecast."""
    first = min(c.origin, c.actual[0][0]) if c.actual else c.origin
    last = max(c.due, c.as_of)
    if c.forecast is not None and c.forecast <= last + HORIZON:
        last = max(last, c.forecast)
    return first, last


def ticks(first: int, last: int, width: int) -> tuple[list[int], list[str]]:
    """Month ticks that fit: the year where it changes (and on the first tick), else the month alone."""
    step = max(1, math.ceil((last - first + 1) * 8 / max(width, 8)))
    for nice in (1, 2, 3, 4, 6, 12, 24, 60, 120):
        if nice >= step:
            step = nice
            break
    first += 1  # the axis begins with the month before the start, the ticks with the start
    positions = [m for m in range(first, last + 1) if (m - first) % step == 0]
    labels, year = [], None
    for m in positions:
        labels.append(months.fmt(m) if months.year_of(m) != year else f"{months.month_of_year(m):02d}")
        year = months.year_of(m)
    return positions, labels


def progress_chart(c: Chart, lang: str, width: int = 80, height: int = 16) -> Text:
    """The chart and a one-line key below it, as rich Text."""
    import plotext

    first, last = span(c)
    width = max(40, min(width, 120))
    fig = plotext.figure
    fig.clear()
    fig.plot_size(width, height)
    fig.theme("colorless")
    fig.legend(active=False)
    fig.ruler("y").lim(0, 100)
    fig.ruler("y").ticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    fig.ruler("x").lim(first - 0.5, last + 0.5)
    fig.ruler("x").ticks(*ticks(first, last, width - 8))

    def draw(points, symbol, colour, connect=True):
        if not points:
            return
        xs, ys = [p[0] for p in points], [p[1] * 100 for p in points]
        signal = fig.signal(xs, ys, marker=plotext.marker(symbol, pixel=colour))
        fig.draw(signal.lines() if connect and len(points) > 1 else signal)

    draw([(c.due, 0.0), (c.due, 1.0)], "┊", "red")
    draw(list(c.expected), "·", "blue")
    actual = c.reported  # from the first report, as the html page draws it
    forecast_drawn = c.forecast is not None and c.forecast <= last and bool(actual)
    if forecast_drawn:
        draw([actual[-1], (c.forecast, 1.0)], "○", "red" if c.forecast_late else "green")
    draw(list(actual), "hd", "green")
    draw(list(c.milestones), "◆", "magenta", connect=False)
    chart = Text.from_ansi(fig.build().string())
    chart.append("\n")
    chart.append_text(key(c, lang, forecast_drawn, width))
    return chart


def key(c: Chart, lang: str, forecast_drawn: bool, width: int = 80) -> Text:
    """What each shape means, with the due month and the forecast written out; a line breaks between two
    items, never inside one (`forecast 2025-05 (late)` stays whole)."""
    from rich.cells import cell_len

    text = Text()
    line = [0]  # the cells of the key's current line

    def item(symbol, style, words):
        shown = cell_len(f"{symbol} {words}")
        if text:
            wraps = line[0] + 3 + shown > width
            text.append("\n" if wraps else "   ")
            line[0] = 0 if wraps else line[0] + 3
        text.append(symbol, style=style)
        text.append(f" {words}")
        line[0] += shown

    item("▄▀", "green", label(lang, "actual") if c.measured else f"{label(lang, 'actual')} ({label(lang, 'unmeasured')})")
    item("··", "blue", label(lang, "expected"))
    if c.milestones:
        item("◆", "magenta", label(lang, "milestone"))
    item("┊", "red", f"{label(lang, 'due')} {months.fmt(c.due)}")
    if c.forecast is not None:
        notes = ([label(lang, "late")] if c.forecast_late else []) + ([] if forecast_drawn else [label(lang, "beyond the chart")])
        item("○" if forecast_drawn else "→", "red" if c.forecast_late else "green",
             f"{label(lang, 'forecast')} {months.fmt(c.forecast)}"
             + ((f"（{'、'.join(notes)}）" if lang == "zh" else f" ({', '.join(notes)})") if notes else ""))
    elif c.measured and c.forecast_late:
        item("→", "red", f"{label(lang, 'forecast')}{'：' if lang == 'zh' else ': '}"
                         f"{label(lang, 'no progress in three months')}")
    return text
