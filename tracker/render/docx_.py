"""The monthly progress table as a Word document, as an office prints and files it (python-docx).

A4 landscape; the title (plan.title and the month) in 方正小标宋简体, the
header row in 黑体 and the text in 仿宋 — named for East Asian text too
(w:eastAsia, with the language zh-CN), and in the font table with the
name to try where one is missing (仿宋_GB2312 for 仿宋, 黑体 for 小标宋). The header row repeats on every page
(w:tblHeader) and a row that fits on a page is not split across pages
(w:cantSplit); a longer one is left free to break, which Word would not do
for it marked so (it cuts the row off at the page's foot). With a template, the
office's own document is kept as it is and the title and table take the
place of its paragraph `{{ table }}`.
"""

from __future__ import annotations

import copy
import io
import math
import re

from tracker.core.rows import MonthlyTable, completion_text, monthly_cells, status_text
from tracker.errors import BadInput

PLACEHOLDER = "{{ table }}"
TEXT_FONT, TEXT_FONT_OLD = "仿宋", "仿宋_GB2312"    # Windows 10+/WPS, and older Windows
HEAD_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
WIDTHS_CM = {"no": 1.6, "task": 6.0, "completion": 2.0, "status": 2.6}  # 序号 in one line at 12 pt: 1.6 cm
# On a page narrower than landscape A4: the narrow columns at what their words need at 12 pt (序号, 27%,
# 未量化), and each column of text's least width (about six characters a line for 目标任务).
COMPACT_CM = {"no": 1.6, "completion": 2.0, "status": 1.8}
LEAST_CM = {"task": 3.0, "progress": 4.0, "problems": 2.2, "next_steps": 2.2}
NARROW_CM = {"no": 1.6, "task": 4.4, "problems": 3.6, "next_steps": 3.6, "completion": 2.0, "status": 2.0}  # with 存在问题
PAGE_TEXT_CM = 29.7 - 2 * 2.0     # A4 landscape, less 2 cm each side
PAGE_HEIGHT_CM = 21.0 - 2 * 2.0
LINE_CM = 0.65  # a line of 12 pt text with the space between lines (仿宋 in Word 0.55; a stand-in is taller)
EM_CM = 0.4233  # a Chinese character at 12 pt


