"""The record of reminders (催报) sent: one row a delivery or failure, append-only like the log."""

import json
import sqlite3
from typing import NamedTuple

from tracker.core import months
from tracker.store import _begin


class Reminder(NamedTuple):
    """One delivery or failure of one unit's reminder through one channel."""

    at: str  # UTC, as entries' recorded_at
    month: int
    unit: str
    channel: str  # dingtalk, wecom, feishu, email, or "none" (no channel in contacts.toml)
    target: str  # the channel and host, or the mail addresses: never a secret
    delivered: bool
    reason: str | None
    tasks: tuple[str, ...]


def record(conn: sqlite3.Connection, reminders: list[Reminder]) -> None:
    """Append the reminders in one transaction."""
    if not reminders:
        return
    _begin(conn)
    try:
        conn.executemany(
            "INSERT INTO reminders (at, month, unit, channel, target, delivered, reason, tasks) VALUES (?,?,?,?,?,?,?,?)",
            [(r.at, months.fmt(r.month), r.unit, r.channel, r.target, int(r.delivered), r.reason,
              json.dumps(list(r.tasks), ensure_ascii=False)) for r in reminders])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def delivered_counts(conn: sqlite3.Connection | None, month: int) -> dict[str, int]:
    """How many reminders were delivered to each unit for the month."""
    if conn is None or not _has_table(conn):
        return {}
    return dict(conn.execute("SELECT unit, count(*) FROM reminders WHERE month = ? AND delivered = 1 GROUP BY unit",
                             (months.fmt(month),)).fetchall())


def about_task(conn: sqlite3.Connection | None, task: str) -> list[Reminder]:
    """Every reminder that named the task, oldest first."""
    if conn is None or not _has_table(conn):
        return []
    rows = conn.execute("SELECT at, month, unit, channel, target, delivered, reason, tasks FROM reminders "
                        "WHERE ? IN (SELECT value FROM json_each(tasks)) ORDER BY seq", (task,)).fetchall()
    return [Reminder(at, months.parse(month), unit, channel, target, bool(ok), reason, tuple(json.loads(tasks)))
            for at, month, unit, channel, target, ok, reason, tasks in rows]


def _has_table(conn: sqlite3.Connection) -> bool:
    # a database read without upgrading (validate) may be older than the reminders
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reminders'").fetchone() is not None
