"""`tracker import` of progress tables and returned forms: new tasks into tasks.toml, reports into the log.

Every file is read first (exchange/: sheets.py, progress_table.py, table.py,
form_return.py) and every problem of every file collected; only when there
is none is anything written: tasks.toml appended to (people's comments
stay), then all the entries in one transaction (if that fails, tasks.toml is
put back). What was read is said task by task, each figure with the words
it was read from; `--dry-run` says it and writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from tracker.cli import import_says as says
from tracker.cli.confirm import SHOWN_SLIPS, checked, warn
from tracker.core import months
from tracker.errors import BadInput, Problems, Word
from tracker.exchange.table import make_entries, new_task_toml, plan_bytes, read_rows
from tracker.labels import label

TABLE_SUFFIXES = (".md", ".markdown", ".txt", ".csv", ".docx", ".xlsx", ".xlsm")
OLD_FORMATS = {".xls": ".xlsx", ".et": ".xlsx", ".doc": ".docx", ".wps": ".docx",
               ".ods": ".xlsx", ".odt": ".docx"}  # LibreOffice's own: Excel, Word and WPS open them too
ARCHIVES = (".zip", ".rar", ".7z")
PICTURES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".ofd")


def gather(files: list[str], lang: str) -> list[str]:
    """The files to read: a folder's own files, sorted (not its folders'), in its place, and so a glob's that the
    shell did not expand; less the lock files Word, WPS and Excel leave beside an open document (`~$…`), and a
    file whose bytes are those of one before it (the same reply sent twice, `…(1).docx` and `…(2).docx`): each
    left out is said on stderr."""
    import glob
    import hashlib
    import sys

    out, seen = [], {}
    for given in files:
        matched = glob.glob(given) if not os.path.exists(given) and glob.has_magic(given) else []
        if matched:
            out += sorted(matched)  # a glob the shell left as it is (quoted; Windows' cmd, PowerShell)
        elif os.path.isdir(given):
            out += sorted(os.path.join(given, n) for n in os.listdir(given)
                          if not n.startswith(".") and os.path.isfile(os.path.join(given, n)))
        else:
            out.append(given)
    kept = []
    for file in out:
        name = os.path.basename(file)
        try:
            with open(file, "rb") as f:
                data = f.read()
        except OSError:
            kept.append(file)  # read_bytes() names why
            continue
        if name.startswith("~$") and len(data) < 4096 and not data.startswith(b"PK"):
            print(label(lang, "note: {file}: the lock file Word, WPS or Excel leaves beside an open document, "
                              "no reply: left out").format(file=file), file=sys.stderr)
            continue
        digest = hashlib.sha256(data).digest()
        if data and digest in seen:
            print(label(lang, "note: {file} is the same file as {first} (sent twice): read once").format(
                file=file, first=seen[digest]), file=sys.stderr)
            continue
        seen.setdefault(digest, file)
        kept.append(file)
    return kept


@dataclass
class Source:
    """One file to import: its progress tables, or the workbook of a returned form."""

    path: str
    tables: list = field(default_factory=list)
    form: object = None         # an openpyxl workbook that form_return.is_form() recognised
    formulas: object = None     # the same workbook with its formulas' text (a result never saved reads as empty)
    reads: list = field(default_factory=list)


def import_files(project, files: list[str], month_text: str | None, unit: str | None, dry_run: bool,
                 lang: str = "en") -> None:
    from tracker import store, textfile
    from tracker import plan as planfile
    from tracker.cli.output import say
    from tracker.cli.project import reporter, today
    from tracker.exchange import form_return

    problems: list[BadInput] = []
    p = project.parse_month(month_text) if month_text is not None else None
    files = gather(files, lang)
    sources = [_read(file, problems) for file in files]
    tables = [s for s in sources if s.tables]
    if tables and p is None:
        raise BadInput("{file}: give --month (e.g. --month {example}): a progress table names the month, not the year",
                       file=tables[0].path, example=months.fmt(_month_meant(tables[0].tables, months.of(today()))))
    left_out = []  # a workbook's sheets of other months (7月, 6月…) beside --month's: (place, month named)
    for s in tables:
        s.tables, left = _of_the_month(s.tables, p)
        left_out += left
        for t in s.tables:
            _check_header_month(t, s.path, p, problems)
            says.table_notes(t, lang)
    form_months = {s.path: form_return.form_month(s.form) for s in sources if s.form is not None}
    for path, m in form_months.items():
        if p is not None and m != p:
            problems.append(BadInput("the form is for {form}, but --month is {month}", form=months.fmt(m),
                                     month=months.fmt(p), place=path))
    now = months.of(today())
    if p is not None and p > now:
        problems.append(BadInput("month {month} is still in the future; import its table when it comes",
                                 month=months.fmt(p)))
    for path, m in form_months.items():
        if p is None and m > now:  # (with --month, a form of another month is said above)
            problems.append(BadInput("the form is for {month}, still to come: import it when the month has come",
                                     month=months.fmt(m), place=path))

    path = project.tasks_path
    old_bytes = _read_bytes(path)
    conn = project.read()
    try:
        plan = project.plan(conn) if old_bytes is not None else None
        adding, seen, adders = [], {}, []
        for s in tables:
            for t in s.tables:
                reads, adds = read_rows(t, plan, unit, p, problems, seen)
                s.reads += reads
                adding += adds
                if adds and s.path not in adders:
                    adders.append(s.path)
        year = plan.year if plan else months.year_of(p if p is not None else now)
        added = [new_task_toml(tid, title, lead, p, year, due) for tid, title, lead, due in adding]
        new_bytes = plan_bytes(old_bytes, added, adders, p, lang) if added else None
        if added and not problems:
            try:
                plan = planfile.parse(textfile.decode(new_bytes, path), path)
            except BadInput as e:
                first = str(e).splitlines()[0]
                raise BadInput("{file}: the tasks it adds would make {path} invalid ({first})", file=files[0], path=path, first=first) from None
        returns = []
        if plan is None and any(s.form is not None for s in sources):
            raise BadInput("{path}: no such plan file: a returned form is matched against tasks.toml", path=path)
        for s in sources:
            if s.form is not None:
                returns.append(form_return.read_form(s.path, s.form, plan, problems, s.formulas))
        entries, reported = [], set()
        if tables and plan is not None:
            reads = [r for s in tables for r in s.reads if plan.task(r.task_id) is not None]
            logs = store.load_logs(conn, upto=p)
            reported = {tid for tid, log in logs.items() if log.has_entry(p)}  # a new entry of theirs corrects one
            entries += make_entries(reads, plan, p, logs, reporter(), problems, store.month_texts(conn, p))
        _given_twice(entries, tables, returns, problems)
        if problems:
            raise Problems(problems)
        replaced = {}  # a returned form's tasks already reported for its month: its rows replace those reports
        for back in returns:
            entries += back.entries
            logs = store.load_logs(conn, upto=back.month, tasks={e.task for e in back.entries})
            replaced[back.path] = {tid for tid, log in logs.items() if log.has_entry(back.month)}
        present = store.present_ids(conn, [e.id for e in entries])
        superseded = _superseded(conn, [e for e in entries if e.id in present])
        # Checks before recording (core/checks.py), as for every write: refusals raised here, slips said below.
        fresh = [e for e in entries if e.id not in present]
        slips = checked(conn, plan, fresh, _places(fresh, tables, returns, cells=True))
    finally:
        if conn is not None:
            conn.close()
    for s in tables:
        for read in s.reads:
            if any(e.id in present for e in entries if e.task == read.task_id):
                read.new = False
    new = [e for e in entries if e.id not in present]
    if not dry_run and (new or new_bytes is not None):
        _write(project, path, old_bytes, new_bytes, new)
    if dry_run:
        say(label(lang, "dry run: nothing is written"))
    for s in tables:
        for read in s.reads:
            say(says.describe(read, lang))
        says.say_counts(s, p, new, unit if any(r.added for r in s.reads) else None, path, lang, dry_run)
    if tables:
        says.say_corrections(sorted({e.task for e in new} & reported, key=says.id_order), p, lang, dry_run)
        says.say_left([r for s in tables for r in s.reads], path, lang)
    for back in returns:
        says.say_form(back, present, lang, dry_run)
        says.say_corrections(sorted({e.task for e in back.entries if e.id not in present} & replaced[back.path],
                                    key=says.id_order), back.month, lang, dry_run)
        says.say_same_above(back.same_above, lang)
    if len(tables) + len(returns) > 1:  # the sum of what each file said above
        files = sum(1 for s in tables if any(e.task in {r.task_id for r in s.reads} for e in new)) + \
            sum(1 for back in returns if any(e.id not in present for e in back.entries))
        one = "entry" if len(new) == 1 else "entries"
        say(label(lang, f"in all: {{n}} {one} would be recorded from {{k}} of {{m}} files" if dry_run else
                  f"in all: {{n}} {one} recorded from {{k}} of {{m}} files").format(
            n=len(new), k=files, m=len(tables) + len(returns)))
    if returns:
        says.say_missing(project, {m for m in form_months.values()}, new, lang)
    # the warnings last, below what was read and recorded, where a clerk's eye ends up
    warn(slips, lang, None if dry_run else SHOWN_SLIPS)
    says.warn_superseded(superseded, _places(entries, tables, returns), entries, lang)
    for place, named in left_out:
        import sys

        print(label(lang, "note: {place}: the table of month {named} is left out; the file's table of {month} is "
                          "the one imported").format(place=place, named=named, month=months.fmt(p)), file=sys.stderr)
    if unit and tables and not adding:  # --unit is no filter of rows: say so, lest a clerk think it chose them
        import sys

        print(label(lang, "note: --unit {unit} is the lead unit of tasks an import adds; these tables add none "
                          "(it chooses no rows)").format(unit=unit), file=sys.stderr)
    if plan is not None:
        says.warn_other_declared([r for s in tables for r in s.reads if not r.added], plan, p, lang)


def _given_twice(table_entries, tables, returns, problems: list) -> None:
    """A task's report for one month given by two files of one import (a form and its correction, say) is
    refused: which of them would be in force would hang on the order the shell lists the files in. The same
    report twice (the same file given twice) is no conflict. Two tables naming a task are read_rows()' to say."""
    rows = {r.task_id: r.row.place for s in tables for r in s.reads}
    first = {(e.task, e.month): (e.id, rows.get(e.task, "")) for e in table_entries}
    for back in returns:
        for e, place in zip(back.entries, back.places):
            key = (e.task, e.month)
            if key in first and first[key][0] != e.id:
                problems.append(BadInput("task {task}'s report for {month} is also at {first}: import one file at "
                                         "a time, the one to be in force last", task=e.task,
                                         month=months.fmt(e.month), first=first[key][1], place=place))
            first.setdefault(key, (e.id, place))


