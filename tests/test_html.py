"""`report --format html`: one self-contained page, status in colour, a small SVG chart per task, A4 print CSS."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

PLAN = """
[plan]
title = "2024年市民政局重点目标任务"
year = 2024

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100

[[task.milestone]]
due = 2024-06-30
target = 50

[[task]]
id = "184"
title = "提高<b>低保</b>标准 & \\"特困\\"救助"
unit = "市民政局"

[[task]]
id = "186"
title = "建成智慧养老平台。"
unit = "市大数据局"
start = 2024-10-01
"""

SVG = "{http://www.w3.org/2000/svg}"


class Page(HTMLParser):
    """The parts of the page the tests look at: every element's tag, table cells by row, inline SVG text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[dict] = []
        self.head: list[str] = []
        self.rows: list[list[str]] = []
        self.row_classes: list[str] = []
        self._cell: list[str] | None = None
        self._where = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(dict(attrs))
        if tag == "thead":
            self._where = "head"
        elif tag == "tbody":
            self._where = "body"
        elif tag == "tr" and self._where == "body":
            self.rows.append([])
            self.row_classes.append(dict(attrs).get("class", ""))
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell)
            (self.head if self._where == "head" else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def html_project(project):
    project.write_plan(PLAN)
    project.ok("log", "195", "--month", "2024-05", "--set", "centres=20")
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=35", "--note", "截至目前,全市新建中心35个。\n二是完善运营机制。")
    project.ok("log", "184", "--month", "2024-07", "--percent", "40", "--note", "<script>alert(1)</script>")
    project.ok("log", "184", "--month", "2024-08", "--percent", "50", "--note", "<script>alert(1)</script>")
    return project


def page_of(project, *extra) -> str:
    return project.ok("report", "--month", "2024-08", "--format", "html", *extra).out


def test_one_self_contained_page_without_script_or_network(html_project):
    text = page_of(html_project, "--lang", "zh")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    page = Page(text)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not any("src" in a or "href" in a for a in page.attrs)
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/)", text)  # only the SVG namespace
    assert page.tags.count("table") == 1 and '<meta charset="utf-8">' in text


def test_the_table_has_status_and_a_chart_column_even_without_with_status(html_project):
    page = Page(page_of(html_project, "--lang", "zh"))
    # the months every chart spans, under the column's heading (from the plan's start to a near forecast)
    assert page.head == ["序号", "目标任务", "总体工作进展及8月份进展", "完成率", "状态", "进度图2024-01 → 2025-09"]
    no, task, progress, done, status, chart = page.rows[0]
    assert (no, task, done) == ("1", "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。", "35%")
    assert progress == "截至目前,全市新建中心35个。\n二是完善运营机制。"  # line breaks kept (pre-wrap)
    assert status == "滞后"
    assert page.rows[2][2] == "尚未开始，无需报送" and page.rows[2][3:5] == ["未量化", "未开始"]
    assert page.row_classes == ["behind", "behind", "pending"]


def test_status_has_its_colour_and_warnings_show_below_it(html_project):
    text = page_of(html_project)
    assert re.search(r"\.s\.behind \{ color: #[0-9a-f]{6}; \}", text)
    assert '<td class="status behind"><span class="s behind">behind</span><span class="extra">repeated note</span></td>' in text


def test_user_text_is_escaped(html_project):
    text = page_of(html_project)
    page = Page(text)
    assert "b" not in page.tags and "script" not in page.tags
    assert page.rows[1][1] == '184.提高<b>低保</b>标准 & "特困"救助'
    assert page.rows[1][2] == "<script>alert(1)</script>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_print_css_landscape_a4_header_repeated_rows_whole(html_project):
    text = page_of(html_project)
    assert "@page { size: A4 landscape;" in text
    assert "thead { display: table-header-group; }" in text
    assert "tr { break-inside: avoid; page-break-inside: avoid; }" in text
    assert "print-color-adjust: exact" in text


def test_each_row_has_a_well_formed_svg_chart_of_actual_against_expected(html_project):
    text = page_of(html_project)
    svgs = re.findall(r"<svg xmlns=.*?</svg>", text, re.S)
    assert len(svgs) == 3
    first = ET.fromstring(svgs[0])
    assert first.find(f"{SVG}title").text == "actual 35% · due 2024-12 · forecast 2025-09"
    # rate (0.35 − 0.20) / 3 = 0.05; 0.65 / 0.05 = 13 months → 2025-09. The axis runs from 2023-12 (before
    # the start) to 2025-09: 21 months over 144 units, so August 2024 is at x = 3 + 8 × 144/21 = 57.86,
    # and 35 % at y = 46 − 3 − 0.35 × 40 = 29
    dot = first.find(f"{SVG}circle")
    assert (dot.get("cx"), dot.get("cy")) == ("57.86", "29.0")
    paths = [p.get("d") for p in first.iter(f"{SVG}path")]
    expected = next(p for p in paths if p.startswith("M3.0,43.0") and p.count("L") == 12)  # origin, 2024-01…12
    assert expected.endswith("L85.29,3.0")  # 100 % at the due month: 3 + 12 × 144/21
    assert len(first.findall(f"{SVG}path")) >= 4  # due, expected, forecast, actual (+ the milestone diamond)
    unmeasured = ET.fromstring(svgs[2])  # 186: qualitative, not started, never reported: no actual line
    drawn = [p for p in unmeasured.findall(f"{SVG}path") if p.get("stroke") != "#d1d5db"]  # (not a year's line)
    assert unmeasured.find(f"{SVG}circle") is None and len(drawn) == 2
    years = [p for p in first.findall(f"{SVG}path") if p.get("stroke") == "#d1d5db"]
    assert len(years) == 1  # where 2025 begins
    assert unmeasured.find(f"{SVG}title").text == "actual — · due 2024-12"


