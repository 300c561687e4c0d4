"""`report --format html`: the monthly table as one self-contained page that prints on A4.

No script, no web font, no image file: the style sheet and every chart
(SVG, drawn with drawsvg) are inline, so the page opens with no network
and prints as it shows. It formats the MonthlyTable and the trend.Chart of
each task that the command gives it, and computes nothing; every piece of
user text goes through escape() (textfile.visible, then html.escape) (drawsvg escapes what it writes itself).
"""

from __future__ import annotations

from html import escape as _escape

from tracker.core import months
from tracker.labels import label
from tracker.render.chart import span
from tracker.core.rows import MonthlyTable, completion_text, monthly_cells, shown_status, status_text
from tracker.core.model import percent_text
from tracker.core.trend import Chart
from tracker.textfile import visible

def escape(text: str) -> str:
    """Text for the page: control and invisible characters shown (textfile.visible), then HTML-escaped."""
    return _escape(visible(text))


# The chart's box, in SVG user units; CSS sizes it on the page.
W, H, PAD = 150, 46, 3

# One colour per status, readable as text on white and distinct in print.
COLOURS = {
    "done": "#1b7f3a", "on_track": "#2e7d32", "pending": "#6b7280", "behind": "#b26a00",
    "stalled": "#7b1fa2", "overdue": "#c62828", "blocked": "#c62828", "unmeasured": "#6b7280",
}
EXPECTED, DUE, MILESTONE, INK = "#1565c0", "#c62828", "#7b1fa2", "#374151"

CSS = """
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 16px; color: #111; font: 10.5pt/1.45 "Noto Sans CJK SC", "Source Han Sans SC",
       "Microsoft YaHei", "PingFang SC", "Noto Sans", "DejaVu Sans", sans-serif; }
@media print { body { padding: 0; } }
h1 { font-size: 15pt; margin: 0 0 2px; }
.meta { margin: 0 0 8px; color: #444; font-size: 9pt; }
.key { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 8px; font-size: 8.5pt; color: #333; }
.key span { white-space: nowrap; }
.key svg { vertical-align: middle; margin-right: 3px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #9ca3af; padding: 4px 6px; vertical-align: top; text-align: left; }
td.task, td.progress { overflow-wrap: anywhere; }
th { background: #e5e7eb; font-weight: 600; }
col.no { width: 4.5%; } col.task { width: 19%; } col.progress { width: auto; }
col.texts { width: 9.5%; } col.pct { width: 7.6em; } col.status { width: 8.6em; } col.chart { width: 13%; }
td.no, td.pct { text-align: right; font-variant-numeric: tabular-nums; }
td.progress, td.texts { white-space: pre-wrap; overflow-wrap: anywhere; }
td.none { color: #6b7280; font-style: italic; }
td.status { border-left-width: 5px; }
.s { font-weight: 600; }
.extra { display: block; font-size: 8.5pt; font-weight: normal; color: #374151; word-break: keep-all; }
td.chart { padding: 2px 4px; }
td.chart svg { display: block; width: 100%; height: auto; }
""" + "".join(
    f"td.status.{code} {{ border-left-color: {colour}; }} .s.{code} {{ color: {colour}; }}\n"
    for code, colour in COLOURS.items()
)


def monthly_html(table: MonthlyTable, charts_of) -> str:
    """The page. charts_of(ids): the Chart of each of these rows' tasks, by id."""
    lang = table.lang
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(table.heading)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(table.heading)}</h1>",
        f'<p class="meta">{escape(label(lang, "as of"))} {months.fmt(table.month)}'
        f" · {len(table.rows)} {escape(label(lang, 'tasks'))}</p>",
        _key(lang),
        "<table>",
        '<colgroup><col class="no"><col class="task"><col class="progress">'
        + ('<col class="texts"><col class="texts">' if table.with_texts else "")
        + ('<col class="pct"><col class="status">' if table.with_status else "")
        + '<col class="chart"></colgroup>',
    ]
    charts = charts_of([row.id for row in table.rows])
    shown = axis(charts.values())
    # every row's chart spans the same months: said once, under the column's heading
    out += ["<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.headers)
            + f"<th>{escape(label(lang, 'Progress chart'))}"
            + (f'<span class="extra">{months.fmt(shown[0] + 1)} → {months.fmt(shown[1])}</span>' if charts else "")
            + "</th></tr></thead>",
            "<tbody>"]
    out += _rows(table, table.rows, charts, shown)
    out += ["</tbody>", "</table>", "</body>", "</html>", ""]
    return "\n".join(out)


def axis(charts) -> tuple[int, int]:
    """One time axis for every row's chart, so that rows compare: from the earliest to the latest month any
    chart spans (the plan year, for a plan of one year)."""
    spans = [span(c) for c in charts]
    if not spans:
        return 0, 1
    return min(a for a, _ in spans), max(b for _, b in spans)


