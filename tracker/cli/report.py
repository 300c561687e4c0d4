"""The monthly progress table: `tracker report` in Markdown, CSV, xlsx, docx, JSON or html."""

import os
from enum import Enum
from typing import Annotated, Optional

import typer

from tracker.cli.root import CoUnitOpt, LangOpt, MonthOpt, SearchOpt, app
from tracker.errors import BadInput


class ReportFormat(str, Enum):
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"
    json = "json"
    html = "html"


FORMATS = ", ".join(f.value for f in ReportFormat)  # "md, csv, xlsx, docx, json, html", for the messages


# Each format's renderer as "module:function", imported only when asked for; it
# takes the MonthlyTable and returns str (written as UTF-8) or bytes. A new format
# is one member above, one line here and its extensions in SUFFIXES; --help and
# the messages list the formats from ReportFormat. html is not here: its page draws
# a chart per task from the tasks' series as well, so report() builds it itself.
RENDERERS = {
    ReportFormat.md: "tracker.render.markdown:monthly_md",
    ReportFormat.csv: "tracker.render.csv_:monthly_csv",
    ReportFormat.xlsx: "tracker.render.xlsx:monthly_xlsx",
    ReportFormat.docx: "tracker.render.docx_:monthly_docx",
    ReportFormat.json: "tracker.cli.report:json_text",
}
BINARY = {ReportFormat.xlsx, ReportFormat.docx}
# -o FILE's extension picks the format when --format is not given.
SUFFIXES = {".md": ReportFormat.md, ".markdown": ReportFormat.md, ".txt": ReportFormat.md, ".csv": ReportFormat.csv,
            ".xlsx": ReportFormat.xlsx, ".docx": ReportFormat.docx, ".json": ReportFormat.json,
            ".html": ReportFormat.html, ".htm": ReportFormat.html}


def _order(code: str) -> int:
    """Statuses and flags in the order status lists them."""
    from tracker.core.evaluate import FLAGS, STATUSES

    order = STATUSES + FLAGS
    return order.index(code)


def json_text(table, indent: int | None = None) -> str:
    from tracker.core.rows import monthly_json
    from tracker.render.jsontext import json_text as text

    return text(monthly_json(table), indent=indent) + "\n"


def render(table, fmt: ReportFormat, **extra) -> bytes:
    """The table in one format, as the bytes to write."""
    import importlib

    module, _, function = RENDERERS[fmt].partition(":")
    out = getattr(importlib.import_module(module), function)(table, **extra)
    return out.encode("utf-8") if isinstance(out, str) else out


def pick_format(fmt: ReportFormat | None, output: str | None) -> ReportFormat:
    suffix = os.path.splitext(output)[1].lower() if output else ""
    by_name = SUFFIXES.get(suffix)
    if fmt is None:
        if by_name is None and suffix:
            raise BadInput("-o {output}: cannot tell the format from {suffix} (one of {formats}); give --format",
                           output=output, suffix=suffix, formats=FORMATS)
        return by_name or ReportFormat.md
    if by_name is not None and by_name != fmt:
        raise BadInput("-o {output} looks like {guessed}, but --format is {format}: make them agree", output=output, guessed=by_name.value, format=fmt.value)
    return fmt


