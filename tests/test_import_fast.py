"""The fast ways of a large import give the answers of the careful ones: the same entries or the same
first error (JSON Lines), the same hash chain (hashing), the same figures in force and the same schema
(the bulk append)."""

from __future__ import annotations

import json
import random
import sqlite3
from types import MappingProxyType

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIC_PLAN
from tests.test_hostile import ENTRY_OBJECT
from tracker import chain, months, series, store
from tracker import entries as make
from tracker import plan as planfile
from tracker.errors import BadInput
from tracker.importers import jsonl

PLAN = planfile.parse(BASIC_PLAN, "tasks.toml")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def careful(text: str) -> list | str:
    """What the line-by-line reader alone makes of a file: its entries, or its one error line."""
    out, cache = [], {}
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            out.append(jsonl._entry(line, PLAN, cache))
        except BadInput as e:
            return f"x.jsonl:{n}: {e}"
    return out


def both_ways(data: bytes | str) -> list | str:
    try:
        return jsonl.read_entries(data, "x.jsonl", PLAN)
    except BadInput as e:
        return str(e)


GOOD = {"id": "a", "task": "195", "month": "2024-08", "recorded_at": "2024-08-31T10:00:00.000000Z", "by": "x",
        "values": {"centres": 3, "stations": 12.5}, "percent": None, "status": None, "note": "进展 "}
FIGURE = st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-10, 10 ** 30),
                   st.from_regex(r"\A-?\d{1,20}(\.\d{1,20})?([eE][-+]?\d{1,3})?\Z").map(float))


@SETTINGS
@given(st.lists(ENTRY_OBJECT, min_size=1, max_size=4))
def test_any_json_reads_alike_both_ways(objects):
    text = "\n".join(json.dumps(o) for o in objects)
    assert both_ways(text) == careful(text)
    assert both_ways(text.encode()) == careful(text)


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"centres": FIGURE}), min_size=1, max_size=4),
       st.one_of(st.none(), FIGURE), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_figures_read_alike_both_ways(values, percent, newline):
    rows = [dict(GOOD, id=f"a{i}", values=v) for i, v in enumerate(values)]
    rows.append(dict(GOOD, id="q", task="184", values={}, percent=percent))
    text = newline.join(json.dumps(r) for r in rows) + newline
    normal = text.replace("\r\n", "\n")
    assert both_ways(text.encode()) == careful(normal)


def test_a_bad_line_deep_in_a_large_file_is_named():
    rows = [json.dumps(dict(GOOD, id=f"e{i}")) for i in range(3000)]
    for bad, message in (('{"id": "z", "task": "999", "month": "2024-08", "recorded_at": "2024-08-31T10:00:00Z", "note": "n"}',
                          "unknown task '999' (not in tasks.toml)"),
                         ("{oops", "not a JSON object"),
                         (json.dumps(dict(GOOD, values={"centres": -1})), "195.centres: -1 is not a number ≥ 0"),
                         (json.dumps(dict(GOOD, values={}, note=" ")), "the entry records nothing")):
        lines = rows[:2000] + [bad] + rows[2000:]
        for data in ("\n".join(lines).encode(), "\r\n".join(lines).encode(), "\n".join(lines)):
            with pytest.raises(BadInput) as e:
                jsonl.read_entries(data, "x.jsonl", PLAN)
            assert str(e.value).startswith(f"x.jsonl:2001: {message}")


def test_what_the_fast_way_leaves_is_read_the_careful_way():
    lines = [json.dumps(dict(GOOD, id="a1")),
             "",  # a blank line: skipped, and the lines keep their numbers
             json.dumps(dict(GOOD, id="a2", values={"centres": "1,200"})),  # a figure written as text
             json.dumps(dict(GOOD, id="a3", values=[], note="只有说明")),  # values [] is read as none
             json.dumps(dict(GOOD, id="a4", recorded_at="2024-08-31T18:00:00+08:00", month="2024年8月")),
             "   "]
    data = "\ufeff" + "\n".join(lines)  # and a byte-order mark
    read = jsonl.read_entries(data.encode(), "x.jsonl", PLAN)
    assert read == careful(data.lstrip("\ufeff"))
    assert [e.values for e in read] == [{"centres": 3.0, "stations": 12.5}, {"centres": 1200.0}, {},
                                        {"centres": 3.0, "stations": 12.5}]
    assert read[3].recorded_at == "2024-08-31T10:00:00.000000Z" and read[3].month == read[0].month


