"""`validate`: the plan, and the log against it — integrity, guards, hash chain, known names."""

from __future__ import annotations

from tracker import months, store
from tracker.model import Plan


def check_log(plan: Plan, conn, db_path: str) -> tuple[list[str], int]:
    """Problems found in the database (one line each) and the number of entries read."""
    if conn is None:
        return [], 0
    problems = []
    result = store.integrity(conn)
    if result != "ok":
        problems.append(f"{db_path}: integrity check failed: {result}")
        return problems, 0
    missing = sorted(store.guard_names() - store.triggers(conn))
    if missing:
        problems.append(f"{db_path}: append-only guard missing: {', '.join(missing)} (the log can be edited unseen)")
    prev, count = "", 0
    for seq, entry, stored in store.chain_rows(conn):
        count += 1
        prev = store.entry_hash(prev, entry)
        if prev != stored:
            problems.append(f"{db_path}: entry {entry.id} (#{seq}, task {entry.task}, {months.fmt(entry.month)}) "
                            "does not match its hash: it was changed, or an entry before it was removed")
            prev = stored  # report each break once, then follow the chain as stored
        task = plan.task(entry.task)
        if task is None:
            problems.append(f"{db_path}: entry {entry.id} names task {entry.task}, which tasks.toml does not declare")
            continue
        for key in entry.values:
            if task.metric(key) is None:
                problems.append(f"{db_path}: entry {entry.id} names metric {key!r}, which task {task.id} does not have")
    gap = store.sequence_gaps(conn)
    if gap:
        problems.append(f"{db_path}: entries #{gap} are missing from the log (deleted behind tracker's back)")
    return problems, count