def test_html_follows_the_output_file_and_is_written_whole(html_project):
    out = html_project.ok("report", "--month", "2024-08", "-o", "august.html")
    assert "html" in out.out
    written = (html_project.root / "august.html").read_text(encoding="utf-8")
    assert written == page_of(html_project)
    html_project.bad("report", "--format", "csv", "-o", "august.html")


def test_html_with_an_empty_log(project):
    page = Page(project.ok("report", "--month", "2024-08", "--format", "html").out)
    assert len(page.rows) == 2 and page.rows[0][2] == "no report this month"
    assert not project.db.exists()


# --- in a real browser, where one is installed --------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def chromium(tmp_path: Path, page: Path, *args: str) -> None:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", *args, page.as_uri()],
        check=True, capture_output=True, timeout=180,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_page_renders_in_headless_chromium_to_png_and_landscape_pdf(project, tmp_path):
    rows = "".join(f'\n[[task]]\nid = "{n}"\ntitle = "Task number {n}"\nunit = "Office {n % 4}"\n' for n in range(1, 25))
    project.write_plan('[plan]\ntitle = "Tall rows"\nyear = 2024\n' + rows)
    for n in range(1, 25):  # rows of 3 to 14 lines: some must move whole to the next page
        note = "\n".join(f"Step {k} of task {n}." for k in range(1, 3 + n % 12))
        project.ok("log", str(n), "--month", "2024-08", "--percent", str(n), "--note", note)
    project.ok("report", "--month", "2024-08", "-o", "report.html")
    page = project.root / "report.html"

    chromium(tmp_path, page, "--window-size=1400,1000", f"--screenshot={tmp_path / 'page.png'}")
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000

    chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={tmp_path / 'page.pdf'}")
    pdf = (tmp_path / "page.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    width, height = (float(v) for v in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)  # A4, landscape

    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "page.pdf"), "-"], check=True,
                              capture_output=True, text=True, timeout=60).stdout
        pages = [p for p in text.split("\f") if p.strip()]
        assert len(pages) >= 3
        for p in pages:  # the header row is repeated on every page
            assert re.search(r"No\.\s+Task\s+Progress overall and in August", p)
        for n in range(1, 25):  # no row is cut: a task's title and every step of its note share one page
            (page_no,) = [i for i, p in enumerate(pages) if re.search(rf"\b{n}\.Task number {n}\b", p)]
            for k in range(1, 3 + n % 12):
                assert f"Step {k} of task {n}." in pages[page_no], (n, k)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "page.pdf"),
                        str(tmp_path / "pdfpage")], check=True, capture_output=True, timeout=60)
        assert next(tmp_path.glob("pdfpage*.png")).read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(CHROMIUM is None or not shutil.which("pdftotext"), reason="needs chromium and pdftotext")
def test_printed_flags_break_between_labels_never_inside_one(project, tmp_path):
    """The flags under a status (`停滞` over `滞后 · 进展雷同`) break at their separators: printed, 进展雷同 is never cut into
    进展 and 雷同 on two lines."""
    for month in ("2024-05", "2024-06", "2024-07", "2024-08"):  # stalled, behind, and the note repeated
        project.ok("log", "195", "--month", month, "--set", "centres=3", "--note", "推进中。")
    project.ok("report", "--month", "2024-08", "--lang", "zh", "-o", "report.html")
    chromium(tmp_path, project.root / "report.html", "--no-pdf-header-footer", f"--print-to-pdf={tmp_path / 'p.pdf'}")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "p.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    assert "滞后" in text and "进展雷同" in text, text


@pytest.mark.skipif(CHROMIUM is None or not shutil.which("pdftotext"), reason="needs chromium and pdftotext")
def test_printed_english_status_fits_its_column(project, tmp_path):
    """Printed on A4, the longest English status (`unmeasured`, bold) stays inside its column: it was cut by the
    chart cell beside it."""
    project.write_plan('[plan]\ntitle = "Plan"\nyear = 2024\n\n[[task]]\nid = "1"\ntitle = "Improve services."\n'
                       'unit = "Office"\n')
    project.ok("log", "1", "--month", "2024-07", "--note", "Work started.")  # no percent: unmeasured
    project.ok("report", "--month", "2024-08", "--with-status", "-o", "report.html")
    chromium(tmp_path, project.root / "report.html", "--no-pdf-header-footer", f"--print-to-pdf={tmp_path / 'p.pdf'}")
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "p.pdf"), "-"], check=True,
                           capture_output=True, text=True, timeout=60).stdout
    words = [(float(a), float(b), w) for a, b, w in re.findall(r'xMin="([\d.]+)" [^>]*xMax="([\d.]+)"[^>]*>([^<]+)<',
                                                               boxes)]
    status_start = min(x0 for x0, _, w in words if w == "Status")
    (status_end,) = [x1 for x0, x1, w in words if w == "unmeasured" and x0 > status_start - 5]
    chart_start = max(x0 for x0, _, w in words if w == "Progress")  # the chart column's heading
    assert status_end < chart_start - 3, (status_end, chart_start)
