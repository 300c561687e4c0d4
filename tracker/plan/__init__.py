"""Read tasks.toml into a frozen Plan; every problem is `PATH:LINE: message`.

Two ways through, one answer. The fast way reads the text with rtoml (Rust)
and builds the tasks with plain checks of the common shape; it knows where
the tables are from their header lines alone. Whatever it is not sure of
(a text that TOML 1.1 may read otherwise, a value of another type, any
problem at all) goes the careful way: tomllib, every key's line, and
plancheck.py's pydantic models, which name every problem. The fast way
takes only what the careful way takes, and builds the very same Plan.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re

from tracker import textfile
from tracker.errors import BadInput, PlanError
from tracker.core.model import MODES, Metric, Milestone, Plan, Task

# --- where things are in the file -------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")


def key_lines(text: str) -> dict[tuple, int]:
    """Map ('task', 3, 'metric', 0, 'target') and its prefixes to line numbers.

    tomllib keeps no positions, so the text is scanned: table headers set the
    current path, and each `key =` records its line under it.
    """
    lines: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    current: tuple = ()
    task_path: tuple = ()
    in_multiline = None
    for n, raw in enumerate(text.splitlines(), 1):
        if in_multiline:
            end = _closing(raw, 0, in_multiline)
            if end >= 0:
                in_multiline = _left_open(raw, end)
            continue
        header = _HEADER.match(raw)
        if header and raw.lstrip().startswith("["):
            name = header[1].replace(" ", "")
            array = raw.lstrip().startswith("[[")
            if name == "task" and array:
                i = counts[("task",)] = counts.get(("task",), -1) + 1
                task_path = current = ("task", i)
            elif name in ("task.metric", "task.milestone") and array and task_path:
                sub = name.split(".")[1]
                j = counts[task_path + (sub,)] = counts.get(task_path + (sub,), -1) + 1
                current = task_path + (sub, j)
            else:
                current = (name,)
            lines.setdefault(current, n)
            continue
        key = _KEY.match(raw)
        if key:
            lines.setdefault(current + (key[1].strip("\"'"),), n)
            in_multiline = _left_open(raw, key.end())
    return lines


def _left_open(line: str, at: int) -> str | None:
    """The delimiter (\"\"\" or ''') of a multi-line string that a line's values, from `at` on, open and
    leave open; None if none. Its strings are read as TOML reads them: three quotes inside a one-line
    string, or after a # (a comment), open nothing."""
    if '"""' not in line and "'''" not in line:
        return None
    while (token := _TOKEN.search(line, at)) is not None:
        found = token[0]
        if found == "#":
            return None
        if found in _TRIPLES:
            at = _closing(line, token.end(), found)
            if at < 0:
                return found
        else:
            at = token.end()
    return None


# What a line's values hold that matters to where strings are: a multi-line string's opening, a one-line
# string (a basic one with its escapes; to the line's end if it does not close), a comment.
_TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\]|\\.)*"?|\'[^\']*\'?|#')
_TRIPLES = frozenset({'"""', "'''"})


def _closing(line: str, at: int, triple: str) -> int:
    """Just past the end of a multi-line string, searched for from `at` (its delimiter, with the up to two
    quotes before it that are the string's own); -1 when it does not end in this line."""
    while (at := line.find(triple, at)) >= 0:
        if triple == '"""':  # escaped by an odd run of backslashes before it: the string goes on
            run = at
            while run and line[run - 1] == "\\":
                run -= 1
            if (at - run) % 2:
                at += 1
                continue
        end = at + 3
        while end < len(line) and end - at < 5 and line[end] == triple[0]:
            end += 1
        return end
    return -1


# A line that begins with `[` (after white space), found by the newline before it (searched for the way a
# string is, 4 × as fast as `^` in MULTILINE mode, tried at every character); and what else str.splitlines()
# ends a line at.
_BRACKET_LINE = re.compile(r"\n[^\S\n]*\[.*")
_OTHER_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def header_lines(text: str) -> dict[tuple, int] | None:
    """key_lines()'s lines of the [[task]], [[task.metric]] and [[task.milestone]] tables, read off their headers.

    The same numbers, without looking at every line: only lines that begin
    with `[` can open a table. None where lines might be read otherwise:
    key_lines() skips the inside of a multi-line string, and counts lines as
    str.splitlines() does (not only at \\n).
    """
    if '"""' in text or "'''" in text or _OTHER_BREAKS.search(text):
        return None
    lines: dict[tuple, int] = {}
    names: dict[str, tuple] = {}  # a header line's text: (table name, array of tables?), or () for none
    task, i, metric, milestone = None, -1, -1, -1
    n, at = 1, 0
    count = text.count
    for found in _BRACKET_LINE.finditer("\n" + text):  # found.start(): where the line begins in text
        raw = found[0][1:]
        name = names.get(raw)
        if name is None:
            header = _HEADER.match(raw)
            name = names[raw] = (header[1].replace(" ", ""), raw.lstrip().startswith("[[")) if header else ()
        if not name or not name[1]:
            continue
        if name[0] == "task":
            i, metric, milestone = i + 1, -1, -1
            task = path = ("task", i)
        elif name[0] == "task.metric" and task:
            metric += 1
            path = task + ("metric", metric)
        elif name[0] == "task.milestone" and task:
            milestone += 1
            path = task + ("milestone", milestone)
        else:
            continue
        n += count("\n", at, found.start())
        at = found.start()
        lines[path] = n
    return lines


