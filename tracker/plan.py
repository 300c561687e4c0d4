"""Read tasks.toml into a frozen Plan; every problem is `PATH:LINE: message`.

This module reads the file and knows where things are in it (tomllib keeps
no positions); plancheck.py validates what tomllib read, with pydantic, which
is imported only from there, and only when the plan cache misses.
"""

from __future__ import annotations

import re
import tomllib

from tracker import textfile
from tracker.errors import BadInput, PlanError
from tracker.model import Plan

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
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
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
            for quote in ('"""', "'''"):
                if raw.count(quote) % 2 == 1:
                    in_multiline = quote
    return lines


# A line that begins with `[` (after white space), and what else str.splitlines() ends a line at.
_BRACKET_LINE = re.compile(r"^[^\S\n]*\[.*", re.MULTILINE)
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
    for found in _BRACKET_LINE.finditer(text):
        raw = found[0]
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
    from tracker import plancheck  # pydantic

    return plancheck.validate(data, key_lines(text), path)


def load(path: str) -> Plan:
    return parse(read_text(path), path)