def monthly_docx(table: MonthlyTable, template: bytes | None = None, template_name: str = "template") -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    if template is None:
        document = docx.Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.0))
        section.top_margin = section.bottom_margin = Cm(2.0)
        _font(document.styles["Normal"].font, TEXT_FONT, 12)
        anchor = document.add_paragraph()
        replace = False
    else:
        document = _open(template, template_name)
        anchor = _placeholder(document, template_name)
        replace = True
    title = _title(document, table)
    section = document.sections[-1]   # the body's last section: python-docx gives no paragraph its own
    grid = _table(document, table, (section.page_width - section.left_margin - section.right_margin) / 360000,
                  (section.page_height - section.top_margin - section.bottom_margin) / 360000)
    # Title and table go where the anchor paragraph is: the placeholder of a template, else an empty first one.
    anchor._p.addprevious(title._p)
    anchor._p.addprevious(grid._tbl)
    if replace or not anchor.text:
        anchor._p.getparent().remove(anchor._p)
    _font_table(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _open(data: bytes, name: str):
    import zipfile

    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        from tracker.textfile import office_why

        raise BadInput("{file}: not a Word document (.docx) that can be read ({why})", file=name,
                       why=office_why(data, e)) from None


def _placeholder(document, name: str):
    """The paragraph whose whole text is {{ table }} (in the body, or in a table cell of it)."""
    for paragraph in _paragraphs(document):
        if paragraph.text.strip() == PLACEHOLDER:
            return paragraph
    raise BadInput("{file}: no paragraph reading {{{{ table }}}} to put the table in", file=name)


def _paragraphs(document):
    yield from document.paragraphs
    for t in document.tables:
        for row in t.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _title(document, table: MonthlyTable):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(12)
    from tracker.textfile import visible

    run = p.add_run(_xml_safe(visible(table.heading)))
    _font(run.font, TITLE_FONT, 18)
    return p


def word_cm(word: str) -> float:
    """The width of a word at 12 pt, with a cell's margins: a Chinese character 0.43 cm, a Latin letter 0.26."""
    from rich.cells import cell_len

    wide = cell_len(word) - len(word)  # the characters that take two cells
    return 0.43 * wide + 0.26 * (len(word) - wide) + 0.45


def column_widths(kinds: list[str], sizes: dict, text_cm: float, words: dict | None = None) -> list[float]:
    """Each column's width (cm) on a page whose text is text_cm wide. On a landscape page the progress column
    takes what the others leave. On a narrower one (an office's portrait template) the narrow columns shrink
    to what their words need, each column of text keeps a least width (LEAST_CM), and the rest of the page
    goes to the columns of text in proportion to their landscape widths above that least. `words`: the widest
    word (cm) of each narrow column, which it never goes below (English `Completion`, `unmeasured`)."""
    words = words or {}
    sizes = {k: max(w, words.get(k, 0.0)) for k, w in sizes.items()}
    compact = {k: max(w, words.get(k, 0.0)) for k, w in COMPACT_CM.items()}
    widths = [sizes.get(k, 0.0) for k in kinds]
    widths[2] = max(PAGE_TEXT_CM - sum(widths), 6.0)  # the progress column takes the rest
    if sum(widths) <= text_cm + 0.05:  # (a page read back from a document is off by a few EMU)
        return widths
    narrow = [min(w, compact[k]) if k in compact else None for k, w in zip(kinds, widths)]
    room = text_cm - sum(w for w in narrow if w is not None)
    least = [LEAST_CM.get(k, 2.0) if w is None else 0.0 for k, w in zip(kinds, narrow)]
    if room <= sum(least):
        return [w if w is not None else room * m / sum(least) for w, m in zip(narrow, least)]
    above = [max(w - m, 0.0) if n is None else 0.0 for w, m, n in zip(widths, least, narrow)]
    extra = room - sum(least)
    return [n if n is not None else m + extra * a / sum(above) for n, m, a in zip(narrow, least, above)]


def status_lines(table: MonthlyTable, row) -> str:
    """The status, then each other flag and warning, a line each: Word breaks Chinese between any two
    characters, so in one line (停滞 · 未报送) a label was cut at the column's edge (停滞 · 未 / 报送)."""
    return "\n".join(status_text(table, row).split(" · "))


def row_cm(texts: list[str], widths: list[float]) -> float:
    """A row's height (cm), as its tallest cell's lines: each paragraph wrapped at the cell's width less its
    margins into whole Chinese characters (two of rich's cells; a Latin letter one), a few lines more than
    Word shows rather than fewer."""
    from rich.cells import cell_len

    def lines(text: str, width: float) -> int:
        per_line = 2 * max(1, math.floor((width - 0.4) / EM_CM))
        return sum(max(1, math.ceil(cell_len(part) / per_line)) for part in text.split("\n"))

    return max(lines(t, w) for t, w in zip(texts, widths)) * LINE_CM + 0.2


def _table(document, table: MonthlyTable, text_cm: float = PAGE_TEXT_CM, height_cm: float = PAGE_HEIGHT_CM):
    """The table, as wide as the page's text (text_cm): the progress column takes what the others leave,
    and in a narrow (portrait) page the columns of text give way in proportion. A row kept whole on a page
    (w:cantSplit) is one that fits on a page (height_cm) under the repeated header: Word does not break a
    longer one so marked but runs it off the page's foot, its last lines never printed."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    kinds = ["no", "task", "progress"] + (["problems", "next_steps"] if table.with_texts else []) \
        + (["completion", "status"] if table.with_status else [])
    words: dict[str, float] = {}
    if table.with_status:  # the widest word each of the two narrow columns holds, its heading's included
        for k, at, text_of in (("completion", -2, completion_text), ("status", -1, status_lines)):
            texts = [table.headers[at]] + [text_of(table, row) for row in table.rows]
            words[k] = max(word_cm(w) for t in texts for w in re.split(r"\s+", t) if w)
    widths = column_widths(kinds, NARROW_CM if table.with_texts else WIDTHS_CM, text_cm, words)
    grid = document.add_table(rows=1, cols=len(kinds))
    try:
        grid.style = "Table Grid"
    except KeyError:  # a template without the style: borders drawn below
        _borders(grid)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False

    def fill(cell, text: str, font: str, size: float, bold=False, centre=False):
        lines = text.split("\n")
        paragraph = cell.paragraphs[0]
        for i, line in enumerate(lines):
            if i:
                paragraph = cell.add_paragraph()
            if centre:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.bold = bold
            _font(run.font, font, size)

    header = grid.rows[0]
    _row_flags(header, repeat=True)
    for i, head in enumerate(table.headers):
        fill(header.cells[i], head, HEAD_FONT, 12, centre=True)
        _shade(header.cells[i], "D9D9D9")
    for i, w in enumerate(widths):  # the grid (what LibreOffice and WPS lay out by) and each cell (Word)
        grid.columns[i].width = Cm(w)
        header.cells[i].width = Cm(w)
    # One row made by python-docx, each cell's font, size and width set, then copied for every task with its
    # own text: python-docx's calls cost 5 ms a row, 4 s for a city's 720 tasks; a copy costs a tenth.
    proto = grid.add_row()
    _row_flags(proto)
    for i, kind in enumerate(kinds):
        fill(proto.cells[i], "-", TEXT_FONT, 12 if kind != "no" else 11, centre=kind in ("no", "completion"))
        proto.cells[i].width = Cm(widths[i])
    proto_tr = proto._tr
    proto_tr.getparent().remove(proto_tr)
    tbl = grid._tbl
    room = height_cm - row_cm(table.headers, widths)
    for row in table.rows:
        texts = monthly_cells(table, row)
        texts = [completion_text(table, row) if kind == "completion" else status_lines(table, row)
                 if kind == "status" else texts[i] for i, kind in enumerate(kinds)]
        tr = copy.deepcopy(proto_tr)
        for text, tc in zip(texts, tr.tc_lst):
            _lines(tc, _xml_safe(text).split("\n"))
        if row_cm(texts, widths) > room:  # longer than a page: breaks at the page's foot
            tr.trPr.remove(tr.trPr.find(qn("w:cantSplit")))
        tbl.append(tr)
    return grid


def _lines(tc, lines: list[str]) -> None:
    """A prototype cell given its text: its paragraph copied for each line, as fill() adds one, each run's text
    set by python-docx (a tab as w:tab, spaces kept, no w:t for an empty line)."""
    from docx.oxml.ns import qn

    first = tc.find(qn("w:p"))
    at = first
    for n, line in enumerate(lines):
        p = first if n == 0 else copy.deepcopy(first)
        p.find(qn("w:r")).text = line
        if n:
            at.addnext(p)
            at = p


def _row_flags(row, repeat: bool = False) -> None:
    """w:cantSplit on every row (kept whole on one page); w:tblHeader on the header (repeated on each page)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit",) + (("w:tblHeader",) if repeat else ()):
        el = OxmlElement(name)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def _font(font, name: str, size: float) -> None:
    """A font named for Latin and East Asian text alike (w:eastAsia): Word takes Chinese from the latter."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font.name = name
    font.size = Pt(size)
    r_pr = font.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    # Chinese text in a Chinese face wherever the named font is missing (not a Japanese one).
    lang.set(qn("w:eastAsia"), "zh-CN")


# What Word and WPS try when a named font is not installed (the font table's w:altName):
# 仿宋 is 仿宋_GB2312 on older Windows and many office PCs; no 方正小标宋简体, then 黑体.
ALT_NAMES = {TEXT_FONT: TEXT_FONT_OLD, TITLE_FONT: HEAD_FONT, HEAD_FONT: "SimHei"}


def _font_table(document) -> None:
    """Add the fonts used to the document's font table, each with its other name and the GB2312 charset."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    parts = [r.target_part for r in document.part.rels.values() if r.reltype == RT.FONT_TABLE]
    if not parts:
        return
    part = parts[0]
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(part.blob)
    have = {f.get(f"{{{w}}}name") for f in root.findall(f"{{{w}}}font")}
    for name, alt in ALT_NAMES.items():
        if name in have:
            continue
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
        etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "modern" if name == TEXT_FONT else "auto"})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "fixed" if name == TEXT_FONT else "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)


def _borders(grid) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    grid._tbl.tblPr.append(borders)


def _xml_safe(text: str) -> str:
    """Text Word can hold: XML 1.0 has no place for most control characters (shown visible before this)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20)