def line_of(lines: dict[tuple, int], loc: tuple) -> int:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


# --- loading ----------------------------------------------------------------------


def read_text(path: str) -> str:
    """The file's text, or a PlanError saying why it cannot be read."""
    try:
        open(path, "rb").close()
    except FileNotFoundError:
        raise PlanError([f"{path}: no such file (run `tracker init` to start a plan, or give --tasks)"]) from None
    except OSError:
        pass
    return decode(None, path)


def decode(data: bytes | None, path: str) -> str:
    try:
        return textfile.decode(data, path) if data is not None else textfile.read(path, "plan file")
    except BadInput as e:
        raise PlanError([str(e)]) from None


def parse(text: str, path: str = "tasks.toml") -> Plan:
    """Validate TOML text into a Plan, or raise PlanError with every problem."""
    # A plan is some hundred thousand small objects and no cycles: the cyclic
    # collector would only run over them again and again (cli.main turns it off
    # for a whole command; this is for anyone else who reads a plan).
    collecting = gc.isenabled()
    gc.disable()
    try:
        plan = _fast(text, path)
        return plan if plan is not None else _careful(text, path)
    finally:
        if collecting:
            gc.enable()


def _careful(text: str, path: str) -> Plan:
    import tomllib

    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise PlanError([f"{path}:1: invalid TOML: arrays or tables nested too deeply"]) from None
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        where = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = where[1] if where else "1"
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        if "end of document" in msg:
            line = str(max(1, text.count("\n")))
        raise PlanError([f"{path}:{line}: invalid TOML: {msg}"]) from None
    from tracker.plan import validate as plancheck  # pydantic

    return plancheck.validate(data, key_lines(text), path)


def load(path: str) -> Plan:
    return parse(read_text(path), path)


# --- the fast way -----------------------------------------------------------------
# rtoml reads TOML 1.1, tomllib of Python 3.11 TOML 1.0. What 1.1 added: newlines and
# a trailing comma in inline tables, the escapes \x and \e, times without seconds; and
# rtoml takes a byte-order mark. A text that shows any sign of them goes the careful
# way, as does anything rtoml cannot read (ints beyond 64 bits, 1e400: tomllib can).
_ESCAPE_1_1 = re.compile(r"\\[xe]")
_TIME_1_1 = re.compile(r":(?<=(?<![\d:])\d\d:)\d\d(?!:\d)")  # HH:MM with no :SS after it


def _maybe_toml_1_1(text: str) -> bool:
    return ("{" in text or "\ufeff" in text or "\r" in text
            or ("\\" in text and _ESCAPE_1_1.search(text) is not None)
            or (":" in text and _TIME_1_1.search(text) is not None))


def _fast(text: str, path: str) -> Plan | None:
    """The plan read the fast way, or None where the careful way must answer."""
    try:
        import rtoml
    except ImportError:  # pragma: no cover - an install without it is only slower
        return None
    if _maybe_toml_1_1(text):
        return None
    try:
        data = rtoml.loads(text)
    except KeyboardInterrupt:
        raise
    except BaseException:  # noqa: BLE001 (its parse errors, and pyo3's PanicException, a BaseException, were it to fail)
        return None
    lines = header_lines(text)
    return _build(data, key_lines(text) if lines is None else lines, path)


_TOP_KEYS = frozenset({"plan", "task"})
# The keys of plancheck's PlanIn, TaskIn, MetricIn and MilestoneIn (a test holds them equal).
_PLAN_KEYS = frozenset({"title", "year", "stall_months", "behind_tolerance"})
_TASK_KEYS = frozenset({"id", "title", "unit", "co_units", "category", "start", "due", "stall_months",
                        "behind_tolerance", "metric", "milestone"})
_METRIC_KEYS = frozenset({"key", "name", "unit", "target", "baseline", "mode"})
_MILESTONE_KEYS = frozenset({"due", "metric", "target"})
# ASCII only: pydantic's patterns (\d) also take other scripts' digits, which the careful way reads.
_ID = re.compile(r"[0-9]+(?:\.[0-9]+)*").fullmatch
_KEY_NAME = re.compile(r"[a-z][a-z0-9_]*").fullmatch
_EXACT = 2 ** 53  # an int up to this is the same float whoever converts it


def _figure(x) -> float | None:
    """A finite number as pydantic's strict float gives it (an int as a float), else None."""
    if type(x) is float:
        return x if math.isfinite(x) else None
    if type(x) is int and -_EXACT <= x <= _EXACT:
        return float(x)
    return None


def _fraction(x) -> float | None:
    """A behind_tolerance: a figure in [0, 1), else None."""
    x = _figure(x)
    return x if x is not None and 0 <= x < 1 else None


def _text(x) -> bool:
    return type(x) is str and x != ""


