"""Printing: JSON for scripts, rich renderables for people. Colour only on a terminal."""

from __future__ import annotations

import json
import re
import sys


def console(stderr: bool = False):
    from tracker.render.safe import SafeConsole

    # rich already drops colour when the stream is not a terminal and honours NO_COLOR.
    return SafeConsole(stderr=stderr, highlight=False, markup=False, emoji=False)


def show(renderable) -> None:
    console().print(renderable)


def say(text: str) -> None:
    """A plain line for people; user text inside it is never read as markup."""
    console().print(text, markup=False, highlight=False, soft_wrap=True)


def print_json(data) -> None:
    """Indented for a person at a terminal; one compact line, without spaces, for a pipe or a file
    (4× faster at a province's size)."""
    sys.stdout.write(json_text(data, indent=2 if sys.stdout.isatty() else None) + "\n")


def json_encoder():
    """What turns a list into compact JSON bytes, as json_text() writes it."""
    return lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                                   check_circular=False).encode("utf-8")  # plain dicts and lists: no cycles


def json_chunks(items, encode, size: int = 500):
    """The items as JSON, a few hundred at a time, each chunk `,a,b,…` in UTF-8 (see JsonList)."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield _chunk(batch, encode)
            batch = []
    if batch:
        yield _chunk(batch, encode)


# The UTF-8 of what _JSON_CONTROLS escapes starts with one of these: four byte searches
# (memchr) rule out most chunks faster than the regular expression can.
_ESCAPE_MARKS = (b"\x7f", b"\xc2", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


def _chunk(batch: list, encode) -> bytes:
    return b"," + escape_controls(encode(batch)[1:-1])


def escape_controls(data: bytes) -> bytes:
    """JSON in UTF-8 with what _JSON_CONTROLS escapes escaped, as json_text() escapes it."""
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
# terminals obey, e.g. U+009B as CSI) as they are, and the line separators
# U+2028/2029 that some line readers split at: escape those too. Same data.
_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029)}
_NEEDS_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029]")  # a scan in C; translate() only when it finds one


def json_text(data, indent=None) -> str:
    """JSON as tracker prints it: Chinese as itself, every control character escaped; without indent, no spaces."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return text.translate(_JSON_CONTROLS) if _NEEDS_ESCAPE.search(text) else text


class _Quiet:
    def __enter__(self):
        def tick(n=1):
            pass
        tick.describe = lambda text: None
        return tick

    def __exit__(self, *exc):
        return False


def _interactive() -> bool:
    import os

    return not os.environ.get("CI") and sys.stderr.isatty()


def progress(total: int, description: str, threshold: int = 20000):
    """A context giving `tick(n)`: a rich progress bar on a terminal for long work, silent otherwise.
    `tick.describe(text)` says what the work does now (a second stage, its bar full)."""
    if total < threshold or not _interactive():
        return _Quiet()
    return _Bar(total, description)


def busy(description: str, size: int, threshold: int = 20000):
    """A spinner on a terminal while long work of unknown length runs (writing a large import); silent otherwise."""
    if size < threshold or not _interactive():
        return _Quiet()
    return console(stderr=True).status(description)


class _Bar:
    def __init__(self, total: int, description: str):
        from rich.progress import Progress

        self.progress = Progress(console=console(stderr=True), transient=True)
        self.total, self.description = total, description

    def __enter__(self):
        self.progress.__enter__()
        task = self.progress.add_task(self.description, total=self.total)

        def tick(n=1):
            self.progress.advance(task, n)
        tick.describe = lambda text: self.progress.update(task, description=text)
        return tick

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)