def _rows(table: MonthlyTable, rows, charts: dict[str, Chart], months_shown: tuple[int, int]) -> list[str]:
    lang, out = table.lang, []
    for row in rows:
        texts = monthly_cells(table, row)
        no, task, progress = texts[:3]
        cells = [
            f'<td class="no">{escape(no)}</td>',
            f'<td class="task">{escape(task)}</td>',
            f'<td class="progress{"" if row.progress is not None else " none"}">{escape(progress)}</td>',
        ]
        if table.with_texts:
            cells += [f'<td class="texts">{escape(t)}</td>' for t in texts[3:5]]
        shown = shown_status(row)
        if table.with_status:
            cells.append(f'<td class="pct">{escape(completion_text(table, row))}</td>')
            cells.append(f'<td class="status {escape(shown)}">{_status(table, row)}</td>')
        chart = charts.get(row.id)
        svg_text = svg(chart, lang, COLOURS.get(shown, INK), months_shown) if chart is not None else ""
        cells.append(f'<td class="chart">{svg_text}</td>')
        out.append(f'<tr class="{escape(row.status)}">' + "".join(cells) + "</tr>")
    return out


def _status(table: MonthlyTable, row) -> str:
    """The status in colour and words; the other flags and warnings below it, as status_text words them."""
    words = status_text(table, row).split(" · ")
    html = f'<span class="s {escape(shown_status(row))}">{escape(words[0])}</span>'
    if len(words) > 1:
        html += f'<span class="extra">{escape(" · ".join(words[1:]))}</span>'
    return html


def svg(c: Chart, lang: str, colour: str = "#374151", months_shown: tuple[int, int] | None = None) -> str:
    """A small chart: actual (solid, in the status colour) against expected (dashed), the due month, milestones,
    and the forecast (dotted) where it falls near enough to draw. months_shown: the x axis (first, last month),
    the same for every row of a page; else the chart's own span. The actual line begins at the first report
    (Chart.reported)."""
    import drawsvg as draw

    first, last = months_shown or span(c)
    actual = c.reported

    def x(m: float) -> float:
        return round(PAD + (m - first) * (W - 2 * PAD) / max(1, last - first), 2)

    def y(f: float) -> float:
        return round(H - PAD - max(0.0, min(1.0, f)) * (H - 2 * PAD), 2)

    def line(points, **style):
        flat = [v for m, f in points for v in (x(m), y(f))]
        return draw.Lines(*flat, close=False, fill="none", stroke_linejoin="round", **style)

    d = draw.Drawing(W, H)
    summary = f"{label(lang, 'actual')} {percent_text(actual[-1][1]) if actual else '—'}"
    summary += f" · {label(lang, 'due')} {months.fmt(c.due)}"
    if c.forecast is not None:
        summary += f" · {label(lang, 'forecast')} {months.fmt(c.forecast)}"
    d.append(draw.Title(summary))
    d.append(draw.Rectangle(PAD, PAD, W - 2 * PAD, H - 2 * PAD, fill="#fafafa", stroke="#d1d5db", stroke_width=0.5))
    # a faint line where each year begins (a point stands at its month's end: a year begins at December's)
    for m in range(first + 1, last):
        if m % 12 == 11:
            d.append(draw.Line(x(m), PAD, x(m), H - PAD, stroke="#d1d5db", stroke_width=0.6))
    d.append(draw.Line(x(c.due), PAD, x(c.due), H - PAD, stroke=DUE, stroke_width=0.8, stroke_dasharray="2 1.5"))
    d.append(line(c.expected, stroke=EXPECTED, stroke_width=1, stroke_dasharray="3 2"))
    if c.forecast is not None and actual and c.forecast <= last:
        d.append(line([actual[-1], (c.forecast, 1.0)], stroke=colour, stroke_width=0.9, stroke_dasharray="1 1.5"))
    if len(actual) > 1:
        d.append(line(actual, stroke=colour, stroke_width=1.8))
    if actual:
        d.append(draw.Circle(x(actual[-1][0]), y(actual[-1][1]), 1.8, fill=colour))
    for m, f in c.milestones:
        d.append(_diamond(draw, x(m), y(f)))
    return d.as_svg(header="").replace("<defs>\n</defs>\n", "")


def _diamond(draw, cx: float, cy: float, r: float = 2.4):
    return draw.Lines(cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy, close=True, fill=MILESTONE)



def _key(lang: str) -> str:
    """What the chart's lines mean, each with a sample drawn like it."""
    def sample(inner: str) -> str:
        return f'<svg width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">{inner}</svg>'

    items = [
        (sample(f'<path d="M1,8 L21,2" stroke="{INK}" stroke-width="1.8" fill="none"/>'), label(lang, "actual")),
        (sample(f'<path d="M1,8 L21,2" stroke="{EXPECTED}" stroke-width="1" stroke-dasharray="3 2" fill="none"/>'),
         label(lang, "expected")),
        (sample(f'<path d="M11,0 L11,10" stroke="{DUE}" stroke-width="1" stroke-dasharray="2 1.5"/>'), label(lang, "due")),
        (sample(f'<path d="M11,2 L14,5 L11,8 L8,5 Z" fill="{MILESTONE}"/>'), label(lang, "milestone")),
        (sample(f'<path d="M1,8 L21,2" stroke="{INK}" stroke-width="1" stroke-dasharray="1 1.5" fill="none"/>'),
         label(lang, "forecast")),
    ]
    return '<p class="key">' + "".join(f"<span>{s}{escape(t)}</span>" for s, t in items) + "</p>"
