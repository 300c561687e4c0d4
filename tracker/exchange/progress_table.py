"""A monthly progress table found in a file's tables: its columns by their header, its rows as the import reads them.

Pure. Markdown and plain text are cut into cells here (`序号 | ID.TITLE | PROGRESS |`, with or without a leading
`|`, a cell running over lines until the row's closing `|`); other formats come as sheets.Grid. In either, the
header row is the first whose cells name a task column and a progress column (SPEC: Importing a progress table);
the rows before it are ignored, and each row after it becomes a TableRow with the places of its cells.
Structural faults of a Markdown table raise BadInput at once; faults of single rows are collected in `problems`
so that every one is reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tracker.errors import BadInput
from tracker.exchange.sheets import Cell, Grid

_PIPE = re.compile(r"(?<!\\)\|")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_ROW_START = re.compile(r"^\s*\|?\s*\d+\s*\|")
_HEAD_MONTH_ZH = re.compile(r"(\d{1,2})\s*月")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
# Between a task's number and its title: the contract's `.`, and what Chinese documents also use.
_ID_CELL = re.compile(r"^\s*(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)
# A 序号 as offices write it: 1, 1., 1、, (1), 1), ①, and in Chinese numerals (一), 二、 (after NFKC: （一） is (一)).
_NO = re.compile(r"^\s*\(?\s*(?:([0-9]+)|[一二三四五六七八九十百〇零]+)\s*\)?\s*[.、]?\s*$")
# A row that totals the table, by the word in its first written cell (合 计 spaced out as tables write it).
_TOTALS = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计|共\s*计)\s*[:：]?\s*$")
# What Excel shows in a cell whose formula failed.
_EXCEL_ERROR = re.compile(r"^#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$")

# Each column the import reads, by the headers that name it (white space inside a header ignored):
# exact names, then the beginnings a progress header may have (总体工作进展及8月份进展).
NAMES = {
    "no": ("序号", "no.", "no", "#"),
    "task": ("目标任务", "任务", "重点任务", "工作任务", "任务名称", "目标任务名称", "重点工作", "重点目标任务",
             "主要目标任务", "年度目标任务", "重点工作任务", "主要任务", "任务内容", "目标任务内容", "task"),
    "id": ("编号", "id"),
    "unit": ("牵头单位", "责任单位", "牵头部门", "责任部门"),
    "due": ("完成时限", "时限", "时间节点"),
    "problems": ("存在问题", "存在的问题", "problems"),  # (the English headers of tracker's own report too)
    "next_steps": ("下步计划", "下一步工作", "下步工作打算", "下一步计划", "下一步工作计划", "下步工作计划",
                   "下一步工作打算", "下步打算", "nextsteps"),
}
_LEADS = re.compile(r"^\s*牵\s*头")   # 牵头单位, 牵头部门: the lead unit, before any 责任单位
_ASIDE = re.compile(r"\([^()]*\)")  # a header's words in brackets: 责任单位（部门）, 目标任务（项目）
PROGRESS_STARTS = ("总体工作进展", "工作进展", "进展情况", "完成情况", "进展", "progress")
# …and the words a progress header holds wherever they stand (7月份进展情况, 截至7月底工作进展, 1-7月完成情况,
# 工作推进情况), once every other column's name has been tried
PROGRESS_WORDS = ("进展", "完成情况", "推进情况", "落实情况")


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int | None    # where the row starts in a text file; None in a Word or Excel table
    no: int | None      # 序号, where there is one
    task_cell: str      # ID.TITLE as written (line breaks kept), or the title when the ID has its own column
    progress: str       # the progress cell, `\|` and `<br>` read back
    place: str = ""     # FILE:LINE, FILE:SHEET!CELL (the task's cell) or FILE:table N, row M
    task_id: str | None = None          # from a column of its own (编号)
    unit: str | None = None             # 牵头单位
    due: str | None = None              # 完成时限, as written
    problems: str | None = None         # 存在问题
    next_steps: str | None = None       # 下步计划
    places: dict = field(default_factory=dict, compare=False)   # column → its cell's place


@dataclass(frozen=True, slots=True)
class ProgressTable:
    header_line: int | None
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    header_places: tuple[str, ...] = ()  # each header cell's place (a sheet's cell, a Word table's row)
    above: str = ""                       # the text above the header: a sheet's title rows, a document's heading
    above_place: str = ""                 # where that text starts (its line, its cell; a Word table's place)
    same_above: tuple[tuple[str, int], ...] = ()  # progress cells that said 同上, read as the one above: place, column


def column_of(header: str) -> str | None:
    """Which column a header names (no, task, id, progress, unit, due, problems, next_steps), if any."""
    h = re.sub(r"\s+", "", unicodedata.normalize("NFKC", header)).lower()
    for name in (h, _ASIDE.sub("", h)):
        for role, names in NAMES.items():
            if name in names:
                return role
    return "progress" if h.startswith(PROGRESS_STARTS) or any(w in h for w in PROGRESS_WORDS) else None


def header_columns(cells) -> dict[str, int] | None:
    """A header row's columns (the first of each kind; a second progress column too), if it names task and progress."""
    found: dict[str, int] = {}
    for i, text in enumerate(cells):
        role = column_of(text)
        if role == "progress" and "progress" in found and "progress2" not in found:
            found["progress2"] = i  # 总体工作进展 | 8月份进展: the office's one column split in two, both kept
        elif role and role not in found:
            found[role] = i
        elif role == "unit" and _LEADS.match(text) and not _LEADS.match(cells[found["unit"]]):
            found["unit"] = i  # 牵头单位 leads where a 责任单位 stands before it (the units that share the work)
    if "progress" in found and ("task" in found or "id" in found):
        return found
    return None