def test_a_file_that_is_not_text_is_named_before_any_line():
    for data, message in ((b'{"id": "a"}\n\x00\x01', "x.jsonl:2: binary data"), (b"\xff\xfe\x00", "x.jsonl:1: damaged"),
                          (b'{"id": "\xff"}', "x.jsonl:1: not UTF-8")):
        with pytest.raises(BadInput, match=message):
            jsonl.parse(data, "x.jsonl")


def test_a_record_is_its_entry_field_for_field():
    # parse() makes an entry of a record's astuple(): the fields must stay in Entry's order
    assert jsonl._Record.__struct_fields__ == jsonl._Exported.__struct_fields__ == store.Entry._fields


def test_lines_that_are_not_one_record_each_are_read_line_by_line(monkeypatch):
    """A whole file is first decoded in one call, which takes any whitespace between records: when a blank
    line, two records on one line or one over two lines would shift the lines, the lines are read one by one."""
    a, b, c = (json.dumps(dict(GOOD, id=x)) for x in "abc")
    for text in (a + " " + b + "\n\n" + c,  # as many records as lines, but not one on each
                 a + " " + b + "\n" + c, a + b + "\n" + c,  # every newline between two records, but more records
                 a + "\n" + b[:-1] + ",\n" + '"x": 1}' + "\n" + c + c,
                 a + "\n" + "\n".join(json.dumps(dict(GOOD, id="d"), indent=1).split("\n")),
                 a + "\n \n" + b, a + "\n" + b + "\n\n", a + "\t\n" + b, " " + a + "\n" + b,
                 a + "\n" + b + "\n" + c):
        for chunk in (1 << 20, 1, len(a) + 1):  # a whole file, a line, and a line and a byte at a time
            monkeypatch.setattr(jsonl, "_CHUNK", chunk)
            assert both_ways(text.encode()) == careful(text)


def test_a_file_as_export_writes_it_is_decoded_whole(monkeypatch):
    monkeypatch.setattr(jsonl, "_CHUNK", 300)  # a few lines a chunk
    for end in ("", "\n"):
        text = "\n".join(json.dumps(dict(GOOD, id=f"e{i}", note="n"), ensure_ascii=False) for i in range(40)) + end
        assert jsonl._whole(text.encode()) == careful(text.rstrip("\n"))


def test_each_thing_the_columns_do_not_take_is_read_as_one_by_one():
    clean = dict(GOOD, note="进展")  # GOOD's note ends in a space: a line no check takes outright
    for odd in (dict(clean, id=" "), dict(clean, id=""), dict(clean, month="2024年8月"), dict(clean, month="2024-13"),
                dict(clean, recorded_at="2024-08-31T18:00:00+08:00"), dict(clean, recorded_at="yesterday"),
                dict(clean, recorded_at="２０２４-08-31T10:00:00.000000Z"), dict(clean, note=" 进展"),
                dict(clean, note=""), dict(clean, note="\u3000"), dict(clean, values={}, note=None), dict(clean, task="999"),
                dict(clean, values={"people": 1})):
        text = "\n".join([json.dumps(dict(clean, id=f"c{i}")) for i in range(3)] + [json.dumps(odd, ensure_ascii=False)])
        assert both_ways(text.encode()) == careful(text), odd


def test_a_note_of_nothing_is_none_and_an_entry_of_nothing_is_refused():
    lines = [json.dumps(dict(GOOD, id="a", note="")), json.dumps(dict(GOOD, id="b", note="  ")),
             json.dumps(dict(GOOD, id="c", note=None)), json.dumps(dict(GOOD, id="d", values={}, note=None, status="done"))]
    assert [e.note for e in jsonl.read_entries("\n".join(lines).encode(), "x.jsonl", PLAN)] == [None, None, None, None]
    lines.append(json.dumps(dict(GOOD, id="e", values={}, note="")))
    assert both_ways("\n".join(lines).encode()).startswith("x.jsonl:5: the entry records nothing")


