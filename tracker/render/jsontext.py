"""JSON as tracker writes it: Chinese as itself, every control character escaped, compact in a pipe.

Every JSON tracker prints or writes is encoded by pydantic_core's `to_json` (pydantic's own engine, a
declared dependency): the json module's text, made four times faster (a province's `status --format json`
is 16 MB of it), except that a number below 0.0001 is written in full (0.00005, where json.dumps writes 5e-05:
the same number to every JSON reader). The hashes of the log do not depend on it (store/chain.py).
"""

from __future__ import annotations

import re
import sys

from tracker.textfile import INVISIBLE


def json_encoder():
    """What turns a list into compact JSON bytes, as json_text() writes it."""
    from pydantic_core import to_json

    return to_json


def json_chunks(items, encode, size: int = 500, texts=None):
    """The items as JSON, a few hundred at a time, each chunk `,a,b,…` in UTF-8 (see JsonList).

    `texts`: every text of the caller's that the items can hold (the rest being tracker's own words,
    numbers and dates); when none of them needs escaping, the chunks are not searched for what to escape.
    """
    escape = escape_controls if texts is None or needs_escape(texts) else _as_is
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield _chunk(batch, encode, escape)
            batch = []
    if batch:
        yield _chunk(batch, encode, escape)


def needs_escape(texts) -> bool:
    """Whether any of these texts has a character that json_text() escapes and json.dumps does not."""
    return _NEEDS_ESCAPE.search("\n".join(texts)) is not None


# The UTF-8 of what _JSON_CONTROLS escapes starts with one of these: a few byte searches
# (memchr) rule out most chunks faster than the regular expression can.
_ESCAPE_MARKS = (b"\x7f", b"\xc2", b"\xe2\x80", b"\xe2\x81", b"\xd8\x9c", b"\xef\xbb\xbf")


def _as_is(data: bytes) -> bytes:
    return data


def _chunk(batch: list, encode, escape) -> bytes:
    return b"," + escape(encode(batch)[1:-1])


def escape_controls(data: bytes) -> bytes:
    """JSON in UTF-8 with what _JSON_CONTROLS escapes escaped: json_text's and the streamed status's one way."""
    if any(mark in data for mark in _ESCAPE_MARKS):
        text = data.decode("utf-8")
        if _NEEDS_ESCAPE.search(text):
            data = text.translate(_JSON_CONTROLS).encode("utf-8")
    return data


class JsonList:
    """Writes what print_json(head + {key: items}) prints in a pipe, from json_chunks() written in order.

    Never holds the whole text: a province's status is 18 MB of JSON. `key`
    comes last, as in every shape of SPEC.md.
    """

    def __init__(self, head: dict, key: str):
        self.opening = json_text({**head, key: []})[:-2]  # it ends with "[]}"
        self.started = False

    def write(self, chunk: bytes) -> None:
        out = sys.stdout
        if not self.started:
            out.write(self.opening)
            out.flush()
            chunk = chunk[1:]  # the first item has no "," before it
            self.started = True
        out.buffer.write(chunk)

    def close(self) -> None:
        if not self.started:
            sys.stdout.write(self.opening)
        sys.stdout.buffer.flush()
        sys.stdout.write("]}\n")


# json.dumps escapes C0 control characters but writes DEL and C1 (which some
# terminals obey, e.g. U+009B as CSI) as they are, and the invisible characters
# that reorder or hide text (textfile.INVISIBLE, U+2028/2029 among them, which
# some line readers split at): escape those too. Same data.
_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *INVISIBLE)}
_NEEDS_ESCAPE = re.compile("[" + "".join(re.escape(chr(c)) for c in _JSON_CONTROLS) + "]")  # a scan in C


def json_text(data, indent=None) -> str:
    """JSON as tracker prints it: Chinese as itself, every control character escaped; without indent, no spaces."""
    from pydantic_core import to_json

    return escape_controls(to_json(data, indent=indent)).decode()  # its byte searches, not a scan of the text
