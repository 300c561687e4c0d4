"""Read tasks.toml into a frozen Plan; every problem is `PATH:LINE: message`.

tomli reads the text (the parser the standard library's tomllib was taken from, installed compiled:
twice as fast on a province's 10 MB plan), key_lines() finds where each key stands (it
keeps no positions), and validate.py's pydantic models check every table
and name every problem, all at once.
"""

from __future__ import annotations

import re

from tracker import textfile
from tracker.errors import BadInput, PlanError
from tracker.core.model import Plan

# --- where things are in the file -------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")


def key_lines(text: str, keys: bool = True) -> dict[tuple, int]:
    """Map ('task', 3, 'metric', 0, 'target') and its prefixes to line numbers.

    tomli keeps no positions, so the text is scanned: table headers set the
    current path, and each `key =` records its line under it. Without `keys`,
    only the table headers' lines: the scan then visits only the lines that
    can open a table or a multi-line string (a province's plan has 400,000
    keys and 70,000 headers).
    """
    lines: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    current: tuple = ()
    task_path: tuple = ()
    in_multiline = None
    for n, raw in (enumerate(text.split("\n"), 1) if keys else _tables_and_strings(text)):
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
            if keys:
                lines.setdefault(current + (key[1].strip("\"'"),), n)
            in_multiline = _left_open(raw, key.end())
    return lines


_INTEREST = re.compile(r"^[ \t]*\[|\"\"\"|\'\'\'", re.M)


def _tables_and_strings(text: str):
    """(number, line) of each line that starts with `[` or holds three quotes, in order."""
    n, pos = 1, 0  # the number of the line that starts at pos
    last = -1
    for found in _INTEREST.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        if start == last:
            continue  # a second mark on a line already given
        n += text.count("\n", pos, start)
        pos = last = start
        end = text.find("\n", start)
        yield n, text[start:] if end < 0 else text[start:end]


class Lines:
    """Where keys stand in a plan's text (line_of() reads it as key_lines()'s map): the lines of tasks',
    metrics' and milestones' tables found at once, every other key's only when a problem asks (a full scan)."""

    def __init__(self, text: str):
        self.text = text
        self.tables = key_lines(text, keys=False)
        self.all: dict | None = None

    def _map(self, loc: tuple) -> dict:
        if len(loc) in (2, 4) and loc[0] == "task" and (len(loc) == 2 or loc[2] in ("metric", "milestone")):
            return self.tables
        if self.all is None:
            self.all = key_lines(self.text)
        return self.all

    def __contains__(self, loc: tuple) -> bool:
        return loc in self._map(loc)

    def __getitem__(self, loc: tuple) -> int:
        return self._map(loc)[loc]

    def get(self, loc: tuple, default=None):
        return self._map(loc).get(loc, default)


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


def line_of(lines: dict[tuple, int], loc: tuple) -> int:
    for end in range(len(loc), 0, -1):
        found = lines.get(loc[:end])  # one look-up (a province's plan asks for 73,000 tables' lines)
        if found is not None:
            return found
    return 1


# --- loading ----------------------------------------------------------------------


def read_text(path: str) -> str:
    """The file's text, or a PlanError saying why it cannot be read."""
    try:
        open(path, "rb").close()
    except FileNotFoundError:
        raise PlanError([BadInput("no such file (run `tracker init` to start a plan, or give --tasks)", place=path)]) from None
    except OSError:
        pass
    return decode(None, path)


def decode(data: bytes | None, path: str) -> str:
    try:
        return textfile.decode(data, path) if data is not None else textfile.read(path, "plan file")
    except BadInput as e:
        raise PlanError([e]) from None


def parse(text: str, path: str = "tasks.toml") -> Plan:
    """Validate TOML text into a Plan, or raise PlanError with every problem."""
    import tomli

    try:
        data = tomli.loads(text)
    except RecursionError:  # tomli recurses into nested arrays and inline tables
        raise PlanError([BadInput("invalid TOML: arrays or tables nested too deeply", place=f"{path}:1")]) from None
    except tomli.TOMLDecodeError as e:
        raise PlanError([toml_problem(str(e), text, path)]) from None
    from tracker.plan import validate  # pydantic: only when tasks.toml changed since it was cached

    return validate.validate(data, Lines(text), path)