@SETTINGS
@given(st.lists(st.sampled_from(["2024-08-31T10:00:00.000000Z", "2024-08-31T10:00:00.000000Z\n", "2024-08-31T10:00:00Z",
                                 "２０２４-08-31T10:00:00.000000Z", "2024-08-31T10:00:00.000000",
                                 "Z2024-08-31T10:00:00.000000Z",
                                 "2024-08-31 10:00:00.000000Z", ""]), max_size=6))
def test_times_taken_as_they_are_are_in_the_logs_form(stamps):
    if jsonl._plain_stamps(stamps):
        assert all(make.STAMP.match(s) for s in stamps)
    assert jsonl._plain_stamps(["2024-08-31T10:00:00.000000Z"] * 3)


@SETTINGS
@given(st.lists(ENTRY_OBJECT, min_size=1, max_size=8))
def test_records_are_made_entries_column_by_column_as_one_by_one(objects):
    records = []
    for o in objects:
        try:
            records.append(jsonl._DECODE(json.dumps(o)))
        except Exception:
            pass
    records = jsonl._no_null_values(records)
    one_by_one = [jsonl._normal(msgspec.structs.replace(r), {}) for r in records]
    assert jsonl._normal_all(records) == one_by_one


def test_check_ticks_and_names_lines_past_its_first_runs():
    rows = [json.dumps(dict(GOOD, id=f"e{i}")) for i in range(25000)]
    ticks = []
    assert len(jsonl.check(jsonl.parse("\n".join(rows).encode(), "x.jsonl"), "x.jsonl", PLAN, ticks.append)) == 25000
    assert ticks == [10000, 10000]
    rows[15000] = json.dumps(dict(GOOD, id="z", values={"people": 1}))
    with pytest.raises(BadInput, match="^x.jsonl:15001: task 195 has no metric 'people'"):
        jsonl.read_entries("\n".join(rows).encode(), "x.jsonl", PLAN)


# --- hashing -----------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
NUMBER = st.one_of(st.none(), st.floats(), st.integers(-10 ** 20, 10 ** 20), st.booleans())


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["2024-08", "0999-01"]), st.dictionaries(TEXT, NUMBER, max_size=3), NUMBER,
       st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT, st.integers()), TEXT)
def test_the_quick_hash_is_the_hash(eid, task, month, values, percent, status, note, by, at):
    args = (eid, task, month, values, percent, status, note, by, at)
    assert store._quick_hash("prev", *args) == store._hash("prev", *args)


# What hash_bodies() takes in bulk, and what it must leave to hash_parts() and _hash().
KEY = st.one_of(st.from_regex(r"\A[a-z][a-z0-9_]{0,6}\Z"), TEXT)
EDGES = [0.0, -0.0, 1e-4, 9.999e-5, 1e-5, 1e-7, 5e-324, 0.1 + 0.2, 1e15 + 0.5, 1e16 - 2, 1e16, 1e17, 2.0 ** 70, 1e22]
FIGURE_ANY = st.one_of(st.floats(0, 1e17), st.sampled_from(EDGES), st.floats(), st.integers(-5, 10 ** 20), st.booleans())
PLAIN_FIGURE = st.one_of(st.just(0.0), st.floats(1e-4, 1e16, exclude_max=True), st.integers(0, 10 ** 15))
TEXT_ANY = st.one_of(TEXT, st.text(max_size=4), st.integers(), st.floats())  # st.text() holds lone surrogates


def _entries(text, key, figure, percent, values=st.dictionaries):
    return st.builds(store.Entry, text, text, st.integers(0, 12 * 9999), text, st.none() | text,
                     values(key, figure, max_size=3), st.none() | percent,
                     st.none() | st.sampled_from(["ongoing", "done"]) | text, st.none() | text)


PLAIN_ENTRY = _entries(TEXT, st.from_regex(r"\A[a-z][a-z0-9_]{0,6}\Z"), PLAIN_FIGURE,
                       st.floats(0, 100) | st.integers(0, 100))
ANY_ENTRY = st.one_of(PLAIN_ENTRY, _entries(TEXT, KEY, FIGURE_ANY, FIGURE_ANY),
                      _entries(TEXT_ANY, KEY, FIGURE_ANY, FIGURE_ANY | TEXT),
                      _entries(TEXT, KEY, PLAIN_FIGURE, PLAIN_FIGURE, values=lambda k, v, **kw: st.dictionaries(
                          k, v, **kw).map(MappingProxyType)))