# --- any grid -----------------------------------------------------------------------------


def find_tables(grids: list[Grid], path: str, problems: list) -> list[ProgressTable]:
    """Every progress table among the grids (a Word document may hold several); BadInput when there is none."""
    tables = []
    for grid in grids:
        for i, row in enumerate(grid.rows):
            columns = header_columns([c.text for c in row])
            if columns is not None:
                above = "\n".join([grid.above] * bool(grid.above) + [" ".join(dict.fromkeys(c.text for c in r if c.text))
                                                                       for r in grid.rows[:i]])
                first = next((c.place for r in grid.rows[:i] for c in r if c.text), grid.where)
                tables.append(_table(grid.rows[i], columns, grid.rows[i + 1:], problems, above=above.strip(),
                                     above_place=grid.where if grid.above else first))
                break
    if not tables:
        raise _not_found(path, [([c.text for c in row], row[0].place) for grid in grids for row in grid.rows if row])
    return tables


def _not_found(path: str, rows: list[tuple[list[str], str]]) -> BadInput:
    """No header row names a task column and a progress column. Of the rows of two cells or more (each `(texts,
    place)`), the one that names the most columns (the first such), said with its place: what it named and what it
    lacks, so the clerk knows which header to change. A cell merged across (a title row) is said once."""
    candidates = [(list(dict.fromkeys(t for t in texts if t.strip())), place) for texts, place in rows]
    candidates = [(texts, place) for texts, place in candidates if len(texts) >= 2]
    if not candidates:
        return BadInput("{path}: no progress table found (expected a header row such as "
                        "`序号 | 目标任务 | 总体工作进展及8月份进展 |`)", path=path)
    named = [{column_of(text) for text in texts} - {None} for texts, _ in candidates]
    best = max(range(len(candidates)), key=lambda i: (len(named[i]), -i))
    (texts, place), roles = candidates[best], named[best]
    task, progress = bool(roles & {"task", "id"}), "progress" in roles
    shown = " | ".join(one_line(t)[:20] for t in texts[:8])
    template = ("{path}: no progress table found: the row `{row}` names no task column (目标任务, 任务, 编号) "
                "and no progress column (…进展…, 完成情况)" if not task and not progress else
                "{path}: no progress table found: the row `{row}` names no task column (目标任务, 任务, 编号)"
                if not task else
                # tasks with their deadlines (完成时限) and no progress: the office's plan sheet, imported to add them
                "{path}: no progress table found: the row `{row}` names no progress column (…进展…, 完成情况); "
                "to add the tasks of a plan sheet, add an empty column headed 进展情况"
                + ("" if "id" in roles else " and head the tasks' numbers 编号") if "due" in roles else
                "{path}: no progress table found: the row `{row}` names no progress column (…进展…, 完成情况)")
    return BadInput(template, path=place or path, row=shown)