def _build(data: dict, lines: dict, path: str) -> Plan | None:
    """The Plan plancheck.validate() makes of data, when it is of the common shape and has no problem; else None."""
    if type(data) is not dict or not _TOP_KEYS.issuperset(data):
        return None
    head = data.get("plan", {})
    if type(head) is not dict or not _PLAN_KEYS.issuperset(head):
        return None
    title, year, stall = head.get("title"), head.get("year"), head.get("stall_months", 2)
    tolerance = _fraction(head.get("behind_tolerance", 0.10))
    if ((title is not None and not _text(title)) or (year is not None and (type(year) is not int or not 1900 <= year <= 9999))
            or type(stall) is not int or not 1 <= stall <= 120 or tolerance is None):
        return None
    raw_tasks = data.get("task", [])
    if type(raw_tasks) is not list:
        return None
    tasks: list[Task] = []
    ids: set[str] = set()
    for i, raw in enumerate(raw_tasks):
        task = _task(raw, i, year, stall, tolerance, lines, ids)
        if task is None:
            return None
        tasks.append(task)
    return Plan(tuple(tasks), title, year, stall, tolerance, path)


def _task(raw, i: int, year, stall: int, tolerance: float, lines: dict, ids: set) -> Task | None:
    if type(raw) is not dict or not _TASK_KEYS.issuperset(raw):
        return None
    get = raw.get
    tid, title, unit, category = get("id"), get("title"), get("unit"), get("category")
    if type(tid) is int:  # `id = 195`, as plancheck reads it
        tid = str(tid)
    if (type(tid) is not str or not _ID(tid) or tid in ids or not _text(title) or not _text(unit)
            or (category is not None and not _text(category))):
        return None
    ids.add(tid)
    co_units = get("co_units")
    if co_units is not None:
        if type(co_units) is not list or not all(map(_text, co_units)):
            return None
        co_units = tuple(co_units)
    start, due, task_stall, task_tolerance = get("start"), get("due"), get("stall_months"), get("behind_tolerance")
    if ((start is not None and type(start) is not dt.date) or (due is not None and type(due) is not dt.date)
            or (task_stall is not None and (type(task_stall) is not int or not 1 <= task_stall <= 120))):
        return None
    if task_tolerance is not None:
        task_tolerance = _fraction(task_tolerance)
        if task_tolerance is None:
            return None
    if due is None:
        if year is None:
            return None
        due = dt.date(year, 12, 31)
    if start is None:
        start = dt.date(year if year is not None else due.year, 1, 1)
    line = lines.get(("task", i))
    if due <= start or line is None:
        return None
    raw_metrics, raw_stones = get("metric"), get("milestone")
    metrics = _metrics(raw_metrics, i, lines) if raw_metrics is not None else ()
    stones = _milestones(raw_stones, metrics, start, due, i, lines) if raw_stones is not None and metrics is not None else ()
    if metrics is None or stones is None:
        return None
    return tuple.__new__(Task, (
        tid, title, unit, start, due, stall if task_stall is None else task_stall,
        tolerance if task_tolerance is None else task_tolerance, co_units or (), category, metrics, stones, line))


def _metrics(raw_metrics, i: int, lines: dict) -> tuple[Metric, ...] | None:
    if type(raw_metrics) is not list:
        return None
    metrics: list[Metric] = []
    keys: set[str] = set()
    for j, m in enumerate(raw_metrics):
        if type(m) is not dict or not _METRIC_KEYS.issuperset(m):
            return None
        get = m.get
        key, name, unit, mode = get("key"), get("name"), get("unit", ""), get("mode", "cumulative")
        target, baseline = _figure(get("target")), _figure(get("baseline", 0.0))
        line = lines.get(("task", i, "metric", j))
        if (type(key) is not str or not _KEY_NAME(key) or key in keys or (name is not None and not _text(name))
                or type(unit) is not str or type(mode) is not str or mode not in MODES
                or target is None or baseline is None or not 0 <= baseline < target or line is None):
            return None
        keys.add(key)
        metrics.append(tuple.__new__(Metric, (key, name or key, unit, target, baseline, mode, line)))
    return tuple(metrics)


def _milestones(raw_stones, metrics: tuple, start, due, i: int, lines: dict) -> tuple[Milestone, ...] | None:
    if type(raw_stones) is not list:
        return None
    stones: list[Milestone] = []
    for j, s in enumerate(raw_stones):
        if type(s) is not dict or not _MILESTONE_KEYS.issuperset(s):
            return None
        when, key, target = s.get("due"), s.get("metric"), _figure(s.get("target"))
        if key is None and len(metrics) == 1:  # the task's one metric
            key = metrics[0].key
        metric = next((m for m in metrics if m.key == key), None) if type(key) is str else None
        line = lines.get(("task", i, "milestone", j))
        if (type(when) is not dt.date or target is None or metric is None or line is None
                or not start < when < due or not metric.baseline <= target <= metric.target):
            return None
        stones.append(Milestone(when, key, target, line))
    stones.sort(key=lambda s: (s.metric, s.due))
    return tuple(stones)
