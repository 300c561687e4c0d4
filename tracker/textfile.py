"""User text in and out: reading a file a user gave (UTF-8 with or without BOM,
UTF-16/32 with their BOM; anything else refused clearly), and showing user
text so that a terminal never takes part of it for a command.
"""

from __future__ import annotations

import codecs
import json
import re

from tracker.errors import BadInput, Word

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def read(path: str, what: str = "file") -> str:
    if path == "-":
        import sys

        return decode(sys.stdin.buffer.read(), "<stdin>")
    return decode(read_bytes(path, what), path)


def read_bytes(path: str, what: str = "file") -> bytes:
    """A file's bytes as they are (for a reader that decodes them itself, then decode() for its errors)."""
    with opened(path, what) as f:
        try:
            return f.read()
        except OSError as e:
            raise BadInput("{path}: cannot read: {why}", path=path, why=e.strerror) from None
        except MemoryError:
            raise BadInput("{path}: too large to read", path=path) from None


def opened(path: str, what: str = "file"):
    """The file open for reading bytes, or BadInput saying why it cannot be."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise BadInput("{path}: no such {what}", path=path, what=Word(what)) from None
    except IsADirectoryError:
        raise BadInput("{path}: is a directory, not a {what}", path=path, what=Word(what)) from None
    except OSError as e:
        raise BadInput("{path}: cannot read: {why}", path=path, why=e.strerror) from None


_CHUNK = 1 << 20  # lines() reads a file a megabyte at a time


def json_value(text: str):
    """The one JSON value `text` holds, as json.loads(text) reads it, or its error.

    The json module's C scanner is called directly: json.loads() costs a third more for a text as short
    as a log's line (its wrapper, its two searches for white space), and a province's log has 650,000.
    Anything the scanner does not read whole (white space around the value, what follows it, a mistake)
    goes to json.loads, which says what it is or what is wrong.
    """
    try:
        value, end = _scan(text, 0)
    except (StopIteration, ValueError, RecursionError):  # StopIteration: no JSON value starts here
        end = -1
    return value if end == len(text) else json.loads(text)


_scan = json.JSONDecoder().scan_once


def lines(path: str, what: str = "file"):
    """A file's lines, numbered from 1 and without their line breaks, read a megabyte at a time (memory
    stays bounded whatever the file's size); the same encodings, checks and messages as decode()."""
    with opened(path, what) as f:
        data = f.read(_CHUNK)
        head = data
        codec = next((c for bom, c in _BOMS if data.startswith(bom)), "utf-8-sig")
        decoder = codecs.getincrementaldecoder(codec)()
        n, carry = 0, ""  # lines given so far; the text after the last line break read
        while True:
            final = not data
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as e:
                line = n + data[: max(e.start, 0)].count(b"\n") + 1
                if codec != "utf-8-sig":
                    raise _damaged(path, line, codec) from None
                raise _not_utf8(path, line, data) from None
            if head is data and codec != "utf-8-sig":
                text = text.lstrip("\ufeff")
            _no_controls(text, path, n, head)
            text = carry + text
            if final:
                cut = len(text)
            else:
                cut = text.rfind("\n")  # a line break in \r\n may come in the next piece: wait for it
                if cut < 0:
                    carry = text
                    data = f.read(_CHUNK)
                    continue
            carry = text[cut + 1:]
            # the piece with its last line break, so that a \r\n there is one break, not \r and \n
            pieces = text[:cut + 1].replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if not final:
                pieces.pop()  # what follows the last line break: carried
            for line in pieces:
                n += 1
                yield n, line
            if final:
                return
            data = f.read(_CHUNK)


def _gb18030_hint(data: bytes) -> str:
    try:
        codecs.getincrementaldecoder("gb18030")().decode(data, False)  # a piece of a file may end mid-character
        return " (it looks like GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`)"
    except UnicodeDecodeError:
        return ""


def decode(data: bytes, path: str, fallback: str | None = None) -> str:
    """The text of a file's bytes, line breaks as `\\n`; BadInput `PATH:LINE: …` when it is not text.

    `fallback` (gb18030 for a table saved by Excel or WPS on a Chinese Windows): the codec of
    bytes without a byte-order mark that are not UTF-8."""
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise _damaged(path, data[: e.start].decode(codec, errors="replace").count("\n") + 1, codec) from None
            text = text.lstrip("\ufeff")
            break
    if text is None:
        text = _utf8(data, path, fallback)
    _no_controls(text, path, 0, data)
    # Universal newlines, as Python's text mode: a note from Windows keeps no stray \r.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# No text format tracker reads (TOML, JSON Lines, a table, a note) holds these raw;