def _table(header: tuple[Cell, ...], columns: dict, rows, problems: list, line_of=None, above: str = "",
           above_place: str = "") -> ProgressTable:
    heads = tuple(c.text for c in header)
    said = [i for role, i in columns.items() if role in ("task", "id", "progress", "progress2")]
    out, seen, prev, above_row, same = [], 0, [], None, []
    for cells in rows:
        texts, up = [c.text for c in cells], prev
        prev = texts
        if not any(texts) or all(t == h for t, h in zip(texts, heads) if t):
            continue  # an empty row, the header again (typed at the top of each page), or its cells merged down
        if not any(texts[i] for i in said if i < len(texts)) and all(
                not t or (i < len(up) and t == up[i]) for i, t in enumerate(texts)):
            continue  # an empty row but for a cell merged down over it (a 牵头单位 merged over its tasks' rows)
        if len(set(t for t in texts if t)) == 1 and len(cells) > 2 and texts.count("") < len(texts) - 1:
            continue  # a section row (一、养老服务) merged across the table
        if _TOTALS.match(next(t for t in texts if t)):
            continue  # the table's total (合计, 总计, 小计) at its foot: no task of its own
        seen += 1
        cells = _same_as_above(cells, columns, above_row, problems, same)
        above_row = cells
        row = _row(cells, columns, line_of(cells) if line_of else None, problems)
        if row is not None:
            out.append(row)
    if not seen:
        problems.append(BadInput("the progress table has no rows", place=header[0].place if header else None))
    return ProgressTable(line_of(header) if line_of else None, heads, tuple(out), tuple(c.place for c in header),
                         above, above_place, tuple(same))


# A cell that says it is the one above (同上, 同上。): what a merged cell would show, written out by hand (a returned
# form's texts too: form_return.py).
SAME = re.compile(r"^\s*同\s*上\s*[。.]?\s*$")


def _same_as_above(cells, columns: dict, above, problems: list, same: list):
    """The row's cells with each 同上 outside the task's own cells read as the same column's text in the row
    above (itself read so), a progress cell's place kept in `same`; with no text above, a problem at its cell."""
    out = list(cells)
    for role, i in columns.items():
        if role in ("no", "task", "id") or i >= len(out) or not SAME.match(out[i].text):
            continue
        if above is None or i >= len(above) or not above[i].text:
            problems.append(BadInput("the cell says 同上 (same as above), but there is no text above it to take: "
                                     "write the text in", place=out[i].place))
            continue
        out[i] = Cell(above[i].text, out[i].place)
        if role.startswith("progress"):  # another task's narrative becomes this one's note: the import says so
            same.append((out[i].place, i))
    return out


def _row(cells, columns: dict, line: int | None, problems: list) -> TableRow | None:
    def get(role):
        i = columns.get(role)
        return cells[i] if i is not None and i < len(cells) else None

    def text(role):
        cell = get(role)
        return cell.text if cell is not None and cell.text else None

    for role, i in columns.items():  # a formula that failed shows its error, which is no text to record
        if i < len(cells) and _EXCEL_ERROR.match(cells[i].text):
            problems.append(BadInput("the cell shows Excel's error {error} (a formula that failed), not text: "
                                     "write the text in or leave the cell empty", error=cells[i].text,
                                     place=cells[i].place))
            return None

    no = None
    no_cell = get("no")
    if no_cell is not None and no_cell.text:
        written = _NO.match(unicodedata.normalize("NFKC", no_cell.text))
        if written is None:
            problems.append(BadInput("序号 {no} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)",
                                     no=repr(no_cell.text), place=no_cell.place))
            return None
        no = int(written[1]) if written[1] else None  # (一), 二、: a number as written, none to keep
    task = get("task") or get("id")
    places = {role: cells[i].place for role, i in columns.items() if i < len(cells)}
    # the overall progress, then the month's where the table gives them in two columns (one merged over both: once)
    progress = "\n".join(dict.fromkeys(t for t in (text("progress"), text("progress2")) if t))
    return TableRow(line, no, text("task") or "", progress, task.place if task else cells[0].place,
                    text("id"), text("unit"), text("due"), text("problems"), text("next_steps"), places)


# --- Markdown and plain text --------------------------------------------------------------


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


def parse_table(text: str, path: str, problems: list | None = None) -> ProgressTable:
    """The table of a Markdown or plain text file: rows separated by `|`, else by tabs (a paste from Word or Excel).
    With `problems` (a list), faults of single rows are added to it; without, the first is raised."""
    collect = problems if problems is not None else []
    if "\t" in text and not any(_pipe_header(line) for line in text.splitlines()):
        from tracker.exchange.sheets import delimited_grid

        tables = find_tables([delimited_grid(path, text, "\t")], path, collect)
        table = tables[0]
    else:
        table = _pipe_table(text, path, collect)
    if problems is None and collect:
        raise collect[0]
    return table


def _pipe_header(line: str) -> dict | None:
    split = _split(line)
    return header_columns(split[0]) if split and len(split[0]) >= 2 else None