# tomli's words for what is wrong, in tracker's (its wording never reaches a user as it is).
_TOML_WORDS = (
    ("Unterminated string", "invalid TOML: a string is not closed (a missing quote)"),
    ("Illegal character", "invalid TOML: a string is not closed before the line ends (a missing quote)"),
    ("Unclosed array", "invalid TOML: a list is not closed (a missing ])"),
    ("Unclosed inline table", "invalid TOML: an inline table is not closed (a missing closing brace)"),
    ("Invalid value", "invalid TOML: a value is missing or not a TOML value (text needs quotes)"),
    ("Cannot overwrite a value", "invalid TOML: a key is given twice"),
    ("Cannot declare", "invalid TOML: a table is declared twice"),
    ("Expected '=' after a key", "invalid TOML: a key needs `= value` after it"),
    ("Expected newline or end of document", "invalid TOML: something follows a value on its line"),
    ("Invalid statement", "invalid TOML: a line that is neither `key = value` nor a [table]"),
    ("Invalid initial character for a key", "invalid TOML: a line that is neither `key = value` nor a [table]"),
    ("Invalid date or datetime", "invalid TOML: not a date (write 2024-12-31)"),
)


# `key = ` and a value written as a date that TOML does not take as one
_DATE_LIKE = re.compile(r"\s*[\w.\"'-]+\s*=\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(#.*)?$")


# A date as TOML writes one (four, two and two digits), which the calendar may not have (2026-09-31, 2025-02-29)
_NO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


# A line's TOML strings, left out (and its comment) before looking for full-width marks in what is around them.
# The words an office heads a table's columns with, for the keys tasks.toml writes: a key typed in Chinese is
# answered with the key to write (编号 → id), and a key named in a Chinese message has its word beside it.
KEY_WORDS = {"编号": "id", "序号": "id", "任务编号": "id", "目标任务": "title", "任务": "title", "任务名称": "title",
             "标题": "title", "牵头单位": "unit", "责任单位": "unit", "计量单位": "unit", "单位": "unit",
             "配合单位": "co_units", "类别": "category", "分类": "category", "开始": "start", "开始时间": "start",
             "截止": "due", "截止时间": "due", "完成时限": "due", "指标": "metric", "节点目标": "milestone",
             "目标值": "target", "目标": "target", "指标名称": "name", "名称": "name", "年度": "year", "年份": "year"}
WORD_OF_KEY = {"id": "编号", "title": "目标任务", "unit": "牵头单位", "co_units": "配合单位", "category": "类别",
               "start": "开始", "due": "截止", "metric": "指标", "milestone": "节点目标", "target": "目标值",
               "name": "名称", "key": "指标代码", "year": "年度", "metric.unit": "计量单位", "metric.name": "指标名称"}
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_FULL_WIDTH_DIGITS = "invalid TOML: a number in full-width digits ({typed}): write {ascii}"
_FULL_WIDTH = (
    (re.compile("[“”‘’]"), "invalid TOML: Chinese quotes (“…”) are not TOML's: write text between \"…\""),
    # the whole number or date as typed (１２０, 1０0, ２０２６-１２-３１), to be named with its ASCII form
    (re.compile("[0-9.．\\-－]*[０-９][0-9０-９.．\\-－]*"), _FULL_WIDTH_DIGITS),
    (re.compile("[，、；]"), "invalid TOML: a Chinese comma (，) between values: write ,"),
    (re.compile("[＝：]"), "invalid TOML: a full-width ＝ or ： after a key: write ="),
    (re.compile("[［］【】]"), "invalid TOML: full-width brackets (［］【】): write [ ]"),
    (re.compile("\u3000"), "invalid TOML: a full-width space (　) outside quotes: write an ordinary space"),
    # any other full-width form of an ASCII character (ｕｎｉｔ, －, ＂), named with what to write instead
    (re.compile("[\uff01-\uff5e]+"), "invalid TOML: full-width characters ({typed}) where TOML wants ASCII: write {ascii}"),
)