def _superseded(conn, present: list) -> dict:
    """Of the imported reports the log holds already, those no longer in force for their month, each with the
    time the report in force was recorded: a later report of the task for that month (not voided) is, or the
    report itself was voided. Importing such a file again changes nothing (its entries are skipped)."""
    from tracker import store

    out = {}
    for task in {e.task for e in present}:
        log = store.entries_of_task(conn, task)
        voided = {e.voids for e in log if e.voids}
        mine = {e.id for e in present if e.task == task}
        for i, e in enumerate(log):
            if e.id in mine:
                later = [x for x in log[i + 1:] if x.month == e.month and not x.voids and x.id not in voided]
                if later or e.id in voided:
                    out[e.id] = later[-1].recorded_at if later else None
    return out


# The texts an entry takes from a table's row (checks.TEXTS), by the column each comes from.
_TEXT_COLUMNS = (("note", "progress"), ("problems", "problems"), ("next_steps", "next_steps"))


def _places(entries, tables, returns, cells: bool = False) -> list:
    """Where each entry came from, for the messages: the table's row, or the returned form's row; with
    `cells`, a table row's places by field too (checks._place: a note too long is named at its own cell)."""
    rows = {r.task_id: r.row for s in tables for r in s.reads}
    forms = {id(e): place for back in returns for e, place in zip(back.entries, back.places)}
    out = []
    for e in entries:
        row = rows.get(e.task)
        if id(e) in forms or row is None:
            out.append(forms.get(id(e)))
        elif cells:
            out.append({"": row.place, **{f: row.places[c] for f, c in _TEXT_COLUMNS if c in row.places}})
        else:
            out.append(row.place)
    return out


