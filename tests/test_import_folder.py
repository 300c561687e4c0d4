"""A month's folder of replies as they arrive: imported whole, what cannot be read named file by file at once."""

from __future__ import annotations

import json
import shutil

import docx
import openpyxl

TABLE = "序号 | 目标任务 | 进展 |\n1 | 195.新建中心 | 截至目前,全市新建区域性居家养老服务中心20个 |\n"


def _word(path, rows):
    d = docx.Document()
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(path)


def test_every_file_that_cannot_be_read_is_named_at_once_and_nothing_is_written(project):
    """One file that cannot be opened (empty, a workbook named .docx) no longer hides the others' problems."""
    (project.root / "empty.docx").write_bytes(b"")
    openpyxl.Workbook().save(project.root / "市卫健委.docx")
    (project.root / "scan.pdf").write_bytes(b"%PDF-1.4")
    (project.root / "材料.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (project.root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (project.root / "a.md").write_text(TABLE, encoding="utf-8")
    r = project.bad("import", "a.md", "empty.docx", "市卫健委.docx", "scan.pdf", "材料.zip", "old.doc", "--month", "2024-08")
    lines = r.err.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["empty.docx", "市卫健委.docx", "scan.pdf", "材料.zip", "old.doc"]
    assert lines[0].endswith("(the file is empty (0 bytes): ask the unit to send it again)")
    assert lines[3] == "材料.zip: cannot import .zip, an archive: unzip it (解压) and import the files in it"
    assert "ask the unit for the file itself" in lines[2]
    assert not project.db.exists()
    zh = project.bad("--lang", "zh", "import", "empty.docx", "材料.zip", "--month", "2024-08").err
    assert "文件是空的（0字节）" in zh and "请解压后导入其中的文件" in zh


def test_a_folder_imports_its_files_less_lock_files_and_a_reply_sent_twice(project):
    replies = project.root / "replies"
    replies.mkdir()
    name = "【市民政局】8月份目标任务进展情况（定稿）"
    _word(replies / f"{name}(1).docx", [["序号", "目标任务", "8月份进展情况"],
                                         ["1", "195.新建中心", "截至目前,全市新建区域性居家养老服务中心20个"]])
    shutil.copy(replies / f"{name}(1).docx", replies / f"{name}(2).docx")  # the same reply, sent twice
    (replies / f"~${name}(1).docx").write_bytes(b"\x06tester" + b"\0" * 155)  # Word's lock file beside it
    r = project.ok("import", "replies", "--month", "2024-08")
    assert r.err.strip().splitlines()[:2] == [
        f"note: replies/~${name}(1).docx: the lock file Word, WPS or Excel leaves beside an open document, "
        "no reply: left out",
        f"note: replies/{name}(2).docx is the same file as replies/{name}(1).docx (sent twice): read once",
    ]
    assert "1 entry recorded for 2024-08" in r.out
    got = [json.loads(line) for line in project.ok("export").out.splitlines()]
    assert [(e["task"], e["values"]) for e in got] == [("195", {"centres": 20})]
    # the files named one by one (a shell's glob) are read the same way
    again = project.ok("--lang", "zh", "import", *sorted(str(p.relative_to(project.root)) for p in replies.iterdir()),
                       "--month", "2024-08")
    assert "内容完全相同（重复发送）：只读取一次" in again.err and "锁定文件" in again.err
    assert len(project.ok("export").out.splitlines()) == 1


def test_a_glob_the_shell_left_as_it_is_is_expanded(project):
    """Windows' cmd and PowerShell pass `8月报送\\*.md` to the program as it is; so does a quoted glob."""
    (project.root / "replies").mkdir()
    (project.root / "replies" / "a.md").write_text(TABLE, encoding="utf-8")
    r = project.ok("import", "replies/*.md", "--month", "2024-08")
    assert "replies/a.md: 1 row; 1 entry recorded for 2024-08" in r.out
    assert project.bad("import", "replies/*.docx", "--month", "2024-08").err.strip() == (
        "replies/*.docx: no such file to import")