def _parts(e):
    return chain.hash_parts(e.id, e.task, months.fmt(e.month), e.values, e.percent, e.status, e.note, e.by, e.recorded_at)


def _definition(prev: str, entries: list) -> list | type:
    """The chain as _hash() makes it, one entry after the other; or the type of the error it raises."""
    out = []
    try:
        for e in entries:
            prev = store._hash(prev, e.id, e.task, months.fmt(e.month), e.values, e.percent, e.status, e.note, e.by,
                               e.recorded_at)
            out.append(prev)
    except (TypeError, UnicodeEncodeError) as error:
        return type(error)
    return out


def test_msgspec_writes_every_character_as_json_does():
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    enc = chain._kit()[0]
    assert enc.encode(chars) == json.dumps(chars, ensure_ascii=False, separators=(",", ":")).encode()
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate: json writes it, and _hash() fails to encode it
        enc.encode("\ud800")


def test_msgspec_writes_floats_from_1e_4_to_1e16_as_repr_does():
    rnd = random.Random(6)
    floats = [10 ** rnd.uniform(-4, 16) for _ in range(100_000)] + [round(10 ** rnd.uniform(-4, 16), rnd.randint(0, 8))
                                                                      for _ in range(100_000)]
    floats = [x for x in floats if 1e-4 <= x < 1e16] + [1e-4, 0.0, 1.0, 1e15, 1e16 - 2, 9007199254740993.0, 0.1 + 0.2]
    enc = chain._kit()[0]
    assert enc.encode(floats) == json.dumps(floats, separators=(",", ":")).encode()  # whole ones as "12.0" both


@settings(max_examples=400, deadline=None)
@given(st.floats(1e-4, 1e16, exclude_max=True))
def test_msgspec_writes_any_float_from_1e_4_to_1e16_as_repr_does(x):
    assert chain._kit()[0].encode(x).decode() == repr(x)


@settings(max_examples=100, deadline=None)
@given(st.lists(PLAIN_ENTRY, min_size=1, max_size=12))
def test_plain_entries_are_made_in_bulk_as_one_by_one(entries):
    made = chain._bulk(entries)
    assert made is not None  # the plain case
    assert made == ([_parts(e)[0].encode() for e in entries], [_parts(e)[1] for e in entries])


def test_bulk_leaves_the_figures_it_does_not_write_as_repr_does():
    for figure in EDGES:
        entry = store.Entry("a", "195", 24295, "2024-08-31T10:00:00.000000Z", None, {"k": figure}, None, None, None)
        made = chain._bulk([entry])
        if 0 < figure < 1e-4 or figure >= 1e16 or str(figure) == "-0.0":
            assert made is None, figure
        else:
            assert made == ([_parts(entry)[0].encode()], [_parts(entry)[1]]), figure


@settings(max_examples=200, deadline=None)
@given(st.lists(_entries(TEXT, KEY, PLAIN_FIGURE | st.sampled_from(EDGES), FIGURE_ANY), min_size=1, max_size=6))
def test_bulk_takes_only_what_it_writes_as_hash_parts_does(entries):
    made = chain._bulk(entries)
    if made is not None:
        assert made == ([_parts(e)[0].encode() for e in entries], [_parts(e)[1] for e in entries])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_ENTRY | st.none(), max_size=12), st.sampled_from([(2, 1), (5, 1), (1 << 15, 1), (1 << 15, 64)]))
def test_the_bodies_made_ahead_are_hash_body_or_none(entries, sizes):
    old = chain._RUN, chain._FEW
    chain._RUN, chain._FEW = sizes  # runs of 2 or 5, halved down to single entries
    try:
        made = chain.hash_bodies(entries)
    finally:
        chain._RUN, chain._FEW = old
    assert made.entries == entries and len(made.bodies) == len(made.pairs) == len(entries)
    for e, body, pairs in zip(entries, made.bodies, made.pairs):
        parts = None if e is None else _parts(e)
        if body is None:  # then hash_parts() could not spell it either, or its text is not UTF-8
            assert pairs is None and (parts is None or _unencodable(parts[0]))
        else:
            assert parts is not None and (body, pairs) == (parts[0].encode(), parts[1])
        if e is not None:
            assert made.get(e.id) is not None