# finding one means binary data, or text in an encoding it was not read in.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _utf16_unmarked(data: bytes) -> bool:
    # Mostly-ASCII UTF-16 has a NUL in every other byte, and only there.
    sample = data[:400]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return half >= 4 and max(even, odd) >= 0.4 * half and min(even, odd) <= 0.1 * half


def _utf8(data: bytes, path: str, fallback: str | None = None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if fallback:
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                pass
        raise _not_utf8(path, data[: e.start].count(b"\n") + 1, data) from None


def _damaged(path: str, line: int, codec: str) -> BadInput:
    return BadInput("{path}:{line}: damaged {codec} text", path=path, line=line, codec=codec.upper())


def _not_utf8(path: str, line: int, data: bytes) -> BadInput:
    # Chinese in UTF-16 is seldom valid UTF-8, so unmarked UTF-16 is most often found here, not as a control.
    hint = _UTF16_HINT if _utf16_unmarked(data) else _gb18030_hint(data)
    return BadInput("{path}:{line}: not UTF-8 text{hint}", path=path, line=line, hint=Word(hint))


_UTF16_HINT = " (it looks like UTF-16 without its byte-order mark: save it as UTF-8)"


def _no_controls(text: str, path: str, before: int, head: bytes) -> None:
    """BadInput naming the line (after `before` lines) of a control character no text format holds raw."""
    if text.replace("\n", "").isprintable():
        return  # (a C loop: it rules out a text of lines in half the time of the expression's search)
    found = _CONTROL.search(text)
    if found:
        line = before + text[: found.start()].count("\n") + 1
        hint = _UTF16_HINT if _utf16_unmarked(head) else ""
        raise BadInput("{path}:{line}: binary data, not text (control character U+{code}){hint}", path=path,
                       line=line, code=format(ord(found[0]), "04X"), hint=Word(hint))


# --- showing user text --------------------------------------------------------------

# Characters that reorder or hide text without showing themselves ("Trojan Source", CVE-2021-42574):
# the bidirectional embeddings, overrides and isolates, the zero-width ones and marks, the line and
# paragraph separators, the Arabic letter mark, the word joiner and invisible operators, the BOM.
INVISIBLE = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x2010), 0x2028, 0x2029,
             0x061C, *range(0x2060, 0x2065), 0xFEFF)


def _visible_table() -> dict[int, str]:
    # A control character becomes one visible character: C0 and DEL their Unicode control
    # pictures (ESC → ␛), C1 (which some terminals obey too) �. An invisible one becomes its
    # code point written out, <U+202E>, so that a reader sees what was there.
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    table.update({c: "\ufffd" for c in range(0x80, 0xA0)})
    table.update({c: f"<U+{c:04X}>" for c in INVISIBLE})
    return table


_VISIBLE = _visible_table()


def visible(text: str) -> str:
    """User text as every output shows it (terminal, Markdown, CSV, xlsx, docx, html, CI annotations):
    control characters (ESC, BEL, CR, C1, …) as symbols, invisible and bidi characters as <U+XXXX>,
    never sent as they are. Tab and line break stay (each format writes those its own way)."""
    if text.isprintable():
        return text
    return text.translate(_VISIBLE)


def office_why(data: bytes, error: Exception) -> str:
    """Why a .docx or .xlsx could not be opened, in the user's terms: what the file holds when it is another
    kind (a workbook named .docx, an old .xls renamed .xlsx), else the library's reason."""
    import io
    import zipfile

    if not data:
        return Word("the file is empty (0 bytes): ask the unit to send it again")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the compound file of old Excel, Word and WPS
        return Word("it is an old binary .xls, .doc or .et file renamed: open it and save it as .xlsx or .docx "
                    "(另存为)")
    if not data.startswith(b"PK"):
        return Word("its content is no Word or Excel file")
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return Word("it is damaged: an incomplete copy or download?")
    if "xl/workbook.xml" in names:
        return Word("it is an Excel workbook (.xlsx)")
    if "word/document.xml" in names:
        return Word("it is a Word document (.docx)")
    return str(error)