@app.command()
def report(
    ctx: typer.Context,
    month: MonthOpt = None,
    fmt: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help="The format (default: from -o FILE's extension, else md).", show_default=False)] = None,
    with_status: Annotated[bool, typer.Option("--with-status", help="Add two columns: completion and status.")] = False,
    template: Annotated[Optional[str], typer.Option("--template", metavar="FILE.docx", help="docx: the office's own document; the table takes the place of its paragraph {{ table }}.", show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (written whole or not at all).", show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Only this lead unit's tasks (a department's own table).", show_default=False)] = None,
    category: Annotated[Optional[str], typer.Option("--category", metavar="CATEGORY", help="Only this category.", show_default=False)] = None,
    co_unit: CoUnitOpt = None,
    search: SearchOpt = None,
    only: Annotated[Optional[str], typer.Option("--only", metavar="FLAG,...", help="Only tasks with any of these statuses or flags (behind,overdue… for a 督办 table).", show_default=False)] = None,
    lang: LangOpt = None,
):
    """The monthly progress table: tasks in declaration order, each with the month's note.

    Its columns: 序号 | 目标任务 | 总体工作进展及8月份进展.

    \b
    Example:
      tracker report --month 2020-08 --lang zh \\
        --with-status -o 2020-08.xlsx
    """
    import sys

    from tracker.cli.status import parse_only, standings
    from tracker.core.rows import check_filters, filter_standings, monthly_table, search_words
    from tracker.labels import label, lang_of

    from tracker.cli.output import file_or_stdout

    output = file_or_stdout(output)
    kind = pick_format(fmt, output)
    if template is not None and kind != ReportFormat.docx:
        raise BadInput("--template applies to the docx format (give -o FILE.docx or --format docx)")
    if output is not None:
        from tracker.files import check_target

        check_target(output, ctx.obj.own_files())  # before any work: the database is never written over
    if output is None and kind in BINARY and sys.stdout.isatty():
        raise BadInput("--format {format} is a binary file: give -o FILE (e.g. -o table.{format})", format=kind.value)
    project = ctx.obj
    p = project.month(month)
    lg = lang_of(lang and lang.value)
    wanted = parse_only(only)
    words = search_words(search)

    def chosen(plan, rows):
        """The tasks --unit, --co-unit, --category, --search and --only choose, and how the heading names the choice."""
        check_filters(plan, unit, category, co_unit, shared=True)
        scope = tuple(s for s in (unit and label(lg, "led by {unit}").format(unit=unit),
                                  co_unit and label(lg, "with {unit}").format(unit=co_unit), category,
                                  words and label(lg, "titles with {words}").format(words=" ".join(search.split())),
                                  wanted and ("、" if lg == "zh" else ", ").join(label(lg, c) for c in sorted(wanted, key=_order))) if s)
        return filter_standings(rows, unit, category, wanted, co_unit, words), scope

    if kind == ReportFormat.html:
        # the page always shows status in colour, and a chart per task drawn from its trajectory
        from tracker.cli.status import standings_with_logs
        from tracker.render.html import monthly_html
        from tracker.core.trend import charts

        plan, logs, rows = standings_with_logs(project, p)  # the series answer each month's "as of" too
        rows, scope = chosen(plan, rows)
        table = monthly_table(plan, rows, p, lg, True, _texts(project, p), scope)
        judged = {s.task.id: s for s in rows}

        def charts_of(ids):
            return charts([judged[i].task for i in ids if i in judged], logs, p, judged)

        data = monthly_html(table, charts_of).encode("utf-8")
    else:
        plan, rows = standings(project, p)
        rows, scope = chosen(plan, rows)
        table = monthly_table(plan, rows, p, lg, with_status, _texts(project, p), scope)
        extra = {}
        if kind == ReportFormat.json and output is None and sys.stdout.isatty():
            extra = {"indent": 2}  # for a person at a terminal; one compact line in a pipe or a file, as every JSON
        if template is not None:
            from tracker import textfile

            extra = {"template": textfile.read_bytes(template, "template"), "template_name": template}
        data = render(table, kind, **extra)
    if not table.rows and (unit or category or co_unit or words or wanted):  # the document has its heading; say that nothing matched
        from tracker.core import months

        print(label(lg, "no task matches these filters as of {month}").format(month=months.fmt(p)), file=sys.stderr)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from tracker.files import atomic_write
    from tracker.cli.output import say

    atomic_write(output, data, project.own_files())
    say(label(lg, "wrote {file} ({format}, {n} tasks, {heading})").format(
        file=output, format=kind.value, n=len(table.rows), heading=table.heading))


def _texts(project, p: int) -> dict:
    """Each task's problems and next steps of month p (the 存在问题 and 下步计划 columns)."""
    from tracker import store

    conn = project.read()
    try:
        return store.month_texts(conn, p)
    finally:
        if conn is not None:
            conn.close()
