"""Where the project's files are, what today is, and loading the plan (through its cache).

The edge of the pipeline: this module reads the environment, the clock and
files, so that the core never has to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import NamedTuple

from tracker import months, store
from tracker.errors import BadInput
from tracker.model import Plan, plan_from_data, plan_to_data

try:  # hashlib's own blake2b, without hashlib loading OpenSSL's library (a few ms of every command)
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

# Part of the cache key: a new tracker that reads plans differently re-parses them.
PLAN_CACHE_VERSION = b"plan-cache-2"


class Project(NamedTuple):
    tasks_path: str
    db_path: str

    @classmethod
    def from_options(cls, tasks: str | None, db: str | None) -> "Project":
        return cls(
            tasks or os.environ.get("TRACKER_TASKS") or "tasks.toml",
            db or os.environ.get("TRACKER_DB") or os.path.join("data", "tracker.db"),
        )

    def month(self, text: str | None) -> int:
        """The month a command works on: the option, else this month."""
        return months.parse(text) if text else months.of(today())

    def read(self, upgrade: bool = True):
        """A reading connection, or None when there is no log yet."""
        return store.open_read(self.db_path, upgrade)

    def write(self):
        return store.open_write(self.db_path)

    def plan(self, conn=None) -> Plan:
        return load_plan(self.tasks_path, conn)


def today() -> dt.date:
    """Today, or TRACKER_TODAY (YYYY-MM-DD) for tests and reproducible runs."""
    fixed = os.environ.get("TRACKER_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed.strip())
        except ValueError:
            raise BadInput(f"TRACKER_TODAY={fixed!r} is not a date (YYYY-MM-DD)") from None
    return dt.date.today()


def load_plan(path: str, conn=None) -> Plan:
    """The validated plan; re-parsed only when the file's content changed since it was cached."""
    hasher = _blake2b(digest_size=20)
    try:
        with open(path, "rb") as f:  # in pieces: a province's plan is 10 MB, and memory counts too
            while chunk := f.read(1 << 20):
                hasher.update(chunk)
    except OSError:
        from tracker import plan as planfile

        return planfile.load(path)  # raises the right message
    hasher.update(PLAN_CACHE_VERSION)
    digest = hasher.hexdigest()
    # One cached plan per database, found by its content: a clone elsewhere (another path)
    # or a checkout that only touched mtimes still hits, and reading never dirties the file.
    key = "plan"
    cached = store.cached_plan(conn, key, digest)
    if cached is not None:
        payload = json.loads(cached)
        del cached
        payload["path"] = path
        return plan_from_data(payload)
    plan, digest = parse_plan(path)
    store.cache_plan(conn, key, digest, json.dumps(plan_to_data(plan), ensure_ascii=False))
    return plan


def parse_plan(path: str) -> tuple[Plan, str]:
    """tasks.toml read and validated (plan.py), with its cache key: the digest of the very bytes parsed."""
    from tracker import plan as planfile  # rtoml, and pydantic for a plan out of the ordinary: only when it changed

    data = open(path, "rb").read()
    digest = _blake2b(data, digest_size=20)
    digest.update(PLAN_CACHE_VERSION)
    return planfile.parse(planfile.decode(data, path), path), digest.hexdigest()


def remember_plan(conn, cached: tuple[str, str]) -> None:
    """Cache a plan read while there was no database (a fresh import's), now that there is one:
    PlanJob.cached, (its digest, its cache's text)."""
    digest, text = cached
    if store.cached_plan(conn, "plan", digest) is None:
        store.cache_plan(conn, "plan", digest, text)