def toml_problem(msg: str, text: str, path: str) -> BadInput:
    """tomli's error as a problem at its true line: the `(at line N, column M)` in its message, or, for
    `(at end of document)`, the line where the string or list it never saw closed was opened."""
    where = re.search(r"\(at line (\d+), column \d+\)", msg)
    line = int(where[1]) if where else _open_at_end(text)
    raw = text.splitlines()[line - 1] if where and line <= len(text.splitlines()) else ""
    if _DATE_LIKE.match(raw) and not _parses(raw):
        # 2024-13-31, 2024-9-30, 2024/09/30: tomli reads the year as a number and stops at what follows it
        # (a line that is a date by itself has another fault: `due` given twice)
        msg = "Invalid date or datetime"
    if msg.startswith("Invalid date or datetime"):
        found = _NO_DAY.search(_STRINGS.sub("", raw).partition("#")[0])
        if found:  # written as TOML writes a date, and no day of the calendar: say why
            year, month, day = map(int, found.groups())
            if not 1 <= month <= 12:
                return BadInput("invalid TOML: {date} is no date: a year has 12 months", place=f"{path}:{line}",
                                date=found[0])
            import calendar

            days = calendar.monthrange(year, month)[1]
            if day > days or day == 0:
                return BadInput("invalid TOML: {date} is no date: {year}-{month:02d} has {days} days",
                                place=f"{path}:{line}", date=found[0], year=year, month=month, days=days)
    for marks, words in _FULL_WIDTH:  # what a Chinese input method types where TOML wants ASCII
        found = marks.search(_STRINGS.sub("", raw).partition("#")[0])
        if found:
            import unicodedata

            ascii_ = unicodedata.normalize("NFKC", found[0])
            if words is _FULL_WIDTH_DIGITS and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", ascii_):
                words = "invalid TOML: a date in full-width digits ({typed}): write {ascii}"
            return BadInput(words, place=f"{path}:{line}", typed=found[0], ascii=ascii_)
    column = re.search(r"column (\d+)\)", msg)
    bare = re.match(r"[^\x00-\x7f][^\s.=\[\]\"'#]*", raw[int(column[1]) - 1:]) if column and where else None
    if bare and msg.startswith(("Invalid initial character for a key", "Invalid statement")):
        if bare[0] in KEY_WORDS and re.match(r"\s*[^\s=]+\s*=", raw):  # 编号 = "195": a column's word for a key
            return BadInput("invalid TOML: a key in Chinese ({typed}): tasks.toml writes it {key}",
                            place=f"{path}:{line}", typed=bare[0], key=KEY_WORDS[bare[0]])
        # [unit.市民政局]: a name in Chinese is a key TOML takes only in quotes
        return BadInput("invalid TOML: a key in Chinese ({typed}) needs quotes: write \"{typed}\"", place=f"{path}:{line}",
                        typed=bare[0])
    for start, words in _TOML_WORDS:
        if msg.startswith(start):
            return BadInput(words, place=f"{path}:{line}")
    return BadInput("invalid TOML (see line {line})", place=f"{path}:{line}", line=line)


def _parses(line: str) -> bool:
    """Whether one line is valid TOML on its own."""
    import tomli

    try:
        tomli.loads(line)
    except tomli.TOMLDecodeError:
        return False
    return True


def _open_at_end(text: str) -> int:
    """The line where a multi-line string that the file never closes opens; else the last line with text."""
    opened, last = None, 1
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            last = n
        if opened is not None:
            end = _closing(raw, 0, opened[1])
            if end >= 0:
                left = _left_open(raw, end)
                opened = (n, left) if left else None
            continue
        key = _KEY.match(raw)
        left = _left_open(raw, key.end() if key else 0)
        if left:
            opened = (n, left)
    return opened[0] if opened else last


def load(path: str) -> Plan:
    return parse(read_text(path), path)
