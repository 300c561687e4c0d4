"""Import a monthly progress table's rows: new tasks into tasks.toml, notes, problems, next steps and figures into the log.

The rows come from progress_table.py; what to add and record is worked out
here without touching a file (the CLI's import writes and says what was
read, with the words each figure was read from: reading()). Entry ids are a
hash of task, month and the row's content, so importing the same table
again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field

from tracker.core import months
from tracker.errors import BadInput
from tracker.exchange.progress_table import ProgressTable, TableRow, column_of, one_line, split_task_cell
from tracker.core.model import Plan, Task, id_as_written, id_number, number
from tracker.plan.starter import is_sample

# --- from rows to what will be written -------------------------------------------------


@dataclass
class Read:
    """What import read for one row, to show the person who runs it."""

    row: TableRow
    task_id: str
    title: str
    added: bool = False
    figures: list = field(default_factory=list)     # (metric, value or None, the words it was read from)
    note: str | None = None
    new: bool = True                                # False: already in the log


def entry_id(task_id: str, month: int, note: str | None, values: dict, problems: str | None = None,
             next_steps: str | None = None) -> str:
    """The same row of the same table for the same month always gives the same id."""
    parts = ["table", task_id, months.fmt(month), note, sorted((k, number(v)) for k, v in values.items())]
    if problems is not None or next_steps is not None:
        parts += [problems, next_steps]
    body = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()[:32]


def placeholders() -> set[str]:
    """The progress text `report` writes where the month has no note: read back as no note."""
    from tracker.core.rows import NO_NOTE, NO_REPORT, NO_REPORT_DONE, NO_REPORT_PENDING
    from tracker.labels import label

    return {label(lang, text) for lang in ("en", "zh")
            for text in (NO_REPORT, NO_REPORT_DONE, NO_REPORT_PENDING, NO_NOTE)}


def new_task_toml(task_id: str, title: str, unit: str, p: int, plan_year: int | None,
                  due: dt.date | None = None) -> str:
    """A [[task]] table (with its [[task.metric]] tables) for a task the table adds, written by tomli-w."""
    import tomli_w

    from tracker.core.figures import targets_from_title

    year = months.year_of(p)
    task = {"id": task_id, "title": title, "unit": unit}
    if plan_year is not None and plan_year != year:
        task["start"] = dt.date(year, 1, 1)
    task["due"] = due or dt.date(year, 12, 31)
    out = "[[task]]\n" + tomli_w.dumps(task)
    for n, t in enumerate((t for t in targets_from_title(title) if t.target > 0), 1):
        metric = {"key": f"m{n}", "name": t.name, "unit": t.unit, "target": number(t.target)}
        out += "\n[[task.metric]]\n" + tomli_w.dumps(metric)
    return out


# A due column's Chinese forms: 2024年12月底, 12月底, 2024年6月30日, 年底, 上半年; ISO and slashed dates go to dateutil.
_DUE_YMD = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|[底末])?$")
_DUE_YEAR = {"年底": (12, 31), "年末": (12, 31), "全年": (12, 31), "下半年": (12, 31), "上半年": (6, 30)}


def due_date(text: str, year: int) -> dt.date | None:
    """The date a due cell names (the last day of a month it names), in `year` unless it names one; None if none."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    t = re.sub(r"(以前|之前|前)$", "", t)
    whole = re.match(r"^(\d{4})年(.+)$", t)
    if whole and whole[2] in _DUE_YEAR:
        return dt.date(int(whole[1]), *_DUE_YEAR[whole[2]])
    if t in _DUE_YEAR:
        return dt.date(year, *_DUE_YEAR[t])
    found = _DUE_YMD.match(t)
    if found:
        y, m = int(found[1] or year), int(found[2])
        if not 1 <= m <= 12:
            return None
        try:
            return dt.date(y, m, int(found[3])) if found[3] else months.last_day(months.make(y, m))
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", t):
        from dateutil import parser

        try:
            return parser.parse(t, yearfirst=True, dayfirst=False).date()
        except (ValueError, OverflowError):
            return None
    return None