def _read(file: str, problems: list) -> Source:
    """A file's tables (or its form), read; a file that cannot be read is named in `problems`, with the others'."""
    suffix = os.path.splitext(file)[1].lower()
    # a file of a kind not read, or that cannot be opened, is said with the other files' problems, all at once
    if suffix in ARCHIVES:
        problems.append(BadInput("{file}: cannot import {suffix}, an archive: unzip it (解压) and import the files "
                                 "in it", file=file, suffix=suffix))
        return Source(file)
    if suffix in PICTURES:
        problems.append(BadInput("{file}: cannot import {suffix}, a scan or a picture: ask the unit for the file "
                                 "itself (.docx, .xlsx or the form), or give its figures with tracker log",
                                 file=file, suffix=suffix))
        return Source(file)
    try:
        return _open(file, suffix, problems)
    except BadInput as e:
        problems.append(e)
        return Source(file)


def _open(file: str, suffix: str, problems: list) -> Source:
    from tracker import textfile
    from tracker.exchange import progress_table, sheets

    if suffix in OLD_FORMATS:  # old Excel's, Word's and WPS's binary formats, LibreOffice's: their .xlsx or .docx is read
        problems.append(BadInput("{file}: cannot import {suffix}: open it in Excel, Word or WPS and save it as {new} "
                                 "(另存为 {new}), then import that", file=file, suffix=suffix, new=OLD_FORMATS[suffix]))
        return Source(file)
    if suffix not in TABLE_SUFFIXES and not os.path.isdir(file):  # a folder: read_bytes says it is one
        problems.append(BadInput("{file}: cannot import {suffix}: use a progress table (.md, .txt, .csv, .docx, "
                                 ".xlsx), a returned form (.xlsx) or entries (.jsonl)", file=file,
                                 suffix=suffix or Word("a file without extension")))
        return Source(file)
    data = textfile.read_bytes(file, "file to import")
    if suffix in (".xlsx", ".xlsm"):
        from tracker.exchange import form_return

        wb = sheets.open_workbook(file, data)
        if form_return.is_form(wb):
            return Source(file, form=wb, formulas=sheets.open_workbook(file, data, formulas=True))
        if form_return.lost_key(wb):
            problems.append(BadInput("{file}: a form whose hidden sheet is gone (its cells copied into another "
                                     "workbook?): its rows cannot be matched to tasks; have the unit fill in the "
                                     "form as it was sent", file=file))
            return Source(file)
    if suffix in (".md", ".markdown", ".txt"):
        return Source(file, [progress_table.parse_table(sheets.text_of(file, data), file, problems)])
    return Source(file, progress_table.find_tables(sheets.read_grids(file, data), file, problems))


