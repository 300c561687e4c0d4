"""`tracker import FILE.jsonl`: entries as `export` writes them, checked and appended in one pass.

The file is read once, a batch at a time: each batch is checked (core/checks.py,
as every write is) and handed to store.append, which writes it in the one
transaction of the whole import. A refused line anywhere stops the writing;
the rest of the file is still read for its problems, and raising them all
rolls the transaction back: nothing is written, as when a refusal came
before the first write. The checks compare each entry with the log as it
stood when the import took the write lock (`before`), not with what the same
import wrote before it. Slips (warnings) are said once everything has been
checked; an import asks no question (only `log` and `fill` do).

A log that does not exist yet is built beside its path and takes its name
when complete (store.new_log): a refusal, an error or a kill leaves nothing
at its path. Memory is bounded by a batch, whatever the file's size.
"""

from __future__ import annotations

import os

from tracker.errors import BadInput


def import_jsonl(project, file: str, lang: str, dry_run: bool = False) -> None:
    from tracker import store, textfile
    from tracker.cli.confirm import SHOWN_SLIPS, warn
    from tracker.cli.output import busy, say
    from tracker.labels import label

    textfile.opened(file, "file to import").close()  # a file that cannot be read: said before anything else
    size = os.path.getsize(file) // 300  # ~300 bytes a line: a spinner from about 20,000 lines
    if dry_run:
        conn = project.read()
        try:
            entries = CheckedFile(file, project.plan(conn), conn, dry=True)
            with busy(f"checking {os.path.basename(file)}", size):
                for _ in entries:
                    pass
        finally:
            if conn is not None:
                conn.close()
        warn(entries.slips, lang)
        say(label(lang, "{file}: {n} entry to import, {m} already in the log" if entries.new == 1 else
                  "{file}: {n} entries to import, {m} already in the log").format(
            file=file, n=entries.new, m=entries.old))
        say(label(lang, "nothing written (--dry-run)"))
        return
    with busy(f"importing {os.path.basename(file)} into {project.db_path}", size):
        entries, done = _write(project, file)
    warn(entries.slips, lang, SHOWN_SLIPS)
    say(label(lang, "imported {n} entry from {file} ({m} already in the log)" if done.written == 1 else
              "imported {n} entries from {file} ({m} already in the log)").format(
        n=done.written, file=file, m=done.skipped))


def _write(project, file: str):
    """Append the file's checked entries in one transaction; into a new log when there is none yet."""
    from tracker import store
    from tracker.files import Exists

    if not os.path.lexists(project.db_path):
        try:
            with store.new_log(project.db_path) as conn:
                entries = CheckedFile(file, project.plan(conn), conn)
                done = _append(conn, entries, file)
            project.started()
            return entries, done
        except Exists:
            pass  # another tracker made the log meanwhile: import into it, checked against what it holds
    conn = project.write()
    try:
        entries = CheckedFile(file, project.plan(conn), conn)
        return entries, _append(conn, entries, file)
    finally:
        conn.close()


def _append(conn, entries, file: str):
    """store.append, an entry it refuses (an id in the log with other content) named by its line in the file."""
    from tracker import store

    try:
        return store.append(conn, entries)
    except BadInput as e:
        eid = e.fields.get("entry", e.fields.get("id"))  # a void's problem is of the void's line, not its target's
        if e.place or not isinstance(eid, str):
            raise
        for _id, place in _first_places(file, [(eid, "")]):
            raise BadInput(e.template, place=place, **e.fields) from None
        raise