def _unencodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_ENTRY, max_size=10), st.data())
def test_the_chain_linked_from_bodies_made_ahead_is_the_definitions(entries, data):
    made = chain.hash_bodies(entries)
    # chained ahead from the log's end as it is (the usual import), or from an end the log no longer has
    ahead, stale = chain.hash_bodies(entries, "prev"), chain.hash_bodies(entries, "gone")
    # the usual import (every entry made ahead, in order), a part of them with others made since, none made ahead
    some = data.draw(st.lists(st.sampled_from(entries), max_size=6)) if entries else []
    others = data.draw(st.lists(PLAIN_ENTRY, max_size=3))
    for appended in (entries, list(entries), some + others, others + some, entries + others):
        for bodies in (made, ahead, stale, None):
            expected = _definition("prev", appended)
            try:
                hashes, pairs = chain.link_entries("prev", appended, bodies)
            except (TypeError, UnicodeEncodeError) as error:
                assert expected is type(error)
                continue
            assert hashes == expected
            assert pairs == [chain.values_text(e.values) for e in appended]
    plain = [e for e, body in zip(entries, made.bodies) if body is not None]
    assert chain.link("prev", [b for b in made.bodies if b is not None]) == _definition("prev", plain)
    assert chain.link("prev", [b.decode() for b in made.bodies if b is not None]) == _definition("prev", plain)


def test_hashes_chained_ahead_stop_at_the_first_unusual_run_and_keep_no_bodies(monkeypatch):
    plain = [store.Entry(f"id{i}", "184", 24290, "2024-03-01T00:00:00.000000Z", "x", {"a": i}, None, None, "n")
             for i in range(7)]
    odd = plain[4]._replace(values={"a": float("nan")})  # json writes NaN: _hash() itself must hash it
    entries = plain[:4] + [odd] + plain[5:]
    monkeypatch.setattr(chain, "_RUN", 2)
    made = chain.hash_bodies(entries, "p")
    assert made.hashes == _definition("p", entries[:4])  # runs of two: the third holds the odd one
    assert made.bodies[:4] == [None] * 4 and None not in made.bodies[5:]
    assert chain.link_entries("p", entries, made)[0] == _definition("p", entries)
    assert chain.link_entries("q", entries, made)[0] == _definition("q", entries)  # another end: made again
    whole = chain.hash_bodies(plain, "")
    assert len(whole.hashes) == len(plain) and set(whole.bodies) == {None}
    assert chain.link_entries("", list(plain), whole) == (_definition("", plain), [chain.values_text(e.values)
                                                                                  for e in plain])


# --- the bulk append ----------------------------------------------------------------------

def _log_lines(seed: int, n: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    out = []
    for i in range(n):
        entry = dict(GOOD, id=f"s{seed}-{i}", month=f"2024-{rnd.randint(1, 12):02d}",
                     recorded_at=f"2024-12-{rnd.randint(1, 3):02d}T10:00:00Z",  # many ties: append order decides
                     values={k: rnd.randint(0, 50) for k in rnd.sample(["centres", "stations"], rnd.randint(0, 2))},
                     note=rnd.choice([None, "推进中", "已完成"]))
        if rnd.random() < 0.3:
            entry.update(task="184", values={}, percent=rnd.choice([None, rnd.randint(0, 100)]),
                         status=rnd.choice([None, "ongoing", "done"]), note=entry["note"] or "补报")
        if not (entry["values"] or entry["note"]):
            entry["note"] = "补报"
        out.append(json.dumps(entry, ensure_ascii=False))
    return out


def _tables(db) -> dict:
    conn = sqlite3.connect(db)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
           for t in ("metric_series", "task_series", "series_state")}
    out["entries"] = conn.execute("SELECT seq, id, task, month, percent, status, by, hash, figures, note "
                                  "FROM entries").fetchall()
    out["schema"] = sorted(r for r in conn.execute("SELECT type, name, sql FROM sqlite_master"))
    conn.close()
    return out


