"""The monthly table as offices file it: docx (and its template), the 存在问题/下步计划 columns, and what printing
needs in xlsx and html (SPEC: The monthly progress table). Files are read back with python-docx and openpyxl."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def logged(project):
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--note", "截至目前新建中心15个。",
               "--problems", "用地难落实", "--next", "协调规划部门")
    project.ok("log", "184", "--month", "2024-08", "--percent", "70", "--note", "标准已调整。")


def test_docx_a4_landscape_header_repeated_rows_whole_fonts_named(project):
    logged(project)
    r = project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "-o", "t.docx")
    assert "已写入 t.docx（docx，2项任务" in r.out
    d = docx.Document(project.root / "t.docx")
    section = d.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert d.paragraphs[0].text == "2024年市民政局重点目标任务（2024年8月）"
    (table,) = d.tables
    assert [c.text for c in table.rows[0].cells] == ["序号", "目标任务", "总体工作进展及8月份进展", "存在问题", "下步计划",
                                                     "完成率", "状态"]
    assert [c.text for c in table.rows[1].cells][:5] == [
        "1", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "截至目前新建中心15个。", "用地难落实", "协调规划部门"]
    assert [c.text for c in table.rows[2].cells][3:] == ["", "", "70%", "正常"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)

    def east_asian(run):
        return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian(d.paragraphs[0].runs[0]) == "方正小标宋简体"
    assert {east_asian(run) for c in table.rows[0].cells for p in c.paragraphs for run in p.runs} == {"黑体"}
    assert {east_asian(run) for row in table.rows[1:] for c in row.cells for p in c.paragraphs for run in p.runs} == {"仿宋"}
    fonts = docx.Document(project.root / "t.docx").part.package
    table_xml = [p for p in fonts.parts if p.partname.endswith("fontTable.xml")][0].blob.decode()
    assert '<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312"/>' in table_xml


def test_docx_template_keeps_the_offices_paragraphs_around_the_table(project):
    logged(project)
    t = docx.Document()
    t.add_paragraph("沈阳市人民政府督查室")
    t.add_paragraph("沈督字〔2024〕8号")
    t.add_paragraph("{{ table }}")
    t.add_paragraph("市政府督查室")
    t.add_paragraph("2024年9月5日")
    t.save(project.root / "letterhead.docx")
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--template", "letterhead.docx", "-o", "out.docx")
    d = docx.Document(project.root / "out.docx")
    body = [el.tag.replace(W, "") for el in d.element.body.iterchildren()]
    assert body[:5] == ["p", "p", "p", "tbl", "p"]
    assert [p.text for p in d.paragraphs] == ["沈阳市人民政府督查室", "沈督字〔2024〕8号", "2024年市民政局重点目标任务（2024年8月）",
                                               "市政府督查室", "2024年9月5日"]
    assert len(d.tables) == 1 and d.tables[0].rows[1].cells[2].text == "截至目前新建中心15个。"
    assert docx.Document(project.root / "letterhead.docx").paragraphs[2].text == "{{ table }}"


def test_a_portrait_template_keeps_the_task_readable_and_the_narrow_columns_narrow(project):
    logged(project)
    t = docx.Document()  # A4 portrait with the margins of GB/T 9704 (公文): 15.6 cm of text
    section = t.sections[0]
    section.page_width, section.page_height = docx.shared.Cm(21.0), docx.shared.Cm(29.7)
    section.left_margin, section.right_margin = docx.shared.Cm(2.8), docx.shared.Cm(2.6)
    t.add_paragraph("{{ table }}")
    t.save(project.root / "portrait.docx")
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "--template", "portrait.docx",
               "-o", "out.docx")
    (table,) = docx.Document(project.root / "out.docx").tables
    assert round(sum(c.width.cm for c in table.columns), 2) == 15.6  # as wide as the page's text
    widths = [round(c.width.cm, 1) for c in table.columns]
    no, task, progress, problems, steps, completion, status = widths
    assert (no, completion, status) == (1.6, 2.0, 1.8)  # 序号 and 完成率 in one line, no wider
    # the columns of text share the rest in proportion to their least widths (3 : 4 : 2.2 : 2.2 cm)
    assert task == 2.7 and progress == 3.6 and problems == steps == 2.0
    # landscape: as before
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "-o", "land.docx")
    (table,) = docx.Document(project.root / "land.docx").tables
    assert [round(c.width.cm, 1) for c in table.columns] == [1.6, 4.4, 8.5, 3.6, 3.6, 2.0, 2.0]
    # in English the narrow columns are as wide as their widest word (Completion, unmeasured), never breaking one
    from tracker.render.docx_ import word_cm

    project.ok("report", "--month", "2024-08", "--with-status", "--template", "portrait.docx", "-o", "en.docx")
    (table,) = docx.Document(project.root / "en.docx").tables
    *_, completion, status = [c.width.cm for c in table.columns]
    assert completion >= word_cm("Completion") - 0.01 and status >= word_cm("behind") - 0.01
    assert round(sum(c.width.cm for c in table.columns), 2) == 15.6



def test_the_status_column_holds_each_flag_whole_on_a_line_of_its_own(project):
    # Word breaks Chinese between any two characters: 停滞 · 未报送 in one line was printed 停滞 · 未 / 报送
    from tracker.render.docx_ import word_cm

    project.ok("log", "184", "--month", "2024-07", "--percent", "60", "--status", "blocked")
    project.ok("report", "--month", "2024-08", "--with-status", "-o", "en.docx")
    (table,) = docx.Document(project.root / "en.docx").tables
    assert table.rows[2].cells[-1].text == "blocked\nmissing"
    assert table.columns[-1].width.cm >= word_cm("blocked") - 0.01
    project.ok("report", "--month", "2024-08", "--with-status", "--lang", "zh", "-o", "zh.docx")
    (table,) = docx.Document(project.root / "zh.docx").tables
    assert [p.text for p in table.rows[2].cells[-1].paragraphs] == ["受阻", "未报送"]
    assert table.columns[-1].width.cm >= word_cm("未报送") - 0.01


def test_a_template_without_the_placeholder_or_a_template_with_another_format_is_refused(project):
    docx.Document().save(project.root / "plain.docx")
    r = project.bad("report", "--template", "plain.docx", "-o", "out.docx")
    assert r.err.strip() == "plain.docx: no paragraph reading {{ table }} to put the table in"
    assert "--template applies to the docx format" in project.bad("report", "--template", "plain.docx", "-o", "o.xlsx").err
    assert not (project.root / "out.docx").exists()


def test_a_template_that_is_not_there_is_named_in_the_user_s_language(project):
    assert project.bad("report", "--template", "nofile.docx", "-o", "out.docx").err.strip() == \
        "nofile.docx: no such template"
    assert project.bad("report", "--lang", "zh", "--template", "nofile.docx", "-o", "out.docx").err.strip() == \
        "nofile.docx: 没有这个模板文件"
    assert not (project.root / "out.docx").exists()


def test_the_problems_columns_appear_only_when_the_month_has_them(project):
    project.ok("log", "195", "--month", "2024-08", "--note", "n")
    assert project.ok("report", "--month", "2024-08", "-f", "csv").out.splitlines()[0] == \
        "\ufeffNo.,Task,Progress overall and in August"
    project.ok("log", "195", "--month", "2024-08", "--next", "下月完成")
    md = project.ok("report", "--month", "2024-08", "--lang", "zh").out.splitlines()
    assert md[2] == "| 序号 | 目标任务 | 总体工作进展及8月份进展 | 存在问题 | 下步计划 |"
    assert md[4].endswith("| n |  | 下月完成 |")
    rows = project.ok("report", "--month", "2024-08", "-f", "json").json()["rows"]
    assert (rows[0]["problems"], rows[0]["next_steps"]) == (None, "下月完成")


def test_md_report_with_the_columns_imports_back_as_nothing_new(project):
    logged(project)
    (project.root / "t.md").write_text(project.ok("report", "--month", "2024-08", "--lang", "zh").out, encoding="utf-8")
    assert "0 entries recorded for 2024-08" in project.ok("import", "t.md", "--month", "2024-08").out


def test_xlsx_every_cell_names_a_chinese_font_and_statuses_have_colours(project):
    logged(project)
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "-o", "t.xlsx")
    ws = openpyxl.load_workbook(project.root / "t.xlsx").active
    assert {c.font.name for row in ws.iter_rows() for c in row if c.value is not None} == {"宋体"}
    status = [c for c in ws[2] if c.value == "状态"][0].column_letter
    fills = {ws[f"{status}{r}"].value: ws[f"{status}{r}"].fill.fgColor.rgb for r in (3, 4)}
    assert fills == {"滞后": "00FFF3E0", "正常": "00E8F5E9"}
    assert ws.oddFooter.center.text == "&P / &N" and ws.page_margins.bottom >= 0.75


def test_xlsx_a_note_taller_than_excel_allows_goes_on_in_the_rows_below(project):
    note = "\n".join(f"第{i}项：全市新建区域性居家养老服务中心，完成阶段性目标任务，协调解决重点难点问题。" * 3 for i in range(1, 61))
    project.ok("log", "195", "--month", "2024-08", "--note", note)
    project.ok("report", "--month", "2024-08", "-o", "t.xlsx")
    ws = openpyxl.load_workbook(project.root / "t.xlsx").active
    rows = [r for r in range(3, ws.max_row + 1) if ws[f"A{r}"].value == 1 or ws[f"A{r}"].coordinate in
            {str(m).split(":")[0] for m in ws.merged_cells.ranges}]
    pieces = [ws[f"C{r}"].value for r in range(3, ws.max_row) if ws[f"C{r}"].value and r < ws.max_row]
    assert len(pieces) > 2 and "".join(pieces) == note  # nothing cut: the pieces are the note
    assert all(ws.row_dimensions[r].height <= 409 for r in range(3, ws.max_row + 1))
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"A3:A{2 + len(pieces)}" in merged and f"B3:B{2 + len(pieces)}" in merged
    assert rows


def test_html_status_classes_and_the_unmeasured_task(project):
    project.write_plan(project.tasks.read_text(encoding="utf-8") + '\n[[task]]\nid = "7"\ntitle = "新任务"\nunit = "u"\n'
                       'start = 2024-08-01\n')
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=100", "--set", "stations=300")
    page = project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "-f", "html").out
    assert '<td class="status done"><span class="s done">已完成</span>' in page
    style = page.split("</style>")[0]
    assert "td.no, td.pct { text-align: right" in style and "td.done" not in style
    # 7 has reported neither a percent nor a status: unmeasured, in grey, never a green 正常
    row_7 = [line for line in page.splitlines() if "7.新任务" in line][0]
    assert '<span class="s unmeasured">未量化</span>' in row_7 and "正常" not in row_7


def test_html_charts_share_one_time_axis_and_start_at_the_first_report(project):
    import xml.etree.ElementTree as ET

    from tracker.render.html import W, PAD
    project.write_plan(project.tasks.read_text(encoding="utf-8") + '\n[[task]]\nid = "7"\ntitle = "半年任务"\nunit = "u"\n'
                       'start = 2024-04-01\ndue = 2024-09-30\n')
    project.ok("log", "195", "--month", "2024-06", "--set", "centres=10")
    page = project.ok("report", "--month", "2024-08", "-f", "html").out
    svgs = [ET.fromstring(s[s.index("<svg"):s.index("</svg>") + 6]) for s in page.split('<td class="chart">')[1:]]
    s = "{http://www.w3.org/2000/svg}"
    dues = [float(svg.findall(f"{s}path")[0].get("d").split()[0][1:].split(",")[0]) for svg in svgs]
    # 195 and 184 are due in December, 7 in September: on one axis their due lines stand apart
    assert dues[0] == dues[1] == pytest.approx(W - PAD) and dues[2] < dues[0]
    actual = svgs[0].findall(f"{s}path")[-1].get("d")
    first_x = float(actual.split()[0][1:].split(",")[0])
    assert first_x > PAD + 1  # not from January at zero: 195's first report is June


def test_hostile_text_in_the_docx_and_the_form_is_shown_not_obeyed(project):
    project.write_plan('[plan]\ntitle = "计划\\u001b[31m"\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = "=cmd\\u0007"\n'
                       'unit = "单位\\u0000"\n')
    project.ok("log", "1", "--percent", "5", "--note", "a\x07b", "--problems", "p\x1bq")
    project.ok("report", "-o", "r.docx")
    d = docx.Document(project.root / "r.docx")
    assert d.paragraphs[0].text == "计划␛[31m — August 2024"
    assert [c.text for c in d.tables[0].rows[1].cells] == ["1", "1.=cmd␇", "a␇b", "p␛q", ""]
    project.ok("forms", "-o", "f")
    (form,) = (project.root / "f").iterdir()
    wb = openpyxl.load_workbook(form)
    wb["填报"]["H5"] = 30
    wb.save(project.root / "back.xlsx")
    assert "1 entry recorded" in project.ok("import", "back.xlsx").out


def test_an_unmeasured_task_says_so_once_not_in_both_status_columns(project):
    project.ok("log", "184", "--month", "2024-08", "--note", "已完成测算")  # a note, no percent or status
    rows = project.ok("report", "--month", "2024-08", "--with-status", "--format", "md", "--lang", "zh").out.splitlines()
    row_184 = next(line for line in rows if "184." in line)
    assert row_184.count("未量化") == 1 and "| — | 未量化 |" in row_184


def test_an_output_file_whose_extension_names_no_format_is_refused(project):
    r = project.bad("report", "--month", "2024-08", "-o", "t.pdf", "--lang", "zh")
    assert "无法从扩展名 .pdf 判断格式" in r.err
    assert not (project.root / "t.pdf").exists()
    assert "已写入 t.md（md" in project.ok("report", "--month", "2024-08", "-o", "t.md", "--lang", "zh").out


def test_a_folder_as_output_is_refused_in_the_runs_language(project):
    (project.root / "out").mkdir()
    assert "out: 是一个文件夹" in project.bad("report", "--month", "2024-08", "-o", "out", "--lang", "zh").err



def test_xlsx_english_headers_are_never_cut_inside_a_word(project):
    logged(project)   # with 存在问题 and 下步计划, the narrow columns: Completion would fit 9 units
    project.ok("report", "--month", "2024-08", "--with-status", "-o", "r.xlsx")
    ws = openpyxl.load_workbook(project.root / "r.xlsx").active
    for cell in ws[2]:
        longest = max(len(w) for w in cell.value.replace(".", " ").split())
        assert ws.column_dimensions[cell.column_letter].width >= longest + 2, cell.value


def test_docx_of_a_citys_720_tasks_each_cell_as_written(project):
    # each row is a copy of one made by python-docx (a city's 720 tasks took 3.9 s to write cell by cell, 0.5 s
    # so), and reads back the same: lines, a tab, spaces kept, an empty line.
    plan = '[plan]\nyear = 2024\n' + "".join(
        f'[[task]]\nid = "{n}"\ntitle = "改造老旧小区第{n}批"\nunit = "市住房城乡建设局"\n' for n in range(1, 721))
    project.write_plan(plan)
    project.ok("log", "7", "--month", "2024-08", "--percent", "40", "--note", "  一、已开工\t12个\n\n二、下步 ",
               "--problems", "资金未到位", "--next", "加快推进")
    project.ok("report", "--month", "2024-08", "--lang", "zh", "--with-status", "-o", "t.docx")
    (table,) = docx.Document(project.root / "t.docx").tables
    assert len(table.rows) == 721 and table.rows[720].cells[1].text == "720.改造老旧小区第720批"
    cell = table.rows[7].cells[2]
    assert [p.text for p in cell.paragraphs] == ["一、已开工\t12个", "", "二、下步"]  # the note as stored
    assert [c.text for c in table.rows[7].cells[3:]] == ["资金未到位", "加快推进", "40%", "滞后"]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    widths = {round(row.cells[2].width.cm, 2) for row in table.rows}
    assert len(widths) == 1  # every row's cell as wide as the grid's column


def test_docx_a_row_longer_than_a_page_may_break_the_others_are_kept_whole(project):
    # Word does not break a row marked w:cantSplit that is longer than a page: it runs it off the page's foot
    # and its last lines are never printed. Only a row that fits on a page under the header is kept whole.
    long_note = "\n".join(f"{n}、按照市委、市政府部署要求,建立周调度、月通报工作机制,逐项研究解决重点难点问题。"
                          for n in range(1, 41))
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=15", "--note", long_note)
    project.ok("log", "184", "--month", "2024-08", "--percent", "70", "--note", "标准已调整。")
    project.ok("report", "--month", "2024-08", "--lang", "zh", "-o", "t.docx")
    (table,) = docx.Document(project.root / "t.docx").tables
    assert table.rows[1].cells[1].text.startswith("195.") and len(table.rows[1].cells[2].paragraphs) == 40
    kept = [row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows]
    assert kept == [True, False, True]
