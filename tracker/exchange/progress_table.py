"""Reading a monthly progress table's rows out of its text (Markdown or plain, as offices exchange it).

Pure: text in, rows with their line numbers out, or BadInput `PATH:LINE: message`
for the first row that is not one. A row is `序号 | ID.TITLE | PROGRESS |`, with or
without a leading `|`; a cell may run over lines until the row's closing `|`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.errors import BadInput

_PIPE = re.compile(r"(?<!\\)\|")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_ROW_START = re.compile(r"^\s*\|?\s*\d+\s*\|")
_NO_HEADS = {"序号", "no.", "no", "#"}
_HEAD_MONTH_ZH = re.compile(r"(\d{1,2})\s*月")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
# Between a task's number and its title: the contract's `.`, and what Chinese documents also use.
_ID_CELL = re.compile(r"^\s*(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int           # where the row starts in the file
    no: int
    task_cell: str      # ID.TITLE, as written (line breaks kept), read back as the progress cell is
    progress: str       # the progress cell, `\|` and `<br>` read back


@dataclass(frozen=True, slots=True)
class ProgressTable:
    header_line: int
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]


_ENTITY = re.compile(r"&(lt|gt|amp);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&"}


def _unescape(text: str) -> str:
    """A Markdown cell's text as written before escaping: `\\|`, `<br>`, and `&lt;`, `&gt;`, `&amp;` (one pass:
    `&amp;lt;` is `&lt;`) read back."""
    text = _BREAK.sub("\n", text.replace(r"\|", "|"))
    return _ENTITY.sub(lambda m: _ENTITIES[m[1]], text).strip()


def _split(line: str) -> tuple[list[str], bool] | None:
    """A line's cells and whether it ends with a closing `|`; None when it has no `|` at all."""
    s = line.strip()
    if not _PIPE.search(s):
        return None
    if s.startswith("|"):
        s = s[1:]
    closed = bool(s) and s.endswith("|") and not s.endswith(r"\|")
    parts = _PIPE.split(s)
    if closed:
        parts = parts[:-1]
    return [p.strip() for p in parts], closed


def parse_table(text: str, path: str) -> ProgressTable:
    """The table's rows; BadInput `PATH:LINE: message` for the first malformed one."""
    lines = text.splitlines()
    head = None
    for i, line in enumerate(lines):
        split = _split(line)
        if split and len(split[0]) >= 3 and split[0][0].strip().lower() in _NO_HEADS:
            head = i
            break
    if head is None:
        raise BadInput(f"{path}: no progress table found (expected a header row such as "
                       f"`序号 | 目标任务 | 总体工作进展及8月份进展 |`)")
    headers, closed = _split(lines[head])
    ncols = len(headers)
    i = head + 1
    if i < len(lines):
        sep = _split(lines[i])
        if sep and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in sep[0]):
            i += 1
    rows: list[TableRow] = []
    ended = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if ended is not None or not _PIPE.search(line):
            # Text after the table (a note, a signature) is fine; a row after it is not.
            if ended is None:
                ended = i + 1
            elif _ROW_START.match(line):
                raise BadInput(f"{path}:{ended}: a line inside the table that is not a row "
                               f"(the table goes on at line {i + 1})")
            i += 1
            continue
        start = i
        body = line.strip()
        if body.startswith("|"):
            body = body[1:]
        if closed:
            # A row runs over as many lines as it takes to close its last cell.
            while len(_PIPE.findall(body)) < ncols:
                i += 1
                if i >= len(lines):
                    raise BadInput(f"{path}:{start + 1}: the row has no closing `|` (the file ends first)")
                if _ROW_START.match(lines[i]):
                    raise BadInput(f"{path}:{start + 1}: the row is not closed before the next row starts "
                                   f"at line {i + 1} (a cell is missing its `|`)")
                body += "\n" + lines[i]
            parts = _PIPE.split(body)
            cells, rest = parts[:ncols], "|".join(parts[ncols:]).strip()
            if rest:
                raise BadInput(f"{path}:{start + 1}: the row has more cells than the header's {ncols}")
        else:
            cells = _PIPE.split(body.rstrip())
            if body.rstrip().endswith("|") and not body.rstrip().endswith(r"\|"):
                cells = cells[:-1]
            if len(cells) != ncols:
                raise BadInput(f"{path}:{start + 1}: the row has {len(cells)} cells, the header {ncols}")
        no = cells[0].strip()
        if not no.isdigit() or not no.isascii():
            raise BadInput(f"{path}:{start + 1}: 序号 {no!r} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)")
        task_cell = _unescape(cells[1])
        rows.append(TableRow(start + 1, int(no), task_cell, _unescape(cells[2])))
        i += 1
    if not rows:
        raise BadInput(f"{path}:{head + 1}: the progress table has no rows")
    return ProgressTable(head + 1, tuple(headers), tuple(rows))


def header_month(headers: tuple[str, ...]) -> int | None:
    """The month of the year the progress column's header names (8月份, August), if it names one."""
    text = headers[2] if len(headers) > 2 else ""
    found = _HEAD_MONTH_ZH.search(text)
    if found and 1 <= int(found[1]) <= 12:
        return int(found[1])
    lower = text.lower()
    named = [n for n, name in enumerate(_MONTHS_EN, 1) if re.search(rf"\b{name}\b", lower)]
    return named[0] if len(named) == 1 else None


def split_task_cell(cell: str, known_ids) -> tuple[str, str] | None:
    """ID.TITLE → (id, title): a declared dotted id (3.2) first, else the number before the first dot."""
    flat = _one_line(cell)
    for tid in sorted((t for t in known_ids if "." in t), key=len, reverse=True):
        if flat.startswith(tid + "."):
            return tid, flat[len(tid) + 1:].strip()
    found = _ID_CELL.match(flat)
    if not found or not found[2].strip():
        return None
    return found[1], found[2].strip()


def _one_line(text: str) -> str:
    # A title broken over lines: no space where Chinese meets Chinese, one where words meet.
    def join(m):
        a, b = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
        return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""

    return re.sub(r"\s*\n\s*", join, text.strip())