def _pipe_table(text: str, path: str, problems: list) -> ProgressTable:
    lines = text.splitlines()
    head = next((i for i, line in enumerate(lines) if _pipe_header(line)), None)
    if head is None:
        split = ((_split(line), n) for n, line in enumerate(lines, 1))
        raise _not_found(path, [(s[0], f"{path}:{n}") for s, n in split if s])
    headers, closed = _split(lines[head])
    ncols = len(headers)
    i = head + 1
    if i < len(lines):
        sep = _split(lines[i])
        if sep and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in sep[0]):
            i += 1
    rows: list[tuple[Cell, ...]] = []
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
                raise BadInput("{path}:{ended}: a line inside the table that is not a row (the table goes on at line {next})", path=path, ended=ended, next=i + 1)
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
                    raise BadInput("{path}:{line}: the row has no closing `|` (the file ends first)", path=path, line=start + 1)
                if _ROW_START.match(lines[i]):
                    raise BadInput("{path}:{line}: the row is not closed before the next row starts at line {next} (a cell is missing its `|`)", path=path, line=start + 1, next=i + 1)
                body += "\n" + lines[i]
            parts = _PIPE.split(body)
            cells, rest = parts[:ncols], "|".join(parts[ncols:]).strip()
            if rest:
                raise BadInput("{path}:{line}: the row has more cells than the header's {ncols}", path=path, line=start + 1, ncols=ncols)
        else:
            cells = _PIPE.split(body.rstrip())
            if body.rstrip().endswith("|") and not body.rstrip().endswith(r"\|"):
                cells = cells[:-1]
            if len(cells) != ncols:
                raise BadInput("{path}:{line}: the row has {n} cells, the header {ncols}", path=path, line=start + 1, n=len(cells), ncols=ncols)
        place = f"{path}:{start + 1}"
        rows.append(tuple(Cell(_unescape(c), place) for c in cells))
        i += 1
    header = tuple(Cell(h, f"{path}:{head + 1}") for h in headers)

    def line_of(cells):
        return int(cells[0].place.rsplit(":", 1)[1])

    titled = [(n, line.strip().lstrip("#").strip()) for n, line in enumerate(lines[:head], 1) if line.strip()]
    return _table(header, header_columns(headers), rows, problems, line_of, "\n".join(t for _, t in titled),
                  f"{path}:{titled[0][0]}" if titled else "")


_TITLE_MONTH = re.compile(r"(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])")  # 7月, 7月份, 7月底; not a day (8月5日)


def title_month(above: str) -> int | None:
    """The month of the year the text above a table names (its title: `…(2024年7月)`, `— July 2024`), when it
    names exactly one (a day's date, 8月5日, is when it was written, not what it is about)."""
    named = {int(m) for m in _TITLE_MONTH.findall(above) if 1 <= int(m) <= 12}
    lower = above.lower()
    named |= {n for n, name in enumerate(_MONTHS_EN, 1) if re.search(rf"\b{name}\b", lower)}
    return named.pop() if len(named) == 1 else None


def month_column(headers: tuple[str, ...]) -> int:
    """The progress column whose header names the month: the first, or the second of 总体工作进展 | 8月份进展."""
    columns = header_columns(headers) or {}
    i = columns.get("progress", 2)
    if "progress2" in columns and not (len(headers) > i and _HEAD_MONTH_ZH.search(headers[i])):
        return columns["progress2"]
    return i


def header_month(headers: tuple[str, ...]) -> int | None:
    """The month of the year the progress column's header names (8月份, August), if it names one."""
    i = month_column(headers)
    text = headers[i] if len(headers) > i else ""
    found = _HEAD_MONTH_ZH.search(text)
    if found and 1 <= int(found[1]) <= 12:
        return int(found[1])
    lower = text.lower()
    named = [n for n, name in enumerate(_MONTHS_EN, 1) if re.search(rf"\b{name}\b", lower)]
    return named[0] if len(named) == 1 else None


def split_task_cell(cell: str, known_ids) -> tuple[str, str] | None:
    """ID.TITLE → (id, title): a declared dotted id (3.2) first, else the number before the first dot."""
    flat = one_line(cell)
    for tid in sorted((t for t in known_ids if "." in t), key=len, reverse=True):
        if flat.startswith(tid + "."):
            return tid, flat[len(tid) + 1:].strip()
    found = _ID_CELL.match(flat)
    if not found or not found[2].strip():
        return None
    return unicodedata.normalize("NFKC", found[1]), found[2].strip()  # a full-width "１２." is task 12


def one_line(text: str) -> str:
    """A title broken over lines, on one: no space where Chinese meets Chinese, one where words meet."""
    def join(m):
        a, b = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
        return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""

    return re.sub(r"\s*\n\s*", join, text.strip())
