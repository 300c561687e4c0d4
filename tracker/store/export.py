"""`tracker export`: every entry, as JSON Lines, streamed a few thousand entries at a time.

Each line is what `json_text(entry.to_json(with_task=True))` writes (output.py),
byte for byte. The usual way builds an Entry and a dict for each entry and has
json.dumps encode it: ~20 µs an entry, 14 s for a province's 650,000. Here the
rows are written as SQLite gives them, where that is the same text:

- the text fields are encoded by msgspec, which writes strings as json.dumps
  (ensure_ascii=False) does (tests/test_import_fast.py holds that);
- the values come from the stored figures (chain.values_text(): the pairs
  `[["k",1],["l",2.5]]`, keys [A-Za-z0-9_], numbers as `number()` writes them),
  rewritten as the object `{"k":1,"l":2.5}` that json.dumps writes of them,
  once the text is checked to be that: each number read back and written again;
- a percent and a month are written once for each distinct one.

A row that is anything else (an older schema, figures written otherwise) goes
the usual way. tests/test_export.py holds the two ways' output equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker import store
from tracker.core import months
from tracker.core.model import number
from tracker.cli.output import escape_controls, json_text

_BATCH = 5000  # entries a chunk
_COLUMNS = "SELECT id, task, month, recorded_at, by, figures, percent, status, note FROM entries"

# The stored figures of the plain case: pairs of a plain key and a number, each key once (sorted: a
# key given twice is given side by side); _SAFE's numbers are written by json.dumps as they are: an
# integer of up to 15 digits, or a decimal of up to 15 digits that is not whole and is at least 1e-4
# (repr() writes it as it is: the shortest text that reads back the same, in this form).
_NUMBER = r'-?[0-9][0-9.e+-]*'
_SAFE_NUMBER = r'(?:0|-?[1-9][0-9]{0,14}|(?=[-0-9.]{1,16}\])(?:-?[1-9][0-9]*\.[0-9]*[1-9]|-?0\.0{0,3}[1-9](?:[0-9]*[1-9])?))'
_FIGURES = re.compile(rf'\[(?:\["[A-Za-z0-9_]+",{_NUMBER}\](?:,\["[A-Za-z0-9_]+",{_NUMBER}\])*)?\]')
_SAFE = re.compile(rf'\[\["[A-Za-z0-9_]+",{_SAFE_NUMBER}\](?:,\["[A-Za-z0-9_]+",{_SAFE_NUMBER}\])*\]')
_TWICE = re.compile(r'\["([A-Za-z0-9_]+)",[^\]]*\],\["\1"')
_PAIR = re.compile(rf'\["([A-Za-z0-9_]+)",({_NUMBER})\]')
_INTEGER = re.compile(r"0|-?[1-9][0-9]{0,14}")  # up to 15 digits: the same number as a float


def chunks(conn) -> Iterator[bytes]:
    """The log's entries as export writes them, in log order (recorded_at, then append order): UTF-8,
    a batch of lines at a time, each line ending in a newline."""
    if conn is None:
        return
    if store.version(conn) < 5:  # an older schema, read as it is: the usual way
        yield from _usual(store.read_entries(conn))
        return
    import msgspec

    encode = msgspec.json.Encoder().encode_lines
    line = _line_type(msgspec)
    raw = msgspec.Raw
    # Each month as the usual way writes it; one it cannot read raises before anything is written
    month_of = {text: months.fmt(months.parse(text)) for (text,) in conn.execute("SELECT DISTINCT month FROM entries")}
    percent_of = {None: raw(b"null")}
    figures_of = store.figures_reader(True)  # what the usual way reads them with
    cursor = conn.execute(f"{_COLUMNS} ORDER BY recorded_at, seq")  # one statement: one moment of the log
    while rows := cursor.fetchmany(_BATCH):
        lines = []
        for eid, task, month, at, by, figures, percent, status, note in rows:
            m = month_of.get(month)
            if m is None:  # written since the months were read
                m = month_of[month] = months.fmt(months.parse(month))
            p = percent_of.get(percent)
            if p is None:
                p = percent_of[percent] = raw(json_text(number(percent)).encode())
            values = _values(figures)
            if values is None:  # not the plain case: as the usual way writes them
                values = json_text({k: number(v) for k, v in figures_of(figures).items()})
            lines.append(line(eid, task, m, at, by, raw(values.encode()), p, status, note))
        yield escape_controls(encode(lines))


def _usual(entries) -> Iterator[bytes]:
    """Entries as export writes them, one by one, a batch at a time."""
    batch = []
    for e in entries:
        batch.append(json_text(e.to_json(with_task=True)) + "\n")
        if len(batch) == _BATCH:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def _values(figures: str) -> str | None:
    """The JSON object of an entry's values from its stored figures, if they are the plain case, else None."""
    if figures == "[]":
        return "{}"
    if _SAFE.fullmatch(figures) is None or "],[" in figures and _TWICE.search(figures) is not None:
        return _checked(figures)
    return _as_object(figures)


def _checked(figures: str) -> str | None:
    """_values() of figures that are not all _SAFE's plain numbers: each number read back and written again."""
    if _FIGURES.fullmatch(figures) is None:
        return None
    pairs = _PAIR.findall(figures)
    if len({key for key, _ in pairs}) < len(pairs):  # a key twice: a dict keeps the last
        return None
    for _, text in pairs:
        if _INTEGER.fullmatch(text) is None:  # else as number() leaves a float: not whole, written as repr() writes it
            x = float(text)
            if x.is_integer() or float.__repr__(x) != text:
                return None
    return _as_object(figures)


def _as_object(figures: str) -> str:
    """Plain figures `[["k",1],["l",2.5]]` as the object `{"k":1,"l":2.5}`: with such keys and numbers, `",` only
    ends a key and `],[` only parts two pairs."""
    return "{" + figures[2:-2].replace('",', '":').replace('],[', ",") + "}"


_LINE: list = []


def _line_type(msgspec):
    """A line of export as a msgspec Struct: its keys in Entry.to_json()'s order, none left out."""
    if not _LINE:
        class Line(msgspec.Struct, gc=False):
            id: str
            task: str
            month: str
            recorded_at: str
            by: str | None
            values: msgspec.Raw
            percent: msgspec.Raw
            status: str | None
            note: str | None

        _LINE.append(Line)
    return _LINE[0]