class CheckedFile:
    """A .jsonl file's entries for store.append, each batch checked before it is given.

    The first pass checks: the log as it stood is read through `conn` (store.append
    draws entries only once it holds the write lock and before it writes any), every
    problem is collected, no entry is given after the first, and at the end of the
    file they are raised all at once. A second pass (store.append starting again its
    careful way) gives the same entries without checking them again.
    """

    def __init__(self, file: str, plan, conn, dry: bool = False):
        self.file, self.plan, self.conn, self.dry = file, plan, conn, dry  # dry: no write will check the voids
        self.slips: list = []
        self.new = self.old = 0  # entries to write; entries already in the log
        self.checked = False

    def __iter__(self):
        from tracker import store
        from tracker.exchange import jsonl

        if self.checked:
            for entries, _places in jsonl.batches(self.file, store.BULK):
                yield from entries
            return
        yield from self._check()
        self.checked = True

    def _check(self):
        from tracker import store
        from tracker.cli.confirm import checked
        from tracker.core import entries as make
        from tracker.core.checks import refuse
        from tracker.exchange import jsonl

        conn, plan = self.conn, self.plan
        before = store.size(conn)  # the log before this import (0: nothing to read in it)
        problems: list[BadInput] = []
        unread: list[BadInput] = []  # lines that are no entry: the rest are still checked, none written
        seen: set[str] = set()
        voided: set[str] = set()  # the entries this file's voids take out of the count: their slips are not said
        again: list[tuple[str, str]] = []
        voids: list[tuple] = []  # (a void, its place): a dry run checks them as the write would
        for entries, places in jsonl.batches(self.file, store.BULK, unread):
            if before:  # the entries already in the log were checked when they were recorded
                present = store.present_ids(conn, [e.id for e in entries], before)
                fresh = [i for i, e in enumerate(entries) if e.id not in present]
                self.old += len(entries) - len(fresh)
                entries_, places_ = [entries[i] for i in fresh], [places[i] for i in fresh]
            else:
                entries_, places_ = entries, places
            for e, place in zip(entries_, places_):
                if e.voids is not None:
                    voided.add(e.voids)
                    voids.append((e, place))
                if e.id in seen:
                    again.append((e.id, place))  # the same content is skipped; other content refused
                seen.add(e.id)
            self.new += len(entries_)
            try:
                self.slips += checked(conn if before else None, plan, entries_, places_,
                                      stamp_now=make.now_stamp(), before=before)
            except BadInput as e:
                problems += getattr(e, "items", [e])
            if not problems and not unread:
                yield from entries
        del seen
        if voided:
            self.slips = [s for s in self.slips if s.entry not in voided]
        if again and not unread:  # (repeats() reads the file again, which holds lines that are no entry)
            problems += jsonl.repeats(self.file, dict(_first_places(self.file, again)), again)
        self.new -= len(again)
        if self.dry and voids and not unread and not problems:
            problems += self._void_problems(voids)
        refuse(sorted(unread + problems, key=_line))

    def _void_problems(self, voids: list) -> list[BadInput]:
        """What the write would refuse of these voids (checks.void_refusal): each names the first entry of the file
        with its id on an earlier line, else the log's; one named by another void of the file is voided already."""
        from tracker import store
        from tracker.core.checks import void_refusal
        from tracker.exchange import jsonl

        wanted = {e.voids for e, _place in voids}
        earlier: dict[str, tuple[int, object]] = {}
        for entries, places in jsonl.batches(self.file, store.BULK):
            for e, place in zip(entries, places):
                if e.id in wanted and e.id not in earlier:
                    earlier[e.id] = (_line_of(place), e)
        named: dict[str, int] = {}
        for e, _place in voids:
            named[e.voids] = named.get(e.voids, 0) + 1
        out = []
        for e, place in voids:
            logged, voided = store.void_target(self.conn, e.voids)
            line, target = earlier.get(e.voids, (None, None))
            target = target if line is not None and line < _line_of(place) else logged
            if (problem := void_refusal(e, target, voided or named[e.voids] > 1)) is not None:
                out.append(BadInput(problem.template, place=place, **problem.fields))
        return out


def _line(problem: BadInput) -> int:
    """A problem's line in the file, for saying them in the file's order."""
    return _line_of(problem.place or "")


def _line_of(place: str) -> int:
    """The line of a place FILE:LINE (0 when it names none)."""
    tail = place.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _first_places(file: str, again: list[tuple[str, str]]):
    """(id, the place of its first entry) for the ids given again."""
    from tracker.exchange import jsonl

    ids = {eid for eid, _place in again}
    seen: set[str] = set()
    for entries, places in jsonl.batches(file):
        for e, place in zip(entries, places):
            if e.id in ids and e.id not in seen:
                seen.add(e.id)
                yield e.id, place
