"""Reading a text file a user gave: UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else refused clearly."""

from __future__ import annotations

from tracker.errors import BadInput


def read(path: str, what: str = "file") -> str:
    if path == "-":
        import sys

        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory, not a {what}") from None
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror}") from None
    return decode(data, path)


def decode(data: bytes, path: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput(f"{path}:1: damaged UTF-16 text") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " (it looks like GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`)"
        except UnicodeDecodeError:
            pass
        raise BadInput(f"{path}:{line}: not UTF-8 text{hint}") from None
    if "\x00" in text:
        raise BadInput(f"{path}:{text[: text.index(chr(0))].count(chr(10)) + 1}: binary data, not text")
    return text