def test_bulk_appends_give_what_small_appends_give(empty_project, monkeypatch):
    """First into an empty log (indexes built after, series folded from the entries in memory), then
    batches smaller than the log (indexes kept, series read back), with ids repeated in and across files."""
    p = empty_project.write_plan(BASIC_PLAN)
    batches = [_log_lines(0, 300), _log_lines(1, 120), _log_lines(0, 40) + _log_lines(2, 120)]
    results = []
    for bulk in (1, 10 ** 9):
        monkeypatch.setattr(store, "BULK", bulk)
        db = p.root / f"bulk-{bulk}.db"
        for i, batch in enumerate(batches):
            (p.root / "log.jsonl").write_text("\n".join(batch + batch[:5]), encoding="utf-8")
            p.ok("--db", str(db), "import", "log.jsonl")
        conn = sqlite3.connect(db)
        assert series.disagreements(conn) == []
        conn.close()
        results.append(_tables(db))
    assert results[0] == results[1]
    assert p.ok("--db", str(p.root / "bulk-1.db"), "validate").out.startswith("ok:")


def test_an_import_chained_ahead_from_an_end_the_log_no_longer_has_is_hashed_again(empty_project, monkeypatch):
    """Another writer appended between the import's reading of the log's last hash and its write:
    the hashes made ahead follow the wrong entry, and the append makes them again."""
    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "a.jsonl").write_text("\n".join(_log_lines(0, 600)), encoding="utf-8")
    p.ok("import", "a.jsonl")
    monkeypatch.setattr(store, "last_hash", lambda conn: "0" * 64)  # what the log ended with before the other write
    (p.root / "b.jsonl").write_text("\n".join(_log_lines(1, 700)), encoding="utf-8")
    p.ok("import", "b.jsonl")
    assert p.ok("validate").out.startswith("ok:")


def test_a_bulk_append_refuses_an_id_given_twice_and_writes_nothing(empty_project):
    p = empty_project.write_plan(BASIC_PLAN)
    lines = _log_lines(0, 600)
    lines.append(lines[10].replace('"by": "x"', '"by": "y"'))
    (p.root / "log.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert "is given twice, with different content" in p.bad("import", "log.jsonl").err
    assert not p.db.exists() or sqlite3.connect(p.db).execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_a_bulk_append_whose_indexes_fail_writes_nothing(empty_project, monkeypatch):
    """The indexes are built in a thread while the series are folded: its error reaches the append,
    which rolls back the whole transaction."""
    from tracker import appending

    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text("\n".join(_log_lines(0, 600)), encoding="utf-8")
    dropped = appending._drop_indexes
    monkeypatch.setattr(appending, "_drop_indexes",
                        lambda conn, table: dropped(conn, table) + ["CREATE INDEX broken ON no_such_table (x)"])
    r = p.run("import", "log.jsonl")
    assert r.code != 0 and "no_such_table" in r.err
    monkeypatch.setattr(appending, "_drop_indexes", dropped)
    conn = sqlite3.connect(p.db)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                             "AND tbl_name = 'entries' AND sql IS NOT NULL")} == {"idx_entries_id", "idx_entries_task_month"}
    conn.close()
    p.ok("import", "log.jsonl")
    assert p.ok("validate").out.startswith("ok:")


# --- the plan read by a child process while the file is decoded ---------------------------

def test_a_plan_read_by_a_child_is_the_plan(tmp_path):
    from tracker.context import PlanJob, load_plan

    path = tmp_path / "tasks.toml"
    path.write_text(BASIC_PLAN, encoding="utf-8")
    job = PlanJob(str(path))
    assert job.pid is not None  # no database: the child reads it
    assert job.result() == load_plan(str(path))
    job.cancel()  # after result(): nothing left to stop
    path.write_text(BASIC_PLAN.replace('unit = "市民政局"\ncategory', 'unit = 5\ncategory'), encoding="utf-8")
    with pytest.raises(planfile.PlanError) as here:
        load_plan(str(path))
    with pytest.raises(planfile.PlanError) as there:
        PlanJob(str(path)).result()
    assert there.value.problems == here.value.problems and len(here.value.problems) == 1
    with pytest.raises(planfile.PlanError, match="no such file"):
        PlanJob(str(tmp_path / "none.toml")).result()
    PlanJob(str(path)).cancel()  # given up before the plan was needed: the child is stopped and reaped


