"""The floor of the import and validate goals: the least any import of a JSON Lines log must do.

    python bench/floor.py import FILE DB   # a new DB: every line read, hashed and inserted
    python bench/floor.py rehash DB        # every row read back and its hash recomputed

`import` reads each line with json.loads, chains sha256 over each entry's
canonical JSON (the text tracker's hash covers, one json.dumps an entry),
inserts the rows with executemany in one transaction into a table of the
same columns as tracker's `entries`, and creates the same two indexes. It
checks nothing, reads no plan and derives nothing. `rehash` reads the rows
back in order and recomputes every hash, failing if one differs. Standard
library only; tracker's code is not imported (bench/run.py times these
beside `tracker import` and `tracker validate`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys

TABLE = """CREATE TABLE entries (
   seq INTEGER PRIMARY KEY, id TEXT NOT NULL, task TEXT NOT NULL, month TEXT NOT NULL, percent REAL,
   status TEXT, by TEXT, recorded_at TEXT NOT NULL, hash TEXT NOT NULL, figures TEXT NOT NULL, note TEXT,
   problems TEXT, next_steps TEXT)"""
INDEXES = ('CREATE UNIQUE INDEX idx_entries_id ON entries (id)',
           'CREATE INDEX idx_entries_task_month ON entries (task, month)')
CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def body(eid, task, month, figures, percent, status, note, by, at, problems, steps) -> str:
    """[id, task, month, [[metric, value], …] sorted, percent, status, note, by, recorded_at] as compact JSON,
    problems and next steps at its end when the entry has either."""
    fields = [eid, task, month, figures, percent, status, note, by, at]
    return CANONICAL(fields if problems is None and steps is None else fields + [problems, steps])


def number(x):
    """A number in canonical form: 18 for 18.0 (as tracker stores and hashes it)."""
    return int(x) if type(x) is float and x.is_integer() else x


def rows(path: str):
    prev = ""
    with open(path, encoding="utf-8") as f:
        for seq, line in enumerate(f, 1):
            e = json.loads(line)
            figures = sorted((k, number(v)) for k, v in e["values"].items())
            problems, steps = e.get("problems"), e.get("next_steps")
            text = body(e["id"], e["task"], e["month"], figures, number(e["percent"]), e["status"], e["note"], e["by"],
                        e["recorded_at"], problems, steps)
            prev = hashlib.sha256(f"{prev}\n{text}".encode()).hexdigest()
            yield (seq, e["id"], e["task"], e["month"], e["percent"], e["status"], e["by"], e["recorded_at"], prev,
                   CANONICAL(figures), e["note"], problems, steps)


def import_(path: str, db: str) -> int:
    if os.path.exists(db):
        raise SystemExit(f"{db}: exists; the floor imports into a new database")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(TABLE)
    conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows(path))
    for sql in INDEXES:
        conn.execute(sql)
    conn.execute("COMMIT")
    n = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    conn.close()
    return n


def rehash(db: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    prev, n = "", 0
    query = "SELECT id, task, month, figures, percent, status, note, by, recorded_at, problems, next_steps, hash " \
            "FROM entries ORDER BY seq"
    for eid, task, month, figures, percent, status, note, by, at, problems, steps, stored in conn.execute(query):
        percent = number(percent)  # a REAL column hands back 100.0 for 100
        tail = [percent, status, note, by, at] + ([] if problems is None and steps is None else [problems, steps])
        text = f"{CANONICAL([eid, task, month])[:-1]},{figures},{CANONICAL(tail)[1:]}"
        prev = hashlib.sha256(f"{prev}\n{text}".encode()).hexdigest()
        if prev != stored:
            raise SystemExit(f"{db}: entry {eid} does not match its hash")
        n += 1
    conn.close()
    return n


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "import":
        print(f"{import_(argv[1], argv[2])} entries")
    elif len(argv) == 2 and argv[0] == "rehash":
        print(f"{rehash(argv[1])} entries")
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