def _named_month(table) -> int | None:
    """The month of the year the table's header names, else the month its title names."""
    from tracker.exchange.progress_table import header_month, title_month

    named = header_month(table.headers)
    return named if named is not None else title_month(table.above)


def _of_the_month(file_tables: list, p: int) -> tuple[list, list]:
    """A file's tables, less those of other months when one of them names --month's (a workbook with a sheet a
    month, 7月 and 8月): those are said, not refused. The places and months of the ones left out."""
    moy = months.month_of_year(p)
    named = [_named_month(t) for t in file_tables]
    if moy not in named:
        return file_tables, []
    return ([t for t, m in zip(file_tables, named) if m in (None, moy)],
            [(t.header_places[0] if t.header_places else "", m) for t, m in zip(file_tables, named)
             if m not in (None, moy)])


def _check_header_month(table, file: str, p: int, problems: list) -> None:
    """The month the table's header names, else the month its title names, must be --month's."""
    from tracker.exchange.progress_table import header_month, month_column, one_line, title_month

    named = header_month(table.headers)
    if named is not None and named != months.month_of_year(p):
        at = month_column(table.headers)
        place = table.header_places[at] if at < len(table.header_places) else None
        problems.append(BadInput("the table's header names month {named} ({head}), but --month is {month}",
                                 named=named, head=table.headers[at], month=months.fmt(p), place=place))
        return
    titled = title_month(table.above) if named is None else None
    if titled is not None and titled != months.month_of_year(p):
        problems.append(BadInput("the table's title names month {named} ({title}), but --month is {month}",
                                 named=titled, title=one_line(table.above)[:60], month=months.fmt(p),
                                 place=table.above_place or file))


def _write(project, path: str, old_bytes: bytes | None, new_bytes: bytes | None, entries: list) -> None:
    """tasks.toml, then the entries in one transaction; if the entries fail, tasks.toml is put back."""
    from tracker.core import entries as make
    from tracker import store
    from tracker.files import atomic_write

    conn = project.write() if entries else None
    try:
        if new_bytes is not None:
            atomic_write(os.path.realpath(path), new_bytes)  # a linked tasks.toml stays linked
        try:
            if entries:
                store.append(conn, entries, stamp=make.now_stamp)
        except BaseException:
            if new_bytes is not None:
                if old_bytes is None:
                    os.unlink(path)
                else:
                    atomic_write(os.path.realpath(path), old_bytes)
            raise
    finally:
        if conn is not None:
            conn.close()


def _read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise BadInput("{path}: is a directory, not a plan file", path=path) from None
    except OSError as e:
        raise BadInput("{path}: cannot read: {why}", path=path, why=e.strerror) from None


def _month_meant(tables, now):
    """The month a table without --month most likely reports: the latest of the month its header (or title)
    names that has come, this year's or last year's; else the current month."""
    from tracker.exchange.progress_table import header_month, title_month
    named = next((m for t in tables for m in (header_month(t.headers) or title_month(t.above),) if m), None)
    if named is None:
        return now
    meant = months.make(months.year_of(now), named)
    return meant if meant <= now else months.make(months.year_of(now) - 1, named)