class PlanJob:
    """load_plan() begun now and collected later, so that a caller can do its own work meanwhile.

    With no database yet there is no cached plan, and a large tasks.toml takes
    a second to validate (a province's: ~0.8 s, a good part of a fresh import's
    reading). Then a child process (fork) reads it, while the caller decodes
    its input on the other CPU, and hands the plan back in its cache's form,
    with each task's metric keys (what a first import checks its entries
    against, without making the plan's objects: metric_sets()).
    Anywhere else (a database to look in, no fork) the plan is loaded at once.
    """

    def __init__(self, path: str, conn=None):
        self.path, self.plan, self.pid = path, None, None
        # (digest, text) of a plan read by the child, as the cache keeps it: cached once there is a database
        self.cached: tuple[str, str] | None = None
        self._answer: dict | None = None  # the child's, once collected
        self._text = ""
        if conn is not None or not hasattr(os, "fork"):
            self.plan = load_plan(path, conn)
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            self._child(read_fd, write_fd)  # never returns
        os.close(write_fd)
        self.pid, self.pipe = pid, os.fdopen(read_fd, "rb")

    def _child(self, read_fd: int, write_fd: int) -> None:
        code = 1
        try:
            os.close(read_fd)
            from tracker.errors import PlanError

            text = ""  # the plan's cache text, after a line of JSON (json.dumps() writes no newline)
            try:
                plan, digest = parse_plan(self.path)
                metrics = {t.id: [m.key for m in t.metrics] for t in plan.tasks}
                answer, text = {"digest": digest, "metrics": metrics}, json.dumps(plan_to_data(plan), ensure_ascii=False)
            except PlanError as e:
                answer = {"problems": e.problems}
            except BadInput as e:
                answer = {"error": str(e)}
            with os.fdopen(write_fd, "wb") as out:
                out.write(f"{json.dumps(answer, ensure_ascii=False)}\n{text}".encode())
            code = 0
        finally:
            os._exit(code)  # nothing of the parent's (atexit, buffers, the CLI) runs twice

    def poll(self) -> bool:
        """Whether the plan has been read (collected now if the child has answered), without waiting;
        `cached` is then set, unless tasks.toml has problems (which result() raises)."""
        if self.pid is not None:
            import select

            if not select.select([self.pipe], [], [], 0)[0]:
                return False
            self._collect()
        return True

    def _collect(self) -> None:
        """The child's answer taken (waiting for it if need be), the child reaped."""
        if self.pid is None:
            return
        text = self.pipe.read()
        self._reap()
        if not text:  # the child failed unexpectedly: result() reads the plan here, where a bug shows
            return
        head, _, self._text = text.decode().partition("\n")
        self._answer = json.loads(head)
        if "digest" in self._answer:
            self.cached = self._answer["digest"], self._text

    def _raise_problems(self) -> None:
        """tasks.toml's problems, raised as load_plan raises them."""
        answer = self._answer or {}
        if "problems" in answer:
            from tracker.errors import PlanError

            raise PlanError(answer["problems"])
        if "error" in answer:
            raise BadInput(answer["error"])

    def result(self) -> Plan:
        """The plan (waiting for the child if need be); tasks.toml's problems raised as load_plan raises them."""
        self._collect()
        if self.plan is None and self._answer is None:  # the child failed
            self.plan = load_plan(self.path)
        elif self.plan is None:
            self._raise_problems()
            self.plan = plan_from_data(json.loads(self._text))
            self._text = ""
        return self.plan

    def metric_sets(self) -> dict[str, frozenset]:
        """Each task's metric keys (importers.jsonl._metric_sets()), as result() would give them, without
        making the plan when the child has sent them (at a province's size 0.01 s against 0.15 s)."""
        from tracker.importers import jsonl

        self._collect()
        if self.plan is None and self._answer is not None:
            self._raise_problems()
            return jsonl.metric_sets(self._answer["metrics"].items())
        return jsonl._metric_sets(self.result())

    def cancel(self) -> None:
        """Stop the child, when the caller gives up before it needs the plan."""
        if self.pid is not None:
            import signal

            os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> None:
        self.pipe.close()
        os.waitpid(self.pid, 0)
        self.pid = None