def plan_bytes(old: bytes | None, added: list[str], sources: list[str], p: int, lang: str = "en") -> bytes | None:
    """tasks.toml with the new tasks appended, or None when nothing is added.

    The new tables go after the file's own bytes, which stay exactly as they
    were (comments, line endings); only a UTF-16/32 file is rewritten, as UTF-8.
    A missing file starts with [plan] year. The comment above them is in the import's language, as `init`'s are.
    """
    from tracker.labels import label

    if not added:
        return None
    if old is None:
        old = f"[plan]\nyear = {months.year_of(p)}\n".encode()
    elif not _is_utf8(old):
        from tracker import textfile

        old = textfile.decode(old, "tasks.toml").encode("utf-8")
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    names = " ".join(os.path.basename(source) for source in sources)  # the files whose tables added tasks
    command = f"`tracker import {names} --month {months.fmt(p)}`"
    block = "# " + label(lang, "Added by {command}").format(command=command) + "\n\n" + "\n".join(added)
    return old.rstrip(b"\r\n") + newline * 2 + block.encode("utf-8").replace(b"\n", newline)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_rows(table: ProgressTable, plan: Plan | None, unit: str | None, p: int, problems: list,
              seen: dict | None = None) -> tuple[list[Read], list[tuple]]:
    """Each row's task (known or to be added); and the (id, title, unit, due) of the tasks to add.

    A row that cannot be read is added to `problems` (BadInput with its place) and left out;
    `seen` (task id → place) is shared by the tables of one import, so a task is reported once.
    """
    known = set(plan.by_id) if plan else set()
    seen = {} if seen is None else seen
    reads, adding = [], []
    roles = {column_of(h) for h in table.headers}
    # an office's plan sheet numbers its tasks under 序号, which a monthly table uses for its rows only
    numbered = "no" in roles and "id" not in roles
    for row in table.rows:
        tid, title = _task_of(row, known)
        if tid is not None and id_number(tid) is None:
            # a sub-item (50-1) or a note in the 编号 column: no number a task can have, whatever the title
            problems.append(BadInput("the 编号 {cell} is not a task's number (digits, optionally dotted: 195, 3.2); "
                                     "a sub-item (50-1) is reported under its task's own number",
                                     cell=repr(_short(row.task_id or "")), place=row.places.get("id", row.place)))
            continue
        if tid is not None and tid not in known and plan and (typed := plan.task_as_typed(tid)) is not None:
            tid = typed.id  # a table's 05. is task 5, as `tracker log 05` is
        if tid is None:
            problems.append(BadInput("the task cell must be the task's number, a dot and its title "
                                     "(`195.新建…`), not {cell}" + (
                                         "; or, when 序号 holds the tasks' own numbers, head that column 编号"
                                         if numbered else ""), cell=repr(_short(row.task_cell)), place=row.place))
            continue
        if tid in seen:
            first = seen[tid]
            # a place is FILE:LINE, FILE:SHEET!CELL or FILE:table N, row M: a sheet's name holds no colon
            if first.rsplit(":", 1)[0] != row.place.rsplit(":", 1)[0]:  # two units' replies, or one re-sent
                problems.append(BadInput("task {task} is given in two files (first at {first}): keep it in one, or "
                                         "import them one after the other (the later is in force)", task=tid,
                                         first=first, place=row.place))
                continue
            where = BadInput("line {n}", n=first.rsplit(":", 1)[1]) if row.line is not None else first
            problems.append(BadInput("task {task} appears twice (first at {first})", task=tid, first=where, place=row.place))
            continue
        seen[tid] = row.place
        read = Read(row, tid, title)
        if tid in known and title and not same_task(title, plan.task(tid).title):
            # a number mistyped (21 for 12), or init's sample tasks still in tasks.toml: never another task's figures
            problems.append(BadInput("task {task} in tasks.toml is {declared}, not {title}: " + (
                SAMPLE_HINT if is_sample(plan.task(tid)) else "a wrong number?"),
                task=tid, declared=_short(plan.task(tid).title), title=_short(title), place=row.place))
            continue
        twin = next((t.id for t in plan.tasks if same_title(title, t.title)), None) if plan and tid not in known \
            and title else None
        if twin is not None:  # a new number for a task the plan has: 13 for 8
            problems.append(BadInput("task {task} is not in tasks.toml, but its title is task {twin}'s: " + (
                SAMPLE_HINT if is_sample(plan.task(twin)) else "a wrong number?"), task=tid, twin=twin, place=row.place))
            continue
        if tid not in known:
            lead = row.unit or unit
            if not lead:
                problems.append(BadInput("task {task} is not in tasks.toml: give --unit (its lead unit) to add it",
                                         task=tid, place=row.place))
                continue
            due = None
            if row.due:
                due = due_date(row.due, months.year_of(p))
                if due is None:
                    problems.append(BadInput("the due date {due} of task {task} is not a date "
                                             "(write 2024年12月底, 12月底, 年底 or 2024-12-31)",
                                             due=repr(row.due), task=tid, place=row.places.get("due", row.place)))
                    continue
            read.added = True
            adding.append((tid, title, lead, due))
        reads.append(read)
    return reads, adding


# what a table meets in a plan still holding the samples `tracker init` wrote (tasks 1 and 2)
SAMPLE_HINT = "that one is `tracker init`'s sample: delete init's sample tasks from tasks.toml, then import"

_NOT_WORDS = re.compile(r"[\s\W_]+")  # white space and punctuation, Chinese or Latin


def same_title(a: str, b: str) -> bool:
    """Two titles alike but for white space, punctuation and full-width forms."""
    return _plain(a) == _plain(b)