def test_a_child_s_metric_sets_are_the_plan_s_and_its_problems_are_raised_alike(tmp_path):
    import time

    from tracker.context import PlanJob, load_plan
    from tracker.importers import jsonl

    path = tmp_path / "tasks.toml"
    path.write_text(BASIC_PLAN, encoding="utf-8")
    job = PlanJob(str(path))
    while not job.poll():  # the child's answer, taken without waiting once it has come
        time.sleep(0.01)
    assert job.pid is None and job.plan is None and job.cached is not None  # collected, no plan made
    sets = job.metric_sets()
    assert job.plan is None  # still none: the child sent the metric keys
    assert sets == jsonl._metric_sets(load_plan(str(path))) and sets["195"] == {"centres", "stations"}
    assert job.result() == load_plan(str(path))
    path.write_text(BASIC_PLAN.replace('unit = "市民政局"\ncategory', 'unit = 5\ncategory'), encoding="utf-8")
    with pytest.raises(planfile.PlanError) as here:
        load_plan(str(path))
    job = PlanJob(str(path))
    while not job.poll():  # a plan with problems: poll() raises nothing, metric_sets() what result() raises
        time.sleep(0.01)
    assert job.cached is None
    with pytest.raises(planfile.PlanError) as there:
        job.metric_sets()
    assert there.value.problems == here.value.problems


def test_an_import_names_a_file_that_is_not_text_before_a_bad_plan(empty_project):
    p = empty_project.write_plan("[plan]\nyear = 'x'\n")
    (p.root / "log.jsonl").write_bytes(b'{"id": "a"}\n\x00\x01')
    assert p.bad("import", "log.jsonl").err.strip() == "log.jsonl:2: binary data, not text (control character U+0000)"
    (p.root / "log.jsonl").write_text(json.dumps(GOOD), encoding="utf-8")
    assert p.bad("import", "log.jsonl").err.startswith("tasks.toml:2: ")
    assert not p.db.exists()


def test_a_fresh_import_caches_the_plan_its_child_read(empty_project, monkeypatch):
    import sqlite3

    from tracker import plan as plan_module
    from tracker.context import PLAN_CACHE_VERSION, _blake2b

    p = empty_project.write_plan(BASIC_PLAN)
    (p.root / "log.jsonl").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    assert not p.db.exists()
    p.ok("import", "log.jsonl")
    digest = _blake2b(p.tasks.read_bytes() + PLAN_CACHE_VERSION, digest_size=20).hexdigest()
    with sqlite3.connect(p.db) as conn:
        assert conn.execute("SELECT digest FROM plan_cache").fetchall() == [(digest,)]

    def parse(*args, **kwargs):
        raise AssertionError("tasks.toml parsed again")

    monkeypatch.setattr(plan_module, "parse", parse)  # the next command finds the plan in the cache
    assert p.ok("status", "--format", "json").json()["tasks"]



@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["2024-08", "0999-01"]), st.dictionaries(TEXT, NUMBER, max_size=3), NUMBER,
       st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT, st.integers()), TEXT)
def test_the_parts_of_a_hash_are_its_body_and_the_values_text(eid, task, month, values, percent, status, note, by, at):
    from tracker import chain

    args = (eid, task, month, values, percent, status, note, by, at)
    parts = chain.hash_parts(*args)
    if parts is not None:
        assert parts == (chain.hash_body(*args), chain.values_text(values))
        assert chain.link("prev", [parts[0]]) == [store._hash("prev", *args)]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(TEXT, st.one_of(st.floats(min_value=0, allow_infinity=False), st.integers(0, 10 ** 20)),
                       max_size=4))
def test_stored_values_read_back_exactly(values):
    from tracker import chain

    text = chain.values_text(values)
    for read in (store.figures_of, store.figures_reader(True)):
        assert read(text) == {k: float(v) for k, v in values.items()}
        assert all(type(v) is float for v in read(text).values())


def test_values_text_that_is_not_values_is_refused():
    for text in ("not json", '{"a": 1}', '[["a"]]', '[["a", "x"]]', "[[1, 2]]", "[1]", "null", "[[\"a\", 1e999]]"):
        for read in (store.figures_of, store.figures_reader(True)):
            with pytest.raises(ValueError):
                read(text)