def same_task(given: str, declared: str) -> bool:
    """Whether a table's title for a task is the declared one, as offices rewrite titles month to month: the
    same but for punctuation, or most of the shorter one's characters found in order in the longer (提高救助标准
    for 提高城乡低保、特困人员等困难群体救助标准; 完成老旧小区改造120个 for 改造老旧小区120个)."""
    import difflib

    a, b = _plain(given), _plain(declared)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return True
    found = sum(m.size for m in difflib.SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks())
    return found >= 0.6 * len(short)


def _plain(title: str) -> str:
    return _NOT_WORDS.sub("", unicodedata.normalize("NFKC", title))


def _task_of(row: TableRow, known) -> tuple[str | None, str]:
    """The row's task ID and title: from its 编号 column as written, else split from its ID.TITLE cell."""
    if row.task_id:
        written = one_line(row.task_id)
        title = one_line(row.task_cell)
        if title.startswith(written) and title[len(written):len(written) + 1] in (".", "．", "、"):
            title = title[len(written) + 1:].strip()
        return id_as_written(written), title
    split = split_task_cell(row.task_cell, known)
    return (None, "") if split is None else split


def reading(text: str, metric) -> tuple[float | None, str | None]:
    """A metric's figure in a progress text and the words it was read from, as the text writes them
    (core/figures.py reads them with Chinese numerals in digits), or (None, None)."""
    from tracker.core.figures import as_written, read_value

    found = read_value(text, metric.name, metric.unit, mode=metric.mode, target=metric.target, any_magnitude=True)
    return (None, None) if found is None else (found.value, as_written(text, found))


def figures_in(text: str, unit: str) -> list[str]:
    """The figures a progress text writes in `unit` (Chinese numerals in digits), as the reader finds numbers and
    measure words: shown beside a metric left unread, so a clerk sees whether the text has none of its measure
    word or has some the reader could not tell were the metric's."""
    from tracker.core import phrases

    if not unit:
        return []
    flat = phrases.normalise(text)
    found = []
    for m in phrases.NUM.finditer(flat):
        more = flat[m.end()] if flat[m.end():m.end() + 1] in ("余", "多") else ""  # 120余个: about 120
        if phrases.unit_is(flat, m.end() + len(more), unit):
            found.append(m.group() + more + unit)
    return list(dict.fromkeys(found))


def make_entries(reads: list[Read], plan: Plan, p: int, logs: dict, by: str | None,
                 problems: list | None = None, texts: dict | None = None) -> list:
    """One entry per row that says something new for the month: its note, its problems and next steps,
    and the figures read from its note. A row's text that cannot be kept goes to `problems` (else raised).
    texts: each task's (problems, next steps) in force for the month (store.month_texts)."""
    out = []
    for read in reads:
        try:
            entry = _entry(read, plan, p, logs, by, (texts or {}).get(read.task_id, (None, None)))
        except BadInput as e:
            if problems is None:
                raise
            problems.append(e if e.place else BadInput(e.template, place=read.row.place, **e.fields))
            continue
        if entry is not None:
            out.append(entry)
    return out


def _shown(texts: tuple) -> tuple:
    from tracker.textfile import visible

    return tuple(None if t is None else visible(t) for t in texts)


def _entry(read: Read, plan: Plan, p: int, logs: dict, by: str | None, texts: tuple):
    from tracker.core import entries as make
    from tracker.core.checks import TEXT_LIMIT
    from tracker.core.model import Entry

    task: Task = plan.task(read.task_id)
    note = make.note(read.row.progress)
    read.note = None if note in placeholders() else note
    problems = make.note(read.row.problems, "problems")
    steps = make.note(read.row.next_steps, "next_steps")
    values = {}
    # A note longer than a note may be is refused (core/checks.py) at its cell: not read for figures first
    # (reading 20,000 characters can take minutes, and the refusal is all that comes of it).
    readable = read.note if read.note and len(read.note) <= TEXT_LIMIT else None
    for metric in task.metrics:
        # a cumulative metric wants the running total (累计), an increment metric the month's amount
        value, words = reading(readable, metric) if readable else (None, None)
        read.figures.append((metric, value, words))
        if value is not None:
            values[metric.key] = value
    values = make.check_values(task, values)
    if read.note is None and not values and problems is None and steps is None:
        read.new = False
        return None
    log = logs.get(task.id)
    # The log already says this for the month (a table printed by `report`): compared as every output shows
    # text (textfile.visible), since that is how `report` wrote a note with an invisible or control character.
    if log is not None and _shown((problems, steps, read.note)) == _shown((*texts, log.notes.get(p))) and all(
            log.values.get(k, {}).get(p) == v for k, v in values.items()):
        read.new = False
        return None
    return Entry(entry_id(task.id, p, read.note, values, problems, steps), task.id, p, "", by, values,
                 None, None, read.note, problems, steps)

def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
